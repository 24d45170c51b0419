// Reads of API credentials for the admin page (never the secrets).
import "server-only";
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiCredentials, sellers, users } from "@/db/schema";

export async function findApiCredentials(db: Db) {
  return db
    .select({
      id: apiCredentials.id,
      kind: apiCredentials.kind,
      name: apiCredentials.name,
      keyPrefix: apiCredentials.keyPrefix,
      roleName: apiCredentials.roleName,
      scopes: apiCredentials.scopes,
      createdAt: apiCredentials.createdAt,
      lastUsedAt: apiCredentials.lastUsedAt,
      revokedAt: apiCredentials.revokedAt,
      userEmail: users.email,
      sellerTitle: sellers.title,
      sellerExternalId: sellers.externalId,
    })
    .from(apiCredentials)
    .leftJoin(users, eq(users.id, apiCredentials.userId))
    .leftJoin(sellers, eq(sellers.id, apiCredentials.sellerId))
    .orderBy(desc(apiCredentials.createdAt), desc(apiCredentials.id));
}

/** Who a new key can be bound to: active staff (call requests) and active sellers (seller credentials). */
export async function findKeyOwners(db: Db) {
  const [staff, sellerRows] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, email: users.email, role: users.role })
      .from(users)
      .where(and(inArray(users.role, ["admin", "agent"]), isNull(users.disabledAt)))
      .orderBy(asc(users.name)),
    db
      .select({ id: sellers.id, title: sellers.title, externalId: sellers.externalId })
      .from(sellers)
      .where(eq(sellers.isActive, true))
      .orderBy(asc(sellers.title)),
  ]);
  return { staff, sellers: sellerRows };
}
