// The Django-REST-framework-shaped wire of the storefront-facing APIs (sessions and
// conversations): JSON answers, `{"detail": …}` for a request as a whole and `{"field": […]}` for
// its fields, in the language of Accept-Language (en, tr); the shopper behind the osessionid cookie;
// and Django's CSRF rule — an unsafe request that carries a session must send the csrftoken
// cookie's value in x-csrftoken. Built on the wire kit (lib/http/wire.ts).
import "server-only";
import type { Db } from "@/db/client";
import { checkCsrf, CSRF_FAILURE_TEXT, isUnsafeMethod } from "@/lib/http/csrf";
import { wireApi, type BodyProblem, type Envelope } from "@/lib/http/wire";
import { getLocaleSettings, pickLocale } from "@/lib/i18n";
import { fieldLocale, type FieldLocale } from "@/lib/validation/drf";
import { findShopper, type Shopper } from "../storefront";

export const drfJson = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(body === null ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", vary: "Accept-Language, Cookie", "cache-control": "no-store", ...headers },
  });

/** The caller's language among the desk's (only en and tr have texts). */
export async function requestLocale(db: Db, request: Request): Promise<FieldLocale> {
  const { codes, defaultLocale } = await getLocaleSettings(db);
  return fieldLocale(pickLocale(request.headers.get("accept-language"), codes, defaultLocale));
}

const DETAIL: Record<FieldLocale, Record<"unauthenticated" | "forbidden" | "not_found" | "server" | "method" | "throttled", string>> = {
  en: {
    unauthenticated: "Authentication credentials were not provided.",
    forbidden: "You do not have permission to perform this action.",
    not_found: "Not found.",
    server: "A server error occurred.",
    method: "Method not allowed.",
    throttled: "Request was throttled.",
  },
  tr: {
    unauthenticated: "Kimlik bilgileri sağlanmadı.",
    forbidden: "Bu işlemi yapmaya yetkiniz yok.",
    not_found: "Bulunamadı.",
    server: "Bir sunucu hatası oluştu.",
    method: "İzin verilmeyen yöntem.",
    throttled: "İstek kısıtlandı.",
  },
};

export const detailText = (locale: FieldLocale, key: keyof (typeof DETAIL)["en"]) => DETAIL[locale][key];

const BODY_TEXTS: Record<FieldLocale, Partial<Record<BodyProblem, string>>> = {
  en: {
    invalid_json: "JSON parse error.",
    form: "Multipart form parse error.",
    unsupported: "Unsupported media type in request.",
    too_large: "Request body is too large.",
  },
  tr: {
    invalid_json: "JSON ayrıştırma hatası.",
    form: "Form verisi okunamadı.",
    unsupported: "Desteklenmeyen içerik türü.",
    too_large: "İstek gövdesi çok büyük.",
  },
};
export const bodyTexts = (locale: FieldLocale) => BODY_TEXTS[locale];

/** DRF's envelope; errors from services (AppError) keep their own status and words. */
export const drfEnvelope: Envelope = {
  error: (status, detail, fields, headers) =>
    status >= 500 ? drfJson({ detail: "A server error occurred." }, 500) : drfJson(fields && Object.keys(fields).length ? fields : { detail }, status, headers),
  body: (problem, detail) =>
    problem === "not_object"
      ? drfJson({ non_field_errors: ["Invalid data. Expected a dictionary, but got list."] }, 400)
      : drfJson({ detail }, problem === "too_large" ? 413 : 400),
};

/** The CSRF refusal for an unsafe request with a session, or null when it passes (or the check does not apply). */
export function csrfRefusal(request: Request, hasSession: boolean, locale: FieldLocale): Response | null {
  if (!hasSession || !isUnsafeMethod(request.method)) return null;
  const failure = checkCsrf(request);
  if (!failure) return null;
  return drfJson({ detail: CSRF_FAILURE_TEXT[locale][failure](request.headers.get("origin") ?? "") }, 403);
}

/** The shopper's API: 403 without a live storefront session (as DRF's SessionAuthentication), CSRF on unsafe methods. */
export const shopperApi = wireApi<Shopper & { locale: FieldLocale }>({
  name: "storefront api",
  envelope: drfEnvelope,
  async authenticate(db, request) {
    const locale = await requestLocale(db, request);
    const shopper = await findShopper(db, request);
    if (!shopper) return drfJson({ detail: DETAIL[locale].unauthenticated }, 403);
    return csrfRefusal(request, true, locale) ?? { ...shopper, locale };
  },
  methodNotAllowed: (allow) => drfJson({ detail: DETAIL.en.method }, 405, { Allow: allow }),
});

/** The same API for endpoints that also serve callers without a session (sign-in, sign-up, sign-out). */
export const storefrontApi = wireApi({ name: "storefront sessions", envelope: drfEnvelope });

export type { Shopper };
