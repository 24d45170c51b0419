// Checking a SOAP credential (lib/conversations/wire/soap.ts): HTTP Basic with the role name and
// role password, then per request apiKey + sign + time, where sign = hex md5(apiKey + secret +
// time), compared without case, and time in epoch ms within the allowed skew. Each valid
// (credential, time, sign) triple is accepted once: a replay is refused.
import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiCredentials, sellers, soapRequestSignatures, type ApiCredential, type Seller } from "@/db/schema";
import { openSecret } from "./secret-box";
import { hashSecret } from "./service";

/** How far a request's time may be from ours, either way. */
export function soapClockSkewMs(): number {
  const n = Number(process.env.SOAP_TIME_SKEW_SECONDS);
  return (Number.isFinite(n) && n > 0 ? n : 300) * 1000;
}

export interface SoapCaller {
  credential: ApiCredential;
  seller: Seller;
}

/** The live SOAP credential (and its active seller) whose role name and password match, or null (all failures alike). */
export async function findSoapCaller(db: Db, roleName: string, rolePassword: string): Promise<SoapCaller | null> {
  const [row] = await db
    .select({ credential: apiCredentials, seller: sellers })
    .from(apiCredentials)
    .innerJoin(sellers, eq(sellers.id, apiCredentials.sellerId))
    .where(and(eq(apiCredentials.roleName, roleName), eq(apiCredentials.kind, "soap"), isNull(apiCredentials.revokedAt)))
    .limit(1);
  const expected = Buffer.from(row?.credential.secretHash ?? hashSecret("no such role"), "hex");
  const given = Buffer.from(hashSecret(rolePassword), "hex");
  if (!row || !timingSafeEqual(expected, given) || !row.seller.isActive) return null;
  if (!row.credential.lastUsedAt || Date.now() - row.credential.lastUsedAt.getTime() > 60_000) {
    await db
      .update(apiCredentials)
      .set({ lastUsedAt: sql`now()` })
      .where(eq(apiCredentials.id, row.credential.id));
  }
  return row;
}

export const soapSign = (apiKey: string, secret: string, time: string | number) => createHash("md5").update(`${apiKey}${secret}${time}`).digest("hex");

export type SignatureCheck = "ok" | "unknown_key" | "bad_sign" | "bad_time" | "stale_time" | "replay";

/**
 * The request's apiKey, sign and time against the caller's credential. `time` is the digits as
 * sent (the signature covers that text). Claims the triple on success.
 */
export async function checkSoapSignature(
  db: Db,
  caller: SoapCaller,
  input: { apiKey: string; sign: string; time: string },
  now = Date.now(),
): Promise<SignatureCheck> {
  const { credential } = caller;
  const keyOk = input.apiKey.length === credential.keyPrefix.length && timingSafeEqual(Buffer.from(input.apiKey), Buffer.from(credential.keyPrefix));
  if (!keyOk) return "unknown_key";
  if (!/^\d{1,16}$/.test(input.time)) return "bad_time";
  const time = Number(input.time);
  if (Math.abs(now - time) > soapClockSkewMs()) return "stale_time";
  const secret = openSecret(credential.secretEncrypted);
  if (!secret) return "bad_sign";
  const expected = Buffer.from(soapSign(credential.keyPrefix, secret, input.time), "utf8");
  const given = Buffer.from(input.sign.trim().toLowerCase(), "utf8");
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "bad_sign";
  const claimed = await db
    .insert(soapRequestSignatures)
    .values({ credentialId: credential.id, time, sign: given.toString("utf8") })
    .onConflictDoNothing()
    .returning({ time: soapRequestSignatures.time });
  if (!claimed.length) return "replay";
  // Triples older than twice the skew can no longer pass the time check: sweep them now and then.
  if (Math.random() < 0.02) await db.delete(soapRequestSignatures).where(lt(soapRequestSignatures.createdAt, new Date(now - 2 * soapClockSkewMs())));
  return "ok";
}
