// The discussion service and the receivers rules, on PGlite and PostgreSQL: what the inbox does
// (reply to customer service, close, mark read) is what the seller API then reports, and the
// typology admin's rules.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { discussionTypologies, discussionTypologyTranslations, languages, sellers, threads } from "@/db/schema";
import { createApiCredential } from "@/lib/api-keys/service";
import { createAttachments } from "@/lib/attachments/service";
import { isAppError } from "@/lib/errors";
import { inTransaction } from "@/lib/events";
import { getStore } from "@/lib/storage/store";
import { createTestDatabase } from "@/e2e/support/test-db";
import { makeUser, TEST_ACTOR } from "@/e2e/support/factories";
import { registerListeners } from "@/lib/listeners";
import { addMessage, setMessagesRead, setThreadStatus } from "@/lib/threads/service";
import { getToken, sellerApi as api } from "@/e2e/support/api-clients";
import { findDiscussionPanel } from "./queries";
import { eligibleInboxReceivers, eligibleReceivers, validateReceivers } from "./receivers";
import { importDiscussionSchema, typologyFormSchema } from "./schemas";
import { postReply } from "@/lib/channels/reply";
import { checkDiscussionFiles, importDiscussion, saveTypology } from "./service";
import { makePng } from "@/db/seed/files";

let database: Database;
let seller: { id: number; title: string };
let token = "";

beforeAll(async () => {
  process.env.FILES_DIR = mkdtempSync(path.join(os.tmpdir(), "sb-discussions-svc-"));
  database = await createTestDatabase({ useAsAppDatabase: true });
  const db = database.db;
  await db
    .insert(languages)
    .values([
      { code: "en", name: "English", isDefault: true },
      { code: "tr", name: "Türkçe", position: 1 },
    ])
    .onConflictDoNothing();
  const [row] = await db.insert(sellers).values({ slug: "svc", title: "Svc Seller", externalId: "SELLER-SVC" }).returning();
  seller = row!;
  const [t] = await db
    .insert(discussionTypologies)
    .values({ typologyCode: "delivery", subTypologyCode: "orderNotShipped", salesChannel: "CDISFR", orderStatuses: ["Accepted", "Shipped"] })
    .returning();
  await db.insert(discussionTypologyTranslations).values([
    { typologyId: t!.id, locale: "en", description: "Order not shipped" },
    { typologyId: t!.id, locale: "tr", description: "Kargoya verilmedi" },
  ]);
  const { credential, secret } = await createApiCredential(db, {
    kind: "seller",
    name: "svc",
    scopes: ["discussions.view", "discussions.manage"],
    sellerId: seller.id,
  });
  token = await getToken(credential.keyPrefix, secret);
});
afterAll(async () => {
  await database?.close();
});

async function newDiscussion(receivers: { userType: string }[]) {
  const input = importDiscussionSchema.parse({
    salesChannel: "CDISFR",
    subTypologyCode: "orderNotShipped",
    orderId: "9001",
    orderStatus: "Shipped",
    graduationCode: "Claim",
    customer: { userId: `C-${Math.random()}`, name: "Cem Customer" },
    receivers,
    messages: [{ body: "Still not shipped.", sender: { userType: "Customer" } }],
  });
  return importDiscussion(database.db, { seller, discussion: input }, TEST_ACTOR);
}
const apiGet = async (id: number) =>
  (await (await api("GET", `/seller/v2/discussions/${id}`, { token, sellerId: "SELLER-SVC" })).json()) as {
    isOpen: boolean;
    messages: { userType: string; hasRead: boolean; receivers: { userType: string }[]; attachmentCount: number }[];
  };

describe("receivers", () => {
  it("offers the discussion's Customer and GrcOperator receivers, the customer by default", () => {
    expect(eligibleReceivers([{ userType: "GrcOperator" }, { userType: "Customer", userId: "C1" }, { userType: "Seller" }])).toEqual([
      { userType: "Customer", userId: "C1" },
      { userType: "GrcOperator" },
    ]);
    expect(eligibleReceivers([])).toEqual([]);
    expect(eligibleReceivers([{ userType: "Seller" }])).toEqual([]);
    expect(eligibleReceivers(null)).toEqual([]);
    expect(eligibleInboxReceivers([{ userType: "GrcOperator" }, { userType: "Customer" }])).toEqual(["customer", "customer_service"]);
    expect(eligibleInboxReceivers([{ userType: "GrcOperator" }])).toEqual(["customer_service"]);
  });

  it("accepts matching receivers in API or inbox form, refuses the others", () => {
    const both = [{ userType: "Customer", userId: "C1" }, { userType: "GrcOperator" }];
    expect(validateReceivers(both, ["customer_service"])).toEqual([{ userType: "GrcOperator" }]);
    expect(validateReceivers(both, ["customer", { userType: "customer" }])).toEqual([{ userType: "Customer", userId: "C1" }]);
    expect(validateReceivers(both, [{ userType: "GrcOperator", userId: "OP" }])).toEqual([{ userType: "GrcOperator", userId: "OP" }]);
    const refused = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return isAppError(e) ? e.code : "other";
      }
      return "accepted";
    };
    expect(refused(() => validateReceivers([{ userType: "Customer" }], ["customer_service"]))).toBe("invalid");
    expect(refused(() => validateReceivers(both, [{ userType: "Seller" }]))).toBe("invalid");
    expect(refused(() => validateReceivers(both, []))).toBe("invalid");
    expect(refused(() => validateReceivers([], ["customer"]))).toBe("invalid");
  });
});

describe("the inbox and the API see the same discussion", () => {
  it("an agent's reply to customer service with a file, then closing it, is what the API reports", async () => {
    const agent = await makeUser(database.db, "agent", { name: "Ayla Agent" });
    const { thread } = await newDiscussion([{ userType: "Customer" }, { userType: "GrcOperator" }]);
    const files = await checkDiscussionFiles([{ name: "label.png", bytes: makePng(8, 8) }]);
    await postReply(database.db, { threadId: thread.id, kind: "reply", body: "Label attached.", receivers: ["customer_service"], files }, agent.actor);
    await inTransaction(database.db, (tx, emit) => setThreadStatus(tx, emit, thread.id, "closed", agent.actor));
    const got = await apiGet(thread.id);
    expect(got.isOpen).toBe(false);
    expect(got.messages[1]).toMatchObject({ userType: "Seller", receivers: [{ userType: "GrcOperator" }], attachmentCount: 1 });

    await inTransaction(database.db, (tx, emit) => setMessagesRead(tx, emit, thread.id, true, agent.actor));
    expect((await apiGet(thread.id)).messages[0]!.hasRead).toBe(true);
  });

  it("refuses an agent's reply to customer service when the discussion has none", async () => {
    const { thread } = await newDiscussion([{ userType: "Customer" }]);
    await expect(postReply(database.db, { threadId: thread.id, kind: "reply", body: "x", receivers: ["customer_service"] }, TEST_ACTOR)).rejects.toMatchObject({
      code: "invalid",
    });
  });

  it("keeps the inbox's to treat / treated in step when a message comes through the generic thread service", async () => {
    registerListeners();
    const { thread } = await newDiscussion([{ userType: "Customer" }]);
    const state = async () => (await database.db.select({ s: threads.channelState }).from(threads).where(eq(threads.id, thread.id)))[0]!.s;
    expect(await state()).toBe("to_treat");
    await inTransaction(database.db, (tx, emit) =>
      addMessage(tx, emit, thread.id, { authorRole: "agent", body: "Answered from the inbox.", receivers: [{ userType: "Customer" }] }),
    );
    await expect.poll(state).toBe("treated");
    expect((await apiGet(thread.id)) as unknown).toMatchObject({ processStatus: "Treated" });
    await inTransaction(database.db, (tx, emit) => addMessage(tx, emit, thread.id, { authorRole: "customer_service", body: "Please also refund shipping." }));
    await expect.poll(state).toBe("to_treat");
    expect((await apiGet(thread.id)) as unknown).toMatchObject({ processStatus: "ToTreat" });
  });

  it("never shows the seller API an agent's internal note or its files", async () => {
    const { thread } = await newDiscussion([{ userType: "Customer" }]);
    const files = await checkDiscussionFiles([{ name: "internal.png", bytes: makePng(9, 9) }]);
    await inTransaction(database.db, async (tx, emit) => {
      const note = await addMessage(tx, emit, thread.id, { authorRole: "agent", body: "Internal: customer abused refunds before.", isInternal: true });
      await createAttachments(tx, getStore(), { threadId: thread.id, messageId: note.id, files });
    });
    const got = (await apiGet(thread.id)) as unknown as { messages: { body: string }[] };
    expect(got.messages.map((m) => m.body)).toEqual(["Still not shipped."]);
    const attachments = await api("GET", `/seller/v2/attachments?discussionId=${thread.id}`, { token, sellerId: "SELLER-SVC" });
    expect(await attachments.json()).toEqual([]);
    const list = (await (
      await api("GET", `/seller/v2/discussions?discussionId=${thread.id}&includeMessages=LastMessage`, { token, sellerId: "SELLER-SVC" })
    ).json()) as { items: { messages: { body: string }[] }[] };
    expect(list.items[0]!.messages.map((m) => m.body)).toEqual(["Still not shipped."]);
  });

  it("gives the inbox panel the typology in the agent's language, order, channel and claim level", async () => {
    const { thread } = await newDiscussion([{ userType: "Customer" }]);
    const panel = await findDiscussionPanel(database.db, thread.id, "tr");
    expect(panel).toMatchObject({
      typologyDescription: "Kargoya verilmedi",
      sellerExternalId: "SELLER-SVC",
      detail: { orderId: "9001", salesChannel: "CDISFR", graduationCode: "Claim" },
    });
  });
});

describe("typologies admin", () => {
  const form = (over: Record<string, unknown> = {}) =>
    typologyFormSchema.parse({
      typologyCode: "billing",
      subTypologyCode: "printReceipt",
      salesChannel: "",
      orderStatuses: ["Delivered"],
      isActive: true,
      descriptions: { en: "Send the invoice", tr: "" },
      ...over,
    });

  it("creates, refuses a duplicate for the same channel (all channels included), and edits", async () => {
    const id = await saveTypology(database.db, form());
    await expect(saveTypology(database.db, form())).rejects.toMatchObject({ code: "conflict" });
    await saveTypology(database.db, form({ salesChannel: "OTHER" }));
    await saveTypology(
      database.db,
      form({ id, isActive: false, orderStatuses: ["Shipped", "Delivered"], descriptions: { en: "Invoice please", tr: "Fatura" } }),
    );
    const [row] = await database.db.select().from(discussionTypologies).where(eq(discussionTypologies.id, id));
    expect(row).toMatchObject({ isActive: false, orderStatuses: ["Shipped", "Delivered"], salesChannel: null });
    const tr = await database.db.select().from(discussionTypologyTranslations).where(eq(discussionTypologyTranslations.typologyId, id));
    expect(Object.fromEntries(tr.map((t) => [t.locale, t.description]))).toEqual({ en: "Invoice please", tr: "Fatura" });
  });

  it("needs the default language's description, valid codes and an order status", async () => {
    await expect(saveTypology(database.db, form({ subTypologyCode: "x1", descriptions: { en: "" } }))).rejects.toMatchObject({ code: "invalid" });
    expect(typologyFormSchema.safeParse({ ...form(), subTypologyCode: "bad code!" }).success).toBe(false);
    expect(typologyFormSchema.safeParse({ ...form(), orderStatuses: [] }).success).toBe(false);
  });
});
