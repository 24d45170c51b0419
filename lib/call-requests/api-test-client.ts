// For tests: sends real Request objects to the call_requests route modules exactly as Next routes
// them (every prefix, with or without a trailing slash), so the tests exercise the handlers the
// server runs.
import * as plainCollection from "@/app/(compat)/api/call_requests/route";
import * as plainItem from "@/app/(compat)/api/call_requests/[id]/route";
import * as v2Collection from "@/app/(compat)/api/2.0/call_requests/route";
import * as v2Item from "@/app/(compat)/api/2.0/call_requests/[id]/route";
import * as v4Collection from "@/app/(compat)/api/4.0/call_requests/route";
import * as v4Item from "@/app/(compat)/api/4.0/call_requests/[id]/route";

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
type Module = Record<string, unknown>;

const MODULES: Record<string, { collection: Module; item: Module }> = {
  "": { collection: plainCollection, item: plainItem },
  "2.0": { collection: v2Collection, item: v2Item },
  "4.0": { collection: v4Collection, item: v4Item },
};

export const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

export interface CallOptions {
  auth?: string | null;
  /** A JS value is sent as JSON; a string is sent as it is. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** `await api("GET", "/api/2.0/call_requests?items_per_page=20", { auth })` */
export async function api(method: string, path: string, options: CallOptions = {}): Promise<Response> {
  const url = new URL(path, "http://127.0.0.1:3000");
  const m = /^\/api(?:\/(2\.0|4\.0))?\/call_requests(?:\/([^/]+))?\/?$/.exec(url.pathname);
  if (!m) throw new Error(`no call_requests route for ${url.pathname}`);
  const mod = MODULES[m[1] ?? ""]!;
  const target = m[2] === undefined ? mod.collection : mod.item;
  const handler = target[method] as Handler | undefined;
  if (!handler) throw new Error(`${method} is not exported for ${url.pathname}`);
  const headers = new Headers(options.headers);
  if (options.auth) headers.set("authorization", options.auth);
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    if (!headers.has("content-type") && typeof options.body !== "string") headers.set("content-type", "application/json");
  }
  const request = new Request(url, { method, headers, body });
  return handler(request, { params: Promise.resolve({ id: m[2] ?? "" }) });
}

export async function jsonOf<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
