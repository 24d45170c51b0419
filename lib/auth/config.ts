// The database-free half of the auth setup: what proxy.ts can load. The Credentials provider,
// which needs the database, is added in ./index.ts.
import type { NextAuthConfig } from "next-auth";
import type { Role } from "@/db/schema";
import { homeFor, isStaff } from "./permissions";
import { authSecret } from "./secret";

declare module "next-auth" {
  interface User {
    role?: Role;
  }
  interface Session {
    user: { id: string; role: Role; name: string; email: string };
  }
}

/** Which signed-in role may open which path prefix; everything else is public. */
export function pathAllows(pathname: string, role: Role | undefined): "ok" | "signin" | "forbidden" {
  const guarded = ["/inbox", "/admin", "/account"].find((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (!guarded) return "ok";
  if (!role) return "signin";
  if (guarded === "/admin") return role === "admin" ? "ok" : "forbidden";
  if (guarded === "/inbox") return isStaff(role) ? "ok" : "forbidden";
  return role === "customer" ? "ok" : "forbidden";
}

export const authConfig = {
  trustHost: true,
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 60 * 60 * 12 },
  pages: { signIn: "/login" },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.user.role = token.role as Role;
      return session;
    },
    redirect({ url, baseUrl }) {
      // Only ever redirect within this site.
      if (url.startsWith("/")) return `${baseUrl}${url}`;
      if (new URL(url).origin === baseUrl) return url;
      return baseUrl;
    },
  },
} satisfies NextAuthConfig;

export { homeFor };
