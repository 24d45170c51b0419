// CSRF the way Django checks it, for the storefront-facing APIs (conversations, sessions, and the
// contact form's check): `GET /csrf_token/` hands out a token and sets it as the `csrftoken`
// cookie; an unsafe request (POST, PUT, PATCH, DELETE) that the check applies to must send the
// same token in `x-csrftoken`, and — when a browser sends an Origin — come from this desk's own
// origin (or one of CSRF_TRUSTED_ORIGINS). Server-to-server callers (a storefront's proxy) send
// no Origin and pass on the token alone. Which requests the check applies to is the caller's
// choice: the conversations API checks every unsafe request that carries a session, as Django
// REST framework's SessionAuthentication does.
import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { publicOrigin } from "./url";

export const CSRF_COOKIE = "csrftoken";
export const CSRF_HEADER = "x-csrftoken";

/** What a token looks like (Django's are 32 or 64 letters and digits); "undefined" and friends are not tokens. */
const TOKEN = /^[A-Za-z0-9]{32,64}$/;

/** A cookie's value from a Cookie header (the first one of that name). */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=");
  }
  return undefined;
}

export const isUnsafeMethod = (method: string) => !["GET", "HEAD", "OPTIONS", "TRACE"].includes(method.toUpperCase());

function newToken(): string {
  return randomBytes(48)
    .toString("base64")
    .replace(/[^A-Za-z0-9]/g, "")
    .slice(0, 64)
    .padEnd(64, "0");
}

/** The caller's token (kept when it already has a valid one) and the Set-Cookie header that stores it. */
export function issueCsrfToken(request: Request): { token: string; setCookie: string } {
  const existing = readCookie(request.headers.get("cookie"), CSRF_COOKIE);
  const token = existing && TOKEN.test(existing) ? existing : newToken();
  const secure = new URL(request.url).protocol === "https:" ? "; Secure" : "";
  return { token, setCookie: `${CSRF_COOKIE}=${token}; Max-Age=31449600; Path=/; SameSite=Lax${secure}` };
}

export type CsrfFailure = "cookie_missing" | "token_missing" | "token_incorrect" | "origin";

/** Django's wording, after "CSRF Failed: ". */
export const CSRF_FAILURE_TEXT: Record<"en" | "tr", Record<CsrfFailure, (origin?: string) => string>> = {
  en: {
    cookie_missing: () => "CSRF Failed: CSRF cookie not set.",
    token_missing: () => "CSRF Failed: CSRF token missing.",
    token_incorrect: () => "CSRF Failed: CSRF token incorrect.",
    origin: (o) => `CSRF Failed: Origin checking failed - ${o} does not match any trusted origins.`,
  },
  tr: {
    cookie_missing: () => "CSRF Başarısız: CSRF çerezi ayarlanmamış.",
    token_missing: () => "CSRF Başarısız: CSRF anahtarı eksik.",
    token_incorrect: () => "CSRF Başarısız: CSRF anahtarı hatalı.",
    origin: (o) => `CSRF Başarısız: Köken denetimi başarısız - ${o} güvenilen kökenlerden biri değil.`,
  },
};

/** This desk's own origins (PUBLIC_URL's, the Host it was called by) and CSRF_TRUSTED_ORIGINS (comma-separated, e.g. https://shop.example). */
function trustedOrigins(request: Request): string[] {
  const extra = (process.env.CSRF_TRUSTED_ORIGINS ?? "")
    .split(",")
    .map((o) => o.trim().replace(/\/+$/, ""))
    .filter(Boolean);
  const host = request.headers.get("host");
  return [publicOrigin(request), ...(host ? [`http://${host}`, `https://${host}`] : []), ...extra];
}

/**
 * Whether an unsafe request passes: null when it does, else why not. The token is compared in
 * constant time; a value that is not a token shape (the literal "undefined" a proxy forwards) is
 * as good as missing.
 */
export function checkCsrf(request: Request): CsrfFailure | null {
  const origin = request.headers.get("origin");
  if (origin && origin !== "null" && !trustedOrigins(request).includes(origin.replace(/\/+$/, ""))) return "origin";
  if (origin === "null") return "origin";
  const cookie = readCookie(request.headers.get("cookie"), CSRF_COOKIE);
  if (!cookie || !TOKEN.test(cookie)) return "cookie_missing";
  const header = request.headers.get(CSRF_HEADER)?.trim();
  if (!header || !TOKEN.test(header)) return "token_missing";
  const a = Buffer.from(cookie);
  const b = Buffer.from(header);
  return a.length === b.length && timingSafeEqual(a, b) ? null : "token_incorrect";
}

/**
 * The contact form's check (anonymous, as the original, which checks the token only where a
 * session cookie is): a browser's Origin must be ours or trusted, and a request that carries the
 * `csrftoken` cookie must send the same value in `x-csrftoken`. Django's wording, or null.
 */
export function csrfProblem(request: Request): string | null {
  const origin = request.headers.get("origin");
  if (origin !== null && (origin === "null" || !trustedOrigins(request).includes(origin.replace(/\/+$/, "")))) {
    return CSRF_FAILURE_TEXT.en.origin(origin.slice(0, 200));
  }
  // The storefront proxy forwards `csrftoken=undefined` with `x-csrftoken: undefined` (WIRE-NOTES): equal, so it passes.
  const cookie = readCookie(request.headers.get("cookie"), CSRF_COOKIE);
  if (cookie === undefined) return null;
  const header = request.headers.get(CSRF_HEADER);
  if (!header) return CSRF_FAILURE_TEXT.en.token_missing();
  return header === cookie ? null : CSRF_FAILURE_TEXT.en.token_incorrect();
}
