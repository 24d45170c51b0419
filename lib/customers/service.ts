// Customers: found by account, external id or e-mail, created when first seen; their profile
// (name and notes, edited by staff), merging two records of one person, and blocking a sender
// whose thread was marked as spam.
import "server-only";
import { and, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { customers, threads, type Customer } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { inTransaction } from "@/lib/events";
import { logThreadEvent } from "@/lib/threads/service";

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
    let [found] = await tx.select().from(customers).where(and(match)).limit(1);
    // A record merged into another one stands for it.
    for (let hops = 0; found?.mergedIntoId && hops < 5; hops++) [found] = await tx.select().from(customers).where(eq(customers.id, found.mergedIntoId));
    if (found) {
      // Fill in what we did not know yet; never overwrite what the customer told us before.
      const patch: Partial<Customer> = {};
      if (!found.phone && input.phone) patch.phone = input.phone;
      if (!found.email && email) patch.email = email;
      if (Object.keys(patch).length) {
        const [updated] = await tx
          .update(customers)
          .set({ ...patch, updatedAt: new Date() })
          .where(eq(customers.id, found.id))
          .returning();
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

/**
 * The customer record of a customer account (linked by user id), created the first time the
 * account is used. Guest records with the same e-mail stay separate: an account sees only what
 * was written while signed in.
 */
export async function findOrCreateAccountCustomer(db: Db, user: { id: number; name: string; email: string; locale?: string | null }): Promise<Customer> {
  const [found] = await db.select().from(customers).where(eq(customers.userId, user.id)).limit(1);
  if (found) return found;
  const [first, ...rest] = user.name.trim().split(/\s+/);
  const [created] = await db
    .insert(customers)
    .values({
      name: user.name.trim() || user.email,
      email: user.email.toLowerCase(),
      userId: user.id,
      firstName: first || null,
      lastName: rest.join(" ") || null,
      locale: user.locale ?? null,
    })
    .onConflictDoNothing()
    .returning();
  if (created) return created;
  const [raced] = await db.select().from(customers).where(eq(customers.userId, user.id)).limit(1);
  return raced!;
}

// ---------------------------------------------------------------------------------------------
// Blocking (spam): by the customer record and by e-mail, so a chat room or a contact form from the
// same person is refused whichever record it finds.

declare module "@/lib/events/types" {
  interface EventMap {
    /** A customer's profile changed (name, notes, merged into another, blocked). Staff-only. */
    "customer.updated": { customerId: number; mergedIntoId?: number };
  }
}

/** Blocks (or unblocks) the customer and every record with the same e-mail. */
export async function setSenderBlocked(tx: Db, who: { customerId: number | null; email: string | null }, blocked: boolean): Promise<void> {
  const email = who.email?.trim().toLowerCase() || null;
  if (!who.customerId && !email) return;
  await tx
    .update(customers)
    .set({ blockedAt: blocked ? new Date() : null, updatedAt: new Date() })
    .where(or(who.customerId ? eq(customers.id, who.customerId) : undefined, email ? sql`lower(${customers.email}) = ${email}` : undefined));
}

/**
 * Whether a sender is blocked: their customer record, or any record with their e-mail. The contact
 * form asks it by e-mail; a chat room can ask it by the customer it found or the e-mail it was given.
 */
export async function isSenderBlocked(db: Db, who: { customerId?: number | null; email?: string | null }): Promise<boolean> {
  const email = who.email?.trim().toLowerCase() || null;
  if (!who.customerId && !email) return false;
  const [row] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(
      and(
        isNotNull(customers.blockedAt),
        or(who.customerId ? eq(customers.id, who.customerId) : undefined, email ? sql`lower(${customers.email}) = ${email}` : undefined),
      ),
    )
    .limit(1);
  return Boolean(row);
}

// ---------------------------------------------------------------------------------------------
// The profile.

/** Staff edit a customer's name and notes; the name is copied onto their threads (the list shows it without a join). */
export async function updateCustomerProfile(db: Db, input: { id: number; name: string; notes: string }, actor: Actor): Promise<Customer> {
  void actor;
  return inTransaction(db, async (tx, emit) => {
    const [row] = await tx.update(customers).set({ name: input.name, notes: input.notes, updatedAt: new Date() }).where(eq(customers.id, input.id)).returning();
    if (!row) throw new AppError("not_found", "Customer not found.");
    await tx.update(threads).set({ customerName: input.name }).where(eq(threads.customerId, input.id));
    emit("customer.updated", { customerId: row.id });
    return row;
  });
}

/**
 * Merges `sourceId` into `targetId` (two records of one person): the source's threads move to the
 * target (which takes their name), the target takes what it lacked (e-mail, phone, account,
 * external id, nick), the notes are joined, and the source points to the target from then on.
 */
export async function mergeCustomers(db: Db, input: { targetId: number; sourceId: number }, actor: Actor): Promise<Customer> {
  if (input.targetId === input.sourceId) throw new AppError("invalid", "Pick two different customers.");
  return inTransaction(db, async (tx, emit) => {
    const rows = await tx
      .select()
      .from(customers)
      .where(inArray(customers.id, [input.targetId, input.sourceId]))
      .orderBy(customers.id)
      .for("update");
    const target = rows.find((r) => r.id === input.targetId);
    const source = rows.find((r) => r.id === input.sourceId);
    if (!target || !source || source.mergedIntoId || target.mergedIntoId) throw new AppError("not_found", "Customer not found.");
    if (target.userId && source.userId) throw new AppError("conflict", "Both customers have an account: they cannot be merged.");
    // Unique columns move: free them on the source first.
    await tx.update(customers).set({ userId: null, nick: null }).where(eq(customers.id, source.id));
    const notes = [target.notes, source.notes].filter((n) => n.trim()).join("\n\n");
    const [merged] = await tx
      .update(customers)
      .set({
        email: target.email ?? source.email,
        phone: target.phone ?? source.phone,
        userId: target.userId ?? source.userId,
        externalId: target.externalId ?? source.externalId,
        nick: target.nick ?? source.nick,
        locale: target.locale ?? source.locale,
        notes,
        blockedAt: target.blockedAt ?? source.blockedAt,
        updatedAt: new Date(),
      })
      .where(eq(customers.id, target.id))
      .returning();
    await tx.update(customers).set({ mergedIntoId: target.id, updatedAt: new Date() }).where(eq(customers.id, source.id));
    const moved = await tx
      .update(threads)
      .set({ customerId: target.id, customerName: merged!.name, version: sql`${threads.version} + 1`, updatedAt: new Date() })
      .where(eq(threads.customerId, source.id))
      .returning({ id: threads.id, channel: threads.channel });
    for (const t of moved) {
      await logThreadEvent(tx, t.id, "customer_merged", actor, { from: source.id, to: target.id });
      emit("thread.updated", { threadId: t.id, channel: t.channel });
    }
    emit("customer.updated", { customerId: source.id, mergedIntoId: target.id });
    emit("customer.updated", { customerId: target.id });
    return merged!;
  });
}
