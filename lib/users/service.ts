// Staff accounts, managed by admins (/admin/users): invite an agent or an admin by e-mail with a
// one-time link, change a role, disable and enable, reset a password; and everyone's own password
// (/account/password, the current one required). A disabled account and a changed or reset
// password end that user's sessions at once, on every instance (lib/auth/sessions.ts).
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users, userTokens, type User, type UserToken } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { endUserSessions } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";
import { sendMail } from "@/lib/mail";
import { findUserByEmail } from "./queries";

/** How long a link stays good. */
export const INVITE_TTL_HOURS = 7 * 24;
export const RESET_TTL_HOURS = 24;

/** What a password hash of an account that has none yet (invited) or no longer has one (reset) holds: it verifies nothing. */
export const NO_PASSWORD = "!";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const newToken = () => randomBytes(24).toString("base64url");

/** Passwords published somewhere (the README's demo sign-ins): never accepted as a new password. */
const PUBLISHED = new Set(["switchboard-admin", "switchboard-agent", "switchboard-customer"]);

/** Why a new password is refused, or null. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < 10) return "Use at least 10 characters.";
  if (password.length > 200) return "Use at most 200 characters.";
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) return "Do not use your e-mail address as your password.";
  if (PUBLISHED.has(password)) return "This password is published in the README; choose another.";
  return null;
}

function staffOnly(actor: Actor): Extract<Actor, { kind: "staff" }> {
  if (actor.kind !== "staff" || actor.role !== "admin") throw new AppError("forbidden", "Only an administrator may manage staff accounts.");
  return actor;
}

async function getAccount(db: Db, userId: number): Promise<User> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new AppError("not_found", "No such account.");
  return user;
}

async function getStaff(db: Db, userId: number): Promise<User> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), inArray(users.role, ["admin", "agent"])));
  if (!user) throw new AppError("not_found", "No such staff account.");
  return user;
}

/** Admins that can still sign in (not disabled), other than `exceptId`. */
async function otherActiveAdmins(db: Db, exceptId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.disabledAt), ne(users.id, exceptId), ne(users.passwordHash, NO_PASSWORD)));
  return row?.n ?? 0;
}

async function issueToken(db: Db, input: { userId: number; kind: UserToken["kind"]; createdBy: number | null; hours: number }): Promise<string> {
  const token = newToken();
  // A new link replaces any earlier unused one of the same kind.
  await db
    .update(userTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(userTokens.userId, input.userId), eq(userTokens.kind, input.kind), isNull(userTokens.usedAt)));
  await db.insert(userTokens).values({
    userId: input.userId,
    kind: input.kind,
    tokenHash: hashToken(token),
    createdBy: input.createdBy,
    expiresAt: new Date(Date.now() + input.hours * 3600 * 1000),
  });
  return token;
}

const linkFor = (origin: string, token: string) => `${origin.replace(/\/+$/, "")}/password/${token}`;

async function mailLink(to: string, subject: string, lines: string[]): Promise<boolean> {
  try {
    await sendMail({ to, subject, text: lines.join("\n") });
    return true;
  } catch (error) {
    console.error("[users] could not send the link", error);
    return false;
  }
}

export interface LinkResult {
  user: User;
  /** The one-time link (shown to the admin once, and e-mailed). */
  link: string;
  mailed: boolean;
}

/** Invites a new agent or admin: an account without a password and a link to choose one (7 days). */
export async function inviteStaff(db: Db, input: { email: string; name: string; role: "admin" | "agent"; origin: string }, actor: Actor): Promise<LinkResult> {
  const admin = staffOnly(actor);
  if (await findUserByEmail(db, input.email)) throw new AppError("conflict", "An account with this e-mail already exists.", { email: ["Already in use."] });
  const [user] = await db.insert(users).values({ email: input.email, name: input.name, role: input.role, passwordHash: NO_PASSWORD }).returning();
  const token = await issueToken(db, { userId: user!.id, kind: "invite", createdBy: admin.userId, hours: INVITE_TTL_HOURS });
  const link = linkFor(input.origin, token);
  const mailed = await mailLink(input.email, "You are invited to Switchboard", [
    `Hello ${input.name},`,
    "",
    `${admin.name} invited you to the Switchboard help desk as ${input.role === "admin" ? "an administrator" : "an agent"}.`,
    `Choose your password here (the link works once, for ${INVITE_TTL_HOURS / 24} days):`,
    link,
  ]);
  return { user: user!, link, mailed };
}

/** Changes a staff member's role; the last active admin stays an admin. Takes effect on their next request. */
export async function changeStaffRole(db: Db, input: { userId: number; role: "admin" | "agent" }, actor: Actor): Promise<User> {
  staffOnly(actor);
  const user = await getStaff(db, input.userId);
  if (user.role === input.role) return user;
  if (user.role === "admin" && !(await otherActiveAdmins(db, user.id))) {
    throw new AppError("conflict", "This is the last administrator who can sign in; make someone else an administrator first.");
  }
  const [changed] = await db.update(users).set({ role: input.role, updatedAt: new Date() }).where(eq(users.id, user.id)).returning();
  return changed!;
}

/** Disables (its sessions end at once) or enables an account (staff, or a customer's, e.g. the demo one). Nobody disables themselves or the last admin. */
export async function setStaffDisabled(db: Db, input: { userId: number; disabled: boolean }, actor: Actor): Promise<{ user: User; endedSessions: number }> {
  const admin = staffOnly(actor);
  const user = await getAccount(db, input.userId);
  if (input.disabled && user.id === admin.userId) throw new AppError("conflict", "You cannot disable your own account.");
  if (input.disabled && user.role === "admin" && !(await otherActiveAdmins(db, user.id))) {
    throw new AppError("conflict", "This is the last administrator who can sign in; it cannot be disabled.");
  }
  const [changed] = await db
    .update(users)
    .set({ disabledAt: input.disabled ? (user.disabledAt ?? new Date()) : null, updatedAt: new Date() })
    .where(eq(users.id, user.id))
    .returning();
  const endedSessions = input.disabled ? await endUserSessions(db, { userId: user.id }) : 0;
  return { user: changed!, endedSessions };
}

/**
 * An admin resets someone's password: the old one stops working and their sessions end at once;
 * a one-time link (24 h) lets them choose a new one.
 */
export async function resetStaffPassword(db: Db, input: { userId: number; origin: string }, actor: Actor): Promise<LinkResult> {
  const admin = staffOnly(actor);
  const user = await getAccount(db, input.userId);
  await db.update(users).set({ passwordHash: NO_PASSWORD, updatedAt: new Date() }).where(eq(users.id, user.id));
  await endUserSessions(db, { userId: user.id });
  const token = await issueToken(db, { userId: user.id, kind: "reset", createdBy: admin.userId, hours: RESET_TTL_HOURS });
  const link = linkFor(input.origin, token);
  const mailed = await mailLink(user.email, "Choose a new Switchboard password", [
    `Hello ${user.name},`,
    "",
    `${admin.name} reset your Switchboard password. Choose a new one here (the link works once, for ${RESET_TTL_HOURS} hours):`,
    link,
  ]);
  return { user, link, mailed };
}

/** The account a link opens, while it is unused and unexpired. */
export async function findPasswordToken(db: Db, token: string): Promise<{ token: UserToken; user: User } | undefined> {
  if (!/^[A-Za-z0-9_-]{20,80}$/.test(token)) return undefined;
  const [row] = await db
    .select({ token: userTokens, user: users })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .where(and(eq(userTokens.tokenHash, hashToken(token)), isNull(userTokens.usedAt), gt(userTokens.expiresAt, sql`now()`)))
    .limit(1);
  return row;
}

/** Sets the password a link was for; the link is spent, every session of the account ends. */
export async function setPasswordWithToken(db: Db, input: { token: string; password: string }): Promise<User> {
  const found = await findPasswordToken(db, input.token);
  if (!found || found.user.disabledAt) throw new AppError("not_found", "This link is no longer valid. Ask an administrator for a new one.");
  const problem = passwordProblem(input.password, found.user.email);
  if (problem) throw new AppError("invalid", problem, { password: [problem] });
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    // Spend the link first: two submissions of one link set one password.
    const spent = await tx
      .update(userTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(userTokens.id, found.token.id), isNull(userTokens.usedAt)))
      .returning({ id: userTokens.id });
    if (!spent.length) throw new AppError("not_found", "This link is no longer valid. Ask an administrator for a new one.");
    const [user] = await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, found.user.id)).returning();
    await endUserSessions(tx as unknown as Db, { userId: found.user.id });
    return user!;
  });
}

/**
 * Anyone's own password, the current one required. Every other session of the account ends at
 * once; the one making the change (`keepSessionToken`) stays signed in.
 */
export async function changeOwnPassword(
  db: Db,
  input: { userId: number; current: string; password: string; keepSessionToken?: string | null },
): Promise<{ endedSessions: number }> {
  const [user] = await db.select().from(users).where(eq(users.id, input.userId));
  if (!user || user.disabledAt) throw new AppError("unauthenticated", "Sign in first.");
  if (!(await verifyPassword(input.current, user.passwordHash))) {
    throw new AppError("invalid", "Your current password is not right.", { current: ["Not your current password."] });
  }
  const problem = passwordProblem(input.password, user.email);
  if (problem) throw new AppError("invalid", problem, { password: [problem] });
  if (await verifyPassword(input.password, user.passwordHash))
    throw new AppError("invalid", "Choose a password you did not use just now.", { password: ["Same as now."] });
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(input.password), updatedAt: new Date() })
    .where(eq(users.id, user.id));
  return { endedSessions: await endUserSessions(db, { userId: user.id, keepToken: input.keepSessionToken }) };
}
