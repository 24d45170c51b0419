// The inbox list, its counts and its search, on PGlite and on PostgreSQL (TEST_DB=postgres).
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Database } from "@/db/client";
import { threads, type Thread } from "@/db/schema";
import { inTransaction } from "@/lib/events";
import { createTestDatabase } from "@/e2e/support/test-db";
import { makeThread, makeUser, TEST_ACTOR } from "@/e2e/support/factories";
import { HL_END, HL_START, searchThreads } from "@/lib/search/queries";
import { inboxListQuerySchema } from "@/lib/inbox/schemas";
import { addMessage, assignThread, setMessagesRead, setThreadStatus } from "./service";
import { COUNT_CAP, decodeCursor, findInboxCounts, findInboxThreads, type Cursor, type ThreadListFilters } from "./queries";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

async function allPages(filters: ThreadListFilters, limit = 2) {
  const seen: number[] = [];
  let cursor: Cursor | null = null;
  do {
    const page: Awaited<ReturnType<typeof findInboxThreads>> = await findInboxThreads(database.db, filters, { limit, cursor });
    seen.push(...page.threads.map((t) => t.id));
    cursor = decodeCursor(page.nextCursor);
  } while (cursor);
  return seen;
}

describe("findInboxThreads filters", () => {
  it("filters by assignee, unread, status, channel state and seller, and pages each without gaps", async () => {
    const db = database.db;
    const agent = await makeUser(db, "agent");
    const tag = `f${Date.now()}`;
    const made: Thread[] = [];
    for (let i = 0; i < 6; i++) made.push((await makeThread(db, { channel: "discussion", subject: `${tag} ${i}` })).thread);
    // 0,1 mine; 2 closed; 3 read; 4 state treated
    for (const t of made.slice(0, 2)) await inTransaction(db, (tx, emit) => assignThread(tx, emit, t.id, agent.id, TEST_ACTOR));
    await inTransaction(db, (tx, emit) => setThreadStatus(tx, emit, made[2]!.id, "closed", TEST_ACTOR));
    await inTransaction(db, (tx, emit) => setMessagesRead(tx, emit, made[3]!.id, true, TEST_ACTOR));
    await db.update(threads).set({ channelState: "treated" }).where(eq(threads.id, made[4]!.id));
    const ids = new Set(made.map((t) => t.id));
    const mine = (await allPages({ status: "open", assignee: "me", userId: agent.id })).filter((id) => ids.has(id));
    expect(mine.sort()).toEqual([made[0]!.id, made[1]!.id].sort());

    const unassignedOpen = (await allPages({ status: "open", assignee: "none", channel: "discussion" })).filter((id) => ids.has(id));
    expect(unassignedOpen.sort()).toEqual([made[3]!.id, made[4]!.id, made[5]!.id].sort());

    const unread = (await allPages({ status: "open", unread: true })).filter((id) => ids.has(id));
    expect(unread).not.toContain(made[3]!.id);
    expect(unread).not.toContain(made[2]!.id);
    expect(unread).toContain(made[0]!.id);

    const closed = (await allPages({ status: "closed" })).filter((id) => ids.has(id));
    expect(closed).toEqual([made[2]!.id]);

    const treated = (await allPages({ status: "all", channel: "discussion", state: "treated" })).filter((id) => ids.has(id));
    expect(treated).toEqual([made[4]!.id]);

    const all = await allPages({ status: "all" });
    expect(new Set(all).size).toBe(all.length);
    expect(all.filter((id) => ids.has(id)).length).toBe(6);
  });

  it("sorts longest waiting first, keyset paged, and leaves out answered threads", async () => {
    const db = database.db;
    const base = Date.now() - 3_600_000;
    const made: Thread[] = [];
    for (const minutes of [30, 10, 50, 20]) {
      made.push(
        await inTransaction(db, async (tx, emit) => {
          const { createThread } = await import("./service");
          const t = await createThread(tx, emit, { channel: "chat", subject: `wait ${minutes}`, createdAt: new Date(base + minutes * 60_000) }, TEST_ACTOR);
          await addMessage(tx, emit, t.id, { authorRole: "customer", body: "hello?", createdAt: new Date(base + minutes * 60_000) });
          return t;
        }),
      );
    }
    await inTransaction(db, (tx, emit) => addMessage(tx, emit, made[1]!.id, { authorRole: "agent", body: "answered" }));
    const ids = new Set(made.map((t) => t.id));
    const order = (await allPages({ status: "open", sort: "waiting" }, 1)).filter((id) => ids.has(id));
    expect(order).toEqual([made[3]!.id, made[0]!.id, made[2]!.id]); // waiting since 20, 30, 50 minutes past base
  });

  it("filters by created and updated range", async () => {
    const db = database.db;
    const { thread } = await makeThread(db, { subject: "range" });
    const created = (await db.select().from(threads).where(eq(threads.id, thread.id)))[0]!.createdAt;
    const inRange = await findInboxThreads(
      db,
      { status: "all", createdFrom: new Date(created.getTime() - 1000), createdTo: new Date(created.getTime() + 1000) },
      { limit: 200 },
    );
    expect(inRange.threads.map((t) => t.id)).toContain(thread.id);
    const outside = await findInboxThreads(db, { status: "all", updatedTo: new Date(created.getTime() - 60_000) }, { limit: 200 });
    expect(outside.threads.map((t) => t.id)).not.toContain(thread.id);
  });

  it("keeps microsecond timestamps in the cursor, so no row is skipped", async () => {
    const db = database.db;
    const made: Thread[] = [];
    for (let i = 0; i < 4; i++) made.push((await makeThread(db, { channel: "call_request", subject: `micro ${i}` })).thread);
    // Same millisecond, different microseconds.
    for (const [i, t] of made.entries()) {
      await db.execute(
        sql`update threads set last_message_at = '2020-01-01T00:00:00.123000Z'::timestamptz + ${`${i * 10} microseconds`}::interval where id = ${t.id}`,
      );
    }
    const seen = (await allPages({ status: "open", channel: "call_request" }, 1)).filter((id) => made.some((t) => t.id === id));
    expect(seen).toEqual([...made].reverse().map((t) => t.id));
  });
});

describe("findInboxCounts", () => {
  it("counts open threads per view and channel, and stops at the cap", async () => {
    const db = database.db;
    const agent = await makeUser(db, "agent");
    const before = await findInboxCounts(db, agent.id);
    const { thread } = await makeThread(db, { channel: "contact" });
    await inTransaction(db, (tx, emit) => assignThread(tx, emit, thread.id, agent.id, TEST_ACTOR));
    const after = await findInboxCounts(db, agent.id);
    expect(after.mine).toBe(before.mine + 1);
    expect(after.open).toBe(before.open + 1);
    expect(after.channels.contact).toBe(before.channels.contact + 1);
    expect(after.unread).toBe(before.unread + 1);
    expect(after.unassigned).toBe(before.unassigned);
    await inTransaction(db, (tx, emit) => setThreadStatus(tx, emit, thread.id, "closed", TEST_ACTOR));
    expect((await findInboxCounts(db, agent.id)).mine).toBe(before.mine);

    await db.execute(sql`insert into threads (channel, subject) select 'chat', 'bulk ' || g from generate_series(1, ${COUNT_CAP + 5}) g`);
    const capped = await findInboxCounts(db, agent.id);
    expect(capped.channels.chat).toBe(COUNT_CAP);
    expect(capped.open).toBe(COUNT_CAP);
    await db.execute(sql`delete from threads where subject like 'bulk %'`);
  });
});

describe("searchThreads", () => {
  it("finds a message by a word in its body, English and Turkish, with highlights", async () => {
    const db = database.db;
    const { thread } = await makeThread(db, {
      subject: "Delivery question",
      messages: ["My parcel zebrafinch never arrived", "Siparişim kargoya verilmedi, lütfen yardımcı olun"],
    });
    const hits = await searchThreads(db, "zebrafinch");
    expect(hits.map((h) => h.id)).toEqual([thread.id]);
    expect(hits[0]!.bodyHighlight).toContain(`${HL_START}zebrafinch${HL_END}`);
    const tr = await searchThreads(db, "kargoya");
    expect(tr.map((h) => h.id)).toContain(thread.id);
    expect(tr.find((h) => h.id === thread.id)!.bodyHighlight).toContain(`${HL_START}kargoya${HL_END}`);
  });

  it("finds by subject and customer e-mail, and ranks the better match first", async () => {
    const db = database.db;
    const { thread: bySubject } = await makeThread(db, { subject: "Quokka refund", messages: ["quokka quokka"], customerEmail: "quokka.fan@test.example" });
    const { thread: byBody } = await makeThread(db, { subject: "Other", messages: ["a quokka was mentioned once among many other words here"] });
    const hits = await searchThreads(db, "quokka");
    expect(hits.map((h) => h.id)).toEqual([bySubject.id, byBody.id]);
    expect(hits[0]!.subjectHighlight).toContain(`${HL_START}Quokka${HL_END}`);
    const byEmail = await searchThreads(db, "quokka.fan@test.example");
    expect(byEmail.map((h) => h.id)).toContain(bySubject.id);
  });

  it("applies the list filters to the results", async () => {
    const db = database.db;
    const { thread } = await makeThread(db, { channel: "chat", messages: ["platypus"] });
    expect((await searchThreads(db, "platypus", { channel: "chat" })).map((h) => h.id)).toEqual([thread.id]);
    expect(await searchThreads(db, "platypus", { channel: "contact" })).toEqual([]);
  });

  it("takes hostile input without an error", async () => {
    const db = database.db;
    await makeThread(db, { messages: ["ordinary words"] });
    const inputs = [
      "' or 1=1 --",
      '"unbalanced quote',
      "a & | ! ( ) :* <-> b",
      "\\\\ back\\slash \\",
      "\u0000nul\u0000",
      "!!!",
      "-ordinary",
      "ordinary OR words",
      "x".repeat(480),
      "çğıöşü İSTANBUL ışık",
    ];
    for (const input of inputs) {
      await expect(searchThreads(db, input)).resolves.toBeInstanceOf(Array);
    }
    expect((await searchThreads(db, '"ordinary words"')).length).toBeGreaterThan(0);
  });

  it("refuses 10 kB of text with a clear message in the schema", () => {
    const parsed = inboxListQuerySchema.safeParse({ q: "a ".repeat(5000) });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toMatch(/too long/);
  });

  it("uses the stored vectors' GIN index for a rare word", async () => {
    const rows = await queryRows<Record<string, string>>(
      database.db,
      sql`explain select id from messages where search_vector @@ websearch_to_tsquery('simple', 'zebrafinch')`,
    );
    expect(rows.length).toBeGreaterThan(0);
  });
});
