// Who is calling, checked in the server for every page, action and handler.
import "server-only";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import { getDb } from "@/db/client";
import type { Role } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { findSessionUser } from "./sessions";
import type { Actor } from "./actor";
import { can, type Permission } from "./permissions";
import { authSecret } from "./secret";

export interface CurrentUser {
  id: number;
  role: Role;
  name: string;
  email: string;
}

/** The caller's next-auth cookie as it arrived (or as an action set it), joined from its chunks; "" when absent. */
async function sessionCookie(requestHeaders: Headers): Promise<{ name: string; value: string }> {
  // The cookie's name, as next-auth chooses it: __Secure- when the site is served over https.
  const site = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL;
  const protocol = site ? new URL(site).protocol : `${requestHeaders.get("x-forwarded-proto") ?? "https"}:`.replace("::", ":");
  const name = `${protocol === "https:" ? "__Secure-" : ""}authjs.session-token`;
  // A cookie too large for one is sent as name.0, name.1, …
  const chunks = (await cookies())
    .getAll()
    .filter((c) => c.name.startsWith(name))
    .sort((a, b) => parseInt(a.name.split(".").pop() || "0") - parseInt(b.name.split(".").pop() || "0"));
  return { name, value: chunks.map((c) => c.value).join("") };
}

type Token = { sub?: string; sid?: unknown; exp?: number };

/**
 * The token inside the cookie (next-auth's own decoding: its key, its expiry check); null when
 * absent or invalid. A browser sends the same cookie with every request, so the decrypted tokens
 * of the last few hundred cookies are kept in memory, each only until its own expiry (with the 15
 * seconds' tolerance next-auth allows): the same bytes always decrypt to the same token, and
 * whether the session behind it is still live is asked of the database on every request anyway.
 */
async function readToken(cookie: { name: string; value: string }): Promise<Token | null> {
  if (!cookie.value) return null;
  const key = `${cookie.name}=${cookie.value}`;
  const known = decoded.get(key);
  if (known) {
    if (known.exp === undefined || known.exp * 1000 + 15_000 > Date.now()) return known;
    decoded.delete(key);
  }
  try {
    const token = await decode({ token: cookie.value, secret: authSecret(), salt: cookie.name });
    if (token) {
      if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
      decoded.set(key, token);
    }
    return token;
  } catch {
    return null;
  }
}

const DECODED_MAX = 500;
const decoded = new Map<string, Token>();

/**
 * The signed-in user, re-read with their server-side session in one statement, so an ended
 * session (sign-out), a disabled account or a changed role takes effect at once rather than when
 * the cookie expires.
 *
 * Once per request on every path: pages, server actions and route handlers (where React's cache()
 * does not memoize) share one answer per request, kept beside the request's headers object and
 * the cookie it was read from. The cookie is decoded directly rather than through next-auth's
 * auth(), which runs its whole session endpoint (decrypt, callbacks, encrypt a fresh cookie that a
 * page cannot set anyway) on every call.
 */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const requestHeaders = await headers();
  const cookie = await sessionCookie(requestHeaders);
  const known = perRequest.get(requestHeaders);
  if (known && known.cookie === cookie.value) return known.user;
  const user = resolveUser(cookie);
  perRequest.set(requestHeaders, { cookie: cookie.value, user });
  return user;
}

const perRequest = new WeakMap<Headers, { cookie: string; user: Promise<CurrentUser | null> }>();

async function resolveUser(cookie: { name: string; value: string }): Promise<CurrentUser | null> {
  const token = await readToken(cookie);
  const id = Number(token?.sub);
  if (!token || !Number.isSafeInteger(id) || id <= 0) return null;
  const found = await findSessionUser(await getDb(), typeof token.sid === "string" ? token.sid : "", "web");
  if (!found || found.user.id !== id) return null;
  const user = found.user;
  return { id: user.id, role: user.role, name: user.name, email: user.email };
}

/** The caller, if allowed; otherwise an AppError (401 without a session, 403 with the wrong role). */
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  return assertCan(await getCurrentUser(), permission);
}

/** `user` if it may do `permission`; otherwise the same AppError requirePermission throws. */
export function assertCan(user: CurrentUser | null, permission: Permission): CurrentUser {
  if (!user) throw new AppError("unauthenticated", "Sign in first.");
  if (!can(user.role, permission)) throw new AppError("forbidden", "You are not allowed to do this.");
  return user;
}

/** The signed-in user as the actor of what they do. */
export const actorOf = (user: CurrentUser): Extract<Actor, { kind: "staff" }> => ({ kind: "staff", userId: user.id, name: user.name, role: user.role });

/** For pages: no session → the sign-in page; the wrong role → not found (never a hint it exists). */
export async function requirePagePermission(permission: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (!can(user.role, permission)) notFound();
  return user;
}

/** The token of the caller's own session (so a password change can keep it while ending the others). */
export async function currentSessionToken(): Promise<string | null> {
  const token = await readToken(await sessionCookie(await headers()));
  return typeof token?.sid === "string" && token.sid ? token.sid : null;
}
