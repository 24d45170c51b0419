// Reads for the customer profile: the customer, every thread of theirs in every channel (their
// record and every record sharing their e-mail: a guest form and an account are often two), and
// other customers to merge with.
import "server-only";
import { and, desc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { customers, threads, type Channel, type ThreadStatus } from "@/db/schema";

export interface CustomerProfile {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  externalId: string | null;
  notes: string;
  blocked: boolean;
  hasAccount: boolean;
  createdAt: string;
  /** Other records with the same e-mail (candidates to merge). */
  sameEmail: { id: number; name: string; email: string | null }[];
  threads: { id: number; channel: Channel; subject: string; status: ThreadStatus; lastMessageAt: string; customerId: number | null }[];
}

/** The customer (a merged record answers with the one it was merged into), or undefined. */
export async function findCustomerProfile(db: Db, id: number): Promise<CustomerProfile | undefined> {
  let [row] = await db.select().from(customers).where(eq(customers.id, id));
  for (let hops = 0; row?.mergedIntoId && hops < 5; hops++) [row] = await db.select().from(customers).where(eq(customers.id, row.mergedIntoId));
  if (!row) return undefined;
  const sameEmail = row.email
    ? await db
        .select({ id: customers.id, name: customers.name, email: customers.email })
        .from(customers)
        .where(and(sql`lower(${customers.email}) = ${row.email.toLowerCase()}`, ne(customers.id, row.id), isNull(customers.mergedIntoId)))
        .limit(20)
    : [];
  const ids = [row.id, ...sameEmail.map((s) => s.id)];
  const list = await db
    .select({
      id: threads.id,
      channel: threads.channel,
      subject: threads.subject,
      status: threads.status,
      lastMessageAt: threads.lastMessageAt,
      customerId: threads.customerId,
    })
    .from(threads)
    .where(
      and(
        or(inArray(threads.customerId, ids), row.email ? sql`lower(${threads.customerEmail}) = ${row.email.toLowerCase()}` : undefined),
        isNull(threads.deletedAt),
      ),
    )
    .orderBy(desc(threads.lastMessageAt), desc(threads.id))
    .limit(200);
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    externalId: row.externalId,
    notes: row.notes,
    blocked: row.blockedAt !== null,
    hasAccount: row.userId !== null,
    createdAt: row.createdAt.toISOString(),
    sameEmail,
    threads: list.map((t) => ({ ...t, lastMessageAt: t.lastMessageAt.toISOString() })),
  };
}

/** Customers whose name or e-mail contains `q` (accents folded), for picking one to merge with. */
export async function findCustomers(db: Db, q: string, options: { exclude?: number; limit?: number } = {}) {
  const text = q.trim();
  if (text.length < 2) return [];
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({ id: customers.id, name: customers.name, email: customers.email, phone: customers.phone })
    .from(customers)
    .where(
      and(
        isNull(customers.mergedIntoId),
        options.exclude ? ne(customers.id, options.exclude) : undefined,
        sql`(search_fold(${customers.name}) like search_fold(${pattern}) or lower(coalesce(${customers.email}, '')) like lower(${pattern}))`,
      ),
    )
    .orderBy(customers.name)
    .limit(options.limit ?? 10);
}
