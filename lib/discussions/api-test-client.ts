// For tests: sends real Request objects to the seller API's route modules exactly as Next routes
// them (with or without a trailing slash), so the tests exercise the handlers the server runs.
import * as token from "@/app/(compat)/auth/realms/maas/protocol/openid-connect/token/route";
import * as attachmentsRoute from "@/app/(compat)/seller/v2/attachments/route";
import * as discussion from "@/app/(compat)/seller/v2/discussions/[discussionId]/route";
import * as count from "@/app/(compat)/seller/v2/discussions/count/route";
import * as discussions from "@/app/(compat)/seller/v2/discussions/route";
import * as discussionTypologies from "@/app/(compat)/seller/v2/discussions/typologies/route";
import * as message from "@/app/(compat)/seller/v2/messages/[messageId]/route";
import * as messagesRoute from "@/app/(compat)/seller/v2/messages/route";
import * as typologies from "@/app/(compat)/seller/v2/typologies/route";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const ROUTES: [RegExp, Record<string, unknown>, string?][] = [
  [/^\/auth\/realms\/maas\/protocol\/openid-connect\/token\/?$/, token],
  [/^\/seller\/v2\/discussions\/count\/?$/, count],
  [/^\/seller\/v2\/discussions\/typologies\/?$/, discussionTypologies],
  [/^\/seller\/v2\/typologies\/?$/, typologies],
  [/^\/seller\/v2\/discussions\/?$/, discussions],
  [/^\/seller\/v2\/discussions\/([^/]+)\/?$/, discussion, "discussionId"],
  [/^\/seller\/v2\/messages\/?$/, messagesRoute],
  [/^\/seller\/v2\/messages\/([^/]+)\/?$/, message, "messageId"],
  [/^\/seller\/v2\/attachments\/?$/, attachmentsRoute],
];

export interface CallOptions {
  token?: string | null;
  sellerId?: string | null;
  /** A JS value is sent as JSON; a string is sent as it is. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** `await api("GET", "/seller/v2/discussions?pageSize=5", { token, sellerId })` */
export async function api(method: string, path: string, options: CallOptions = {}): Promise<Response> {
  const url = new URL(path, "http://127.0.0.1:3000");
  for (const [re, mod, param] of ROUTES) {
    const m = re.exec(url.pathname);
    if (!m) continue;
    const handler = mod[method] as Handler | undefined;
    if (!handler) throw new Error(`${method} is not exported for ${url.pathname}`);
    const headers = new Headers(options.headers);
    if (options.token) headers.set("authorization", `Bearer ${options.token}`);
    if (options.sellerId) headers.set("SellerId", options.sellerId);
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
      if (!headers.has("content-type")) headers.set("content-type", typeof options.body === "string" ? "application/x-www-form-urlencoded" : "application/json");
    }
    const request = new Request(url, { method, headers, body });
    return handler(request, { params: Promise.resolve(param ? { [param]: m[1]! } : {}) });
  }
  throw new Error(`no seller API route for ${url.pathname}`);
}

/** The token flow as clients run it: form-encoded client credentials. */
export async function getToken(clientId: string, clientSecret: string): Promise<string> {
  const response = await api("POST", "/auth/realms/maas/protocol/openid-connect/token", {
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret }).toString(),
  });
  if (response.status !== 200) throw new Error(`token: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}
