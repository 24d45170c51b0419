// The shared thread/message service, on PGlite and on PostgreSQL (TEST_DB=postgres).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { messages, realtimeEvents, threadEvents, threads } from "@/db/schema";
import { inTransaction } from "@/lib/events";
import { createTestDatabase } from "@/e2e/support/test-db";
import { makeThread, makeUser, TEST_ACTOR } from "@/e2e/support/factories";
import { addMessage, assignThread, setMessagesRead, setThreadStatus } from "./service";
import { decodeCursor, findInboxThreads, type Cursor } from "./queries";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const reload = async (id: number) => (await database.db.select().from(threads).where(eq(threads.id, id)))[0]!;

describe("addMessage", () => {
  it("returns the message as it is stored (its insert and the thread's update are one statement)", async () => {
    const db = database.db;
    const { thread } = await makeThread(db);
    const written = await inTransaction(db, (tx, emit) =>
      addMessage(tx, emit, thread.id, { authorRole: "agent", body: "Stored as returned", receivers: [{ userType: "Customer" }] }),
    );
    const [stored] = await db.select().from(messages).where(eq(messages.id, written.id));
    expect(written).toEqual(stored);
    expect(written.createdAt).toBeInstanceOf(Date);
    expect(written.receivers).toEqual([{ userType: "Customer" }]);
  });

  it("moves the thread's activity, preview, counts and waiting state", async () => {
    const db = database.db;
    const { thread } = await makeThread(db, { messages: ["First question", "Second, still waiting"] });
    let t = await reload(thread.id);
    expect(t.messageCount).toBe(2);
    expect(t.unreadCount).toBe(2);
    expect(t.lastMessagePreview).toBe("Second, still waiting");
    expect(t.waitingSince).not.toBeNull();

    const agent = await makeUser(db, "agent");
    await inTransaction(db, (tx, emit) =>
      addMessage(tx, emit, thread.id, { authorRole: "agent", authorUserId: agent.id, body: "Internal: check stock", isInternal: true }),
    );
    t = await reload(thread.id);
    expect(t.lastMessagePreview).toBe("Second, still waiting"); // a note is never the preview
    expect(t.waitingSince).not.toBeNull(); // and does not answer the customer

    await inTransaction(db, (tx, emit) => addMessage(tx, emit, thread.id, { authorRole: "agent", authorUserId: agent.id, body: "Here is   your\nanswer" }));
    t = await reload(thread.id);
    expect(t.lastMessagePreview).toBe("Here is your answer");
    expect(t.waitingSince).toBeNull();
    expect(t.messageCount).toBe(4);
    expect(t.unreadCount).toBe(2);
    expect(t.version).toBeGreaterThan(thread.version);
  });

  it("records one realtime event per change, in the same transaction", async () => {
    const db = database.db;
    const before = await db.select().from(realtimeEvents);
    // A conversation: its opening and the customer's message are the only changes (a contact form adds its own event).
    const { thread } = await makeThread(db, { channel: "conversation", messages: ["one"] });
    const after = await db.select().from(realtimeEvents);
    const mine = after.slice(before.length);
    expect(mine.map((e) => e.name)).toEqual(["thread.created", "message.created"]);
    expect(mine[1]!.data).toMatchObject({ threadId: thread.id, authorRole: "customer" });
  });

  it("writes nothing, events included, when the transaction fails", async () => {
    const db = database.db;
    const { thread } = await makeThread(db);
    const eventsBefore = (await db.select().from(realtimeEvents)).length;
    await expect(
      inTransaction(db, async (tx, emit) => {
        await addMessage(tx, emit, thread.id, { authorRole: "agent", body: "will be rolled back" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect((await db.select().from(messages).where(eq(messages.threadId, thread.id))).length).toBe(1);
    expect((await db.select().from(realtimeEvents)).length).toBe(eventsBefore);
  });

  it("refuses a message to a thread that does not exist", async () => {
    await expect(inTransaction(database.db, (tx, emit) => addMessage(tx, emit, 987654321, { authorRole: "agent", body: "x" }))).rejects.toThrow();
  });
});

describe("read state, status and assignment", () => {
  it("marks one message or the whole thread read and unread, keeping the count exact", async () => {
    const db = database.db;
    const { thread, messages: msgs } = await makeThread(db, { messages: ["a", "b", "c"] });
    await inTransaction(db, (tx, emit) => setMessagesRead(tx, emit, thread.id, true, TEST_ACTOR, [msgs[0]!.id]));
    expect((await reload(thread.id)).unreadCount).toBe(2);
    await inTransaction(db, (tx, emit) => setMessagesRead(tx, emit, thread.id, true, TEST_ACTOR));
    expect((await reload(thread.id)).unreadCount).toBe(0);
    const result = await inTransaction(db, (tx, emit) => setMessagesRead(tx, emit, thread.id, false, TEST_ACTOR, [msgs[2]!.id]));
    expect(result).toEqual({ changed: 1, unreadCount: 1 });
  });

  it("closes, reopens and assigns, logging each in the timeline", async () => {
    const db = database.db;
    const agent = await makeUser(db, "agent");
    const { thread } = await makeThread(db);
    await inTransaction(db, (tx, emit) => setThreadStatus(tx, emit, thread.id, "closed", agent.actor));
    expect((await reload(thread.id)).status).toBe("closed");
    await inTransaction(db, (tx, emit) => setThreadStatus(tx, emit, thread.id, "open", agent.actor));
    await inTransaction(db, (tx, emit) => assignThread(tx, emit, thread.id, agent.id, agent.actor));
    expect((await reload(thread.id)).assigneeId).toBe(agent.id);
    const log = await db.select().from(threadEvents).where(eq(threadEvents.threadId, thread.id)).orderBy(threadEvents.id);
    expect(log.map((e) => e.type)).toEqual(["created", "closed", "reopened", "assigned"]);
  });
});

describe("findInboxThreads", () => {
  it("pages by keyset with no overlap and no gap, newest activity first", async () => {
    const db = database.db;
    for (let i = 0; i < 7; i++) await makeThread(db, { channel: "chat", subject: `page ${i}` });
    const seen: number[] = [];
    let cursor: Cursor | null = null;
    do {
      const page: Awaited<ReturnType<typeof findInboxThreads>> = await findInboxThreads(db, { channel: "chat" }, { limit: 3, cursor });
      seen.push(...page.threads.map((t) => t.id));
      cursor = decodeCursor(page.nextCursor);
    } while (cursor);
    expect(seen.length).toBe(7);
    expect(new Set(seen).size).toBe(7);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  });
});
