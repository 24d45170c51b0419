// Customer accounts: sign-up, storefront sessions, forgotten and reset passwords, settings. A
// customer account is a `users` row (role customer) with its `customers` record; it signs in to
// the portal (next-auth, a "web" session) and through a storefront (an osessionid "storefront"
// session) with the same password. Refusals are AppErrors whose messages and field errors are codes
// (lib/accounts/texts.ts words them); every surface — the portal's forms and the storefront API —
// calls these functions. Storefront sign-in (which asks the desk's sign-in check) is in ./storefront.ts.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { customers, passwordResetTokens, users, type Customer, type User } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { endUserSessions } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";
import { sendMail } from "@/lib/mail";
import { envLimit, hit, peek } from "@/lib/throttle";
import { findUserByEmail } from "@/lib/users/queries";
import type { SignUpInput } from "./schemas";
import { ACCOUNT_TEXTS, type AccountLocale } from "./texts";

export const SIGNUP_LIMIT_IP = () => envLimit("SIGNUP_LIMIT_IP", { max: 10, windowSeconds: 3600 });
export const PASSWORD_RESET_LIMIT_IP = () => envLimit("PASSWORD_RESET_LIMIT_IP", { max: 10, windowSeconds: 3600 });
export const PASSWORD_RESET_LIMIT_EMAIL = () => envLimit("PASSWORD_RESET_LIMIT_EMAIL", { max: 3, windowSeconds: 3600 });

/** How long a storefront's osessionid lives (Django's default: two weeks). */
export function storefrontSessionTtlSeconds(): number {
  const n = Number(process.env.STOREFRONT_SESSION_TTL_SECONDS);
  return Number.isFinite(n) && n > 0 ? n : 14 * 24 * 3600;
}

export function passwordResetTtlMinutes(): number {
  const n = Number(process.env.PASSWORD_RESET_TTL_MINUTES);
  return Number.isFinite(n) && n > 0 ? n : 60;
}

export const throttled = (retryAfterSeconds: number) => new AppError("rate_limited", "throttled", { non_field_errors: ["throttled"] }, retryAfterSeconds);

/** Who is asking (for throttles and the session row). */
export interface Caller {
  ip: string;
  userAgent?: string | null;
}

/** A new customer account and its customer record. Throttled per IP; an e-mail in use is a field error. */
export type NewCustomerAccount = Pick<SignUpInput, "email" | "password"> & Partial<Omit<SignUpInput, "email" | "password">> & { locale?: string | null };

export async function registerCustomer(db: Db, input: NewCustomerAccount, caller: Caller): Promise<{ user: User; customer: Customer }> {
  const limit = SIGNUP_LIMIT_IP();
  const key = `signup:ip:${caller.ip}`;
  const before = await peek(db, key, limit);
  if (!before.allowed) throw throttled(before.retryAfterSeconds);
  const taken = () => new AppError("invalid", "email_taken", { email: ["email_taken"] });
  if (await findUserByEmail(db, input.email)) {
    await hit(db, key, limit);
    throw taken();
  }
  const firstName = input.first_name ?? null;
  const lastName = input.last_name ?? null;
  const name = [firstName, lastName].filter(Boolean).join(" ") || input.email.split("@")[0]!;
  const passwordHash = await hashPassword(input.password);
  await hit(db, key, limit);
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email: input.email, name, passwordHash, role: "customer", locale: input.locale === "tr" ? "tr" : "en" })
        .returning();
      const [customer] = await tx
        .insert(customers)
        .values({
          name,
          email: input.email,
          phone: input.phone ?? null,
          userId: user!.id,
          firstName,
          lastName,
          gender: input.gender ?? null,
          dateOfBirth: input.date_of_birth ?? null,
          emailAllowed: input.email_allowed ?? false,
          smsAllowed: input.sms_allowed ?? false,
          notifyOnReply: input.notify_on_reply ?? true,
          locale: user!.locale,
        })
        .returning();
      return { user: user!, customer: customer! };
    });
  } catch (error) {
    // Two sign-ups with one address at once: the unique index decides, the loser hears "taken".
    if (/users_email_key|duplicate key/i.test(String((error as Error)?.message ?? "")) || (error as { code?: string })?.code === "23505") throw taken();
    throw error;
  }
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * "Forgot my password": mails a one-time link to a customer account with this e-mail. The answer
 * is the same whether or not such an account exists, and the mail is sent after the answer (its
 * time tells nothing either). Staff reset their passwords through an admin. Throttled per IP and
 * per e-mail. `delivery` settles when the mail has gone (for tests; surfaces ignore it).
 */
export async function requestPasswordReset(
  db: Db,
  input: { email: string; origin: string; locale: AccountLocale },
  caller: Caller,
): Promise<{ delivery: Promise<void> }> {
  const byIp = await hit(db, `reset:ip:${caller.ip}`, PASSWORD_RESET_LIMIT_IP());
  const byEmail = await hit(db, `reset:email:${input.email}`, PASSWORD_RESET_LIMIT_EMAIL());
  if (!byIp.allowed) throw throttled(byIp.retryAfterSeconds);
  if (!byEmail.allowed) return { delivery: Promise.resolve() };
  const user = await findUserByEmail(db, input.email);
  if (!user || user.role !== "customer" || user.disabledAt) return { delivery: Promise.resolve() };
  const token = randomBytes(24).toString("hex");
  const minutes = passwordResetTtlMinutes();
  await db.transaction(async (tx) => {
    // One link at a time: asking again retires the earlier ones.
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResetTokens.userId, user.id), isNull(passwordResetTokens.usedAt)));
    await tx.insert(passwordResetTokens).values({ tokenHash: hashToken(token), userId: user.id, expiresAt: new Date(Date.now() + minutes * 60_000) });
  });
  const locale: AccountLocale = user.locale === "tr" ? "tr" : user.locale === "en" ? "en" : input.locale;
  const t = ACCOUNT_TEXTS[locale].resetMail;
  const link = `${input.origin}/account/reset-password?token=${token}`;
  const delivery = sendMail({ to: user.email, subject: t.subject, text: t.body(user.name, link, minutes) }).then(
    () => undefined,
    (error) => console.error("[accounts] password reset mail failed", error),
  );
  return { delivery };
}

/** Whether a reset token would still work (the page shows the form or says it is spent). */
export async function isResetTokenLive(db: Db, token: string): Promise<boolean> {
  if (!/^[0-9a-f]{48}$/.test(token)) return false;
  const [row] = await db
    .select({ id: passwordResetTokens.id })
    .from(passwordResetTokens)
    .where(and(eq(passwordResetTokens.tokenHash, hashToken(token)), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, sql`now()`)))
    .limit(1);
  return !!row;
}

/** Sets a new password with a live reset token (once: the token is spent in the same statement) and ends every session of the account. */
export async function resetPassword(db: Db, input: { token: string; password: string }): Promise<User> {
  const invalid = () => new AppError("invalid", "reset_invalid", { token: ["reset_invalid"] });
  if (!/^[0-9a-f]{48}$/.test(input.token)) throw invalid();
  const passwordHash = await hashPassword(input.password);
  const user = await db.transaction(async (tx) => {
    const [spent] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResetTokens.tokenHash, hashToken(input.token)), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, sql`now()`)))
      .returning({ userId: passwordResetTokens.userId });
    if (!spent) return null;
    const [updated] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: new Date() })
      .where(and(eq(users.id, spent.userId), isNull(users.disabledAt)))
      .returning();
    return updated ?? null;
  });
  if (!user) throw invalid();
  await endUserSessions(db, { userId: user.id });
  return user;
}

/** The customer's own settings: e-mail on replies, marketing consents. */
export async function updateCustomerSettings(
  db: Db,
  input: { customerId: number; notifyOnReply: boolean; emailAllowed: boolean; smsAllowed: boolean },
): Promise<Customer> {
  const [row] = await db
    .update(customers)
    .set({ notifyOnReply: input.notifyOnReply, emailAllowed: input.emailAllowed, smsAllowed: input.smsAllowed, updatedAt: new Date() })
    .where(eq(customers.id, input.customerId))
    .returning();
  if (!row) throw new AppError("not_found", "Customer not found.");
  return row;
}

/** The language a signed-in customer reads the portal in. */
export async function setAccountLocale(db: Db, input: { userId: number; locale: AccountLocale }): Promise<void> {
  await db.update(users).set({ locale: input.locale, updatedAt: new Date() }).where(eq(users.id, input.userId));
  await db.update(customers).set({ locale: input.locale }).where(eq(customers.userId, input.userId));
}
