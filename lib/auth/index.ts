// Sign-in for staff and customers: e-mail + password, throttled per IP and per e-mail.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { clientIp, envLimit, hit, peek, reset } from "@/lib/throttle";
import { authConfig } from "./config";
import { dummyPasswordHash, verifyPassword } from "./password";
import { findUserByEmail } from "@/lib/users/queries";

class ThrottledSignin extends CredentialsSignin {
  code = "rate_limited";
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

export const SIGNIN_LIMIT_IP = () => envLimit("SIGNIN_LIMIT_IP", { max: 20, windowSeconds: 15 * 60 });
export const SIGNIN_LIMIT_EMAIL = () => envLimit("SIGNIN_LIMIT_EMAIL", { max: 5, windowSeconds: 15 * 60 });

/** Checks a password; failures count against the caller's IP and the e-mail tried. */
export async function verifyCredentials(
  input: unknown,
  ip: string,
): Promise<{ id: string; name: string; email: string; role: "admin" | "agent" | "customer" } | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const db = await getDb();
  const ipKey = `signin:ip:${ip}`;
  const emailKey = `signin:email:${email}`;
  const [byIp, byEmail] = await Promise.all([peek(db, ipKey, SIGNIN_LIMIT_IP()), peek(db, emailKey, SIGNIN_LIMIT_EMAIL())]);
  if (!byIp.allowed || !byEmail.allowed) throw new ThrottledSignin();

  const user = await findUserByEmail(db, email);
  // An unknown e-mail costs the same scrypt as a wrong password, so timing tells nothing.
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !ok || user.disabledAt) {
    await Promise.all([hit(db, ipKey, SIGNIN_LIMIT_IP()), hit(db, emailKey, SIGNIN_LIMIT_EMAIL())]);
    return null;
  }
  await reset(db, emailKey);
  return { id: String(user.id), name: user.name, email: user.email, role: user.role };
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: (credentials, request) => verifyCredentials(credentials, clientIp(request.headers)),
    }),
  ],
});
