// The SOAP user-messages service over real HTTP (its route module on a loopback port), called the
// way a seller's back office calls it: a stock SOAP client (the `soap` npm package) loads our WSDL
// with HTTP Basic and calls every operation; the spec's own raw `con:` examples are posted as they
// are. Refusals: Basic auth, apiKey, sign (uppercase accepted), stale and future time, replay,
// scopes, another seller's conversation answering like a missing one, an unknown sale code and
// nick, XXE and an entity bomb, malformed and oversized envelopes, throttling; tr/en texts.
// PGlite and PostgreSQL.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import * as soap from "soap";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { conversationDetails, customers, messages, threadEvents, threads } from "@/db/schema";
import { ensureLanguages, ensureProduct, ensureSeller, makeCustomerAccount, makeOrderItem, makeSoapCredential } from "@/e2e/support/factories";
import { serveSoapRoute, signed } from "@/e2e/support/soap";
import { createTestDatabase } from "@/e2e/support/test-db";
import { reset } from "@/lib/throttle";
import { findConversation } from "./queries";
import { openCustomerConversation, postCustomerMessage } from "./service";
import { saveTitle } from "./titles";

let database: Database;
let server: Awaited<ReturnType<typeof serveSoapRoute>>;
let outbox: string;

const SPEC_API_KEY = "NjgEHGeJc6cFqbw6FSUP8NpH3pUhV7ss";
const ctx = {} as {
  sellerId: number;
  otherSellerId: number;
  cred: Awaited<ReturnType<typeof makeSoapCredential>>;
  readOnly: Awaited<ReturnType<typeof makeSoapCredential>>;
  buyer: Awaited<ReturnType<typeof makeCustomerAccount>>;
  stranger: Awaited<ReturnType<typeof makeCustomerAccount>>;
  productId: number;
  conversationId: number;
  othersConversationId: number;
};

const envKeys = ["SOAP_SIGN_LIMIT_IP_MAX", "SOAP_SIGN_LIMIT_KEY_MAX", "SOAP_BASIC_LIMIT_IP_MAX", "MAIL_OUTBOX_DIR", "SMTP_URL"] as const;
const savedEnv = Object.fromEntries(envKeys.map((k) => [k, process.env[k]]));

beforeAll(async () => {
  process.env.SOAP_SIGN_LIMIT_IP_MAX = "100000";
  process.env.SOAP_SIGN_LIMIT_KEY_MAX = "100000";
  process.env.SOAP_BASIC_LIMIT_IP_MAX = "100000";
  delete process.env.SMTP_URL;
  outbox = await fs.mkdtemp(path.join(os.tmpdir(), "soap-outbox-"));
  process.env.MAIL_OUTBOX_DIR = outbox;
  database = await createTestDatabase({ useAsAppDatabase: true });
  const db = database.db;
  await ensureLanguages(db);
  const seller = await ensureSeller(db, "northwind");
  await db.execute(`update sellers set email = 'orders@northwind.example' where id = ${seller.id}`);
  const other = await ensureSeller(db, "bluewave");
  ctx.sellerId = seller.id;
  ctx.otherSellerId = other.id;
  await saveTitle(db, { code: "api_test", position: 0, isActive: true, texts: { tr: "API Deneme Mesaj Başlığı", en: "API test title" } });
  await saveTitle(db, { code: "shipping", position: 1, isActive: true, texts: { tr: "Kargo", en: "Shipping" } });
  ctx.buyer = await makeCustomerAccount(db, { firstName: "Deniz", lastName: "Kaya" });
  await db.update(customers).set({ nick: "operasyontest" }).where(eq(customers.id, ctx.buyer.customer.id));
  ctx.stranger = await makeCustomerAccount(db, { firstName: "Mert", lastName: "Öz" });
  await db.update(customers).set({ nick: "yabanci" }).where(eq(customers.id, ctx.stranger.customer.id));
  const product = await ensureProduct(db, { sku: "NW-SOAP-1", name: "Rain Jacket", sellerId: seller.id });
  ctx.productId = product.id;
  await makeOrderItem(db, { customerId: ctx.buyer.customer.id, productId: product.id, sellerId: seller.id, saleCode: "SC107037299" });
  const opened = await openCustomerConversation(
    db,
    { customerId: ctx.buyer.customer.id, sellerId: seller.id, type: "message", subject: "Where is my parcel?", body: "Kargom nerede?", ifExists: "append" },
    ctx.buyer.actor as never,
  );
  ctx.conversationId = opened.threadId;
  const others = await openCustomerConversation(
    db,
    { customerId: ctx.stranger.customer.id, sellerId: other.id, type: "message", subject: "Other seller", body: "Private to bluewave", ifExists: "append" },
    ctx.stranger.actor as never,
  );
  ctx.othersConversationId = others.threadId;
  ctx.cred = await makeSoapCredential(db, { sellerId: seller.id, apiKey: SPEC_API_KEY, roleName: "northwind_role", rolePassword: "role-password-1" });
  ctx.readOnly = await makeSoapCredential(db, { sellerId: seller.id, scopes: ["conversations.view"] });
  server = await serveSoapRoute();
});

afterAll(async () => {
  await server?.close();
  await database?.close();
  for (const k of envKeys) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
  await fs.rm(outbox, { recursive: true, force: true });
});

type Cred = typeof ctx.cred;
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Client = any;
async function clientFor(cred: Cred): Promise<Client> {
  const client = await soap.createClientAsync(`${server.url}?wsdl`, { wsdl_headers: { Authorization: basic(cred.roleName, cred.rolePassword) } });
  client.setSecurity(new soap.BasicAuthSecurity(cred.roleName, cred.rolePassword));
  return client;
}

/** Calls `op` with a fresh signature; `request` is its request object. */
async function call(client: Client, cred: Cred, op: string, request: Record<string, unknown> = {}, auth = signed(cred.apiKey, cred.secret)) {
  const [result] = await client[`${op}Async`]({ ...auth, [`${op}Request`]: request });
  return result.return;
}

/** The fault a call ends in: HTTP status, errorCode, faultstring. */
async function faultOf(promise: Promise<unknown>): Promise<{ status: number; errorCode: string; message: string; faultcode: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { response?: { status: number }; root?: { Envelope: { Body: { Fault: Record<string, never> } } } };
    const f = e.root?.Envelope.Body.Fault as unknown as {
      faultcode: string;
      faultstring: string | { $value: string };
      detail: { ServiceError: { errorCode: string; message: string } };
    };
    if (!f) throw error;
    return {
      status: e.response?.status ?? 0,
      errorCode: f.detail.ServiceError.errorCode,
      message: typeof f.faultstring === "string" ? f.faultstring : f.faultstring.$value,
      faultcode: f.faultcode,
    };
  }
  throw new Error("expected a fault");
}

async function post(xml: string, auth = basic("northwind_role", "role-password-1"), headers: Record<string, string> = {}) {
  const res = await fetch(server.url, { method: "POST", headers: { authorization: auth, "content-type": "text/xml; charset=utf-8", ...headers }, body: xml });
  const body = await res.text();
  return { status: res.status, body, errorCode: /<errorCode>([^<]*)<\/errorCode>/.exec(body)?.[1], message: /<faultstring[^>]*>([^<]*)</.exec(body)?.[1] };
}

const envelope = (inner: string) =>
  `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:con="http://conversation.individual.ws.listingapi.gg.com"><soapenv:Header/><soapenv:Body>${inner}</soapenv:Body></soapenv:Envelope>`;

function withAuth(xml: string, cred: Cred) {
  const s = signed(cred.apiKey, cred.secret);
  return xml.replace(/<sign>[^<]*<\/sign>/, `<sign>${s.sign.toUpperCase()}</sign>`).replace(/<time>[^<]*<\/time>/, `<time>${s.time}</time>`);
}

beforeEach(async () => {
  for (const ip of ["127.0.0.1", "unknown", "::ffff:127.0.0.1"]) {
    await reset(database.db, `soap-sign:ip:${ip}`);
    await reset(database.db, `soap-basic:ip:${ip}`);
  }
});

describe("the WSDL", () => {
  it("needs HTTP Basic: none or a wrong password is 401 with a challenge and a fault", async () => {
    const none = await fetch(`${server.url}?wsdl`);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Basic realm=/);
    expect(await none.text()).toContain("<errorCode>AUTH_REQUIRED</errorCode>");
    const wrong = await fetch(`${server.url}?wsdl`, { headers: { authorization: basic("northwind_role", "nope") } });
    expect(wrong.status).toBe(401);
    const wrongCall = await post(envelope("<con:getConversationSubject/>"), basic("northwind_role", "nope"));
    expect(wrongCall.status).toBe(401);
    expect(wrongCall.errorCode).toBe("AUTH_REQUIRED");
  });

  it("lists every operation for a stock client, with the address the client called", async () => {
    const res = await fetch(`${server.url}?wsdl`, { headers: { authorization: basic(ctx.cred.roleName, ctx.cred.rolePassword) } });
    expect(res.status).toBe(200);
    const wsdl = await res.text();
    expect(wsdl).toContain(`<soap:address location="${server.url}"/>`);
    expect(wsdl).toContain('targetNamespace="http://conversation.individual.ws.listingapi.gg.com"');
    const client = await clientFor(ctx.cred);
    const ops = Object.keys(client.describe().IndividualUserConversationService.IndividualUserConversationServicePort);
    expect(ops.sort()).toEqual(
      [
        "deleteConversation",
        "deleteConversations",
        "getConversationById",
        "getConversationSubject",
        "getConversations",
        "getConversationsCount",
        "getMessages",
        "markAsRead",
        "markAsUnread",
        "postConversation",
        "putMessage",
      ].sort(),
    );
    // PUBLIC_URL wins over the host called.
    process.env.PUBLIC_URL = "https://desk.example";
    try {
      const behind = await fetch(`${server.url}?wsdl`, { headers: { authorization: basic(ctx.cred.roleName, ctx.cred.rolePassword) } });
      expect(await behind.text()).toContain('<soap:address location="https://desk.example/listingapi/ws/IndividualUserConversationService"/>');
    } finally {
      delete process.env.PUBLIC_URL;
    }
    const plainGet = await fetch(server.url, { headers: { authorization: basic(ctx.cred.roleName, ctx.cred.rolePassword) } });
    expect(plainGet.status).toBe(405);
  });
});

describe("reading", () => {
  it("getConversationSubject lists the admin's titles in the asked language", async () => {
    const client = await clientFor(ctx.cred);
    const tr = await call(client, ctx.cred, "getConversationSubject", { lang: "tr" });
    const en = await call(client, ctx.cred, "getConversationSubject", { lang: "en" });
    expect(tr.subjects.subject.map((s: { title: string }) => s.title)).toEqual(["API Deneme Mesaj Başlığı", "Kargo"]);
    expect(en.subjects.subject.map((s: { title: string; code: string }) => [s.code, s.title])).toEqual([
      ["api_test", "API test title"],
      ["shipping", "Shipping"],
    ]);
  });

  it("getConversations: the seller's conversations only, with nicks, counts and unread flags; filters", async () => {
    const client = await clientFor(ctx.cred);
    const all = await call(client, ctx.cred, "getConversations", { startOffSet: 0, rowCount: 50, messageType: "ALL", lang: "tr" });
    const list = all.conversations.conversation as Record<string, unknown>[];
    const ids = list.map((c) => c.conversationId);
    expect(ids).toContain(String(ctx.conversationId));
    expect(ids).not.toContain(String(ctx.othersConversationId));
    expect(all.conversationCount).toBe(list.length);
    const mine = list.find((c) => c.conversationId === String(ctx.conversationId))!;
    expect(mine).toMatchObject({
      subject: "Where is my parcel?",
      type: "USER",
      senderNick: "operasyontest",
      receiverNick: "northwind",
      otherUserNick: "operasyontest",
      messageCount: 1,
    });
    expect(typeof mine.conversationId).toBe("string");
    expect(mine.createDate).toBeInstanceOf(Date);

    const byNick = await call(client, ctx.cred, "getConversations", { filteredUserNick: "operasyontest", lang: "tr" });
    expect(byNick.conversations.conversation.every((c: { otherUserNick: string }) => c.otherUserNick === "operasyontest")).toBe(true);
    const strangerNick = await call(client, ctx.cred, "getConversations", { filteredUserNick: "yabanci", lang: "tr" });
    expect(strangerNick.conversationCount).toBe(0);
    const system = await call(client, ctx.cred, "getConversations", { messageType: "SYSTEM", lang: "tr" });
    expect(system.conversationCount).toBe(0);
    const page = await call(client, ctx.cred, "getConversations", { startOffSet: 0, rowCount: 1, lang: "tr" });
    expect(page.conversations.conversation).toHaveLength(1);
    const bad = await faultOf(call(client, ctx.cred, "getConversations", { messageType: "EVERYTHING", lang: "en" }));
    expect(bad).toMatchObject({ status: 500, errorCode: "INVALID_FIELD", faultcode: "soap:Client" });
  });

  it("getConversationById and getMessages; another seller's conversation answers exactly like a missing one", async () => {
    const client = await clientFor(ctx.cred);
    const one = await call(client, ctx.cred, "getConversationById", { conversationId: String(ctx.conversationId), lang: "tr" });
    expect(one.conversation.conversationId).toBe(String(ctx.conversationId));
    const msgs = await call(client, ctx.cred, "getMessages", { conversationId: String(ctx.conversationId), rowCount: 10, startOffset: 0, lang: "tr" });
    expect(msgs.messageCount).toBeGreaterThanOrEqual(1);
    expect(msgs.messages.message[0]).toMatchObject({ senderNick: "operasyontest", receiverNick: "northwind", messageText: "Kargom nerede?", outgoing: false });

    for (const lang of ["tr", "en"]) {
      const others = await faultOf(call(client, ctx.cred, "getConversationById", { conversationId: String(ctx.othersConversationId), lang }));
      const missing = await faultOf(call(client, ctx.cred, "getConversationById", { conversationId: "987654321", lang }));
      expect(others).toEqual(missing);
      expect(others.errorCode).toBe("CONVERSATION_NOT_FOUND");
      const othersMessages = await faultOf(call(client, ctx.cred, "getMessages", { conversationId: String(ctx.othersConversationId), lang }));
      expect(othersMessages).toEqual(missing);
      const put = await faultOf(call(client, ctx.cred, "putMessage", { conversationId: String(ctx.othersConversationId), message: "hi", lang }));
      expect(put).toEqual(missing);
      const read = await faultOf(call(client, ctx.cred, "markAsRead", { conversationId: [String(ctx.othersConversationId)], lang }));
      expect(read).toEqual(missing);
      const del = await faultOf(call(client, ctx.cred, "deleteConversation", { conversationId: String(ctx.othersConversationId), lang }));
      expect(del).toEqual(missing);
    }
    const tr = await faultOf(call(client, ctx.cred, "getConversationById", { conversationId: "987654321", lang: "tr" }));
    const en = await faultOf(call(client, ctx.cred, "getConversationById", { conversationId: "987654321", lang: "en" }));
    expect(tr.message).toBe("Konuşma bulunamadı.");
    expect(en.message).toBe("Conversation not found.");
  });
});

describe("writing", () => {
  it("putMessage is the seller side's reply (answered, seller role, a copy by mail); the customer's reply arrives unread; markAsRead/markAsUnread", async () => {
    const client = await clientFor(ctx.cred);
    const db = database.db;
    const { conversationId } = ctx;
    const sent = await call(client, ctx.cred, "putMessage", {
      conversationId: String(conversationId),
      message: "Yarın kargoda & yolda <3",
      sendCopy: true,
      lang: "tr",
    });
    expect(sent.conversationId).toBe(String(conversationId));
    const [row] = await db
      .select()
      .from(messages)
      .where(eq(messages.id, Number(sent.messageId)));
    expect(row).toMatchObject({ authorRole: "seller", body: "Yarın kargoda & yolda <3", authorName: "Seller northwind" });
    const [thread] = await db.select().from(threads).where(eq(threads.id, conversationId));
    expect(thread!.channelState).toBe("answered");
    const mails = await fs.readdir(outbox);
    const raw = await Promise.all(mails.map((m) => fs.readFile(path.join(outbox, m), "utf8")));
    expect(raw.some((m) => m.includes("orders@northwind.example"))).toBe(true);

    // The customer answers: unread for the seller, in getMessages and the lists' counts.
    await postCustomerMessage(db, { threadId: conversationId, customerId: ctx.buyer.customer.id, body: "Teşekkürler!" }, ctx.buyer.actor as never);
    const msgs = await call(client, ctx.cred, "getMessages", { conversationId: String(conversationId), rowCount: 100, lang: "tr" });
    const last = msgs.messages.message.at(-1);
    expect(last).toMatchObject({ messageText: "Teşekkürler!", read: false, outgoing: false });
    expect(msgs.unreadMessageCount).toBeGreaterThan(0);
    const unreadCount = await call(client, ctx.cred, "getConversationsCount", { type: "ALL", unread: true, lang: "tr" });
    expect(unreadCount.count).toBeGreaterThanOrEqual(1);

    const read = await call(client, ctx.cred, "markAsRead", { conversationId: [String(conversationId)], lang: "tr" });
    expect(read.unreadMessageCount).toBe(0);
    const after = await call(client, ctx.cred, "getMessages", { conversationId: String(conversationId), rowCount: 100, lang: "tr" });
    expect(after.messages.message.filter((m: { outgoing: boolean; read: boolean }) => !m.outgoing && !m.read)).toHaveLength(0);
    const byId = await call(client, ctx.cred, "getConversationById", { conversationId: String(conversationId), lang: "tr" });
    expect(byId.conversation).toMatchObject({ read: true, unreadMessageCount: 0, lastMessageSenderNick: "operasyontest" });
    const unread = await call(client, ctx.cred, "markAsUnread", { conversationId: [String(conversationId)], lang: "tr" });
    expect(unread.unreadMessageCount).toBeGreaterThan(0);
    await call(client, ctx.cred, "markAsRead", { conversationId: [String(conversationId)], lang: "tr" });
  });

  it("postConversation by nick, by sale code and about a product; unknown sale code, nick, product and title are clear errors", async () => {
    const client = await clientFor(ctx.cred);
    const db = database.db;
    const byNick = await call(client, ctx.cred, "postConversation", {
      toUserNick: "operasyontest",
      type: "USER",
      messageText: "Merhaba!",
      sendCopy: false,
      lang: "tr",
    });
    const nickRecord = await findConversation(db, { customerId: ctx.buyer.customer.id }, Number(byNick.conversationId));
    expect(nickRecord?.thread.channelState).toBe("answered");
    expect(nickRecord?.thread.sellerId).toBe(ctx.sellerId);

    const bySale = await call(client, ctx.cred, "postConversation", {
      type: "USER",
      title: "API Deneme Mesaj Başlığı",
      context: { sale: { saleCode: "SC107037299" } },
      messageText: "Siparişiniz hakkında",
      sendCopy: false,
      lang: "tr",
    });
    const [details] = await db
      .select()
      .from(conversationDetails)
      .where(eq(conversationDetails.threadId, Number(bySale.conversationId)));
    expect(details).toMatchObject({ saleCode: "SC107037299", itemContent: "orderitem" });
    expect(details!.titleId).not.toBeNull();
    const listed = await call(client, ctx.cred, "getConversationById", { conversationId: bySale.conversationId, lang: "en" });
    expect(listed.conversation).toMatchObject({
      senderNick: "northwind",
      receiverNick: "operasyontest",
      title: "API test title",
      titleCode: "api_test",
      answered: true,
      context: { sale: { saleCode: "SC107037299" } },
    });
    const byTitle = await call(client, ctx.cred, "getConversations", { title: "Kargo", lang: "tr" });
    expect(byTitle.conversationCount).toBe(0);
    const apiTitle = await call(client, ctx.cred, "getConversations", { title: "API test title", lang: "tr" });
    expect(apiTitle.conversations.conversation.map((c: { conversationId: string }) => c.conversationId)).toContain(bySale.conversationId);

    const aboutProduct = await call(client, ctx.cred, "postConversation", {
      toUserNick: "operasyontest",
      context: { product: { productId: ctx.productId } },
      messageText: "Ürün stokta",
      lang: "tr",
    });
    const product = await call(client, ctx.cred, "getConversationById", { conversationId: aboutProduct.conversationId, lang: "tr" });
    expect(product.conversation.context.product).toMatchObject({ productId: ctx.productId, title: "Rain Jacket" });
    expect(product.conversation.subject).toBe("Rain Jacket");

    const cases: [Record<string, unknown>, string][] = [
      [{ context: { sale: { saleCode: "SC000000000" } }, messageText: "x" }, "SALE_NOT_FOUND"],
      [{ toUserNick: "nobody-here", messageText: "x" }, "USER_NOT_FOUND"],
      // A customer of the desk who never dealt with this seller is as unknown as a missing nick.
      [{ toUserNick: "yabanci", messageText: "x" }, "USER_NOT_FOUND"],
      [{ toUserNick: "operasyontest", context: { product: { productId: 99999 } }, messageText: "x" }, "PRODUCT_NOT_FOUND"],
      [{ toUserNick: "operasyontest", title: "Not a listed title", messageText: "x" }, "TITLE_NOT_FOUND"],
      [{ messageText: "x" }, "RECIPIENT_REQUIRED"],
      [{ toUserNick: "operasyontest", messageText: "   " }, "MESSAGE_REQUIRED"],
    ];
    for (const [request, code] of cases) {
      const tr = await faultOf(call(client, ctx.cred, "postConversation", { ...request, lang: "tr" }));
      const en = await faultOf(call(client, ctx.cred, "postConversation", { ...request, lang: "en" }));
      expect(tr.errorCode, JSON.stringify(request)).toBe(code);
      expect(en.errorCode).toBe(code);
      expect(tr.message).not.toBe(en.message);
    }
    // The other seller's buyer by sale code: unknown to this seller.
    const otherProduct = await ensureProduct(db, { sku: "BW-SOAP-2", name: "Earbuds", sellerId: ctx.otherSellerId });
    await makeOrderItem(db, { customerId: ctx.stranger.customer.id, productId: otherProduct.id, sellerId: ctx.otherSellerId, saleCode: "SC555000111" });
    const othersSale = await faultOf(
      call(client, ctx.cred, "postConversation", { context: { sale: { saleCode: "SC555000111" } }, messageText: "x", lang: "en" }),
    );
    expect(othersSale.errorCode).toBe("SALE_NOT_FOUND");
  });

  it("deleteConversation(s) hide a conversation for the seller only (the customer and the inbox keep it; an audit event)", async () => {
    const client = await clientFor(ctx.cred);
    const db = database.db;
    const a = await call(client, ctx.cred, "postConversation", { toUserNick: "operasyontest", messageText: "first", lang: "tr" });
    const b = await call(client, ctx.cred, "postConversation", { toUserNick: "operasyontest", messageText: "second", lang: "tr" });
    const c = await call(client, ctx.cred, "postConversation", { toUserNick: "operasyontest", messageText: "third", lang: "tr" });
    const deleted = await call(client, ctx.cred, "deleteConversation", { conversationId: a.conversationId, lang: "tr" });
    expect(deleted.deletedCount).toBe(1);
    expect((await faultOf(call(client, ctx.cred, "getConversationById", { conversationId: a.conversationId, lang: "en" }))).errorCode).toBe(
      "CONVERSATION_NOT_FOUND",
    );
    expect(await findConversation(db, { customerId: ctx.buyer.customer.id }, Number(a.conversationId))).toBeDefined();
    const [thread] = await db
      .select()
      .from(threads)
      .where(eq(threads.id, Number(a.conversationId)));
    expect(thread!.deletedAt).toBeNull();
    const events = await db
      .select()
      .from(threadEvents)
      .where(and(eq(threadEvents.threadId, Number(a.conversationId)), eq(threadEvents.type, "hidden_by_seller")));
    expect(events).toHaveLength(1);

    // Several at once: all or nothing (one of another seller's refuses the lot).
    const refused = await faultOf(
      call(client, ctx.cred, "deleteConversations", { conversationId: [b.conversationId, String(ctx.othersConversationId)], lang: "en" }),
    );
    expect(refused.errorCode).toBe("CONVERSATION_NOT_FOUND");
    expect((await call(client, ctx.cred, "getConversationById", { conversationId: b.conversationId, lang: "tr" })).conversation).toBeTruthy();
    const both = await call(client, ctx.cred, "deleteConversations", { conversationId: [b.conversationId, c.conversationId], lang: "tr" });
    expect(both.deletedCount).toBe(2);
    const list = await call(client, ctx.cred, "getConversations", { rowCount: 100, lang: "tr" });
    const ids = (list.conversations?.conversation ?? []).map((x: { conversationId: string }) => x.conversationId);
    expect(ids).not.toContain(b.conversationId);
    expect(ids).not.toContain(c.conversationId);
  });
});

describe("signatures and credentials", () => {
  it("refuses an unknown apiKey, a bad sign, stale and future times and a replay; accepts an uppercase sign", async () => {
    const client = await clientFor(ctx.cred);
    const req = { lang: "en" };
    const op = (auth: ReturnType<typeof signed>) => call(client, ctx.cred, "getConversationSubject", req, auth);
    expect((await faultOf(op(signed("NotOurKey00000000000000000000000", ctx.cred.secret)))).errorCode).toBe("INVALID_API_KEY");
    // Another credential's apiKey with this role is not this credential's key.
    expect((await faultOf(op(signed(ctx.readOnly.apiKey, ctx.readOnly.secret)))).errorCode).toBe("INVALID_API_KEY");
    expect((await faultOf(op(signed(ctx.cred.apiKey, "wrong-secret")))).errorCode).toBe("INVALID_SIGN");
    const upper = signed(ctx.cred.apiKey, ctx.cred.secret);
    expect((await op({ ...upper, sign: upper.sign.toUpperCase() })).subjects).toBeTruthy();
    expect((await faultOf(op(signed(ctx.cred.apiKey, ctx.cred.secret, Date.now() - 6 * 60_000)))).errorCode).toBe("STALE_TIME");
    expect((await faultOf(op(signed(ctx.cred.apiKey, ctx.cred.secret, Date.now() + 6 * 60_000)))).errorCode).toBe("STALE_TIME");
    expect((await op(signed(ctx.cred.apiKey, ctx.cred.secret, Date.now() - 4 * 60_000))).subjects).toBeTruthy();
    const once = signed(ctx.cred.apiKey, ctx.cred.secret);
    expect((await op(once)).subjects).toBeTruthy();
    const replay = await faultOf(op(once));
    expect(replay).toMatchObject({ errorCode: "REPLAYED_REQUEST", status: 500 });
    // The same replay in Turkish says so in Turkish.
    const replayTr = await faultOf(call(client, ctx.cred, "getConversationSubject", { lang: "tr" }, once));
    expect(replayTr.message).toMatch(/daha önce kullanıldı/);
    expect(replayTr.message).not.toBe(replay.message);
  });

  it("a read-only credential reads but may not write", async () => {
    const client = await clientFor(ctx.readOnly);
    expect((await call(client, ctx.readOnly, "getConversationsCount", { lang: "tr" })).count).toBeGreaterThan(0);
    const refused = await faultOf(call(client, ctx.readOnly, "putMessage", { conversationId: String(ctx.conversationId), message: "hi", lang: "en" }));
    expect(refused.errorCode).toBe("NOT_ALLOWED");
  });

  it("a revoked credential is refused at the door", async () => {
    const db = database.db;
    const temp = await makeSoapCredential(db, { sellerId: ctx.sellerId });
    const client = await clientFor(temp);
    expect((await call(client, temp, "getConversationSubject", { lang: "tr" })).subjects).toBeTruthy();
    const { revokeApiCredential } = await import("@/lib/api-keys/service");
    await revokeApiCredential(db, { id: temp.credential.id });
    const res = await post(envelope("<con:getConversationSubject/>"), basic(temp.roleName, temp.rolePassword));
    expect(res.status).toBe(401);
  });

  it("throttles failed signatures per credential and per address", async () => {
    process.env.SOAP_SIGN_LIMIT_KEY_MAX = "3";
    const db = database.db;
    const temp = await makeSoapCredential(db, { sellerId: ctx.sellerId });
    const auth = basic(temp.roleName, temp.rolePassword);
    const request = (sign?: string) => {
      const s = signed(temp.apiKey, temp.secret);
      return envelope(
        `<con:getConversationSubject><apiKey>${temp.apiKey}</apiKey><sign>${sign ?? s.sign}</sign><time>${s.time}</time></con:getConversationSubject>`,
      );
    };
    try {
      for (let i = 0; i < 3; i++) expect((await post(request("0".repeat(32)), auth)).errorCode).toBe("INVALID_SIGN");
      const blocked = await post(request(), auth);
      expect(blocked).toMatchObject({ status: 429, errorCode: "TOO_MANY_FAILURES" });
      // Another credential is not held back by this one's failures.
      await reset(db, `soap-sign:key:${ctx.cred.credential.id}`);
      const other = await clientFor(ctx.cred);
      expect((await call(other, ctx.cred, "getConversationSubject", { lang: "en" })).subjects).toBeTruthy();
    } finally {
      process.env.SOAP_SIGN_LIMIT_KEY_MAX = "100000";
    }
    process.env.SOAP_SIGN_LIMIT_IP_MAX = "2";
    await reset(db, "soap-sign:ip:unknown");
    try {
      const again = await makeSoapCredential(db, { sellerId: ctx.sellerId });
      const s = () => signed(again.apiKey, again.secret);
      const xml = (sign: string, time: number) =>
        envelope(`<con:getConversationSubject><apiKey>${again.apiKey}</apiKey><sign>${sign}</sign><time>${time}</time></con:getConversationSubject>`);
      const auth2 = basic(again.roleName, again.rolePassword);
      for (let i = 0; i < 2; i++) expect((await post(xml("f".repeat(32), s().time), auth2)).errorCode).toBe("INVALID_SIGN");
      const good = s();
      expect((await post(xml(good.sign, good.time), auth2)).status).toBe(429);
    } finally {
      process.env.SOAP_SIGN_LIMIT_IP_MAX = "100000";
    }
  });
});

// The spec's own examples, as they are written (bare `con:` elements, the prefix undeclared).
const SPEC_REQUEST_1 = `<con:postConversation>
   <apiKey>NjgEHGeJc6cFqbw6FSUP8NpH3pUhV7ss</apiKey>
   <sign>5A761088EE585CC989C9CB7222AEF015</sign>
   <time>1602492702216</time>
   <postConversationRequest>
      <toUserNick>operasyontest</toUserNick>
      <type>USER</type>
      <messageText>API Test Mesaj İçeriği</messageText>
      <sendCopy>false</sendCopy>
      <lang>tr</lang>
   </postConversationRequest>
</con:postConversation>`;

const SPEC_REQUEST_2 = `<con:postConversation>
   <apiKey>NjgEHGeJc6cFqbw6FSUP8NpH3pUhV7ss</apiKey>
   <sign>5A761088EE585CC989C9CB7222AEF015</sign>
   <time>1602492702216</time>
   <postConversationRequest>
      <type>USER</type>
      <title>API Deneme Mesaj Başlığı</title>
      <context>
         <sale>
            <saleCode>SC107037299</saleCode>
         </sale>
      </context>
      <messageText>API Test Mesaj İçeriği</messageText>
      <sendCopy>false</sendCopy>
      <lang>tr</lang>
   </postConversationRequest>
</con:postConversation>`;

describe("the spec's raw examples", () => {
  it("as they are: read, then refused for their 2020 time (in Turkish)", async () => {
    for (const xml of [SPEC_REQUEST_1, SPEC_REQUEST_2]) {
      const res = await post(xml);
      expect(res.status).toBe(500);
      expect(res.errorCode).toBe("STALE_TIME");
      expect(res.message).toMatch(/5 dakikadan/);
    }
  });

  it("with a current time and its (uppercase) sign: request 1 by nick and request 2 by sale code, bare and in an envelope", async () => {
    for (const xml of [SPEC_REQUEST_1, SPEC_REQUEST_2]) {
      for (const wrap of [(x: string) => x, envelope]) {
        const res = await post(wrap(withAuth(xml, ctx.cred)));
        expect(res.status, res.body).toBe(200);
        const id = /<return><conversationId>(\d+)<\/conversationId>/.exec(res.body)?.[1];
        expect(res.body).toMatch(
          /^<\?xml[^>]*><soap:Envelope[^>]*><soap:Body><con:postConversationResponse xmlns:con="http:\/\/conversation\.individual\.ws\.listingapi\.gg\.com">/,
        );
        const record = await findConversation(database.db, { customerId: ctx.buyer.customer.id }, Number(id));
        expect(record?.thread.lastMessagePreview).toBe("API Test Mesaj İçeriği");
      }
    }
  });
});

describe("hostile and broken envelopes", () => {
  const op = (inner: string) =>
    withAuth(`<con:getConversationSubject><apiKey>${SPEC_API_KEY}</apiKey><sign>x</sign><time>0</time>${inner}</con:getConversationSubject>`, ctx.cred);

  it("refuses XXE and an entity bomb without expanding anything", async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${envelope(op("<getConversationSubjectRequest><lang>&xxe;</lang></getConversationSubjectRequest>"))}`;
    const res = await post(xxe);
    expect(res).toMatchObject({ status: 500, errorCode: "DTD_NOT_ALLOWED" });
    expect(res.body).not.toContain("root:");
    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join("");
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${lol}]>${envelope(op("<getConversationSubjectRequest><lang>&lol9;</lang></getConversationSubjectRequest>"))}`;
    const started = Date.now();
    const bombed = await post(bomb);
    expect(bombed).toMatchObject({ status: 500, errorCode: "DTD_NOT_ALLOWED" });
    expect(Date.now() - started).toBeLessThan(2000);
    // An entity used without a declaration is not well-formed, never looked up.
    expect((await post(envelope(op("<getConversationSubjectRequest><lang>&xxe;</lang></getConversationSubjectRequest>")))).errorCode).toBe("MALFORMED_REQUEST");
  });

  it("malformed, too deep, too large, SOAP 1.2 and unknown operations are faults, never a stack trace", async () => {
    const broken = await post("<soapenv:Envelope><soapenv:Body><con:getMessages></soapenv:Body>");
    expect(broken).toMatchObject({ status: 500, errorCode: "MALFORMED_REQUEST" });
    expect(broken.body).not.toMatch(/at .*\.(ts|js):\d+/);
    expect((await post("not xml at all")).errorCode).toBe("MALFORMED_REQUEST");
    expect((await post("")).errorCode).toBe("MALFORMED_REQUEST");
    const deep = envelope(op(`${"<a>".repeat(200)}x${"</a>".repeat(200)}`));
    expect((await post(deep)).errorCode).toBe("MALFORMED_REQUEST");
    const large = await post(envelope(op(`<getConversationSubjectRequest><lang>${"x".repeat(1024 * 1024 + 10)}</lang></getConversationSubjectRequest>`)));
    expect(large).toMatchObject({ status: 413, errorCode: "REQUEST_TOO_LARGE" });
    const v12 = await post(
      `<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body>${op("<getConversationSubjectRequest/>")}</env:Body></env:Envelope>`,
    );
    expect(v12.errorCode).toBe("VERSION_MISMATCH");
    expect(v12.body).toContain("<faultcode>soap:VersionMismatch</faultcode>");
    const unknown = await post(envelope("<con:dropTables><lang>en</lang></con:dropTables>"));
    expect(unknown).toMatchObject({ status: 500, errorCode: "UNKNOWN_OPERATION" });
    // Character references and CDATA are read as text.
    const ok = await post(envelope(op("<getConversationSubjectRequest><lang>&#x65;n</lang></getConversationSubjectRequest>")));
    expect(ok.status).toBe(200);
    expect(ok.body).toContain("<title>API test title</title>");
  });
});
