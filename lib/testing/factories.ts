// Small factories for tests: a staff user, a customer, a thread with messages.
import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { users, type Channel, type Role } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { findOrCreateCustomer } from "@/lib/customers/service";
import { inTransaction } from "@/lib/events";
import { addMessage, createThread } from "@/lib/threads/service";

const unique = () => randomBytes(4).toString("hex");

export async function makeUser(db: Db, role: Role, overrides: { email?: string; password?: string; name?: string } = {}) {
  const password = overrides.password ?? "correct horse battery";
  const [user] = await db
    .insert(users)
    .values({
      email: overrides.email ?? `${role}-${unique()}@test.example`,
      name: overrides.name ?? `Test ${role}`,
      role,
      passwordHash: await hashPassword(password),
    })
    .returning();
  return { ...user, password };
}

export async function makeThread(
  db: Db,
  options: { channel?: Channel; subject?: string; messages?: string[]; customerEmail?: string } = {},
) {
  return inTransaction(db, async (tx, emit) => {
    const email = options.customerEmail ?? `customer-${unique()}@test.example`;
    const customer = await findOrCreateCustomer(tx, { name: "Test Customer", email });
    const thread = await createThread(tx, emit, {
      channel: options.channel ?? "contact",
      subject: options.subject ?? "Test subject",
      customerId: customer.id,
      customerName: customer.name,
      customerEmail: customer.email,
    });
    const messages = [];
    for (const body of options.messages ?? ["Hello, I need help."]) {
      messages.push(await addMessage(tx, emit, thread.id, { authorRole: "customer", authorName: customer.name, body }));
    }
    return { thread, customer, messages };
  });
}
