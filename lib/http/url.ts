// Absolute URLs for clients: the `Link: rel="next"` of the seller API, the `next`/`previous` of
// Django-style pages, a WSDL's soap:address. Built from PUBLIC_URL when it is set, else from the
// host the client called (X-Forwarded-Host / X-Forwarded-Proto from a proxy in front, else Host) —
// never from the address the server happens to listen on.
import "server-only";

function first(value: string | null): string | undefined {
  return value?.split(",")[0]?.trim() || undefined;
}

/** The origin clients reach this desk at, e.g. `https://desk.example`. */
export function publicOrigin(request: Request): string {
  return originOf(request.headers, new URL(request.url));
}

/** The same from a request's headers alone (server actions and pages: next/headers), with `fallback` for a host that says nothing. */
export function originOf(headers: Headers, fallback: URL = new URL("http://localhost")): string {
  const configured = process.env.PUBLIC_URL?.trim();
  if (configured) return new URL(configured).origin;
  const host = first(headers.get("x-forwarded-host")) ?? first(headers.get("host")) ?? fallback.host;
  const proto = first(headers.get("x-forwarded-proto")) ?? fallback.protocol.replace(/:$/, "");
  const safeHost = /^[A-Za-z0-9.\-:[\]]+$/.test(host) ? host : fallback.host;
  return `${proto === "https" ? "https" : "http"}://${safeHost}`;
}

/** The request's own URL on the public origin (path and query kept), to build links to other pages of a list. */
export function publicUrl(request: Request): URL {
  const url = new URL(request.url);
  return new URL(`${url.pathname}${url.search}`, publicOrigin(request));
}

/**
 * The desk's origin when there is no request to ask (links in mail sent after commit): PUBLIC_URL,
 * else this server on localhost. Set PUBLIC_URL in production so mailed links work.
 */
export function deskOrigin(): string {
  const configured = process.env.PUBLIC_URL?.trim();
  if (configured) return new URL(configured).origin;
  return `http://localhost:${process.env.PORT || 3000}`;
}
