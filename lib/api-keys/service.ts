// API credentials for machine clients (every compatibility API's keys live here: call-request
// keys, seller credentials and their Bearer tokens in ./seller-tokens.ts, SOAP credentials; chat
// keys next). The secret is shown once and kept as a sha256 hash (it is 32 random bytes, so a slow
// hash adds nothing); the public key id finds the row. A SOAP credential is four values: the role
// name and role password (HTTP Basic; the password kept as its hash), the apiKey (public, the row's
// key_prefix) and the secret that signs requests, which the server must read back to recompute
// md5(apiKey + secret + time) — so it is kept encrypted (./secret-box.ts), never in clear. What each kind may be allowed comes from the
// channel catalog, and the scopes map onto the permission map (`can({ scopes }, …)`).
import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accessTokens, apiCredentials, sellers, users, type ApiCredential, type ApiCredentialKind } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { actorUserId } from "@/lib/auth/actor";
import { API_KEY_SCOPES } from "@/lib/channels/catalog";
import { AppError } from "@/lib/errors";
import { sealSecret } from "./secret-box";

/** What each kind of key may be allowed to do. */
export const SCOPES: Record<ApiCredentialKind, readonly string[]> = API_KEY_SCOPES;

export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

const KEY_SEPARATOR = ".";

/** The string a client is given: `<key id>.<secret>`. */
export const formatApiKey = (keyPrefix: string, secret: string) => `${keyPrefix}${KEY_SEPARATOR}${secret}`;

export function parseApiKey(key: string): { keyPrefix: string; secret: string } | null {
  const at = key.indexOf(KEY_SEPARATOR);
  if (at <= 0 || at === key.length - 1) return null;
  return { keyPrefix: key.slice(0, at), secret: key.slice(at + 1) };
}

export interface CreateApiCredentialInput {
  kind: ApiCredentialKind;
  name: string;
  scopes: string[];
  userId?: number | null;
  sellerId?: number | null;
  createdBy?: number | null;
  /** Fixed values, for the demo seed only. */
  keyPrefix?: string;
  secret?: string;
}

export async function createApiCredential(tx: Db, input: CreateApiCredentialInput): Promise<{ credential: ApiCredential; secret: string; apiKey: string }> {
  const allowed = SCOPES[input.kind];
  const unknown = input.scopes.filter((s) => !allowed.includes(s));
  if (unknown.length) throw new AppError("invalid", `Unknown scope for a ${input.kind} key: ${unknown.join(", ")}`);
  if (input.scopes.length === 0) throw new AppError("invalid", "Choose at least one permission for the key.");
  if (input.kind === "seller" && !input.sellerId) throw new AppError("invalid", "A seller key must be bound to a seller.");
  if (input.kind === "call_requests" && !input.userId) throw new AppError("invalid", "A call-request key acts as a staff user.");
  const keyPrefix = input.keyPrefix ?? `sb_${input.kind === "call_requests" ? "cr" : input.kind}_${randomBytes(6).toString("hex")}`;
  const secret = input.secret ?? randomBytes(24).toString("base64url");
  const [credential] = await tx
    .insert(apiCredentials)
    .values({
      kind: input.kind,
      name: input.name.trim(),
      userId: input.userId ?? null,
      sellerId: input.sellerId ?? null,
      keyPrefix,
      secretHash: hashSecret(secret),
      scopes: input.scopes,
      createdBy: input.createdBy ?? null,
    })
    .returning();
  return { credential, secret, apiKey: formatApiKey(keyPrefix, secret) };
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
/** Random letters and digits (an apiKey looks like the vendor's: 32 of them). */
export function randomAlnum(length: number): string {
  const bytes = randomBytes(length * 2);
  let out = "";
  for (let i = 0; out.length < length && i < bytes.length; i++) if (bytes[i]! < 248) out += ALNUM[bytes[i]! % 62];
  return out.length === length ? out : out + randomAlnum(length - out.length);
}

export interface SoapCredentialInput {
  name: string;
  scopes: string[];
  sellerId: number;
  createdBy?: number | null;
  /** Fixed values, for the demo seed and tests only. */
  roleName?: string;
  rolePassword?: string;
  apiKey?: string;
  secret?: string;
}

export interface CreatedSoapCredential {
  credential: ApiCredential;
  roleName: string;
  rolePassword: string;
  apiKey: string;
  secret: string;
}

/** A SOAP credential bound to one seller: the four values are returned once. */
export async function createSoapCredential(tx: Db, input: SoapCredentialInput): Promise<CreatedSoapCredential> {
  const allowed = SCOPES.soap;
  const unknown = input.scopes.filter((s) => !allowed.includes(s));
  if (unknown.length) throw new AppError("invalid", `Unknown scope for a soap key: ${unknown.join(", ")}`);
  if (input.scopes.length === 0) throw new AppError("invalid", "Choose at least one permission for the key.");
  const roleName = input.roleName ?? `sb_soap_${randomBytes(5).toString("hex")}`;
  const rolePassword = input.rolePassword ?? randomAlnum(24);
  const apiKey = input.apiKey ?? randomAlnum(32);
  const secret = input.secret ?? randomAlnum(24);
  const [credential] = await tx
    .insert(apiCredentials)
    .values({
      kind: "soap",
      name: input.name.trim(),
      sellerId: input.sellerId,
      keyPrefix: apiKey,
      roleName,
      secretHash: hashSecret(rolePassword),
      secretEncrypted: sealSecret(secret),
      scopes: input.scopes,
      createdBy: input.createdBy ?? null,
    })
    .returning();
  return { credential: credential!, roleName, rolePassword, apiKey, secret };
}

export async function revokeApiCredential(db: Db, input: { id: number }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(apiCredentials)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiCredentials.id, input.id), isNull(apiCredentials.revokedAt)))
      .returning({ id: apiCredentials.id });
    // Bearer tokens issued to the credential die with it.
    if (rows.length) await tx.delete(accessTokens).where(eq(accessTokens.credentialId, input.id));
    return rows.length > 0;
  });
}

/**
 * The live credential whose id and secret match, or null. Every failure looks the same to the
 * caller. Marks the key used (at most once a minute, to keep reads cheap).
 */
/** What a key prefix (a client id) looks like: ours are generated, so anything else can match none. */
const KEY_PREFIX = /^[A-Za-z0-9_.-]{1,100}$/;

export async function verifyApiCredential(db: Db, kind: ApiCredentialKind, keyPrefix: string, secret: string): Promise<ApiCredential | null> {
  if (!KEY_PREFIX.test(keyPrefix)) {
    hashSecret(secret); // the same work as a wrong secret
    return null;
  }
  const [row] = await db
    .select()
    .from(apiCredentials)
    .where(and(eq(apiCredentials.keyPrefix, keyPrefix), eq(apiCredentials.kind, kind), isNull(apiCredentials.revokedAt)))
    .limit(1);
  const expected = Buffer.from(row?.secretHash ?? hashSecret("no such key"), "hex");
  const given = Buffer.from(hashSecret(secret), "hex");
  if (!row || !timingSafeEqual(expected, given)) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db
      .update(apiCredentials)
      .set({ lastUsedAt: sql`now()` })
      .where(eq(apiCredentials.id, row.id));
  }
  return row;
}

export const hasScope = (credential: Pick<ApiCredential, "scopes">, scope: string) => credential.scopes.includes(scope);

/**
 * An admin's new key from /admin/api-keys: the owner must exist (an active staff user for a
 * call-requests key, an active seller for a seller credential). Returns the secret once.
 */
export async function createManagedApiKey(
  db: Db,
  input: { kind: "call_requests" | "seller" | "chat"; name: string; scopes: string[]; userId?: number; sellerId?: number },
  actor: Actor,
) {
  const createdBy = actorUserId(actor);
  return db.transaction((tx) => createOwnedKey(tx, input, createdBy));
}

/** An admin's new SOAP credential from /admin/api-keys, bound to an active seller. The four values are returned once. */
export async function createManagedSoapCredential(db: Db, input: { name: string; scopes: string[]; sellerId: number }, actor: Actor) {
  const createdBy = actorUserId(actor);
  return db.transaction(async (tx) => {
    const [seller] = await tx
      .select({ id: sellers.id, title: sellers.title, slug: sellers.slug })
      .from(sellers)
      .where(and(eq(sellers.id, input.sellerId), eq(sellers.isActive, true)));
    if (!seller) throw new AppError("invalid", "Choose an active seller.", { sellerId: ["Choose an active seller."] });
    const created = await createSoapCredential(tx, { ...input, createdBy });
    return { ...created, ownerLabel: seller.title, sellerNick: seller.slug };
  });
}

async function createOwnedKey(
  tx: Db,
  input: { kind: "call_requests" | "seller" | "chat"; name: string; scopes: string[]; userId?: number; sellerId?: number },
  createdBy: number | null,
) {
  if (input.kind === "call_requests" || input.kind === "chat") {
    const [owner] = await tx
      .select({ id: users.id, email: users.email, role: users.role })
      .from(users)
      .where(and(eq(users.id, input.userId ?? 0), isNull(users.disabledAt)));
    if (!owner || owner.role === "customer") throw new AppError("invalid", "Choose an active staff user.", { userId: ["Choose an active staff user."] });
    const created = await createApiCredential(tx, { kind: input.kind, name: input.name, scopes: input.scopes, userId: owner.id, createdBy });
    return { ...created, ownerLabel: owner.email };
  }
  const [seller] = await tx
    .select({ id: sellers.id, title: sellers.title, externalId: sellers.externalId })
    .from(sellers)
    .where(and(eq(sellers.id, input.sellerId ?? 0), eq(sellers.isActive, true)));
  if (!seller) throw new AppError("invalid", "Choose an active seller.", { sellerId: ["Choose an active seller."] });
  const created = await createApiCredential(tx, { kind: "seller", name: input.name, scopes: input.scopes, sellerId: seller.id, createdBy });
  return { ...created, ownerLabel: seller.externalId ?? seller.title };
}
