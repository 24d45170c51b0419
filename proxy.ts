// Sign-in gate for the staff and customer areas. Only /inbox, /admin and /account pass through
// here: the compatibility APIs carry their own auth and must never get a redirect to /login.
import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig, pathAllows } from "@/lib/auth/config";

const { auth } = NextAuth(authConfig);

export default auth((request) => {
  const role = request.auth?.user?.role;
  const verdict = pathAllows(request.nextUrl.pathname, role);
  if (verdict === "ok") return NextResponse.next();
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
