// The marketplace discussions API through its route handlers with real Request objects, on PGlite
// and PostgreSQL, with requests shaped as WIRE-NOTES shows real clients sending them: the token
// flow, every endpoint, the seller boundary, the 6-month window, the attachment rules, the
// receivers check, the PATCH paths and an expired token.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, desc, eq, gt, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { makePdf, makePng } from "@/db/seed/files";
import { accessTokens, discussionTypologies, discussionTypologyTranslations, languages, messages, realtimeEvents, sellers, threads } from "@/db/schema";
import { createApiCredential, revokeApiCredential } from "@/lib/api-keys/service";
import { createTestDatabase } from "@/e2e/support/test-db";
import { getToken, sellerApi as api } from "@/e2e/support/api-clients";
import { postReply } from "@/lib/channels/reply";
import { uploadDraftAttachments } from "@/lib/inbox/service";
import { makeUser } from "@/e2e/support/factories";
import { systemActor } from "@/lib/auth/actor";
import { importDiscussionSchema } from "@/lib/discussions/schemas";
import { importDiscussion } from "@/lib/discussions/service";

type Problem = { type: string; title: string; status: number; detail: string; errors: Record<string, string[]>; traceId: string };
type WireMessage = {
  messageId: string;
  body: string;
  sender: { userType: string };
  userType: string;
  hasRead: boolean;
  attachmentCount: number;
  receivers: { userType: string }[];
};
type WireDiscussion = {
  discussionId: string;
  isOpen: boolean;
  processStatus: string;
  salesChannel: string;
  sellerId: string;
  subTypologyCode: string;
  typologyCode: string;
  orderId: string;
  graduationCode: string;
  receivers: { userType: string }[];
  messages: WireMessage[];
};
type Page = { items: WireDiscussion[]; itemsPerPage: number; count: number };

let database: Database;
const A = { id: "SELLER-A", clientId: "", secret: "", token: "" };
const B = { id: "SELLER-B", clientId: "", secret: "", token: "" };
let viewOnlyToken = "";
let sellerAId = 0;

const png = makePng(16, 16);
const pdf = makePdf("Proof of delivery");
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
const MB = 1024 * 1024;

beforeAll(async () => {
  process.env.FILES_DIR = mkdtempSync(path.join(os.tmpdir(), "sb-discussions-"));
  database = await createTestDatabase({ useAsAppDatabase: true });
  const db = database.db;
  await db
    .insert(languages)
    .values([
      { code: "en", name: "English", isDefault: true },
      { code: "tr", name: "Türkçe", position: 1 },
    ])
    .onConflictDoNothing();
  const [a, b] = await db
    .insert(sellers)
    .values([
      { slug: "a", title: "Seller A", externalId: A.id },
      { slug: "b", title: "Seller B", externalId: B.id },
    ])
    .returning();
  sellerAId = a!.id;
  const typologies = [
    {
      typologyCode: "order",
      subTypologyCode: "orderCancellation",
      salesChannel: "CDISFR",
      orderStatuses: ["Accepted", "InPreparation"],
      en: "Cancel my order",
      tr: "Siparişimi iptal et",
    },
    {
      typologyCode: "product",
      subTypologyCode: "productIsDamaged",
      salesChannel: "CDISFR",
      orderStatuses: ["Delivered"],
      en: "Product is damaged",
      tr: "Ürün hasarlı",
    },
    {
      typologyCode: "delivery",
      subTypologyCode: "orderNotShipped",
      salesChannel: null,
      orderStatuses: ["Accepted", "Shipped"],
      userTypes: ["Customer"],
      en: "Order not shipped",
      tr: "Kargoya verilmedi",
    },
  ];
  for (const [i, t] of typologies.entries()) {
    const [row] = await db
      .insert(discussionTypologies)
      .values({ ...t, position: i })
      .returning();
    await db.insert(discussionTypologyTranslations).values([
      { typologyId: row!.id, locale: "en", description: t.en },
      { typologyId: row!.id, locale: "tr", description: t.tr },
    ]);
  }
  await db.insert(discussionTypologies).values({ typologyCode: "old", subTypologyCode: "retired", orderStatuses: ["Delivered"], isActive: false });
  for (const [s, row] of [
    [A, a!],
    [B, b!],
  ] as const) {
    const { credential, secret } = await createApiCredential(db, {
      kind: "seller",
      name: s.id,
      scopes: ["discussions.view", "discussions.manage"],
      sellerId: row.id,
    });
    s.clientId = credential.keyPrefix;
    s.secret = secret;
    s.token = await getToken(s.clientId, s.secret);
  }
  const view = await createApiCredential(db, { kind: "seller", name: "view", scopes: ["discussions.view"], sellerId: a!.id });
  viewOnlyToken = await getToken(view.credential.keyPrefix, view.secret);
});
afterAll(async () => {
  await database?.close();
});

const as = (s: typeof A) => ({ token: s.token, sellerId: s.id });
let ref = 0;

/**
 * A discussion as the marketplace side opens it (the customer's message, receivers as given): an
 * import, since a seller's key writes only as the seller. Read back through the API.
 */
async function create(s: typeof A, over: Record<string, unknown> = {}): Promise<WireDiscussion> {
  const discussion = importDiscussionSchema.parse({
    salesChannel: "CDISFR",
    salesChannelExternalDiscussionReference: `REF-${++ref}-${Date.now()}`,
    typologyCode: "product",
    subTypologyCode: "productIsDamaged",
    orderId: `ORD-${ref}`,
    orderReference: `R${ref}`,
    orderStatus: "Delivered",
    offerId: "OF-1",
    productId: "P-1",
    customer: { userId: `CUST-${ref}`, name: "Ada Customer" },
    receivers: [{ userType: "Customer" }, { userType: "GrcOperator" }],
    messages: [{ body: "The lamp arrived broken.", sender: { userType: "Customer", userId: `CUST-${ref}` } }],
    ...over,
  });
  const [seller] = await database.db.select().from(sellers).where(eq(sellers.externalId, s.id));
  const { thread } = await importDiscussion(database.db, { seller: seller!, discussion }, systemActor("Marketplace"));
  const response = await api("GET", `/seller/v2/discussions/${thread.id}`, as(s));
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as WireDiscussion;
}

async function expectProblem(response: Response, status: number): Promise<Problem> {
  expect(response.status, await response.clone().text()).toBe(status);
  expect(response.headers.get("content-type")).toContain("application/problem+json");
  const body = (await response.json()) as Problem;
  expect(body.status).toBe(status);
  expect(body.title).toBeTruthy();
  expect(typeof body.detail).toBe("string");
  expect(typeof body.errors).toBe("object");
  expect(body.traceId).toMatch(/^[0-9a-f-]{36}$/);
  return body;
}

const reply = (s: typeof A, body: Record<string, unknown>) => api("POST", "/seller/v2/messages", { ...as(s), body });

describe("token", () => {
  it("issues an expiring Bearer token for form-encoded client credentials", async () => {
    const response = await api("POST", "/auth/realms/maas/protocol/openid-connect/token", {
      body: `grant_type=client_credentials&client_id=${A.clientId}&client_secret=${encodeURIComponent(A.secret)}`,
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { access_token: string; expires_in: number; token_type: string };
    expect(body.token_type).toBe("Bearer");
    expect(body.expires_in).toBeGreaterThan(0);
    expect(body.access_token.length).toBeGreaterThan(30);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("accepts the client id and secret in a Basic header, and a trailing slash", async () => {
    const response = await api("POST", "/auth/realms/maas/protocol/openid-connect/token/", {
      body: "grant_type=client_credentials",
      headers: { authorization: `Basic ${Buffer.from(`${A.clientId}:${A.secret}`).toString("base64")}` },
    });
    expect(response.status).toBe(200);
  });

  it("refuses a wrong secret, an unknown client, another grant type, and a revoked credential", async () => {
    const post = (body: string) => api("POST", "/auth/realms/maas/protocol/openid-connect/token", { body });
    for (const body of [
      `grant_type=client_credentials&client_id=${A.clientId}&client_secret=nope`,
      "grant_type=client_credentials&client_id=unknown&client_secret=x",
    ]) {
      const response = await post(body);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: "invalid_client" });
    }
    expect(((await (await post(`grant_type=password&client_id=${A.clientId}&client_secret=${A.secret}`)).json()) as { error: string }).error).toBe(
      "unsupported_grant_type",
    );

    const { credential, secret } = await createApiCredential(database.db, {
      kind: "seller",
      name: "soon revoked",
      scopes: ["discussions.view"],
      sellerId: sellerAId,
    });
    const token = await getToken(credential.keyPrefix, secret);
    expect((await api("GET", "/seller/v2/discussions", { token, sellerId: A.id })).status).toBe(200);
    await revokeApiCredential(database.db, { id: credential.id });
    await expectProblem(await api("GET", "/seller/v2/discussions", { token, sellerId: A.id }), 401);
    expect((await post(`grant_type=client_credentials&client_id=${credential.keyPrefix}&client_secret=${secret}`)).status).toBe(401);
  });

  it("slows down an address after too many wrong secrets, even for the right one", async () => {
    process.env.SELLER_TOKEN_LIMIT_IP_MAX = "2";
    try {
      const post = (secret: string, ip: string) =>
        api("POST", "/auth/realms/maas/protocol/openid-connect/token", {
          body: `grant_type=client_credentials&client_id=${A.clientId}&client_secret=${encodeURIComponent(secret)}`,
          headers: { "x-forwarded-for": ip },
        });
      expect((await post("wrong", "203.0.113.9")).status).toBe(401);
      expect((await post("wrong", "203.0.113.9")).status).toBe(401);
      const limited = await post(A.secret, "203.0.113.9");
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await post(A.secret, "203.0.113.10")).status).toBe(200);
    } finally {
      delete process.env.SELLER_TOKEN_LIMIT_IP_MAX;
    }
  });
});

describe("auth on every call", () => {
  it("answers 401 problem+json without a token or with a wrong one", async () => {
    const none = await expectProblem(await api("GET", "/seller/v2/discussions", { sellerId: A.id }), 401);
    expect(none.detail).toMatch(/Bearer/);
    await expectProblem(await api("GET", "/seller/v2/discussions", { token: "not-a-token", sellerId: A.id }), 401);
  });

  it("refuses an expired token with 401 and says it expired", async () => {
    const token = await getToken(A.clientId, A.secret);
    expect((await api("GET", "/seller/v2/discussions/count", { token, sellerId: A.id })).status).toBe(200);
    const { createHash } = await import("node:crypto");
    await database.db
      .update(accessTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(accessTokens.tokenHash, createHash("sha256").update(token).digest("hex")));
    const response = await api("GET", "/seller/v2/discussions/count", { token, sellerId: A.id });
    const body = await expectProblem(response, 401);
    expect(body.detail).toMatch(/expired/);
    expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("needs the SellerId header, and it must be the token's seller", async () => {
    await expectProblem(await api("GET", "/seller/v2/discussions", { token: A.token }), 400);
    await expectProblem(await api("GET", "/seller/v2/discussions", { token: A.token, sellerId: B.id }), 403);
  });

  it("lets a view-only credential read but not write", async () => {
    const d = await create(A);
    expect((await api("GET", `/seller/v2/discussions/${d.discussionId}`, { token: viewOnlyToken, sellerId: A.id })).status).toBe(200);
    await expectProblem(
      await api("PATCH", `/seller/v2/discussions/${d.discussionId}`, {
        token: viewOnlyToken,
        sellerId: A.id,
        body: [{ op: "replace", path: "/isOpen", value: false }],
      }),
      403,
    );
    await expectProblem(
      await api("POST", "/seller/v2/messages", {
        token: viewOnlyToken,
        sellerId: A.id,
        body: { body: "x", discussionId: d.discussionId, receivers: [{ userType: "Customer" }] },
      }),
      403,
    );
    const after = (await (await api("GET", `/seller/v2/discussions/${d.discussionId}`, as(A))).json()) as WireDiscussion;
    expect(after.isOpen).toBe(true);
    expect(after.messages).toHaveLength(1);
  });
});

describe("typologies", () => {
  it("serves both paths, active sub-typologies only, with the spec's fields", async () => {
    for (const p of ["/seller/v2/discussions/typologies", "/seller/v2/typologies", "/seller/v2/typologies/"]) {
      const response = await api("GET", p, as(A));
      expect(response.status).toBe(200);
      const rows = (await response.json()) as Record<string, unknown>[];
      expect(rows.map((r) => r.subTypologyCode)).toEqual(["orderCancellation", "productIsDamaged", "orderNotShipped"]);
      expect(Object.keys(rows[0]!)).toEqual(
        expect.arrayContaining(["typologyId", "typologyCode", "subTypologyCode", "typologyDescription", "state", "salesChannel"]),
      );
      expect(rows[0]).toMatchObject({ typologyCode: "order", typologyDescription: "Cancel my order", state: "Active", salesChannel: "CDISFR" });
    }
  });

  it("filters by order status, sales channel, typology code and user type; translates by Accept-Language", async () => {
    const codes = async (q: string, headers: Record<string, string> = {}) =>
      (await (await api("GET", `/seller/v2/discussions/typologies?${q}`, { ...as(A), headers })).json()) as {
        subTypologyCode: string;
        typologyDescription: string;
      }[];
    expect((await codes("orderStatus=Delivered")).map((r) => r.subTypologyCode)).toEqual(["productIsDamaged"]);
    expect((await codes("orderStatus=shipped")).map((r) => r.subTypologyCode)).toEqual(["orderNotShipped"]);
    expect((await codes("salesChannel=OTHER")).map((r) => r.subTypologyCode)).toEqual(["orderNotShipped"]);
    expect((await codes("typologyCode=order")).map((r) => r.subTypologyCode)).toEqual(["orderCancellation"]);
    expect((await codes("userType=GrcOperator")).map((r) => r.subTypologyCode)).toEqual(["orderCancellation", "productIsDamaged"]);
    expect((await codes("orderStatus=Delivered", { "accept-language": "tr-TR,tr;q=0.9" }))[0]!.typologyDescription).toBe("Ürün hasarlı");
    await expectProblem(await api("GET", "/seller/v2/typologies?orderStatus=Lost", as(A)), 400);
  });
});

describe("create, list, count and read", () => {
  it("creates a seller's own discussion (201); refuses a duplicate of its own reference and an unknown sub-typology", async () => {
    const post = (s: typeof A, body: Record<string, unknown>) => api("POST", "/seller/v2/discussions", { ...as(s), body });
    const created = await post(A, {
      salesChannel: "CDISFR",
      salesChannelExternalDiscussionReference: "DUP-1",
      subTypologyCode: "productIsDamaged",
      customer: { userId: "CUST-DUP", name: "Ada Customer" },
      messages: [{ body: "We noticed your parcel came back." }],
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const d = (await created.json()) as WireDiscussion;
    expect(d).toMatchObject({ isOpen: true, processStatus: "Treated", salesChannel: "CDISFR", sellerId: A.id, subTypologyCode: "productIsDamaged" });
    expect(d.messages[0]).toMatchObject({ userType: "Seller", sender: { userType: "Seller" } });
    const again = await expectProblem(
      await post(A, {
        salesChannel: "CDISFR",
        salesChannelExternalDiscussionReference: "DUP-1",
        subTypologyCode: "productIsDamaged",
        messages: [{ body: "again" }],
      }),
      409,
    );
    expect(again.detail).toContain(d.discussionId);
    await expectProblem(await post(A, { salesChannel: "CDISFR", subTypologyCode: "nope", messages: [{ body: "x" }] }), 400);
    await expectProblem(
      await post(A, { salesChannel: "CDISFR", subTypologyCode: "orderCancellation", orderStatus: "Delivered", messages: [{ body: "x" }] }),
      400,
    );
  });

  it("lets a seller write only as itself and only now: another sender or a date is refused, nothing written", async () => {
    const before = await database.db.select({ n: sql<number>`count(*)::int` }).from(threads);
    for (const message of [
      { body: "Speaking for the customer", sender: { userType: "Customer" } },
      { body: "Speaking for customer service", sender: { userType: "GrcOperator" } },
      { body: "From the future", createdAt: "9999-12-31" },
      { body: "From the past", sender: { userType: "Seller" }, createdAt: "2020-01-01T00:00:00Z" },
    ]) {
      const problem = await expectProblem(
        await api("POST", "/seller/v2/discussions", { ...as(A), body: { salesChannel: "CDISFR", subTypologyCode: "productIsDamaged", messages: [message] } }),
        400,
      );
      expect(Object.keys(problem.errors).join()).toMatch(/messages\.0\.(sender|createdAt)/);
    }
    expect(await database.db.select({ n: sql<number>`count(*)::int` }).from(threads)).toEqual(before);
  });

  it("scopes a reference to its seller: another seller's equal reference is no conflict, and its id is never revealed", async () => {
    const reference = `SHARED-${Date.now()}`;
    const theirs = await create(B, { salesChannelExternalDiscussionReference: reference });
    const response = await api("POST", "/seller/v2/discussions", {
      ...as(A),
      body: { salesChannel: "CDISFR", salesChannelExternalDiscussionReference: reference, subTypologyCode: "productIsDamaged", messages: [{ body: "Ours." }] },
    });
    const text = await response.clone().text();
    expect(response.status, text).toBe(201);
    expect(text).not.toContain(`"${theirs.discussionId}"`);
    // A reply by reference finds each seller's own.
    const mine = (await response.json()) as WireDiscussion;
    const replied = await api("POST", "/seller/v2/messages", {
      ...as(A),
      body: { body: "By reference", salesChannel: "CDISFR", salesChannelExternalDiscussionReference: reference, receivers: [{ userType: "Customer" }] },
    });
    expect(((await replied.json()) as { discussionId: string }).discussionId).toBe(mine.discussionId);
  });

  it("shows a seller only its own discussions: another seller's is 404 everywhere", async () => {
    const mine = await create(A);
    const theirs = await create(B);
    expect((await api("GET", `/seller/v2/discussions/${mine.discussionId}`, as(A))).status).toBe(200);
    await expectProblem(await api("GET", `/seller/v2/discussions/${theirs.discussionId}`, as(A)), 404);
    await expectProblem(await api("GET", `/seller/v2/discussions/${theirs.discussionId}/`, as(A)), 404);
    await expectProblem(
      await api("PATCH", `/seller/v2/discussions/${theirs.discussionId}`, { ...as(A), body: [{ op: "replace", path: "/isOpen", value: false }] }),
      404,
    );
    await expectProblem(await reply(A, { body: "hi", discussionId: theirs.discussionId, receivers: [{ userType: "Customer" }] }), 404);
    await expectProblem(
      await api("PATCH", `/seller/v2/messages/${theirs.messages[0]!.messageId}`, { ...as(A), body: [{ op: "replace", path: "/hasRead", value: true }] }),
      404,
    );
    const list = (await (await api("GET", `/seller/v2/discussions?discussionId=${mine.discussionId},${theirs.discussionId}`, as(A))).json()) as Page;
    expect(list.items.map((i) => i.discussionId)).toEqual([mine.discussionId]);
    const all = (await (await api("GET", "/seller/v2/discussions?pageSize=100", as(A))).json()) as Page;
    expect(all.items.every((i) => i.sellerId === A.id)).toBe(true);
    expect(await (await api("GET", `/seller/v2/attachments?discussionId=${theirs.discussionId}`, as(A))).json()).toEqual([]);
    await expectProblem(await api("GET", "/seller/v2/discussions/abc", as(A)), 404);
  });

  it("returns the discussion with its messages, senders, user types, attachment counts and eligible receivers", async () => {
    const d = await create(A, {
      receivers: [{ userType: "Customer" }],
      messages: [
        { body: "Where is it?", sender: { userType: "Customer" }, attachments: [{ name: "photo.png", content: b64(png), fileFormat: "png" }] },
        { body: "We asked the seller.", sender: { userType: "GrcOperator" } },
        { body: "Automatic reminder", sender: { userType: "Automatic" } },
      ],
    });
    const got = (await (await api("GET", `/seller/v2/discussions/${d.discussionId}/`, as(A))).json()) as WireDiscussion;
    expect(got.receivers).toEqual([{ userType: "Customer" }]);
    expect(got.messages.map((m) => [m.userType, m.sender.userType, m.attachmentCount])).toEqual([
      ["Customer", "Customer", 1],
      ["GrcOperator", "GrcOperator", 0],
      ["Automatic", "Automatic", 0],
    ]);
    expect(got.processStatus).toBe("ToTreat");
  });

  it("filters, pages with a Link header, honours includeMessages, and counts", async () => {
    const channel = `CH${Date.now()}`;
    await database.db
      .insert(discussionTypologies)
      .values({ typologyCode: "product", subTypologyCode: "productIsDamaged", salesChannel: channel, orderStatuses: ["Delivered"] });
    const made: WireDiscussion[] = [];
    for (let i = 0; i < 5; i++) {
      made.push(
        await create(A, {
          salesChannel: channel,
          graduationCode: i === 0 ? "Claim" : "Discussion",
          orderId: `O-${channel}-${i}`,
          messages: [
            { body: `first ${i}`, sender: { userType: "Customer" }, createdAt: new Date(Date.now() - 60_000).toISOString() },
            { body: `last ${i}`, sender: { userType: "Customer" } },
          ],
        }),
      );
    }
    // One closed, one answered (Treated).
    expect(
      (await api("PATCH", `/seller/v2/discussions/${made[1]!.discussionId}`, { ...as(A), body: [{ opt: "replace", path: "/isOpen", value: "false" }] })).status,
    ).toBe(200);
    expect((await reply(A, { body: "On its way", discussionId: made[2]!.discussionId, receivers: [{ userType: "Customer" }] })).status).toBe(201);

    const page1 = await api("GET", `/seller/v2/discussions?salesChannel=${channel}&pageSize=2&pageIndex=1`, as(A));
    const p1 = (await page1.json()) as Page;
    expect(p1).toMatchObject({ itemsPerPage: 2, count: 5 });
    expect(p1.items).toHaveLength(2);
    // Most recently changed first: the answered one, then the closed one.
    expect(p1.items.map((i) => i.discussionId)).toEqual([made[2]!.discussionId, made[1]!.discussionId]);
    expect(p1.items[0]!.messages).toEqual([]);
    const link = page1.headers.get("link")!;
    expect(link).toMatch(/^<http:\/\/127\.0\.0\.1:3000\/seller\/v2\/discussions\?.*pageIndex=2.*>; rel="next"$/);
    const nextUrl = /^<([^>]+)>/.exec(link)![1]!;
    const page3 = await api("GET", nextUrl.replace("pageIndex=2", "pageIndex=3"), as(A));
    expect(((await page3.json()) as Page).items).toHaveLength(1);
    expect(page3.headers.get("link")).toBeNull();
    const seen = new Set<string>();
    for (let pi = 1; pi <= 3; pi++) {
      const p = (await (await api("GET", `/seller/v2/discussions?salesChannel=${channel}&pageSize=2&pageIndex=${pi}`, as(A))).json()) as Page;
      p.items.forEach((i) => seen.add(i.discussionId));
    }
    expect(seen.size).toBe(5);

    const ids = async (q: string) =>
      ((await (await api("GET", `/seller/v2/discussions?salesChannel=${channel}&${q}`, as(A))).json()) as Page).items.map((i) => i.discussionId).sort();
    expect(await ids("isOpen=false")).toEqual([made[1]!.discussionId]);
    expect(await ids("processStatus=Treated")).toEqual([made[2]!.discussionId]);
    expect((await ids("processStatus=ToTreat")).length).toBe(4);
    expect(await ids(`orderId=O-${channel}-3`)).toEqual([made[3]!.discussionId]);
    expect((await ids("subTypologyCode=productIsDamaged&typologyCode=product")).length).toBe(5);
    expect(await ids("subTypologyCode=orderCancellation")).toEqual([]);
    expect(
      (await ids(`updatedAtMin=${new Date(Date.now() - 3_600_000).toISOString()}&updatedAtMax=${new Date(Date.now() + 60_000).toISOString()}`)).length,
    ).toBe(5);
    expect(await ids(`updatedAtMax=${new Date(Date.now() - 3_600_000).toISOString()}`)).toEqual([]);
    const asc = (await (await api("GET", `/seller/v2/discussions?salesChannel=${channel}&sort=createdAt asc`, as(A))).json()) as Page;
    expect(asc.items[0]!.discussionId).toBe(made[0]!.discussionId);

    const first = (await (
      await api("GET", `/seller/v2/discussions?salesChannel=${channel}&includeMessages=FirstMessage&orderId=O-${channel}-4`, as(A))
    ).json()) as Page;
    expect(first.items[0]!.messages.map((m) => m.body)).toEqual(["first 4"]);
    const last = (await (
      await api("GET", `/seller/v2/discussions?salesChannel=${channel}&includeMessages=LastMessage&orderId=O-${channel}-4`, as(A))
    ).json()) as Page;
    expect(last.items[0]!.messages.map((m) => m.body)).toEqual(["last 4"]);

    const count = async (q: string) =>
      ((await (await api("GET", `/seller/v2/discussions/count?salesChannel=${channel}&${q}`, as(A))).json()) as { count: number }).count;
    expect(await count("")).toBe(5);
    expect(await count("graduationCode=Claim")).toBe(1);
    expect(await count("processStatus=ToTreat")).toBe(4);
    expect(await count("isOpen=true")).toBe(4);
    expect(await count("isOpen=false&processStatus=ToTreat")).toBe(1);
    expect(
      ((await (await api("GET", `/seller/v2/discussions/count/?salesChannel=${channel}`, { token: B.token, sellerId: B.id })).json()) as { count: number })
        .count,
    ).toBe(0);
    await expectProblem(await api("GET", "/seller/v2/discussions/count?graduationCode=Level_9", as(A)), 400);
  });

  it("refuses an updatedAt window longer than 6 months with a clear error", async () => {
    const max = new Date("2026-09-01T00:00:00Z");
    const min = new Date("2026-02-01T00:00:00Z"); // 7 months
    const body = await expectProblem(
      await api("GET", `/seller/v2/discussions?updatedAtMin=${min.toISOString()}&updatedAtMax=${max.toISOString()}`, as(A)),
      400,
    );
    expect(body.detail).toMatch(/6 months/);
    expect(body.errors.updatedAtMin).toBeDefined();
    const seven = new Date();
    seven.setMonth(seven.getMonth() - 7);
    await expectProblem(await api("GET", `/seller/v2/discussions?updatedAtMin=${seven.toISOString()}`, as(A)), 400);
    expect((await api("GET", `/seller/v2/discussions?updatedAtMin=2026-03-01T00:00:00Z&updatedAtMax=${max.toISOString()}`, as(A))).status).toBe(200);
    await expectProblem(await api("GET", "/seller/v2/discussions?updatedAtMin=yesterday", as(A)), 400);
    await expectProblem(await api("GET", "/seller/v2/discussions?pageSize=1000", as(A)), 400);
  });
});

describe("POST /messages", () => {
  it("replies to customer service with an attachment, in the production body shape; the inbox sees it", async () => {
    const d = await create(A);
    const since = (await database.db.select({ id: realtimeEvents.id }).from(realtimeEvents).orderBy(desc(realtimeEvents.id)).limit(1))[0]?.id ?? 0;
    const response = await reply(A, {
      body: "Photo of the packaging attached.",
      discussionId: d.discussionId,
      salesChannelExternalDiscussionReference: "",
      salesChannel: "CDISFR",
      receivers: [{ userId: "", userType: "GrcOperator" }],
      attachments: [
        { content: b64(png), name: "packaging.png", fileFormat: "png" },
        { content: b64(pdf), name: "proof.pdf", fileFormat: "pdf" },
      ],
      someUnknownField: 1,
    });
    expect(response.status, await response.clone().text()).toBe(201);
    const created = (await response.json()) as {
      type: string;
      status: number;
      traceId: string;
      errors: object;
      messageId: string;
      attachments: { attachmentId: string }[];
    };
    expect(created).toMatchObject({ status: 201, errors: {} });
    expect(created.attachments).toHaveLength(2);

    const [row] = await database.db
      .select()
      .from(messages)
      .where(eq(messages.id, Number(created.messageId)));
    expect(row).toMatchObject({ authorRole: "seller", authorName: "Seller A", receivers: [{ userType: "GrcOperator" }] });
    const [thread] = await database.db
      .select()
      .from(threads)
      .where(eq(threads.id, Number(d.discussionId)));
    expect(thread).toMatchObject({ channelState: "treated", waitingSince: null, lastMessageRole: "seller" });
    const events = await database.db.select().from(realtimeEvents).where(gt(realtimeEvents.id, since));
    // The inbox hears the message and the discussion's new process state in the same event.
    expect(events.map((e) => [e.name, e.data.channelState])).toEqual(expect.arrayContaining([["message.created", "treated"]]));

    const got = (await (await api("GET", `/seller/v2/discussions/${d.discussionId}`, as(A))).json()) as WireDiscussion;
    expect(got.processStatus).toBe("Treated");
    expect(got.messages[1]).toMatchObject({
      body: "Photo of the packaging attached.",
      userType: "Seller",
      attachmentCount: 2,
      receivers: [{ userType: "GrcOperator" }],
    });

    // GET /attachments by message, by discussion and by id, with content.
    const byMessage = (await (await api("GET", `/seller/v2/attachments?messageId=${created.messageId}`, as(A))).json()) as {
      attachmentId: string;
      attachmentName: string;
      fileFormat: string;
      content: string;
      discussionId: string;
    }[];
    expect(byMessage.map((a) => [a.attachmentName, a.fileFormat])).toEqual([
      ["packaging.png", "png"],
      ["proof.pdf", "pdf"],
    ]);
    expect(Buffer.from(byMessage[0]!.content, "base64").equals(Buffer.from(png))).toBe(true);
    expect(byMessage[0]!.discussionId).toBe(d.discussionId);
    const byDiscussion = (await (await api("GET", `/seller/v2/attachments/?discussionId=${d.discussionId}`, as(A))).json()) as unknown[];
    expect(byDiscussion).toHaveLength(2);
    const byId = (await (await api("GET", `/seller/v2/attachments?attachmentId=${created.attachments[1]!.attachmentId}`, as(A))).json()) as {
      attachmentName: string;
    }[];
    expect(byId.map((a) => a.attachmentName)).toEqual(["proof.pdf"]);
    expect(await (await api("GET", `/seller/v2/attachments?attachmentId=${created.attachments[1]!.attachmentId}`, as(B))).json()).toEqual([]);
    await expectProblem(await api("GET", "/seller/v2/attachments", as(A)), 400);
  });

  it("never shows a seller an agent's unsent files (drafts) or an internal note's files", async () => {
    const d = await create(A);
    const agent = await makeUser(database.db, "agent");
    const actor = { kind: "staff" as const, userId: agent.id, name: agent.name, role: agent.role };
    const [draft] = await uploadDraftAttachments(database.db, { threadId: Number(d.discussionId), files: [{ name: "draft-secret.png", bytes: png }] }, actor);
    const note = await postReply(
      database.db,
      { threadId: Number(d.discussionId), kind: "note", body: "internal", files: [{ name: "note-secret.pdf", bytes: pdf }] },
      actor,
    );
    const names = async (query: string) =>
      ((await (await api("GET", `/seller/v2/attachments?${query}`, as(A))).json()) as { attachmentName: string }[]).map((a) => a.attachmentName);
    expect(await names(`discussionId=${d.discussionId}`)).toEqual([]);
    expect(await names(`attachmentId=${draft!.id}`)).toEqual([]);
    expect(await names(`attachmentId=${note.attachments[0]!.id}`)).toEqual([]);
    expect(await names(`messageId=${note.message.id}`)).toEqual([]);
    // Once sent in a reply the seller may see, the draft is the seller's to read.
    await postReply(database.db, { threadId: Number(d.discussionId), kind: "reply", body: "here", receivers: ["customer"], draftIds: [draft!.id] }, actor);
    expect(await names(`discussionId=${d.discussionId}`)).toEqual(["draft-secret.png"]);
  });

  it("tolerates a flat receiver, the misspelled reference key, a trailing slash, and a data: URL", async () => {
    const d = await create(A, { salesChannelExternalDiscussionReference: `EXT-${Date.now()}` });
    const reference = (await (await api("GET", `/seller/v2/discussions/${d.discussionId}`, as(A))).json()) as {
      salesChannelExternalDiscussionReference: string;
    };
    const response = await api("POST", "/seller/v2/messages/", {
      ...as(A),
      body: {
        body: "Found it by reference.",
        salesChannelEternalDiscussionReference: reference.salesChannelExternalDiscussionReference,
        salesChannel: "CDISFR",
        receiver: { userId: "CUST", userType: "customer" },
        attachments: [{ content: `data:image/png;base64,${b64(png)}`, name: "a.png" }],
      },
    });
    expect(response.status, await response.clone().text()).toBe(201);
    expect(((await response.json()) as { discussionId: string }).discussionId).toBe(d.discussionId);
  });

  it("refuses a fourth attachment", async () => {
    const d = await create(A);
    const file = { content: b64(png), name: "p.png", fileFormat: "png" };
    const body = await expectProblem(
      await reply(A, { body: "four", discussionId: d.discussionId, receivers: [{ userType: "Customer" }], attachments: [file, file, file, file] }),
      400,
    );
    expect(body.detail).toMatch(/At most 3/);
    expect(body.errors.attachments).toBeDefined();
    expect(
      (await reply(A, { body: "three", discussionId: d.discussionId, receivers: [{ userType: "Customer" }], attachments: [file, file, file] })).status,
    ).toBe(201);
  });

  it("refuses 5 MB of attachments", async () => {
    const d = await create(A);
    const big = new Uint8Array(2.5 * MB);
    big.set(png);
    const body = await expectProblem(
      await reply(A, {
        body: "big",
        discussionId: d.discussionId,
        receivers: [{ userType: "Customer" }],
        attachments: [
          { content: b64(big), name: "a.png" },
          { content: b64(big), name: "b.png" },
        ],
      }),
      413,
    );
    expect(body.detail).toMatch(/4 MB/);
    const got = (await (await api("GET", `/seller/v2/discussions/${d.discussionId}`, as(A))).json()) as WireDiscussion;
    expect(got.messages).toHaveLength(1);
  });

  it("refuses a renamed .exe, whatever its name and declared format say", async () => {
    const d = await create(A);
    const exe = new Uint8Array(4096);
    exe.set([0x4d, 0x5a, 0x90, 0x00, 0x03]);
    exe.set([0x50, 0x45, 0x00, 0x00], 0x80);
    exe[0x3c] = 0x80;
    const body = await expectProblem(
      await reply(A, {
        body: "invoice",
        discussionId: d.discussionId,
        receivers: [{ userType: "Customer" }],
        attachments: [{ content: b64(exe), name: "invoice.pdf", fileFormat: "pdf" }],
      }),
      415,
    );
    expect(body.detail).toMatch(/not an accepted file type/);
    await expectProblem(
      await reply(A, { body: "x", discussionId: d.discussionId, receivers: [{ userType: "Customer" }], attachments: [{ content: "!!!", name: "x.pdf" }] }),
      400,
    );
  });

  it("refuses a receiver type that does not match the discussion's receivers", async () => {
    const d = await create(A, { receivers: [{ userType: "Customer" }] });
    const body = await expectProblem(await reply(A, { body: "to CS", discussionId: d.discussionId, receivers: [{ userType: "GrcOperator" }] }), 400);
    expect(body.detail).toMatch(/does not match/);
    await expectProblem(await reply(A, { body: "to nobody", discussionId: d.discussionId, receivers: [] }), 400);
    await expectProblem(await reply(A, { body: "to a seller", discussionId: d.discussionId, receivers: [{ userType: "Seller" }] }), 400);
    await expectProblem(await reply(A, { body: "bad type", discussionId: d.discussionId, receivers: [{ userType: "Martian" }] }), 400);
    await expectProblem(await reply(A, { discussionId: d.discussionId, receivers: [{ userType: "Customer" }] }), 400);
    await expectProblem(await api("POST", "/seller/v2/messages", { ...as(A), body: "{not json" }), 400);
  });

  it("refuses a reply to a closed discussion with 409", async () => {
    const d = await create(A, { isOpen: false });
    await expectProblem(await reply(A, { body: "late", discussionId: d.discussionId, receivers: [{ userType: "Customer" }] }), 409);
  });

  it("accepts a flat receiver written as just its userType, as seller SDKs send it", async () => {
    const d = await create(A, { receivers: [{ userType: "Customer" }, { userType: "GrcOperator" }] });
    const response = await reply(A, { body: "Flat string receiver.", discussionId: d.discussionId, receiver: "Customer" });
    expect(response.status, await response.clone().text()).toBe(201);
    const got = (await (await api("GET", `/seller/v2/discussions/${d.discussionId}`, as(A))).json()) as WireDiscussion;
    expect(got.messages.at(-1)).toMatchObject({ body: "Flat string receiver.", receivers: [{ userType: "Customer" }] });
    // A list of strings is read the same way; an unknown userType is still refused.
    expect((await reply(A, { body: "Both.", discussionId: d.discussionId, receivers: ["Customer", "GrcOperator"] })).status).toBe(201);
    await expectProblem(await reply(A, { body: "No.", discussionId: d.discussionId, receiver: "Martian" }), 400);
  });

  it("refuses an agent's reply to a closed discussion through the inbox path exactly like the seller API's", async () => {
    const d = await create(A, { isOpen: false, receivers: [{ userType: "Customer" }] });
    const api409 = await expectProblem(await reply(A, { body: "late", discussionId: d.discussionId, receivers: [{ userType: "Customer" }] }), 409);
    const agent = await makeUser(database.db, "agent");
    const refusal = await postReply(
      database.db,
      { threadId: Number(d.discussionId), kind: "reply", body: "late from the inbox", receivers: ["customer"] },
      agent.actor,
    ).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toMatchObject({ code: "conflict", status: 409, message: api409.detail });
    // An internal note is still taken, and nothing of the refused reply was written.
    await postReply(database.db, { threadId: Number(d.discussionId), kind: "note", body: "Customer called about this." }, agent.actor);
    const got = (await (await api("GET", `/seller/v2/discussions/${d.discussionId}`, as(A))).json()) as WireDiscussion;
    expect(got.messages.map((m) => m.body)).not.toContain("late from the inbox");
  });
});

describe("absolute URLs", () => {
  it("builds the Link to the next page on the host the client called, or on PUBLIC_URL", async () => {
    const order = `LINK-${Date.now()}`;
    for (let i = 0; i < 3; i++) await create(A, { orderId: order });
    const path = `/seller/v2/discussions?orderId=${order}&pageSize=1`;
    const behindProxy = await api("GET", path, {
      ...as(A),
      headers: { host: "10.0.0.5:3000", "x-forwarded-host": "desk.example.com", "x-forwarded-proto": "https" },
    });
    expect(behindProxy.headers.get("link")).toMatch(/^<https:\/\/desk\.example\.com\/seller\/v2\/discussions\?.*pageIndex=2.*>; rel="next"$/);
    const direct = await api("GET", path, { ...as(A), headers: { host: "seller-api.example.org" } });
    expect(direct.headers.get("link")).toMatch(/^<http:\/\/seller-api\.example\.org\/seller\/v2\/discussions\?/);
    process.env.PUBLIC_URL = "https://help.shop.example/";
    try {
      const configured = await api("GET", path, { ...as(A), headers: { host: "internal:3000" } });
      expect(configured.headers.get("link")).toMatch(/^<https:\/\/help\.shop\.example\/seller\/v2\/discussions\?/);
    } finally {
      delete process.env.PUBLIC_URL;
    }
  });
});

describe("PATCH", () => {
  it("opens and closes a discussion with op or opt, boolean or string; the inbox status follows", async () => {
    const d = await create(A);
    const id = Number(d.discussionId);
    const status = async () => (await database.db.select({ s: threads.status }).from(threads).where(eq(threads.id, id)))[0]!.s;
    const patch = (body: unknown) => api("PATCH", `/seller/v2/discussions/${id}`, { ...as(A), body });
    const ok = await patch([{ opt: "replace", path: "/isOpen", value: "false" }]);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ success: true });
    expect(await status()).toBe("closed");
    expect((await patch([{ op: "replace", path: "/isOpen", value: true }])).status).toBe(200);
    expect(await status()).toBe("open");
    expect((await patch({ op: "replace", path: "isOpen", value: "False" })).status).toBe(200);
    expect(await status()).toBe("closed");
    const closed = await database.db
      .select()
      .from(realtimeEvents)
      .where(and(eq(realtimeEvents.name, "thread.closed"), sql`${realtimeEvents.data}->>'threadId' = ${String(id)}`));
    expect(closed.length).toBe(2);
    const got = (await (await api("GET", `/seller/v2/discussions/${id}`, as(A))).json()) as WireDiscussion;
    expect(got.isOpen).toBe(false);
  });

  it("refuses any path other than /isOpen on a discussion and /hasRead on a message, and bad values", async () => {
    const d = await create(A);
    const patchD = (body: unknown) => api("PATCH", `/seller/v2/discussions/${d.discussionId}`, { ...as(A), body });
    for (const body of [
      [{ op: "replace", path: "/status", value: "closed" }],
      [{ op: "replace", path: "/hasRead", value: true }],
      [
        { op: "replace", path: "/isOpen", value: false },
        { op: "replace", path: "/subject", value: "x" },
      ],
      [{ op: "remove", path: "/isOpen" }],
      [{ op: "replace", path: "/isOpen", value: "maybe" }],
      [],
    ]) {
      await expectProblem(await patchD(body), 400);
    }
    const pathError = await expectProblem(await patchD([{ opt: "replace", path: "/subTypologyCode", value: "x" }]), 400);
    expect(pathError.detail).toMatch(/Only \/isOpen/);
    expect((await (await api("GET", `/seller/v2/discussions/${d.discussionId}`, as(A))).json()) as WireDiscussion).toMatchObject({ isOpen: true });
    const m = d.messages[0]!.messageId;
    await expectProblem(await api("PATCH", `/seller/v2/messages/${m}`, { ...as(A), body: [{ op: "replace", path: "/isOpen", value: false }] }), 400);
    await expectProblem(await api("PATCH", `/seller/v2/messages/${m}`, { ...as(A), body: [{ op: "replace", path: "/body", value: "x" }] }), 400);
  });

  it("marks a message read and unread (hasRead), keeping the thread's unread count", async () => {
    const d = await create(A);
    const id = Number(d.discussionId);
    const m = d.messages[0]!.messageId;
    const unread = async () => (await database.db.select({ n: threads.unreadCount }).from(threads).where(eq(threads.id, id)))[0]!.n;
    expect(await unread()).toBe(1);
    expect((await api("PATCH", `/seller/v2/messages/${m}`, { ...as(A), body: [{ opt: "replace", path: "/hasRead", value: "true" }] })).status).toBe(200);
    expect(await unread()).toBe(0);
    let got = (await (await api("GET", `/seller/v2/discussions/${id}`, as(A))).json()) as WireDiscussion;
    expect(got.messages[0]!.hasRead).toBe(true);
    expect((await api("PATCH", `/seller/v2/messages/${m}/`, { ...as(A), body: [{ op: "replace", path: "/hasRead", value: false }] })).status).toBe(200);
    expect(await unread()).toBe(1);
    got = (await (await api("GET", `/seller/v2/discussions/${id}`, as(A))).json()) as WireDiscussion;
    expect(got.messages[0]!.hasRead).toBe(false);
    await expectProblem(await api("PATCH", "/seller/v2/messages/999999999", { ...as(A), body: [{ op: "replace", path: "/hasRead", value: true }] }), 404);
  });

  it("answers 405 for methods the API does not have", async () => {
    await expectProblem(await api("DELETE", "/seller/v2/discussions/1", as(A)), 405);
    await expectProblem(await api("GET", "/seller/v2/messages", as(A)), 405);
  });
});
