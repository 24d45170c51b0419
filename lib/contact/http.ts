// The contact-us wire API (contact-and-conversations.md, WIRE-NOTES): a translator between the
// storefronts' Django-REST-style requests and lib/contact/service. Errors are DRF field errors,
// `{"field": ["message"]}`, in the language of Accept-Language.
import { randomBytes } from "node:crypto";
import { getDb } from "@/db/client";
import { getLocaleSettings, pickLocale } from "@/lib/i18n";
import { clientIp } from "@/lib/throttle";
import { contactErrorText } from "./messages";
import { findActiveSubjects } from "./queries";
import { submitContact } from "./service";

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", vary: "Accept-Language", ...headers } });

async function localeOf(request: Request) {
  const db = await getDb();
  const { codes, defaultLocale } = await getLocaleSettings(db);
  return { db, locale: pickLocale(request.headers.get("accept-language"), codes, defaultLocale), defaultLocale };
}

function serverError(error: unknown) {
  console.error("[contact-us api]", error);
  return json({ detail: "A server error occurred." }, 500);
}

// GET /users/contact-us-subjects/ — the active subjects in their order, in the caller's language
export async function getSubjects(request: Request): Promise<Response> {
  try {
    const { db, locale, defaultLocale } = await localeOf(request);
    const subjects = await findActiveSubjects(db, locale, defaultLocale);
    return json(subjects.map((s) => ({ id: s.id, text: s.text, is_order_needed: s.isOrderNeeded })));
  } catch (error) {
    return serverError(error);
  }
}

type Body = { ok: true; data: Record<string, unknown>; file: File | null; fileNotAFile: boolean } | { ok: false; response: Response };

/** JSON (the documented way), multipart (with a file) or a urlencoded form; the label is not trusted alone. */
async function readBody(request: Request, locale: string): Promise<Body> {
  const type = request.headers.get("content-type") ?? "";
  const parseError = (detail: string) => ({ ok: false as const, response: json({ detail }, 400) });
  if (type.includes("multipart/form-data")) {
    const form = await request.formData().catch(() => null);
    if (!form) return parseError(locale === "tr" ? "Form verisi okunamadı." : "Multipart form parse error.");
    const data: Record<string, unknown> = {};
    let file: File | null = null;
    let fileNotAFile = false;
    for (const [key, value] of form.entries()) {
      if (key === "file") {
        if (typeof value === "string") fileNotAFile = value !== "";
        else if (value.size > 0 || value.name) file = value;
      } else if (typeof value === "string") data[key] = value;
    }
    return { ok: true, data, file, fileNotAFile };
  }
  const text = (await request.text()).trim();
  if (!text) return { ok: true, data: {}, file: null, fileNotAFile: false };
  if (text.startsWith("{") || text.startsWith("[")) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return parseError(`JSON parse error - ${error instanceof Error ? error.message : "invalid JSON"}`);
    }
    if (!value || typeof value !== "object" || Array.isArray(value)) {
      return { ok: false, response: json({ non_field_errors: ["Invalid data. Expected a dictionary, but got list."] }, 400) };
    }
    const data = value as Record<string, unknown>;
    // JSON cannot carry a file; a non-empty value there is not one.
    const fileNotAFile = data.file !== undefined && data.file !== null && data.file !== "";
    return { ok: true, data, file: null, fileNotAFile };
  }
  if (type.includes("application/x-www-form-urlencoded") || /^[^=&\s]+=/.test(text)) {
    const data = Object.fromEntries(new URLSearchParams(text));
    const fileNotAFile = !!data.file;
    delete data.file;
    return { ok: true, data, file: null, fileNotAFile };
  }
  return parseError(locale === "tr" ? "Desteklenmeyen içerik." : "Unsupported request body.");
}

// POST /users/contact-us/ — a submission; 200 with an empty body, 400 field errors, 429 throttled
export async function postContactUs(request: Request): Promise<Response> {
  try {
    const { db, locale } = await localeOf(request);
    const body = await readBody(request, locale);
    if (!body.ok) return body.response;
    const file = body.file ? { name: body.file.name || "file", bytes: new Uint8Array(await body.file.arrayBuffer()) } : null;
    const result = await submitContact(db, body.data, { ip: clientIp(request.headers), locale, file, fileNotAFile: body.fileNotAFile });
    if (result.ok) return new Response(null, { status: 200 });
    if (result.error === "rate_limited") {
      const wait = result.retryAfterSeconds;
      const detail =
        locale === "tr" ? `İstek kısıtlandı. ${wait} saniye içinde kullanılabilir olması bekleniyor.` : `Request was throttled. Expected available in ${wait} seconds.`;
      return json({ detail }, 429, { "Retry-After": String(wait) });
    }
    const out: Record<string, string[]> = {};
    for (const [field, errors] of Object.entries(result.fields)) out[field] = errors.map((e) => contactErrorText(locale, e.code, e));
    return json(out, 400);
  } catch (error) {
    return serverError(error);
  }
}

export const methodNotAllowed = (allow: string) => async (request: Request) =>
  json({ detail: `Method "${request.method}" not allowed.` }, 405, { Allow: allow });

// ---------------------------------------------------------------------------------------------
// GET /csrf_token/ — {"csrf_token": "…"} and the matching csrftoken cookie. The contact form is
// anonymous and does not require the token (as the original, which checks CSRF only for signed-in
// sessions); the storefronts fetch it before their first page and send it back.

const TOKEN = /^[A-Za-z0-9]{32,64}$/;

function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=");
  }
  return undefined;
}

export async function getCsrfToken(request: Request): Promise<Response> {
  const existing = cookieValue(request.headers.get("cookie"), "csrftoken");
  const token = existing && TOKEN.test(existing) ? existing : randomBytes(48).toString("base64").replace(/[^A-Za-z0-9]/g, "").slice(0, 64).padEnd(64, "0");
  const secure = new URL(request.url).protocol === "https:" ? "; Secure" : "";
  return json({ csrf_token: token }, 200, {
    "set-cookie": `csrftoken=${token}; Max-Age=31449600; Path=/; SameSite=Lax${secure}`,
    "cache-control": "no-store",
  });
}
