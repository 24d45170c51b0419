// CORS for the chat visitor endpoints. Widgets run on the shop's own site and call us from the
// browser: an organization's admin-managed origins (or `*`) may, nobody ever with credentials. A
// preflight names no organization, so it is answered for an origin some active organization
// allows; the request itself is then checked against its own organization (its room's, or the
// one it names) and refused when that one does not allow the origin. A call without an Origin
// (server to server) and our own pages (the widget's iframe) need no CORS. Staff endpoints never
// answer CORS.
import "server-only";
import type { Db } from "@/db/client";
import { publicOrigin } from "@/lib/http/url";
import { isOriginAllowedAnywhere, originAllowed } from "./queries";

export type Cors = { allowed: boolean; headers: Record<string, string> };

const ALLOW_METHODS = "GET, POST, OPTIONS";
const ALLOW_HEADERS = "Content-Type, Last-Event-ID, If-None-Match, Accept, Accept-Language, X-Requested-With";

/** The headers a response to `origin` carries (never Allow-Credentials). */
function headersFor(origin: string): Record<string, string> {
  return {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Expose-Headers": "ETag, Retry-After",
    Vary: "Origin",
  };
}

const requestOrigin = (request: Request) => {
  const origin = request.headers.get("origin");
  return origin && origin !== "null" ? origin : origin === "null" ? "null" : null;
};

/** CORS of an actual request, against the origins of the organization it concerns (null: not known yet, or gone). */
export function corsFor(request: Request, orgOrigins: readonly string[] | null): Cors {
  const origin = requestOrigin(request);
  if (!origin) return { allowed: true, headers: {} };
  if (origin === publicOrigin(request) || origin === new URL(request.url).origin) return { allowed: true, headers: {} };
  if (!orgOrigins || !originAllowed({ allowedOrigins: [...orgOrigins] }, origin)) return { allowed: false, headers: { Vary: "Origin" } };
  return { allowed: true, headers: headersFor(origin) };
}

/** CORS of an answer given before its organization was known (bad input, an unknown room): for an origin some organization allows. */
export async function corsForAnyOrg(db: Db, request: Request): Promise<Record<string, string>> {
  const origin = requestOrigin(request);
  if (!origin || corsFor(request, null).allowed) return {};
  return (await isOriginAllowedAnywhere(db, origin)) ? headersFor(origin) : { Vary: "Origin" };
}

/** The answer to a preflight (OPTIONS): 204 with the CORS headers for an origin some organization allows, else 403 without them. */
export async function preflight(db: Db, request: Request, orgOrigins?: readonly string[] | null): Promise<Response> {
  const origin = requestOrigin(request);
  const allowed = !!origin && (orgOrigins !== undefined ? corsFor(request, orgOrigins).allowed : await isOriginAllowedAnywhere(db, origin));
  if (!allowed) {
    return new Response(JSON.stringify({ success: false, message: "This origin may not use the chat API." }), {
      status: 403,
      headers: { "content-type": "application/json", Vary: "Origin" },
    });
  }
  return new Response(null, {
    status: 204,
    headers: {
      ...headersFor(origin!),
      "Access-Control-Allow-Methods": ALLOW_METHODS,
      "Access-Control-Allow-Headers": ALLOW_HEADERS,
      "Access-Control-Max-Age": "600",
    },
  });
}
