// The list endpoint's work (listInbox): URL parameters in, JSON rows out; bad input is an AppError
// (a 400 with a message), never a crash. PGlite and PostgreSQL (TEST_DB=postgres).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { isAppError } from "@/lib/errors";
import { createTestDatabase } from "@/e2e/support/test-db";
import { makeThread, makeUser, TEST_ACTOR } from "@/e2e/support/factories";
import { listInbox } from "./list";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const list = (query: string, userId: number) => listInbox(database.db, new URLSearchParams(query), userId);

describe("listInbox", () => {
  it("pages with the cursor it returns, and filters by the URL's keys", async () => {
    const agent = await makeUser(database.db, "agent");
    for (let i = 0; i < 3; i++) await makeThread(database.db, { channel: "chat", subject: `chat ${i}` });
    await makeThread(database.db, { channel: "contact" });
    const first = await list("channel=chat&limit=2", agent.id);
    expect(first.threads).toHaveLength(2);
    expect(first.threads.every((t) => t.channel === "chat")).toBe(true);
    expect(typeof first.threads[0]!.lastMessageAt).toBe("string");
    const second = await list(`channel=chat&limit=2&cursor=${first.nextCursor}`, agent.id);
    expect(second.threads.map((t) => t.id)).not.toContain(first.threads[0]!.id);
    expect(second.threads.length).toBeGreaterThan(0);
  });

  it("searches when q is set, and answers bad input with a clear AppError", async () => {
    const agent = await makeUser(database.db, "agent");
    const { thread } = await makeThread(database.db, { messages: ["a wombat ate my parcel"] });
    const found = await list("q=wombat", agent.id);
    expect(found.search).toBe("wombat");
    expect(found.threads.map((t) => t.id)).toEqual([thread.id]);
    expect(found.threads[0]!.bodyHighlight).toContain("wombat");
    // Closed threads are searched too unless the URL names a status.
    const { inTransaction } = await import("@/lib/events");
    const { setThreadStatus } = await import("@/lib/threads/service");
    await inTransaction(database.db, (tx, emit) => setThreadStatus(tx, emit, thread.id, "closed", TEST_ACTOR));
    expect((await list("q=wombat", agent.id)).threads.map((t) => t.id)).toEqual([thread.id]);
    expect((await list("q=wombat&status=open", agent.id)).threads).toEqual([]);

    for (const bad of ["status=bogus", "cursor=bm90LWEtY3Vyc29y", `q=${"x".repeat(10_000)}`, "createdFrom=yesterday", "limit=100000"]) {
      const error = await list(bad, agent.id).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isAppError(error) && error.status, bad).toBe(400);
    }
    // Only control characters: treated as no search, not as an error.
    expect((await list("q=%00%01", agent.id)).search).toBeNull();
  });
});

describe("date range", () => {
  it("treats a day as the whole day for the end of a range", async () => {
    const { inboxFiltersSchema } = await import("./schemas");
    const parsed = inboxFiltersSchema.parse({ createdFrom: "2026-03-01", createdTo: "2026-03-01" });
    expect(parsed.createdFrom?.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(parsed.createdTo?.toISOString()).toBe("2026-03-01T23:59:59.999Z");
    expect(inboxFiltersSchema.safeParse({ createdTo: "not a date" }).success).toBe(false);
  });
});
