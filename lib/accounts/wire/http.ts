// The storefront's session endpoints (WIRE-NOTES "Customer sessions for storefronts"): a shop's
// server signs its shoppers in against us and then calls the conversations API with the
// osessionid cookie it got. A translator onto lib/accounts/service: DRF shapes in, DRF shapes out.
import "server-only";
import { endSession } from "@/lib/auth/sessions";
import { isAppError } from "@/lib/errors";
import { clientIp } from "@/lib/throttle";
import { drfErrors, fieldErrorText, type FieldLocale } from "@/lib/validation/drf";
import { getCustomerProfile } from "../queries";
import { signInSchema, signUpSchema } from "../schemas";
import { registerCustomer } from "../service";
import { clearedSessionCookie, findShopper, sessionCookie, signInStorefront, startStorefrontSession } from "../storefront";
import { ACCOUNT_ERRORS } from "../texts";
import { bodyTexts, csrfRefusal, detailText, drfJson, requestLocale, shopperApi, storefrontApi } from "./drf";

const caller = (request: Request) => ({ ip: clientIp(request.headers), userAgent: request.headers.get("user-agent") });

/** An AppError from the accounts service in DRF's shape: field errors worded, a throttle as 429. */
function refusal(error: unknown, locale: FieldLocale): Response {
  if (!isAppError(error)) throw error;
  if (error.code === "rate_limited") {
    const wait = error.retryAfterSeconds ?? 60;
    const detail = `${detailText(locale, "throttled")} ${locale === "tr" ? `${wait} saniye içinde kullanılabilir olması bekleniyor.` : `Expected available in ${wait} seconds.`}`;
    return drfJson({ detail }, 429, { "Retry-After": String(wait) });
  }
  const fields: Record<string, string[]> = {};
  for (const [field, codes] of Object.entries(error.fields ?? {})) fields[field] = codes.map((c) => fieldErrorText(locale, c, ACCOUNT_ERRORS));
  return drfJson(Object.keys(fields).length ? fields : { detail: fieldErrorText(locale, error.message, ACCOUNT_ERRORS) }, error.status);
}

/** Reads the body and the language; an unsafe call that already carries a session must pass CSRF. */
async function prepare(request: Request, db: Parameters<Parameters<typeof storefrontApi.run>[0]>[0]) {
  const locale = await requestLocale(db, request);
  const current = await findShopper(db, request);
  const csrf = csrfRefusal(request, !!current, locale);
  if (csrf) return { response: csrf } as const;
  const body = await storefrontApi.readBody(request, { messages: bodyTexts(locale) });
  if (!body.ok) return { response: body.response } as const;
  return { locale, current, data: body.data } as const;
}

// POST /users/login/ — {"email", "password", …} → 200 {"key"} + Set-Cookie osessionid; 400 {"non_field_errors"} or field errors
export function postLogin(request: Request): Promise<Response> {
  return storefrontApi.run(async (db) => {
    const ready = await prepare(request, db);
    if ("response" in ready) return ready.response!;
    const parsed = signInSchema.safeParse(ready.data);
    if (!parsed.success) return drfJson(drfErrors(parsed.error.issues, ready.locale, ACCOUNT_ERRORS), 400);
    try {
      const { token } = await signInStorefront(db, parsed.data, caller(request));
      // Signing in again replaces the session the request came with (as Django rotates its key).
      if (ready.current && ready.current.token !== token) await endSession(db, ready.current.token);
      return drfJson({ key: token }, 200, { "set-cookie": sessionCookie(request, token) });
    } catch (error) {
      return refusal(error, ready.locale);
    }
  });
}

// POST /users/registration/ — a new customer account, signed in → 201 {"key"} + Set-Cookie osessionid; 400 field errors
export function postRegistration(request: Request): Promise<Response> {
  return storefrontApi.run(async (db) => {
    const ready = await prepare(request, db);
    if ("response" in ready) return ready.response!;
    const parsed = signUpSchema.safeParse(ready.data);
    if (!parsed.success) return drfJson(drfErrors(parsed.error.issues, ready.locale, ACCOUNT_ERRORS), 400);
    try {
      const { user } = await registerCustomer(db, { ...parsed.data, locale: ready.locale }, caller(request));
      const { token } = await startStorefrontSession(db, user, caller(request));
      if (ready.current) await endSession(db, ready.current.token);
      return drfJson({ key: token }, 201, { "set-cookie": sessionCookie(request, token) });
    } catch (error) {
      return refusal(error, ready.locale);
    }
  });
}

// GET|POST /users/logout/ — ends the session on the server → 200 {"detail": "Successfully logged out."}
export function logout(request: Request): Promise<Response> {
  return storefrontApi.run(async (db) => {
    const locale = await requestLocale(db, request);
    const current = await findShopper(db, request);
    const csrf = csrfRefusal(request, !!current, locale);
    if (csrf) return csrf;
    if (current) await endSession(db, current.token);
    const detail = locale === "tr" ? "Başarıyla çıkış yapıldı." : "Successfully logged out.";
    return drfJson({ detail }, 200, { "set-cookie": clearedSessionCookie(request) });
  });
}

// GET /current_user/ — the signed-in shopper's profile; 403 without a session
export function getCurrentUser(request: Request): Promise<Response> {
  return shopperApi.handle(request, null, async (db, shopper) => {
    const p = await getCustomerProfile(db, shopper.user, shopper.customer);
    return drfJson({
      pk: p.id,
      first_name: p.firstName,
      last_name: p.lastName,
      email: p.email,
      phone: p.phone,
      email_allowed: p.emailAllowed,
      sms_allowed: p.smsAllowed,
      date_joined: p.dateJoined.toISOString(),
      last_login: p.lastLogin?.toISOString() ?? null,
      date_of_birth: p.dateOfBirth,
      hashed_email: p.hashedEmail,
      gender: p.gender,
    });
  });
}

export const methodNotAllowed = (allow: string) => async (request: Request) =>
  drfJson({ detail: `Method "${request.method}" not allowed.` }, 405, { Allow: allow });
