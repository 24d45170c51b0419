// The conversations API through its route handlers, the way a storefront's server calls it: sign
// in (POST /users/login/), fetch the CSRF token, then list, retrieve and create with the
// osessionid cookie. The customer's id is in every WHERE (another's conversation is 404), pages
// are DRF's with absolute links on the host the client called, retried POSTs add one message, the
// duplicate rule, CSRF, anonymous callers, Turkish errors, and agents answering as the seller.
// PGlite and PostgreSQL.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { messages, threads } from "@/db/schema";
import { postReply } from "@/lib/channels/reply";
import { StorefrontSession, storefrontApi } from "@/e2e/support/api-clients";
import { ensureLanguages, ensureProduct, ensureSeller, makeCustomerAccount, makeOrderItem, makeUser } from "@/e2e/support/factories";
import { createTestDatabase } from "@/e2e/support/test-db";

let database: Database;
let sellerId: number;
let sellerTitle: string;
let productId: number;

beforeAll(async () => {
  process.env.SIGNIN_LIMIT_IP_MAX = "1000";
  process.env.SIGNUP_LIMIT_IP_MAX = "1000";
  database = await createTestDatabase({ useAsAppDatabase: true });
  await ensureLanguages(database.db);
  const seller = await ensureSeller(database.db, "northwind");
  sellerId = seller.id;
  sellerTitle = seller.title;
  productId = (await ensureProduct(database.db, { sku: "NW-JACKET", name: "Rain Jacket", sellerId })).id;
});
afterAll(async () => {
  await database.close();
});

type Conversation = {
  id: number;
  is_answered: boolean;
  message_set: { id: number; content_type: string; content_id: number; message_content: string; sender_name: string }[];
  [k: string]: unknown;
};

async function shopper(overrides: Parameters<typeof makeCustomerAccount>[1] = {}) {
  const account = await makeCustomerAccount(database.db, overrides);
  const shop = new StorefrontSession({ "accept-language": "undefined", "x-currency": "undefined", referer: "http://127.0.0.1:3000" });
  expect((await shop.signIn(account.email, account.password)).status).toBe(200);
  return { ...account, shop };
}

const createBody = (customerId: number, extra: Record<string, unknown> = {}) => ({
  conversation_type: "question",
  user: customerId,
  user_type: "registered",
  message_content: "Does it come in navy?",
  datasource: sellerId,
  content_type: "user",
  content_id: customerId,
  subject: "Colours",
  item_content: "product",
  item_id: productId,
  ...extra,
});

const messagesOf = async (threadId: number) => database.db.select().from(messages).where(eq(messages.threadId, threadId));

describe("login → csrf → list / retrieve / create", () => {
  it("runs the storefront's whole flow", async () => {
    const a = await shopper();
    expect(a.shop.cookies.csrftoken).toMatch(/^[A-Za-z0-9]{64}$/);
    const empty = await a.shop.call("GET", "/users/conversations/");
    expect(await empty.json()).toEqual({ count: 0, next: null, previous: null, results: [] });

    const created = await a.shop.call("POST", "/users/conversations/", createBody(a.customer.id));
    expect(created.status).toBe(201);
    const c = (await created.json()) as { id: number };
    expect(c).toMatchObject({ datasource: sellerId, user: a.customer.id, conversation_type: "question", item_content: "product", item_id: productId });

    const list = (await (await a.shop.call("GET", "/users/conversations/")).json()) as { count: number; results: Conversation[] };
    expect(list.count).toBe(1);
    expect(list.results[0]!.id).toBe(c.id);

    const one = (await (await a.shop.call("GET", `/users/conversations/${c.id}/`)).json()) as Conversation;
    expect(one).toMatchObject({ id: c.id, is_answered: false, subject: "Colours", item_object: { name: "Rain Jacket", sku: "NW-JACKET" } });
    expect(one.message_set.map((m) => [m.content_type, m.content_id, m.message_content])).toEqual([["user", a.customer.id, "Does it come in navy?"]]);
    // Without the trailing slash too.
    expect((await a.shop.call("GET", `/users/conversations/${c.id}`)).status).toBe(200);
  });
});

describe("the seller side", () => {
  it("is the seller: an agent's reply shows the seller's name, never the agent's; notes never show; is_answered follows who wrote last", async () => {
    const a = await shopper();
    const { id } = (await (await a.shop.call("POST", "/users/conversations/", createBody(a.customer.id, { conversation_type: "message" }))).json()) as {
      id: number;
    };
    const agent = await makeUser(database.db, "agent", { name: "Agent Orhan Secret" });
    await postReply(database.db, { threadId: id, kind: "note", body: "Internal: check the warehouse first." }, agent.actor);
    await postReply(database.db, { threadId: id, kind: "reply", body: "Yes, navy is in stock." }, agent.actor);

    const answered = await a.shop.call("GET", `/users/conversations/${id}/`);
    const text = await answered.clone().text();
    expect(text).not.toContain("Orhan");
    expect(text).not.toContain("Internal: check");
    const body = (await answered.json()) as Conversation;
    expect(body.is_answered).toBe(true);
    expect(body.message_set.map((m) => [m.content_type, m.content_id, m.sender_name, m.message_content])).toEqual([
      ["user", a.customer.id, expect.any(String), "Does it come in navy?"],
      ["datasource", sellerId, sellerTitle, "Yes, navy is in stock."],
    ]);

    const again = await a.shop.call("POST", "/users/conversations/", createBody(a.customer.id, { conversation: id, message_content: "Great, and in size M?" }));
    expect(again.status).toBe(201);
    const after = (await (await a.shop.call("GET", `/users/conversations/${id}/`)).json()) as Conversation;
    expect(after.is_answered).toBe(false);
    expect(after.message_set).toHaveLength(3);
  });
});

describe("pages like Django REST framework", () => {
  it("counts, pages by page and page_size or limit, with absolute next/previous on the host the client called", async () => {
    const a = await shopper();
    const other = await ensureSeller(database.db, `pager-${Date.now()}`);
    const ids: number[] = [];
    for (const [i, type] of (["message", "question", "review"] as const).entries()) {
      const r = await a.shop.call(
        "POST",
        "/users/conversations/",
        createBody(a.customer.id, { conversation_type: type, datasource: other.id, message_content: `m${i}` }),
      );
      expect(r.status).toBe(201);
      ids.push(((await r.json()) as { id: number }).id);
    }
    const host = { host: "shop-api.example:8443", "x-forwarded-proto": "https" };
    const first = (await (await a.shop.call("GET", "/users/conversations/?page_size=2", undefined, host)).json()) as {
      count: number;
      next: string;
      previous: null;
      results: Conversation[];
    };
    expect(first.count).toBe(3);
    expect(first.results.map((r) => r.id)).toEqual([ids[2], ids[1]]);
    expect(first.previous).toBeNull();
    expect(first.next).toBe("https://shop-api.example:8443/users/conversations/?page_size=2&page=2");
    const second = (await (await a.shop.call("GET", "/users/conversations/?page_size=2&page=2", undefined, host)).json()) as typeof first;
    expect(second.results.map((r) => r.id)).toEqual([ids[0]]);
    expect(second.next).toBeNull();
    expect(second.previous).toBe("https://shop-api.example:8443/users/conversations/?page_size=2");
    const viaLimit = (await (await a.shop.call("GET", "/users/conversations/?limit=1")).json()) as typeof first;
    expect(viaLimit.results).toHaveLength(1);
    expect(viaLimit.next).toBe("http://127.0.0.1:3000/users/conversations/?limit=1&page=2");
    for (const bad of ["?page=9", "?page=0", "?page=abc"]) {
      const r = await a.shop.call("GET", `/users/conversations/${bad}`);
      expect(r.status).toBe(404);
      expect(await r.json()).toEqual({ detail: "Invalid page." });
    }
    const filtered = (await (await a.shop.call("GET", "/users/conversations/?conversation_type=review")).json()) as typeof first;
    expect(filtered.results.map((r) => r.id)).toEqual([ids[2]]);
  });
});

describe("the duplicate rule and retries", () => {
  it('answers 400 ["Conversation already exists"] for the same seller, item and type (in Turkish when asked)', async () => {
    const a = await shopper();
    expect((await a.shop.call("POST", "/users/conversations/", createBody(a.customer.id))).status).toBe(201);
    const dup = await a.shop.call("POST", "/users/conversations/", createBody(a.customer.id, { message_content: "Another try" }));
    expect(dup.status).toBe(400);
    expect(await dup.json()).toEqual(["Conversation already exists"]);
    const tr = await a.shop.call("POST", "/users/conversations/", createBody(a.customer.id), { "accept-language": "tr-TR" });
    expect(await tr.json()).toEqual(["Konuşma zaten mevcut"]);
    // Another type of the same item is another conversation.
    expect((await a.shop.call("POST", "/users/conversations/", createBody(a.customer.id, { conversation_type: "review" }))).status).toBe(201);
  });

  it("adds one message when the same POST arrives four times", async () => {
    const a = await shopper();
    const first = await a.shop.call("POST", "/users/conversations/", createBody(a.customer.id, { conversation_type: "message" }));
    const { id } = (await first.json()) as { id: number };
    const retried = createBody(a.customer.id, { conversation: id, message_content: "Is the hood removable?" });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await a.shop.call("POST", "/users/conversations/", retried)).status);
    expect(statuses).toEqual([201, 201, 201, 201]);
    expect((await messagesOf(id)).map((m) => m.body)).toEqual(["Does it come in navy?", "Is the hood removable?"]);

    // A new conversation retried four times: one thread, one message; the retries hear it exists.
    const fresh = createBody(a.customer.id, { conversation_type: "review", message_content: "Lovely jacket." });
    const answers: number[] = [];
    for (let i = 0; i < 4; i++) answers.push((await a.shop.call("POST", "/users/conversations/", fresh)).status);
    expect(answers).toEqual([201, 400, 400, 400]);
    const reviews = await database.db
      .select({ id: threads.id })
      .from(threads)
      .where(and(eq(threads.customerId, a.customer.id), eq(threads.channel, "conversation")));
    expect(reviews).toHaveLength(2);
  });
});

describe("CSRF on unsafe calls with a session", () => {
  it("refuses a missing cookie, a missing header, a mismatch and a foreign Origin — and writes nothing", async () => {
    const a = await shopper();
    const session = `osessionid=${a.shop.cookies.osessionid}`;
    const token = a.shop.cookies.csrftoken!;
    const cases: [Record<string, string>, string][] = [
      [{ cookie: session }, "CSRF Failed: CSRF cookie not set."],
      [{ cookie: `${session}; csrftoken=undefined`, "x-csrftoken": "undefined" }, "CSRF Failed: CSRF cookie not set."],
      [{ cookie: `${session}; csrftoken=${token}` }, "CSRF Failed: CSRF token missing."],
      [
        { cookie: `${session}; csrftoken=${token}`, "x-csrftoken": `${token.slice(0, -1)}${token.endsWith("X") ? "Y" : "X"}` },
        "CSRF Failed: CSRF token incorrect.",
      ],
      [
        { cookie: `${session}; csrftoken=${token}`, "x-csrftoken": token, origin: "https://evil.example" },
        "CSRF Failed: Origin checking failed - https://evil.example does not match any trusted origins.",
      ],
    ];
    for (const [headers, detail] of cases) {
      const r = await storefrontApi("POST", "/users/conversations/", { headers, body: createBody(a.customer.id) });
      expect(r.status).toBe(403);
      expect(await r.json()).toEqual({ detail });
    }
    const tr = await storefrontApi("POST", "/users/conversations/", { headers: { cookie: session, "accept-language": "tr" }, body: createBody(a.customer.id) });
    expect(await tr.json()).toEqual({ detail: "CSRF Başarısız: CSRF çerezi ayarlanmamış." });
    const mine = await database.db.select().from(threads).where(eq(threads.customerId, a.customer.id));
    expect(mine).toHaveLength(0);
    // Reads need no token; the right token passes.
    expect((await storefrontApi("GET", "/users/conversations/", { headers: { cookie: session } })).status).toBe(200);
    expect((await a.shop.call("POST", "/users/conversations/", createBody(a.customer.id))).status).toBe(201);
  });
});

describe("whose conversations", () => {
  it("shows customer B nothing of customer A's: 404 on retrieve, refused as `conversation`, absent from the list", async () => {
    const a = await shopper();
    const b = await shopper();
    const { id } = (await (await a.shop.call("POST", "/users/conversations/", createBody(a.customer.id))).json()) as { id: number };
    const read = await b.shop.call("GET", `/users/conversations/${id}/`);
    expect(read.status).toBe(404);
    expect(await read.json()).toEqual({ detail: "Not found." });
    const write = await b.shop.call("POST", "/users/conversations/", createBody(b.customer.id, { conversation: id, message_content: "Let me in" }));
    expect(write.status).toBe(400);
    expect(await write.json()).toEqual({ conversation: [`Invalid pk "${id}" - object does not exist.`] });
    expect((await messagesOf(id)).map((m) => m.body)).toEqual(["Does it come in navy?"]);
    const list = (await (await b.shop.call("GET", "/users/conversations/")).json()) as { count: number };
    expect(list.count).toBe(0);
    // Writing as A (user/content_id) from B's session is refused too.
    const asA = await b.shop.call("POST", "/users/conversations/", createBody(a.customer.id, { conversation_type: "review" }));
    expect(asA.status).toBe(400);
    expect(await asA.json()).toEqual({ user: ["You can only write as yourself."], content_id: ["You can only write as yourself."] });
    // A's order item is not B's to ask about.
    const line = await makeOrderItem(database.db, { customerId: a.customer.id, productId, sellerId });
    const theirs = await b.shop.call("POST", "/users/conversations/", createBody(b.customer.id, { item_content: "orderitem", item_id: line.id }));
    expect(await theirs.json()).toEqual({ item_id: [`Invalid pk "${line.id}" - object does not exist.`] });
    const own = await a.shop.call("POST", "/users/conversations/", createBody(a.customer.id, { item_content: "orderitem", item_id: line.id }));
    expect(own.status).toBe(201);
  });

  it("asks an anonymous caller for credentials (list, retrieve, create)", async () => {
    for (const [method, path] of [
      ["GET", "/users/conversations/"],
      ["GET", "/users/conversations/1/"],
      ["POST", "/users/conversations/"],
    ] as const) {
      const r = await storefrontApi(method, path, {
        body: method === "POST" ? createBody(1) : undefined,
        headers: { "x-csrftoken": "undefined", cookie: "csrftoken=undefined" },
      });
      expect(r.status).toBe(403);
      expect(await r.json()).toEqual({ detail: "Authentication credentials were not provided." });
    }
  });
});

describe("validation", () => {
  it("answers DRF field errors, in Turkish by Accept-Language", async () => {
    const a = await shopper();
    const en = await a.shop.call("POST", "/users/conversations/", { conversation_type: "chat", user: "x", datasource: 999999, subject: "s".repeat(201) });
    expect(en.status).toBe(400);
    expect(await en.json()).toEqual({
      conversation_type: ['"chat" is not a valid choice.'],
      user: ["A valid integer is required."],
      user_type: ["This field is required."],
      message_content: ["This field is required."],
      content_type: ["This field is required."],
      content_id: ["This field is required."],
      subject: ["Ensure this field has no more than 200 characters."],
    });
    const tr = await a.shop.call("POST", "/users/conversations/", { message_content: "" }, { "accept-language": "tr,en;q=0.5" });
    expect(await tr.json()).toEqual({
      conversation_type: ["Bu alan zorunludur."],
      user: ["Bu alan zorunludur."],
      user_type: ["Bu alan zorunludur."],
      message_content: ["Bu alan boş bırakılamaz."],
      datasource: ["Bu alan zorunludur."],
      content_type: ["Bu alan zorunludur."],
      content_id: ["Bu alan zorunludur."],
    });
    const seller = await a.shop.call("POST", "/users/conversations/", createBody(a.customer.id, { datasource: 999999 }), { "accept-language": "tr" });
    expect(await seller.json()).toEqual({ datasource: ['Geçersiz pk "999999" - obje mevcut değil.'] });
    const item = await a.shop.call("POST", "/users/conversations/", createBody(a.customer.id, { item_id: 999999 }));
    expect(await item.json()).toEqual({ item_id: ['Invalid pk "999999" - object does not exist.'] });
    const side = await a.shop.call("POST", "/users/conversations/", createBody(a.customer.id, { content_type: "datasource" }));
    expect(await side.json()).toEqual({ content_type: ['"user" is the only value allowed here.'] });
    const list = await a.shop.call("POST", "/users/conversations/", "[1, 2]", { "content-type": "application/json" });
    expect(await list.json()).toEqual({ non_field_errors: ["Invalid data. Expected a dictionary, but got list."] });
  });
});
