// Reads of staff and customer accounts.
import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users, type Role, type User } from "@/db/schema";

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  return row;
}

export async function findActiveUserById(db: Db, id: number): Promise<User | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), isNull(users.disabledAt)))
    .limit(1);
  return row;
}

/** Staff who can be assigned threads. */
export async function findStaff(db: Db): Promise<Pick<User, "id" | "name" | "email" | "role">[]> {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .where(and(inArray(users.role, ["admin", "agent"]), isNull(users.disabledAt)))
    .orderBy(asc(users.name));
}

/** Every staff account for /admin/users: who, role, state, when last seen. */
export async function findStaffAccounts(db: Db) {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabledAt: users.disabledAt,
      createdAt: users.createdAt,
      hasPassword: sql<boolean>`${users.passwordHash} <> '!'`,
      lastSeenAt: sql<Date | null>`(select max(s.last_seen_at) from sessions s where s.user_id = "users"."id")`,
      pendingLink: sql<
        string | null
      >`(select t.kind from user_tokens t where t.user_id = "users"."id" and t.used_at is null and t.expires_at > now() order by t.id desc limit 1)`,
    })
    .from(users)
    .where(inArray(users.role, ["admin", "agent"] as Role[]))
    .orderBy(users.name);
}
export type StaffAccount = Awaited<ReturnType<typeof findStaffAccounts>>[number];
