// Sign-in gate for the staff and customer areas. Only /inbox, /admin and /account pass through
// here: the compatibility APIs carry their own auth and must never get a redirect to /login.
import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig, pathAllows } from "@/lib/auth/config";
import { INBOX_SEARCH_HEADER } from "@/lib/inbox/filters";

const { auth } = NextAuth(authConfig);

export default auth((request) => {
  const role = request.auth?.user?.role;
  const verdict = pathAllows(request.nextUrl.pathname, role);
  if (verdict === "ok") {
    // Layouts cannot read the URL's query; the inbox layout uses it to render the list's first
    // page on the server (so the list paints with its rows, not a skeleton).
    if (!request.nextUrl.pathname.startsWith("/inbox")) return NextResponse.next();
    const headers = new Headers(request.headers);
    headers.set(INBOX_SEARCH_HEADER, request.nextUrl.search);
    return NextResponse.next({ request: { headers } });
  }
  if (verdict === "signin") {
    const url = new URL("/login", request.nextUrl.origin);
    url.searchParams.set("next", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(url);
  }
  return new NextResponse("Forbidden: your account may not open this page.", {
    status: 403,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
});

export const config = {
  matcher: ["/inbox", "/inbox/:path*", "/admin", "/admin/:path*", "/account", "/account/:path*"],
};
