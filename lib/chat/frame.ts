// The one place that decides how the chat widget's pages may be framed. Every other path sends
// `X-Frame-Options: DENY` (next.config.js, whose rule skips /widget/ for this reason); the widget's
// iframe page instead sends a Content-Security-Policy whose `frame-ancestors` lists the
// organization's allowed origins (`*` → any site), and keeps scripts, styles and connections to
// this desk. The hosted QR chat page (/chat/…) is never framed. When proxy.ts adds its own CSP
// with nonces, these pages keep this one: they load no inline script (their config is JSON).
import "server-only";

const BASE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https: http:",
  "connect-src 'self'",
  "media-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
];

/** `frame-ancestors` for an organization's allowed origins (none: only this desk itself). */
export function frameAncestors(allowedOrigins: readonly string[] | null | undefined): string {
  const origins = (allowedOrigins ?? []).filter((o) => o === "*" || /^https?:\/\/[A-Za-z0-9.:-]+$/.test(o));
  return `frame-ancestors ${origins.includes("*") ? "*" : ["'self'", ...origins].join(" ")}`;
}

/** Headers of a widget page: framed by the organization's sites (the iframe) or by nobody (the hosted page). */
export function widgetPageHeaders(framing: { allowedOrigins: readonly string[] | null } | "none"): Record<string, string> {
  const ancestors = framing === "none" ? "frame-ancestors 'none'" : frameAncestors(framing.allowedOrigins);
  return {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": [...BASE_POLICY, ancestors].join("; "),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
  };
}
