// Customers: found by account, external id or e-mail, created when first seen.
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { customers, type Customer } from "@/db/schema";

export interface CustomerInput {
  name: string;
  email?: string | null;
  phone?: string | null;
  externalId?: string | null;
  userId?: number | null;
  nick?: string | null;
  locale?: string | null;
}

/** The customer these details name, created if new. Matching: account, then external id, then e-mail. */
export async function findOrCreateCustomer(tx: Db, input: CustomerInput): Promise<Customer> {
  const email = input.email?.trim().toLowerCase() || null;
  const match = input.userId
    ? eq(customers.userId, input.userId)
    : input.externalId
      ? eq(customers.externalId, input.externalId)
      : input.nick
        ? eq(customers.nick, input.nick)
        : email
          ? sql`lower(${customers.email}) = ${email}`
          : undefined;
  if (match) {
    const [found] = await tx.select().from(customers).where(and(match)).limit(1);
    if (found) {
      // Fill in what we did not know yet; never overwrite what the customer told us before.
      const patch: Partial<Customer> = {};
      if (!found.phone && input.phone) patch.phone = input.phone;
      if (!found.email && email) patch.email = email;
      if (Object.keys(patch).length) {
        const [updated] = await tx.update(customers).set({ ...patch, updatedAt: new Date() }).where(eq(customers.id, found.id)).returning();
        return updated;
      }
      return found;
    }
  }
  const [created] = await tx
    .insert(customers)
    .values({
      name: input.name.trim() || email || input.phone || "Customer",
      email,
      phone: input.phone || null,
      externalId: input.externalId || null,
      userId: input.userId || null,
      nick: input.nick || null,
      locale: input.locale || null,
    })
    .returning();
  return created;
}
