// The conversation service's rules beneath every surface: agents answer as the seller (the
// customer-side view never carries the agent), the portal's unread and order ignore internal
// notes, a closed conversation opens again when the customer writes, seller-scoped operations see
// one seller's conversations only (the SOAP service builds on them), the public question page
// shows first name and initial only, and the reply notification is mailed only when due.
// PGlite and PostgreSQL.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { customers, threadEvents, threads } from "@/db/schema";
import { postReply } from "@/lib/channels/reply";
import { changeThreadStatus } from "@/lib/inbox/service";
import { registerListeners } from "@/lib/listeners";
import { findPortalConversation, findPortalConversations } from "@/lib/portal/queries";
import { markPortalSeen } from "@/lib/portal/presence";
import { ensureLanguages, ensureProduct, ensureSeller, makeCustomerAccount, makeThread, makeUser } from "@/e2e/support/factories";
import { mailText, startSmtpSink, type SmtpSink } from "@/e2e/support/smtp-sink";
import { createTestDatabase } from "@/e2e/support/test-db";
import { customerMessageView, publicName } from "./present";
import { findConversations, findPublicQuestions, getConversation } from "./queries";
import {
  hideForSeller,
  markCustomerRead,
  markSellerRead,
  openCustomerConversation,
  postCustomerMessage,
  postSellerReply,
  setConversationPublic,
} from "./service";
import { notifyCustomerOfReply } from "./mail";

let database: Database;
let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
  database = await createTestDatabase({ useAsAppDatabase: true });
  await ensureLanguages(database.db);
});
afterAll(async () => {
  await sink.close();
  await database.close();
  delete process.env.SMTP_URL;
});
beforeEach(() => {
  process.env.SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
  sink.clear();
});

async function setup(slug = `s-${Math.random().toString(36).slice(2, 8)}`) {
  const db = database.db;
  const seller = await ensureSeller(db, slug);
  const product = await ensureProduct(db, { sku: `SKU-${slug}`, name: `Teapot ${slug}`, sellerId: seller.id });
  const account = await makeCustomerAccount(db, { firstName: "Selin", lastName: "demir" });
  const agent = await makeUser(db, "agent", { name: "Agent Kerem" });
  const ask = (extra: Partial<Parameters<typeof openCustomerConversation>[1]> = {}) =>
    openCustomerConversation(
      db,
      {
        customerId: account.customer.id,
        sellerId: seller.id,
        type: "question",
        itemContent: "product",
        itemId: product.id,
        body: "Is it cast iron?",
        ifExists: "refuse",
        ...extra,
      },
      account.actor,
    );
  return { db, seller, product, account, agent, ask };
}

describe("the customer's view", () => {
  it("shows every answer from our side as the seller's, and never an internal note", async () => {
    const { db, seller, account, agent, ask } = await setup();
    const { threadId } = await ask();
    await postReply(db, { threadId, kind: "note", body: "note for us" }, agent.actor);
    await postReply(db, { threadId, kind: "reply", body: "Yes, cast iron." }, agent.actor);
    const view = (await findPortalConversation(db, { customerId: account.customer.id, threadId, locale: "en" }))!;
    expect(view.messages.map((m) => [m.from, m.name, m.body])).toEqual([
      ["customer", account.customer.name, "Is it cast iron?"],
      ["seller", seller.title, "Yes, cast iron."],
    ]);
    expect(JSON.stringify(view)).not.toMatch(/Kerem|note for us/);
    expect(() =>
      customerMessageView(
        { id: 1, authorRole: "agent", authorName: "x", body: "y", createdAt: new Date(), isInternal: true },
        { sellerName: "S", customerName: "C" },
      ),
    ).toThrow();
  });

  it("marks a seller's answer unread until the customer reads it; a note neither marks it nor moves it up", async () => {
    const { db, account, agent, ask } = await setup();
    const first = await ask();
    const second = await ask({ type: "message" });
    await postReply(db, { threadId: first.threadId, kind: "reply", body: "Answer" }, agent.actor);
    let list = await findPortalConversations(db, { customerId: account.customer.id });
    expect(list.rows.map((r) => [r.id, r.unread, r.isAnswered])).toEqual([
      [first.threadId, true, true],
      [second.threadId, false, false],
    ]);
    await markCustomerRead(db, { threadId: first.threadId, customerId: account.customer.id });
    await postReply(db, { threadId: second.threadId, kind: "note", body: "only us" }, agent.actor);
    list = await findPortalConversations(db, { customerId: account.customer.id });
    expect(list.rows.map((r) => [r.id, r.unread])).toEqual([
      [first.threadId, false],
      [second.threadId, false],
    ]);
    // Another customer cannot mark it read.
    const other = await makeCustomerAccount(db);
    expect(await markCustomerRead(db, { threadId: first.threadId, customerId: other.customer.id })).toBe(false);
  });

  it("opens a closed conversation again when the customer writes; the portal adds to an existing one instead of refusing", async () => {
    const { db, account, agent, ask } = await setup();
    const { threadId } = await ask();
    await changeThreadStatus(db, { threadId, status: "closed" }, agent.actor);
    const again = await ask({ ifExists: "append", body: "One more thing" });
    expect(again).toMatchObject({ threadId, created: false });
    const [row] = await db.select().from(threads).where(eq(threads.id, threadId));
    expect(row).toMatchObject({ status: "open", channelState: "not_answered" });
    await expect(postCustomerMessage(db, { threadId, customerId: account.customer.id + 999, body: "x" }, account.actor)).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("one seller's conversations (the seller's own API)", () => {
  it("lists, answers, marks read and hides only the seller's own; another seller's are not found", async () => {
    const a = await setup();
    const b = await setup();
    const mine = await a.ask();
    const theirs = await b.ask();
    const api = { kind: "api", label: "Seller key", sellerId: a.seller.id, name: a.seller.title } as const;
    const listed = await findConversations(a.db, { sellerId: a.seller.id }, { offset: 0, limit: 50 });
    expect(listed.rows.map((r) => r.thread.id)).toEqual([mine.threadId]);
    await expect(getConversation(a.db, { sellerId: a.seller.id }, theirs.threadId)).rejects.toMatchObject({ code: "not_found" });
    await expect(postSellerReply(a.db, { threadId: theirs.threadId, sellerId: a.seller.id, body: "hi" }, api)).rejects.toMatchObject({ code: "not_found" });
    const reply = await postSellerReply(a.db, { threadId: mine.threadId, sellerId: a.seller.id, body: "From the seller" }, api);
    expect(reply.message.authorRole).toBe("seller");
    expect((await getConversation(a.db, { customerId: a.account.customer.id }, mine.threadId)).thread.channelState).toBe("answered");
    expect(await markSellerRead(a.db, { threadId: mine.threadId, sellerId: a.seller.id, read: true }, api)).toEqual({ unreadCount: 0 });
    await expect(markSellerRead(a.db, { threadId: theirs.threadId, sellerId: a.seller.id, read: true }, api)).rejects.toMatchObject({ code: "not_found" });
    await expect(hideForSeller(a.db, { threadId: theirs.threadId, sellerId: a.seller.id }, api)).rejects.toMatchObject({ code: "not_found" });
    await hideForSeller(a.db, { threadId: mine.threadId, sellerId: a.seller.id }, api);
    expect((await findConversations(a.db, { sellerId: a.seller.id }, { offset: 0, limit: 50 })).count).toBe(0);
    // The customer and the inbox keep it; the timeline says who hid it.
    expect((await findPortalConversations(a.db, { customerId: a.account.customer.id })).count).toBe(1);
    const events = await a.db.select().from(threadEvents).where(eq(threadEvents.threadId, mine.threadId));
    expect(events.map((e) => e.type)).toContain("hidden_by_seller");
  });
});

describe("the public question page", () => {
  it("shows public questions about the product and their answers, the asker as first name and initial, never an e-mail", async () => {
    const { db, seller, product, account, agent, ask } = await setup();
    const open = await ask({ isPublic: true, subject: "Material" });
    await postReply(db, { threadId: open.threadId, kind: "note", body: "secret note" }, agent.actor);
    await postReply(db, { threadId: open.threadId, kind: "reply", body: "Cast iron, enamelled." }, agent.actor);
    await ask({ type: "message", body: "A private message" });
    // A guest named after an e-mail address shows as the fallback.
    const guest = await makeThread(db, {
      channel: "conversation",
      customerName: "",
      customerEmail: "guest@mail.example",
      details: { sellerId: seller.id, productId: product.id, isPublic: true, itemId: String(product.id) },
    });
    const questions = await findPublicQuestions(db, { sellerId: seller.id, productId: product.id, anonymous: "A customer" });
    expect(questions.map((q) => q.asker)).toEqual(["A customer", "Selin D."]);
    const mine = questions.find((q) => q.id === open.threadId)!;
    expect(mine.messages.map((m) => [m.from, m.name, m.body])).toEqual([
      ["customer", "Selin D.", "Is it cast iron?"],
      ["seller", seller.title, "Cast iron, enamelled."],
    ]);
    const text = JSON.stringify(questions);
    expect(text).not.toContain(account.email);
    expect(text).not.toContain("guest@mail.example");
    expect(text).not.toMatch(/Demir|secret note|A private message|Agent Kerem/);
    expect(guest.thread.id).toBeGreaterThan(0);
    // An agent takes it off the page.
    await setConversationPublic(db, { threadId: open.threadId, isPublic: false }, agent.actor);
    expect((await findPublicQuestions(db, { sellerId: seller.id, productId: product.id, anonymous: "A customer" })).map((q) => q.id)).not.toContain(
      open.threadId,
    );
    expect(publicName("  ayşe  nur ", "ıldız", "x")).toBe("ayşe I.");
    expect(publicName(null, "Kaya", "Anonymous")).toBe("Anonymous");
  });

  it("keeps is_public for questions about a product only", async () => {
    const { db, account, ask } = await setup();
    const message = await ask({ type: "message", isPublic: true });
    expect((await getConversation(db, { customerId: account.customer.id }, message.threadId)).details.isPublic).toBe(false);
  });
});

describe("the reply notification", () => {
  it("mails the customer the seller's answer when they are not reading, by the seller's name, with a link", async () => {
    registerListeners();
    const { db, seller, account, agent, ask } = await setup();
    const { threadId } = await ask();
    const reply = await postReply(db, { threadId, kind: "reply", body: "It ships tomorrow." }, agent.actor);
    const until = Date.now() + 5000;
    while (!sink.received.length && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
    expect(sink.received).toHaveLength(1);
    const mail = sink.received[0]!;
    expect(mail.to).toEqual([account.email]);
    const text = mailText(mail.raw);
    expect(text).toContain("It ships tomorrow.");
    expect(text).toContain(seller.title);
    expect(text).toMatch(new RegExp(`/account/messages/${threadId}`));
    expect(mail.raw).not.toContain("Kerem");
    // Not for a note, not while reading, not when turned off.
    const note = await postReply(db, { threadId, kind: "note", body: "n" }, agent.actor);
    expect(await notifyCustomerOfReply(db, threadId, note.message.id)).toBe("skipped");
    await markPortalSeen(db, account.customer.id);
    expect(await notifyCustomerOfReply(db, threadId, reply.message.id)).toBe("online");
    await db.update(customers).set({ portalSeenAt: null, notifyOnReply: false }).where(eq(customers.id, account.customer.id));
    expect(await notifyCustomerOfReply(db, threadId, reply.message.id)).toBe("off");
  });
});
