// In front of every page (not the APIs, which carry their own auth and must never be redirected to
// /login): the Content-Security-Policy with a fresh nonce for each request (Next reads the nonce
// from the request's CSP header and puts it on its own scripts), the bound on a page post's body
// (a server action, a form without JavaScript), and the sign-in gate of /inbox, /admin and /account.
import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authConfig, pathAllows, signInPageFor } from "@/lib/auth/config";
import { PAGE_POST_BODY_LIMIT } from "@/lib/http/limits";
import { INBOX_SEARCH_HEADER } from "@/lib/inbox/filters";

const { auth } = NextAuth(authConfig);

/** The refusal as a page of its own (the proxy cannot render the app's): what happened and where to go. */
const FORBIDDEN_PAGE = (home: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Not allowed · Switchboard</title><link rel="icon" href="/icon.svg">
<style>body{margin:0;font:15px/1.5 ui-sans-serif,system-ui,sans-serif;background:#f8fafc;color:#0f172a;display:flex;min-height:100vh;align-items:center;justify-content:center}
main{max-width:28rem;margin:1rem;padding:2rem;background:#fff;border:1px solid #e2e8f0;border-radius:.75rem;box-shadow:0 1px 2px #0000000d}
h1{font-size:1.25rem;margin:0 0 .5rem}p{margin:0 0 1rem;color:#334155}a{color:#2344ad;font-weight:600}
@media (prefers-color-scheme: dark){body{background:#0f172a;color:#f1f5f9}main{background:#1e293b;border-color:#334155}p{color:#cbd5e1}a{color:#a5c0ff}}</style></head>
<body><main><h1>This page is not for your account</h1>
<p>You are signed in, but your role may not open this page (403). If you need it, ask an administrator.</p>
<p><a href="${home}">Go to your start page</a></p></main></body></html>`;

/** The policy of a page: scripts only with this request's nonce (and what they load), nothing from elsewhere. */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (server-rendered widths and the like) carry no nonce; styles cannot run script.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

function tooLarge(request: NextRequest): boolean {
  if (request.method !== "POST") return false;
  return Number(request.headers.get("content-length") ?? 0) > PAGE_POST_BODY_LIMIT;
}

export default auth((request) => {
  if (tooLarge(request)) {
    return new NextResponse(`Request body too large: at most ${Math.round(PAGE_POST_BODY_LIMIT / 1024 / 1024)} MB.`, {
      status: 413,
      headers: { "content-type": "text/plain; charset=utf-8", connection: "close" },
    });
  }
  const role = request.auth?.user?.role;
  // A server action checks its caller itself (runAction, through the permission map) and answers a
  // refusal as its result; gating it here would answer it with this page's 403 instead.
  const isAction = request.method === "POST" && request.headers.has("next-action");
  const verdict = isAction ? "ok" : pathAllows(request.nextUrl.pathname, role);
  if (verdict === "signin") {
    const url = new URL(signInPageFor(request.nextUrl.pathname), request.nextUrl.origin);
    url.searchParams.set("next", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(url);
  }
  if (verdict === "forbidden") {
    return new NextResponse(FORBIDDEN_PAGE(role === "customer" ? "/account" : role ? "/inbox" : "/login"), {
      status: 403,
      headers: { "content-type": "text/html; charset=utf-8" },
    });
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  // Layouts cannot read the URL's query; the inbox layout uses it to render the list's first page
  // on the server (so the list paints with its rows, not a skeleton).
  if (request.nextUrl.pathname.startsWith("/inbox")) headers.set(INBOX_SEARCH_HEADER, request.nextUrl.search);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
});

export const config = {
  // Every page; not the APIs (ours under /api, the compatibility APIs at their original paths), not
  // the chat widget's pages (/widget/<org>, /chat/<org>/…: public, with their own CSP and framing
  // rule from lib/chat/frame.ts), not the product pictures (/media/…) and not the static files.
  matcher: [
    "/((?!api/|_next/|seller/|users/|auth/realms/|csrf_token|current_user|listingapi/|media/|widget/|widget\\.js|chat/|icon\\.svg|favicon\\.ico|robots\\.txt).*)",
  ],
};
