// A storefront's session: the `osessionid` cookie (also accepted as `sessionid`) whose token is a
// "storefront" row in `sessions`. Revocable, expiring, the same on every instance; a shopper's
// customer account behind it.
import "server-only";
import type { Db } from "@/db/client";
import type { Customer, User } from "@/db/schema";
import { verifyCredentials } from "@/lib/auth";
import type { Actor } from "@/lib/auth/actor";
import { findSessionUser, startSession } from "@/lib/auth/sessions";
import { findOrCreateAccountCustomer } from "@/lib/customers/service";
import { AppError } from "@/lib/errors";
import { readCookie } from "@/lib/http/csrf";
import { findUserByEmail } from "@/lib/users/queries";
import { storefrontSessionTtlSeconds, throttled, type Caller } from "./service";

export const STOREFRONT_COOKIE = "osessionid";
const COOKIE_NAMES = [STOREFRONT_COOKIE, "sessionid"];

/** The session token a request carries, if any (osessionid first, then sessionid). */
export function storefrontToken(request: Request): string | undefined {
  const header = request.headers.get("cookie");
  for (const name of COOKIE_NAMES) {
    const value = readCookie(header, name)?.trim();
    if (value) return value;
  }
  return undefined;
}

/** A signed-in shopper: the account, its customer record and the actor of what it writes. */
export interface Shopper {
  token: string;
  user: User;
  customer: Customer;
  actor: Extract<Actor, { kind: "customer" }>;
}

/** The shopper behind the request's session, or undefined (no cookie, ended, expired, disabled, not a customer account). */
export async function findShopper(db: Db, request: Request): Promise<Shopper | undefined> {
  const token = storefrontToken(request);
  const found = await findSessionUser(db, token, "storefront");
  if (!found || found.user.role !== "customer") return undefined;
  const customer = await findOrCreateAccountCustomer(db, found.user);
  return { token: token!, user: found.user, customer, actor: { kind: "customer", customerId: customer.id, userId: found.user.id, name: customer.name } };
}

const secure = (request: Request) => (new URL(request.url).protocol === "https:" ? "; Secure" : "");

/** Set-Cookie for a new session: letters and digits only, so `osessionid=\w+` extracts all of it. */
export function sessionCookie(request: Request, token: string): string {
  return `${STOREFRONT_COOKIE}=${token}; Max-Age=${storefrontSessionTtlSeconds()}; Path=/; HttpOnly; SameSite=Lax${secure(request)}`;
}

export function clearedSessionCookie(request: Request): string {
  return `${STOREFRONT_COOKIE}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax${secure(request)}`;
}

/**
 * A storefront signs a shopper in: the same check as the desk's sign-in (throttled per IP and
 * e-mail, an unknown e-mail costing the same scrypt as a wrong password), then a "storefront"
 * session whose token becomes the osessionid cookie. Staff accounts cannot sign in here.
 */
export async function signInStorefront(
  db: Db,
  input: { email: string; password: string },
  caller: Caller,
): Promise<{ token: string; user: User; customer: Customer }> {
  let verified: Awaited<ReturnType<typeof verifyCredentials>>;
  try {
    verified = await verifyCredentials(input, caller.ip);
  } catch (error) {
    if ((error as { code?: string })?.code === "rate_limited") throw throttled(15 * 60);
    throw error;
  }
  if (!verified || verified.role !== "customer") throw new AppError("invalid", "bad_credentials", { non_field_errors: ["bad_credentials"] });
  const user = (await findUserByEmail(db, verified.email))!;
  return { ...(await startStorefrontSession(db, user, caller)), user };
}

/** A storefront session for an account that just proved who it is (signed in or signed up). */
export async function startStorefrontSession(db: Db, user: User, caller: Caller): Promise<{ token: string; customer: Customer }> {
  const customer = await findOrCreateAccountCustomer(db, user);
  const { token } = await startSession(db, {
    userId: user.id,
    kind: "storefront",
    ttlSeconds: storefrontSessionTtlSeconds(),
    ip: caller.ip,
    userAgent: caller.userAgent,
  });
  return { token, customer };
}
