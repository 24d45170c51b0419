// Chat clients send room-service/ as GET with a JSON body too (the spec's delete_room example).
// Next builds a route handler's Request without the body of a GET, so this shim — installed once
// per server process by instrumentation.ts — reads such a body before Next sees the request and
// moves its fields into the query string (the query's own values win). Only GET /api/v2/room-service,
// only with a body, at most 64 kB; everything else passes untouched.
import "server-only";
import http, { type IncomingMessage, type ServerResponse } from "node:http";

const PATH = /^\/api\/v2\/room-service\/?(\?|$)/;
const LIMIT = 64 * 1024;

/** The URL with the body's fields (JSON object or a urlencoded form) added to its query. */
export function mergeBodyIntoQuery(url: string, body: string): string {
  const [path, query = ""] = url.split("?", 2) as [string, string?];
  const params = new URLSearchParams(query);
  let fields: Record<string, unknown> = {};
  const text = body.trim();
  try {
    if (text.startsWith("{")) fields = JSON.parse(text) as Record<string, unknown>;
    else fields = Object.fromEntries(new URLSearchParams(text));
  } catch {
    return url;
  }
  for (const [key, value] of Object.entries(fields ?? {})) {
    if (params.has(key) || value === null || value === undefined) continue;
    params.set(key, typeof value === "object" ? JSON.stringify(value) : String(value));
  }
  const out = params.toString();
  return out ? `${path}?${out}` : path;
}

const hasBody = (req: IncomingMessage) => Number(req.headers["content-length"] ?? 0) > 0 || !!req.headers["transfer-encoding"];

export function installGetBodyShim(server: typeof http.Server = http.Server): void {
  const proto = server.prototype as http.Server & { __chatGetBody?: boolean };
  if (proto.__chatGetBody) return;
  proto.__chatGetBody = true;
  const emit = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event !== "request") return emit.call(this, event, ...args);
    const [req, res] = args as [IncomingMessage, ServerResponse];
    if (req.method !== "GET" || !PATH.test(req.url ?? "") || !hasBody(req)) return emit.call(this, event, ...args);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= LIMIT) chunks.push(chunk);
    });
    req.on("end", () => {
      if (size > LIMIT) {
        res.writeHead(413, { "content-type": "application/json" }).end(JSON.stringify({ success: false, message: "The request body is too large." }));
        return;
      }
      req.url = mergeBodyIntoQuery(req.url ?? "/", Buffer.concat(chunks).toString("utf8"));
      delete req.headers["content-length"];
      delete req.headers["transfer-encoding"];
      emit.call(this, event, req, res);
    });
    return true;
  } as typeof proto.emit;
}
