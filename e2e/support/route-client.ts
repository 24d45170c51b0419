// For tests: sends real Request objects to route modules exactly as Next routes them (dynamic
// segments, with or without a trailing slash), so the tests exercise the handlers the server runs.
// One client; each API's tests hand it their route modules (see the presets below).
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Record<string, unknown>;

export interface CallInit {
  headers?: Record<string, string>;
  /** A JS value is sent as JSON; a string or other BodyInit as it is. */
  body?: unknown;
  /** The content type of a string body without one (a form, by default none). */
  stringType?: string;
}

/** `routes`: path patterns as the app folder writes them ("/seller/v2/discussions/[discussionId]") → their route modules. */
export function routeClient(routes: Record<string, RouteModule>, origin = "http://127.0.0.1:3000") {
  const table = Object.entries(routes).map(([pattern, mod]) => {
    const names: string[] = [];
    const source = pattern.replace(/\[([^\]]+)\]/g, (_m, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
    return { re: new RegExp(`^${source.replace(/\/$/, "")}/?$`), names, mod };
  });
  return async function call(method: string, path: string, init: CallInit = {}): Promise<Response> {
    const url = new URL(path, origin);
    for (const { re, names, mod } of table) {
      const m = re.exec(url.pathname);
      if (!m) continue;
      const handler = mod[method] as Handler | undefined;
      if (!handler) throw new Error(`${method} is not exported for ${url.pathname}`);
      const headers = new Headers(init.headers);
      let body: BodyInit | undefined;
      if (init.body !== undefined && init.body !== null) {
        if (typeof init.body === "string" || init.body instanceof FormData || init.body instanceof Uint8Array || init.body instanceof Blob) {
          body = init.body as BodyInit;
          if (typeof init.body === "string" && init.stringType && !headers.has("content-type")) headers.set("content-type", init.stringType);
        } else {
          body = JSON.stringify(init.body);
          if (!headers.has("content-type")) headers.set("content-type", "application/json");
        }
      }
      const params = Object.fromEntries(names.map((name, i) => [name, m[i + 1]!]));
      return handler(new Request(url, { method, headers, body }), { params: Promise.resolve(params) });
    }
    throw new Error(`no route for ${url.pathname}`);
  };
}

export const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

export async function jsonOf<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
