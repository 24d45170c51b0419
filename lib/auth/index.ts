// Sign-in for staff and customers: e-mail + password, throttled per IP and per e-mail. A sign-in
// starts a server-side session (lib/auth/sessions.ts) whose token rides in the next-auth cookie;
// signing out ends it.
import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { clientIp, envLimit, hit, peek, release, reset } from "@/lib/throttle";
import { authConfig } from "./config";
import { dummyPasswordHash, verifyPassword } from "./password";
import { findUserByEmail } from "@/lib/users/queries";
import { endSession, startSession, SESSION_TTL_SECONDS } from "./sessions";

class ThrottledSignin extends CredentialsSignin {
  code = "rate_limited";
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
  // (the password is only hashed, never stored or sent to the database, so any character may be in it)
});

/** Failed sign-ins one address may make, whatever the accounts (SIGNIN_LIMIT_IP_MAX / _WINDOW_SECONDS). */
export const SIGNIN_LIMIT_IP = () => envLimit("SIGNIN_LIMIT_IP", { max: 20, windowSeconds: 15 * 60 });
/** Failed sign-ins one address may make for one account (SIGNIN_LIMIT_EMAIL_MAX / _WINDOW_SECONDS): past it, that address waits. */
export const SIGNIN_LIMIT_EMAIL = () => envLimit("SIGNIN_LIMIT_EMAIL", { max: 5, windowSeconds: 15 * 60 });

/**
 * How much longer each attempt on an account takes once others have failed on it from anywhere
 * (SIGNIN_SLOW_AFTER failures in the e-mail window; SIGNIN_SLOW_MS more per further failure, at most
 * SIGNIN_SLOW_MAX_MS). Slowed, never locked: the right password still gets in.
 */
export function signinDelayMs(failures: number): number {
  const after = Number(process.env.SIGNIN_SLOW_AFTER ?? SIGNIN_LIMIT_EMAIL().max);
  const step = Number(process.env.SIGNIN_SLOW_MS ?? 1000);
  const cap = Number(process.env.SIGNIN_SLOW_MAX_MS ?? 10_000);
  return failures < after ? 0 : Math.min(cap, (failures - after + 1) * step);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Checks a password. Each attempt takes its place in the counts before the password is checked
 * (one atomic statement each), so parallel guesses cannot pass the limits: per address, and per
 * address and account — past either, that address is refused. Across addresses an account is
 * only slowed, so someone else's failures never refuse the owner's right password.
 */
export async function verifyCredentials(
  input: unknown,
  ip: string,
): Promise<{ id: string; name: string; email: string; role: "admin" | "agent" | "customer" } | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const db = await getDb();
  const ipKey = `signin:ip:${ip}`;
  const pairKey = `signin:ip-email:${ip}:${email}`;
  const accountKey = `signin:email:${email}`;
  const [byIp, byPair, account] = await Promise.all([
    hit(db, ipKey, SIGNIN_LIMIT_IP()),
    hit(db, pairKey, SIGNIN_LIMIT_EMAIL()),
    peek(db, accountKey, SIGNIN_LIMIT_EMAIL()),
  ]);
  if (!byIp.allowed || !byPair.allowed) throw new ThrottledSignin();
  const delay = signinDelayMs(account.count);
  if (delay) await sleep(delay);

  const user = await findUserByEmail(db, email);
  // An unknown e-mail costs the same scrypt as a wrong password, so timing tells nothing.
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !ok || user.disabledAt) {
    await hit(db, accountKey, SIGNIN_LIMIT_EMAIL());
    return null;
  }
  // The attempt was no failure: give back its place.
  await Promise.all([release(db, ipKey), reset(db, pairKey)]);
  return { id: String(user.id), name: user.name, email: user.email, role: user.role };
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const ip = clientIp(request.headers);
        const user = await verifyCredentials(credentials, ip);
        if (!user) return null;
        const { token } = await startSession(await getDb(), {
          userId: Number(user.id),
          kind: "web",
          ttlSeconds: SESSION_TTL_SECONDS,
          ip,
          userAgent: request.headers.get("user-agent"),
        });
        return { ...user, sid: token };
      },
    }),
  ],
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await endSession(await getDb(), sid);
    },
  },
});
