// For tests: the languages and a few contact subjects, and requests shaped like the storefront
// proxy's (WIRE-NOTES) sent to the route modules the server runs.
import type { Db } from "@/db/client";
import { contactSubjects, contactSubjectTranslations, languages } from "@/db/schema";
import * as contactUs from "@/app/(compat)/users/contact-us/route";
import * as subjects from "@/app/(compat)/users/contact-us-subjects/route";
import * as csrf from "@/app/(compat)/csrf_token/route";

export async function seedContactReference(db: Db) {
  await db
    .insert(languages)
    .values([
      { code: "en", name: "English", isDefault: true, position: 0 },
      { code: "tr", name: "Türkçe", position: 1 },
    ])
    .onConflictDoNothing();
  const make = async (code: string, position: number, isOrderNeeded: boolean, en: string, tr: string, isActive = true) => {
    const [row] = await db.insert(contactSubjects).values({ code, position, isOrderNeeded, isActive }).returning();
    await db.insert(contactSubjectTranslations).values([
      { subjectId: row!.id, locale: "en", text: en },
      { subjectId: row!.id, locale: "tr", text: tr },
    ]);
    return row!.id;
  };
  return {
    // Positions out of id order on purpose: the API must follow position.
    technical: await make("technical", 2, false, "Technical support", "Teknik destek"),
    refund: await make("refund", 1, true, "Refund", "İade"),
    retired: await make("retired", 0, false, "Old subject", "Eski konu", false),
  };
}

type Handler = (request: Request) => Promise<Response>;
const ROUTES: Record<string, Record<string, unknown>> = {
  "/users/contact-us": contactUs,
  "/users/contact-us-subjects": subjects,
  "/csrf_token": csrf,
};

/** The headers the storefront proxy sends: no content-type, literal "undefined"s, XHR markers. */
export function proxyHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return {
    "x-requested-with": "XMLHttpRequest",
    referer: "http://127.0.0.1:3000",
    accept: "application/json",
    "accept-language": "undefined",
    "x-currency": "undefined",
    "x-csrftoken": "undefined",
    cookie: "csrftoken=undefined",
    "x-forwarded-for": "203.0.113.10",
    ...extra,
  };
}

export async function call(method: string, path: string, init: { headers?: Record<string, string>; body?: BodyInit | null } = {}) {
  const url = new URL(path, "http://127.0.0.1:3000");
  const mod = ROUTES[url.pathname.replace(/\/+$/, "")];
  if (!mod) throw new Error(`no route for ${url.pathname}`);
  const handler = mod[method] as Handler | undefined;
  if (!handler) throw new Error(`${method} not exported for ${url.pathname}`);
  return handler(new Request(url, { method, headers: init.headers, body: init.body ?? undefined }));
}
