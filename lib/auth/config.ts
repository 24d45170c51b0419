// The database-free half of the auth setup: what proxy.ts can load. The Credentials provider,
// which needs the database, is added in ./index.ts.
import type { NextAuthConfig } from "next-auth";
import type { Role } from "@/db/schema";
import { homeFor, pathAllows, signInPageFor } from "./permissions";
import { authSecret } from "./secret";

declare module "next-auth" {
  interface User {
    role?: Role;
    /** The server-side session's token (lib/auth/sessions.ts): the cookie is only as good as the row behind it. */
    sid?: string;
  }
  interface Session {
    user: { id: string; role: Role; name: string; email: string; sid: string };
  }
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
        token.sid = user.sid;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.user.role = token.role as Role;
      session.user.sid = typeof token.sid === "string" ? token.sid : "";
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

export { homeFor, pathAllows, signInPageFor };
