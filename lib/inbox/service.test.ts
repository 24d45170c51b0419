// The open thread's writes and reads, on PGlite and on PostgreSQL (TEST_DB=postgres).
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq, gt, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { makePdf, makePng } from "@/db/seed/files";
import { attachments, customers, messages, realtimeEvents, threadViewers, threads } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { inTransaction } from "@/lib/events";
import { DiskStore } from "@/lib/storage/store";
import { createTestDatabase } from "@/e2e/support/test-db";
import { makeThread, makeUser } from "@/e2e/support/factories";
import { addMessage, assignThread, setThreadStatus } from "@/lib/threads/service";
import { postReply, ThreadChangedError, type ReplyInput } from "@/lib/channels/reply";
import { findChangesSince } from "@/lib/threads/queries";
import type { StaffActor } from "./service";
import { changeAssignee, changeReadState, changeThreadStatus, heartbeatThread, leaveThread, uploadDraftAttachments } from "./service";
import { findThreadView } from "./thread-view";

let database: Database;
let store: DiskStore;
let dir: string;
beforeAll(async () => {
  database = await createTestDatabase();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "sb-messages-"));
  store = new DiskStore(dir);
});
afterAll(async () => {
  await database.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const png = makePng(8, 8);
const pdf = makePdf("Receipt");
const agentOf = async () => {
  const u = await makeUser(database.db, "agent", { name: "Ayşe Agent" });
  return { id: u.id, name: u.name, actor: u.actor as StaffActor };
};
type Agent = Awaited<ReturnType<typeof agentOf>>;

/** The inbox's reply as its route hands it to the one reply path (POST /api/threads/{id}/messages). */
function replyToThread(
  db: Database["db"],
  files: DiskStore,
  threadId: number,
  input: Pick<ReplyInput, "kind" | "body" | "files" | "expectedVersion" | "since" | "force"> & { receivers: string[]; attachmentIds?: number[] },
  agent: Agent,
) {
  const { attachmentIds, ...rest } = input;
  return postReply(db, { ...rest, threadId, draftIds: attachmentIds, store: files }, agent.actor);
}
const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal");
};

describe("replyToThread", () => {
  it("stores a reply with two attachments in one go and answers the customer", async () => {
    const db = database.db;
    const agent = await agentOf();
    const { thread } = await makeThread(db, { channel: "conversation" });
    const result = await replyToThread(
      db,
      store,
      thread.id,
      {
        kind: "reply",
        body: "Here you go",
        receivers: [],
        force: false,
        files: [
          { name: "photo.png", bytes: png },
          { name: "receipt.pdf", bytes: pdf },
        ],
      },
      agent,
    );
    expect(result.attachments.map((a) => a.contentType)).toEqual(["image/png", "application/pdf"]);
    expect(await store.get(result.attachments[0]!.storageKey)).not.toBeNull();
    const [t] = await db.select().from(threads).where(eq(threads.id, thread.id));
    expect(t!.waitingSince).toBeNull();
    expect(t!.version).toBe(result.version);

    const view = (await findThreadView(db, thread.id))!;
    const last = view.messages.at(-1)!;
    expect(last).toMatchObject({ authorRole: "agent", authorName: "Ayşe Agent", body: "Here you go", isInternal: false });
    expect(last.attachments.map((a) => [a.fileName, a.isImage])).toEqual([
      ["photo.png", true],
      ["receipt.pdf", false],
    ]);
  });

  it("stores a note as internal, never as the thread's preview", async () => {
    const db = database.db;
    const agent = await agentOf();
    const { thread } = await makeThread(db, { messages: ["Where is my parcel?"] });
    const { message } = await replyToThread(db, store, thread.id, { kind: "note", body: "Asked the warehouse", receivers: [], force: false }, agent);
    expect(message.isInternal).toBe(true);
    const [t] = await db.select().from(threads).where(eq(threads.id, thread.id));
    expect(t!.lastMessagePreview).toBe("Where is my parcel?");
  });

  it("enforces the channel's upload policy in the server, writing nothing", async () => {
    const db = database.db;
    const agent = await agentOf();
    const { thread } = await makeThread(db, { channel: "contact" }); // contact: one file at most
    const before = (await db.select().from(messages).where(eq(messages.threadId, thread.id))).length;
    const tooMany = await errorOf(
      replyToThread(
        db,
        store,
        thread.id,
        {
          kind: "reply",
          body: "x",
          receivers: [],
          force: false,
          files: [
            { name: "a.png", bytes: png },
            { name: "b.pdf", bytes: pdf },
          ],
        },
        agent,
      ),
    );
    expect(tooMany).toBeInstanceOf(AppError);
    expect((tooMany as AppError).fields?.files?.[0]).toMatch(/At most 1 file/);
    const badType = await errorOf(
      replyToThread(
        db,
        store,
        thread.id,
        { kind: "reply", body: "x", receivers: [], force: false, files: [{ name: "evil.pdf", bytes: new TextEncoder().encode("<script>alert(1)</script>") }] },
        agent,
      ),
    );
    expect((badType as AppError).code).toBe("unsupported_type");
    expect((await db.select().from(messages).where(eq(messages.threadId, thread.id))).length).toBe(before);
  });

  it("takes files uploaded ahead, only the agent's own unsent ones of this thread, within the per-message limits", async () => {
    const db = database.db;
    const me = await agentOf();
    const other = await agentOf();
    const { thread } = await makeThread(db, { channel: "discussion", details: { salesChannel: "CDISFR", receivers: [{ userType: "Customer" }] } }); // 3 files at most
    const [a] = await uploadDraftAttachments(db, { threadId: thread.id, files: [{ name: "a.png", bytes: png }], store }, me.actor);
    const [b] = await uploadDraftAttachments(db, { threadId: thread.id, files: [{ name: "b.pdf", bytes: pdf }], store }, me.actor);
    const [theirs] = await uploadDraftAttachments(db, { threadId: thread.id, files: [{ name: "c.png", bytes: png }], store }, other.actor);
    expect(a!.messageId).toBeNull();
    const base = { kind: "reply" as const, body: "files", receivers: ["customer"], force: false };

    expect(((await errorOf(replyToThread(db, store, thread.id, { ...base, attachmentIds: [a!.id, theirs!.id] }, me))) as AppError).fields?.files).toBeDefined();
    const four = [
      { name: "x.png", bytes: png },
      { name: "y.png", bytes: png },
    ];
    expect(
      ((await errorOf(replyToThread(db, store, thread.id, { ...base, attachmentIds: [a!.id, b!.id], files: four }, me))) as AppError).fields?.files?.[0],
    ).toMatch(/At most 3/);

    const { message, attachments: sent } = await replyToThread(db, store, thread.id, { ...base, attachmentIds: [a!.id, b!.id] }, me);
    expect(sent.map((x) => x.id).sort()).toEqual([a!.id, b!.id].sort());
    expect((await db.select().from(attachments).where(eq(attachments.messageId, message.id))).map((x) => x.fileName).sort()).toEqual(["a.png", "b.pdf"]);
    // Already sent: cannot be attached twice.
    expect(((await errorOf(replyToThread(db, store, thread.id, { ...base, attachmentIds: [a!.id] }, me))) as AppError).code).toBe("invalid");
    // A draft abandoned for over a day is forgotten at the next upload; a fresh one is kept.
    const [old] = await uploadDraftAttachments(db, { threadId: thread.id, files: [{ name: "old.png", bytes: png }], store }, me.actor);
    await db
      .update(attachments)
      .set({ createdAt: new Date(Date.now() - 25 * 3600 * 1000) })
      .where(eq(attachments.id, old!.id));
    const [fresh] = await uploadDraftAttachments(db, { threadId: thread.id, files: [{ name: "fresh.png", bytes: png }], store }, me.actor);
    const left = (
      await db
        .select({ id: attachments.id })
        .from(attachments)
        .where(inArray(attachments.id, [old!.id, fresh!.id]))
    ).map((r) => r.id);
    expect(left).toEqual([fresh!.id]);
    // A type the channel refuses is refused at upload.
    expect(
      (
        (await errorOf(
          uploadDraftAttachments(db, { threadId: thread.id, files: [{ name: "x.pdf", bytes: new TextEncoder().encode("hello") }], store }, me.actor),
        )) as AppError
      ).code,
    ).toBe("unsupported_type");
  });

  it("applies the channel's reply rules: notes only on a call request, receivers on a discussion", async () => {
    const db = database.db;
    const agent = await agentOf();
    const { thread: call } = await makeThread(db, { channel: "call_request", details: { name: "C", phone: "+90 555" } });
    const refused = (await errorOf(replyToThread(db, store, call.id, { kind: "reply", body: "Hi", receivers: [], force: false }, agent))) as AppError;
    expect(refused.fields?.kind?.[0]).toMatch(/phone/);
    await replyToThread(db, store, call.id, { kind: "note", body: "Called, no answer", receivers: [], force: false }, agent);

    const { thread: disc } = await makeThread(db, {
      channel: "discussion",
      details: { salesChannel: "CDISFR", receivers: [{ userType: "Customer" }, { userType: "GrcOperator" }] },
    });
    expect(
      ((await errorOf(replyToThread(db, store, disc.id, { kind: "reply", body: "Hi", receivers: [], force: false }, agent))) as AppError).fields?.receivers,
    ).toBeDefined();
    const { message } = await replyToThread(db, store, disc.id, { kind: "reply", body: "Hi", receivers: ["customer_service"], force: false }, agent);
    expect(message.receivers).toEqual([{ userType: "GrcOperator" }]);
  });

  it("refuses a reply to a thread others changed since it was opened, saying what changed; force sends", async () => {
    const db = database.db;
    const me = await agentOf();
    const other = await makeUser(db, "agent", { name: "Sam Other" });
    const { thread } = await makeThread(db);
    const opened = (await findThreadView(db, thread.id))!;
    await new Promise((r) => setTimeout(r, 5));
    await inTransaction(db, (tx, emit) =>
      addMessage(tx, emit, thread.id, { authorRole: "customer", authorName: "Test Customer", body: "Never mind, found it" }),
    );
    await inTransaction(db, (tx, emit) => setThreadStatus(tx, emit, thread.id, "closed", other.actor));
    await inTransaction(db, (tx, emit) => assignThread(tx, emit, thread.id, other.id, other.actor));

    const stale = { kind: "reply" as const, body: "Answer", receivers: [], expectedVersion: opened.thread.version, since: opened.loadedAt, force: false };
    const conflict = await errorOf(replyToThread(db, store, thread.id, stale, me));
    expect(conflict).toBeInstanceOf(ThreadChangedError);
    const changes = (conflict as ThreadChangedError).changes;
    expect(changes.map((c) => c.kind)).toEqual(["message", "closed", "assigned"]);
    expect(changes[0]).toMatchObject({ who: "Test Customer", text: "Never mind, found it" });
    expect(changes[2]).toMatchObject({ who: "Sam Other", text: "Sam Other" });
    expect((await db.select().from(messages).where(eq(messages.body, "Answer"))).length).toBe(0);

    await replyToThread(db, store, thread.id, { ...stale, force: true }, me);
    expect((await db.select().from(messages).where(eq(messages.threadId, thread.id))).map((m) => m.body)).toContain("Answer");
  });

  it("does not warn about my own changes or about read state", async () => {
    const db = database.db;
    const me = await agentOf();
    const { thread } = await makeThread(db);
    const opened = (await findThreadView(db, thread.id))!;
    await changeReadState(db, { threadId: thread.id, read: true }, me.actor);
    await changeThreadStatus(db, { threadId: thread.id, status: "closed" }, me.actor);
    await changeAssignee(db, { threadId: thread.id, assigneeId: me.id }, me.actor);
    expect(await findChangesSince(db, thread.id, new Date(opened.loadedAt), me.id)).toEqual([]);
    const { message } = await replyToThread(
      db,
      store,
      thread.id,
      { kind: "reply", body: "Done", receivers: [], expectedVersion: opened.thread.version, since: opened.loadedAt, force: false },
      me,
    );
    expect(message.body).toBe("Done");
  });

  it("refuses an empty message and an unknown thread", async () => {
    const db = database.db;
    const me = await agentOf();
    const { thread } = await makeThread(db);
    expect(((await errorOf(replyToThread(db, store, thread.id, { kind: "reply", body: "", receivers: [], force: false }, me))) as AppError).code).toBe(
      "invalid",
    );
    expect(((await errorOf(replyToThread(db, store, 987654321, { kind: "note", body: "x", receivers: [], force: false }, me))) as AppError).code).toBe(
      "not_found",
    );
  });
});

describe("status, assignment, read state", () => {
  it("changes each, bumping the version and logging the event", async () => {
    const db = database.db;
    const me = await agentOf();
    const { thread, messages: msgs } = await makeThread(db, { messages: ["one", "two"] });
    const closed = await changeThreadStatus(db, { threadId: thread.id, status: "closed" }, me.actor);
    expect(closed).toMatchObject({ status: "closed" });
    const reopened = await changeThreadStatus(db, { threadId: thread.id, status: "open" }, me.actor);
    expect(reopened.version).toBeGreaterThan(closed.version);
    expect((await changeAssignee(db, { threadId: thread.id, assigneeId: me.id }, me.actor)).assigneeId).toBe(me.id);
    expect((await changeReadState(db, { threadId: thread.id, read: true }, me.actor)).unreadCount).toBe(0);
    expect((await changeReadState(db, { threadId: thread.id, read: false, messageIds: [msgs[1]!.id] }, me.actor)).unreadCount).toBe(1);
    const view = (await findThreadView(db, thread.id))!;
    expect(view.events.map((e) => e.type)).toEqual(["closed", "reopened", "assigned"]);
    expect(view.thread).toMatchObject({ status: "open", assigneeId: me.id, assigneeName: "Ayşe Agent", unreadCount: 1 });
  });

  it("marks the whole thread unread by flagging what the customer side wrote, not our replies", async () => {
    const db = database.db;
    const me = await agentOf();
    const { thread, messages: msgs } = await makeThread(db, { messages: ["q1", "q2"] });
    await replyToThread(db, store, thread.id, { kind: "reply", body: "answer", receivers: [], force: false }, me);
    await changeReadState(db, { threadId: thread.id, read: true }, me.actor);
    const result = await changeReadState(db, { threadId: thread.id, read: false }, me.actor);
    expect(result.unreadCount).toBe(2);
    const unread = await db.select({ id: messages.id }).from(messages).where(eq(messages.threadId, thread.id));
    const view = (await findThreadView(db, thread.id))!;
    expect(view.messages.filter((m) => !m.readAt).map((m) => m.id)).toEqual(msgs.map((m) => m.id));
    expect(unread).toHaveLength(3);
  });

  it("refuses a message of another thread, and assigning to a customer", async () => {
    const db = database.db;
    const me = await agentOf();
    const a = await makeThread(db);
    const b = await makeThread(db);
    expect(((await errorOf(changeReadState(db, { threadId: a.thread.id, read: true, messageIds: [b.messages[0]!.id] }, me.actor))) as AppError).code).toBe(
      "not_found",
    );
    const customer = await makeUser(db, "customer");
    expect(((await errorOf(changeAssignee(db, { threadId: a.thread.id, assigneeId: customer.id }, me.actor))) as AppError).code).toBe("invalid");
  });
});

describe("findThreadView", () => {
  it("lists the customer's other threads in every channel, and the channel's details", async () => {
    const db = database.db;
    const email = `same-${Date.now()}@test.example`;
    const first = await makeThread(db, {
      channel: "discussion",
      customerEmail: email,
      subject: "Broken vase",
      details: {
        salesChannel: "CDISFR",
        orderReference: "ORD-42",
        typologyCode: "product",
        subTypologyCode: "productIsDamaged",
        receivers: [{ userType: "Customer" }],
      },
    });
    const second = await makeThread(db, { channel: "chat", customerEmail: email, subject: "Chat" });
    const view = (await findThreadView(db, first.thread.id))!;
    expect(view.otherThreads.map((t) => t.id)).toEqual([second.thread.id]);
    expect(view.panel.rows).toEqual(
      expect.arrayContaining([
        { label: "Order", value: "ORD-42" },
        { label: "Sub-typology", value: "productIsDamaged" },
      ]),
    );
    expect(view.replyOptions.receivers.map((r) => r.value)).toEqual(["customer"]);
    expect(view.uploadPolicy.maxFiles).toBe(3);
  });

  it("finds other threads of a second customer record with the same e-mail, in any case", async () => {
    const db = database.db;
    const email = `Twice-${Date.now()}@test.example`;
    const first = await makeThread(db, { customerEmail: email.toLowerCase() });
    const [other] = await db
      .insert(customers)
      .values({ name: "Same person, account", email: email.toUpperCase(), externalId: `ext-${Date.now()}` })
      .returning();
    const [t2] = await db.insert(threads).values({ channel: "conversation", subject: "From the account", customerId: other!.id }).returning();
    const unrelated = await makeThread(db);
    const view = (await findThreadView(db, first.thread.id))!;
    expect(view.otherThreads.map((t) => t.id)).toEqual([t2!.id]);
    expect(view.otherThreads.map((t) => t.id)).not.toContain(unrelated.thread.id);
  });

  it("returns null for a deleted or unknown thread", async () => {
    const db = database.db;
    const { thread } = await makeThread(db);
    await db.update(threads).set({ deletedAt: new Date() }).where(eq(threads.id, thread.id));
    expect(await findThreadView(db, thread.id)).toBeNull();
    expect(await findThreadView(db, 99999999)).toBeNull();
  });
});

describe("presence", () => {
  it("tracks who is viewing, announces arrivals and departures, and forgets expired viewers", async () => {
    const db = database.db;
    const me = await agentOf();
    const sam = await makeUser(db, "agent", { name: "Sam Viewer" });
    const { thread } = await makeThread(db);
    const lastEventId = Math.max(0, ...(await db.select({ id: realtimeEvents.id }).from(realtimeEvents)).map((e) => e.id));
    expect((await heartbeatThread(db, { threadId: thread.id }, me.actor)).map((v) => v.userId)).toEqual([me.id]);
    const both = await heartbeatThread(db, { threadId: thread.id }, sam.actor as StaffActor);
    expect(both.map((v) => v.name).sort()).toEqual(["Ayşe Agent", "Sam Viewer"]);
    await heartbeatThread(db, { threadId: thread.id }, me.actor); // a heartbeat of someone already present: no event
    const viewingEvents = (await db.select().from(realtimeEvents).where(gt(realtimeEvents.id, lastEventId))).filter(
      (e) => e.name === "viewing" && e.data.threadId === thread.id,
    );
    expect(viewingEvents).toHaveLength(2);

    // Sam's tab died 41 s ago: no longer present.
    await db
      .update(threadViewers)
      .set({ seenAt: new Date(Date.now() - 41_000) })
      .where(eq(threadViewers.userId, sam.id));
    expect((await heartbeatThread(db, { threadId: thread.id }, me.actor)).map((v) => v.userId)).toEqual([me.id]);
    expect(await leaveThread(db, { threadId: thread.id }, me.actor)).toEqual([]);
  });
});

describe("attachments rows", () => {
  it("belong to the reply's message and thread", async () => {
    const db = database.db;
    const me = await agentOf();
    const { thread } = await makeThread(db, { channel: "chat" });
    const { message } = await replyToThread(
      db,
      store,
      thread.id,
      { kind: "reply", body: "pic", receivers: [], force: false, files: [{ name: "p.png", bytes: png }] },
      me,
    );
    const rows = await db.select().from(attachments).where(eq(attachments.messageId, message.id));
    expect(rows).toMatchObject([{ threadId: thread.id, uploadedBy: me.id, fileName: "p.png" }]);
  });
});
