// The contact-us wire API (contact-and-conversations.md, WIRE-NOTES): a translator between the
// storefronts' Django-REST-style requests and lib/contact/service. Errors are DRF field errors,
// `{"field": ["message"]}`, in the language of Accept-Language; other failures `{"detail": "…"}`.
import "server-only";
import type { Db } from "@/db/client";
import { CHANNEL_CATALOG } from "@/lib/channels/catalog";
import { csrfProblem, issueCsrfToken } from "@/lib/http/csrf";
import { getLocaleSettings, pickLocale } from "@/lib/i18n";
import { wireApi, type BodyProblem, type Envelope } from "@/lib/http/wire";
import { clientIp } from "@/lib/throttle";
import { findActiveSubjects } from "../queries";
import { submitContact } from "../service";
import { contactErrorText } from "../texts";

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", vary: "Accept-Language", ...headers } });

const BODY_TEXTS: Record<"en" | "tr", Partial<Record<BodyProblem, string>>> = {
  en: { form: "Multipart form parse error.", unsupported: "Unsupported request body.", too_large: "Request body is too large." },
  tr: { form: "Form verisi okunamadı.", unsupported: "Desteklenmeyen içerik.", too_large: "İstek gövdesi çok büyük." },
};

/** DRF's shapes: `{"detail": …}` for the request as a whole, `{"non_field_errors": […]}` for a body that is not an object. */
const envelope: Envelope = {
  error: (status, detail, fields, headers) => json(fields && Object.keys(fields).length ? fields : { detail }, status, headers),
  body: (problem, detail) =>
    problem === "not_object"
      ? json({ non_field_errors: ["Invalid data. Expected a dictionary, but got list."] }, 400)
      : json({ detail }, problem === "too_large" ? 413 : 400),
};

const contactApi = wireApi({
  name: "contact-us api",
  envelope: {
    ...envelope,
    error: (status, detail, fields, headers) =>
      status >= 500 ? json({ detail: "A server error occurred." }, 500) : envelope.error(status, detail, fields, headers),
  },
  methodNotAllowed: () => json({ detail: "Method not allowed." }, 405),
});

async function localeOf(db: Db, request: Request) {
  const { codes, defaultLocale } = await getLocaleSettings(db);
  return { locale: pickLocale(request.headers.get("accept-language"), codes, defaultLocale), defaultLocale };
}

// GET /users/contact-us-subjects/ — the active subjects in their order, in the caller's language
export async function getSubjects(request: Request): Promise<Response> {
  return contactApi.run(async (db) => {
    const { locale, defaultLocale } = await localeOf(db, request);
    const subjects = await findActiveSubjects(db, locale, defaultLocale);
    return json(subjects.map((s) => ({ id: s.id, text: s.text, is_order_needed: s.isOrderNeeded })));
  });
}

/** A body as large as the channel's file allowance plus the form's text. */
const BODY_LIMIT = CHANNEL_CATALOG.contact.upload.maxTotalBytes + 1024 * 1024;

// POST /users/contact-us/ — a submission; 200 with an empty body, 400 field errors, 429 throttled
export async function postContactUs(request: Request): Promise<Response> {
  return contactApi.run(async (db) => {
    // Before reading the body: a forged cross-site post is refused as Django refuses it.
    const forged = csrfProblem(request);
    if (forged) return json({ detail: forged }, 403);
    const { locale } = await localeOf(db, request);
    const body = await contactApi.readBody(request, { limit: BODY_LIMIT, messages: BODY_TEXTS[locale === "tr" ? "tr" : "en"] });
    if (!body.ok) return body.response;
    // The file: a multipart `file` part. A `file` that is not a file (a string in a form, a JSON value) is refused.
    const { file: fileValue, ...data } = body.data;
    const uploads = (body.files.file ?? []).filter((f) => f.size > 0 || f.name);
    const upload = uploads[0];
    const fileNotAFile = !upload && fileValue !== undefined && fileValue !== null && fileValue !== "";
    const file = upload ? { name: upload.name || "file", bytes: new Uint8Array(await upload.arrayBuffer()) } : null;
    const result = await submitContact(db, { form: data, ip: clientIp(request.headers), locale, file, fileNotAFile, fileCount: uploads.length });
    if (result.ok) return new Response(null, { status: 200 });
    if (result.error === "rate_limited") {
      const wait = result.retryAfterSeconds;
      const detail =
        locale === "tr"
          ? `İstek kısıtlandı. ${wait} saniye içinde kullanılabilir olması bekleniyor.`
          : `Request was throttled. Expected available in ${wait} seconds.`;
      return json({ detail }, 429, { "Retry-After": String(wait) });
    }
    const out: Record<string, string[]> = {};
    for (const [field, errors] of Object.entries(result.fields)) out[field] = errors.map((e) => contactErrorText(locale, e.code, e));
    return json(out, 400);
  });
}

export const methodNotAllowed = (allow: string) => async (request: Request) =>
  json({ detail: `Method "${request.method}" not allowed.` }, 405, { Allow: allow });

// ---------------------------------------------------------------------------------------------
// GET /csrf_token/ — {"csrf_token": "…"} and the matching csrftoken cookie. The storefronts fetch it
// before their first page and send it back as cookie and x-csrftoken. The contact form is anonymous
// and does not require the token, but a request carrying the cookie must carry the header, and a
// browser's cross-site post is refused by its Origin (csrfProblem); the conversations API checks
// every unsafe call with a session (checkCsrf). Both in lib/http/csrf.ts.

export async function getCsrfToken(request: Request): Promise<Response> {
  const { token, setCookie } = issueCsrfToken(request);
  return json({ csrf_token: token }, 200, { "set-cookie": setCookie, "cache-control": "no-store" });
}
