// Bearer tokens for seller credentials (the marketplace discussions API): client credentials →
// a token that expires, stored as its sha256. The token endpoint is lib/api-keys/wire/token.ts.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accessTokens, apiCredentials, sellers, type ApiCredential, type Seller } from "@/db/schema";
import { verifyApiCredential } from "./service";

export const tokenTtlSeconds = () => {
  const n = Number(process.env.SELLER_TOKEN_TTL_SECONDS ?? 3600);
  return Number.isFinite(n) && n >= 30 ? Math.floor(n) : 3600;
};
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A token for the seller credential with this client id and secret, or null (all failures alike). */
export async function issueSellerToken(
  db: Db,
  input: { clientId: string; clientSecret: string; ttlSeconds?: number },
): Promise<{ token: string; expiresIn: number; credential: ApiCredential } | null> {
  const ttlSeconds = input.ttlSeconds ?? tokenTtlSeconds();
  const credential = await verifyApiCredential(db, "seller", input.clientId, input.clientSecret);
  if (!credential?.sellerId) return null;
  const [seller] = await db.select({ isActive: sellers.isActive }).from(sellers).where(eq(sellers.id, credential.sellerId));
  if (!seller?.isActive) return null;
  const token = randomBytes(32).toString("base64url");
  await db.transaction(async (tx) => {
    // Expired tokens are of no use to anyone: clear them as new ones are issued.
    await tx.delete(accessTokens).where(lt(accessTokens.expiresAt, sql`now() - interval '1 day'`));
    await tx.insert(accessTokens).values({ tokenHash: hashToken(token), credentialId: credential.id, expiresAt: new Date(Date.now() + ttlSeconds * 1000) });
  });
  return { token, expiresIn: ttlSeconds, credential };
}

export type TokenCheck = { ok: true; credential: ApiCredential; seller: Seller } | { ok: false; reason: "invalid" | "expired" };

/** The live credential and seller behind a Bearer token. */
export async function checkSellerToken(db: Db, token: string): Promise<TokenCheck> {
  const [row] = await db
    .select({ credential: apiCredentials, seller: sellers, expiresAt: accessTokens.expiresAt })
    .from(accessTokens)
    .innerJoin(apiCredentials, eq(apiCredentials.id, accessTokens.credentialId))
    .innerJoin(sellers, eq(sellers.id, apiCredentials.sellerId))
    .where(and(eq(accessTokens.tokenHash, hashToken(token)), isNull(apiCredentials.revokedAt), eq(apiCredentials.kind, "seller")))
    .limit(1);
  if (!row || !row.seller.isActive) return { ok: false, reason: "invalid" };
  if (row.expiresAt.getTime() <= Date.now()) return { ok: false, reason: "expired" };
  return { ok: true, credential: row.credential, seller: row.seller };
}
