// API credentials as /admin/api-keys makes them: bound to the right owner, secret shown once and
// stored hashed, revocable (tokens die with the key). PGlite and PostgreSQL.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { accessTokens, apiCredentials, sellers } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { createTestDatabase } from "@/e2e/support/test-db";
import { makeUser } from "@/e2e/support/factories";
import { findApiCredentials } from "./queries";
import { createManagedApiKey, hashSecret, parseApiKey, revokeApiCredential, verifyApiCredential } from "./service";

let database: Database;
let sellerId: number;
beforeAll(async () => {
  database = await createTestDatabase();
  const [seller] = await database.db.insert(sellers).values({ slug: "keys-test", title: "Keys Test Seller", externalId: "SELLER-KT" }).returning();
  sellerId = seller!.id;
});
afterAll(async () => {
  await database.close();
});

describe("createManagedApiKey", () => {
  it("makes a call-requests key bound to a staff user; only the hash is stored", async () => {
    const admin = await makeUser(database.db, "admin");
    const agent = await makeUser(database.db, "agent");
    const created = await createManagedApiKey(
      database.db,
      { kind: "call_requests", name: "Storefront", scopes: ["call_requests.view"], userId: agent.id },
      admin.actor,
    );
    expect(created.ownerLabel).toBe(agent.email);
    const parsed = parseApiKey(created.apiKey)!;
    expect(parsed.keyPrefix).toBe(created.credential.keyPrefix);
    const [row] = await database.db.select().from(apiCredentials).where(eq(apiCredentials.id, created.credential.id));
    expect(row).toMatchObject({ kind: "call_requests", userId: agent.id, sellerId: null, createdBy: admin.id, secretHash: hashSecret(created.secret) });
    expect(JSON.stringify(row)).not.toContain(created.secret);
    expect(await verifyApiCredential(database.db, "call_requests", parsed.keyPrefix, parsed.secret)).not.toBeNull();
  });

  it("makes a chat key bound to a staff user, usable only as a chat key", async () => {
    const admin = await makeUser(database.db, "admin");
    const agent = await makeUser(database.db, "agent");
    const created = await createManagedApiKey(database.db, { kind: "chat", name: "Back office", scopes: ["chat.rooms.view"], userId: agent.id }, admin.actor);
    const parsed = parseApiKey(created.apiKey)!;
    expect(parsed.keyPrefix).toMatch(/^sb_chat_/);
    expect(await verifyApiCredential(database.db, "chat", parsed.keyPrefix, parsed.secret)).toMatchObject({ userId: agent.id, scopes: ["chat.rooms.view"] });
    expect(await verifyApiCredential(database.db, "call_requests", parsed.keyPrefix, parsed.secret)).toBeNull();
    await expect(
      createManagedApiKey(database.db, { kind: "chat", name: "x", scopes: ["discussions.view"], userId: agent.id }, admin.actor),
    ).rejects.toMatchObject({ code: "invalid" });
  });

  it("makes a seller credential: client id = key prefix, client secret = secret", async () => {
    const admin = await makeUser(database.db, "admin");
    const created = await createManagedApiKey(
      database.db,
      { kind: "seller", name: "Seller app", scopes: ["discussions.view", "discussions.manage"], sellerId },
      admin.actor,
    );
    expect(created.ownerLabel).toBe("SELLER-KT");
    expect(await verifyApiCredential(database.db, "seller", created.credential.keyPrefix, created.secret)).toMatchObject({ sellerId });
    expect(await verifyApiCredential(database.db, "call_requests", created.credential.keyPrefix, created.secret)).toBeNull();
  });

  it("refuses owners that are not staff or not active sellers, and scopes of another kind", async () => {
    const admin = await makeUser(database.db, "admin");
    const customer = await makeUser(database.db, "customer");
    await expect(
      createManagedApiKey(database.db, { kind: "call_requests", name: "x", scopes: ["call_requests.view"], userId: customer.id }, admin.actor),
    ).rejects.toMatchObject({ code: "invalid" });
    await expect(
      createManagedApiKey(database.db, { kind: "call_requests", name: "x", scopes: ["call_requests.view"], userId: 987654 }, admin.actor),
    ).rejects.toMatchObject({ code: "invalid" });
    await expect(
      createManagedApiKey(database.db, { kind: "seller", name: "x", scopes: ["discussions.view"], sellerId: 987654 }, admin.actor),
    ).rejects.toMatchObject({ code: "invalid" });
    await expect(createManagedApiKey(database.db, { kind: "seller", name: "x", scopes: ["call_requests.view"], sellerId }, admin.actor)).rejects.toMatchObject({
      code: "invalid",
    });
  });
});

describe("revokeApiCredential", () => {
  it("stops the key at once and removes its bearer tokens; revoking twice says so", async () => {
    const admin = await makeUser(database.db, "admin");
    const created = await createManagedApiKey(database.db, { kind: "seller", name: "Doomed", scopes: ["discussions.view"], sellerId }, admin.actor);
    await database.db
      .insert(accessTokens)
      .values({ tokenHash: hashSecret("token-1"), credentialId: created.credential.id, expiresAt: sql`now() + interval '1 hour'` as unknown as Date });
    expect(await revokeApiCredential(database.db, { id: created.credential.id })).toBe(true);
    expect(await verifyApiCredential(database.db, "seller", created.credential.keyPrefix, created.secret)).toBeNull();
    expect(await database.db.select().from(accessTokens).where(eq(accessTokens.credentialId, created.credential.id))).toEqual([]);
    expect(await revokeApiCredential(database.db, { id: created.credential.id })).toBe(false);
    const listed = (await findApiCredentials(database.db)).find((k) => k.id === created.credential.id);
    expect(listed?.revokedAt).not.toBeNull();
  });
});

describe("who may manage keys", () => {
  it("only admins", () => {
    expect(can("admin", "apiKeys.manage")).toBe(true);
    expect(can("agent", "apiKeys.manage")).toBe(false);
    expect(can("customer", "apiKeys.manage")).toBe(false);
    expect(can(null, "apiKeys.manage")).toBe(false);
  });
});
