// Reads of customer accounts: the profile a storefront asks for after signing in.
import "server-only";
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sessions, type Customer, type User } from "@/db/schema";

export interface CustomerProfile {
  /** The customer's id: the `user` of every conversation. */
  id: number;
  firstName: string | null;
  lastName: string | null;
  email: string;
  phone: string | null;
  emailAllowed: boolean;
  smsAllowed: boolean;
  dateJoined: Date;
  lastLogin: Date | null;
  dateOfBirth: string | null;
  hashedEmail: string;
  gender: string | null;
  notifyOnReply: boolean;
}

/** The first and last name of a customer record (older records keep only a full name). */
export function namesOf(customer: Pick<Customer, "name" | "firstName" | "lastName">): { firstName: string | null; lastName: string | null } {
  if (customer.firstName || customer.lastName) return { firstName: customer.firstName, lastName: customer.lastName };
  const [first, ...rest] = customer.name.trim().split(/\s+/);
  return { firstName: first || null, lastName: rest.join(" ") || null };
}

export async function getCustomerProfile(db: Db, user: User, customer: Customer): Promise<CustomerProfile> {
  // Django's last_login is the latest sign-in: the newest session of the account.
  const [last] = await db
    .select({ at: sql<Date | null>`max(${sessions.createdAt})`.mapWith((v) => (v ? new Date(v) : null)) })
    .from(sessions)
    .where(eq(sessions.userId, user.id));
  const email = customer.email ?? user.email;
  return {
    id: customer.id,
    ...namesOf(customer),
    email,
    phone: customer.phone,
    emailAllowed: customer.emailAllowed,
    smsAllowed: customer.smsAllowed,
    dateJoined: user.createdAt,
    lastLogin: last?.at ?? null,
    dateOfBirth: customer.dateOfBirth,
    hashedEmail: createHash("sha256").update(email.trim().toLowerCase()).digest("hex"),
    gender: customer.gender,
    notifyOnReply: customer.notifyOnReply,
  };
}
