// Events: recorded with their change, delivered after commit, replayed after a reconnect, and —
// on PostgreSQL — heard by every app instance.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase, testDriver } from "@/e2e/support/test-db";
import { startChild } from "@/e2e/support/spawn";
import { fanout, findEventsSince, inTransaction, onCommitted, type StoredEvent } from "./index";

// Events this test emits that the desk itself does not.
declare module "./types" {
  interface EventMap {
    a: { n: number };
    b: { n: number };
  }
}
/** The test's own keys in an event's data (markers that are no real field of the event). */
const field = (e: StoredEvent, key: string) => (e.data as unknown as Record<string, unknown>)[key];
/** A marker riding on a real event's name. */
const marked = (data: Record<string, unknown>) => data as never;

let database: Database & { url?: string };
beforeAll(async () => {
  database = await createTestDatabase({ useAsAppDatabase: true });
});
afterAll(async () => {
  await database.close();
});

function nextEvent(match: (e: StoredEvent) => boolean, timeoutMs = 10_000): Promise<StoredEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error("no event arrived"));
    }, timeoutMs);
    const unsubscribe = fanout().subscribe((event) => {
      if (!match(event)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(event);
    });
  });
}

describe("events", () => {
  it("reach subscribers once the transaction commits", async () => {
    const arriving = nextEvent((e) => field(e, "marker") === "commit");
    await fanout().ready();
    await inTransaction(database.db, async (_tx, emit) => emit("thread.updated", marked({ marker: "commit" })));
    const event = await arriving;
    expect(event.name).toBe("thread.updated");
    expect(event.id).toBeGreaterThan(0);
  });

  it("never escape a rolled-back transaction", async () => {
    const seen: StoredEvent[] = [];
    const unsubscribe = fanout().subscribe((e) => seen.push(e));
    await fanout().ready();
    await expect(
      inTransaction(database.db, async (_tx, emit) => {
        emit("thread.updated", marked({ marker: "rollback" }));
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    const after = nextEvent((e) => field(e, "marker") === "after-rollback");
    await inTransaction(database.db, async (_tx, emit) => emit("thread.updated", marked({ marker: "after-rollback" })));
    await after;
    unsubscribe();
    expect(seen.some((e) => field(e, "marker") === "rollback")).toBe(false);
  });

  it("run this process's side effects after commit only", async () => {
    const calls: unknown[] = [];
    const off = onCommitted("thread.closed", (data) => void calls.push(data));
    await inTransaction(database.db, async (_tx, emit) => emit("thread.closed", marked({ threadId: 1 })));
    await expect(
      inTransaction(database.db, async (_tx, emit) => {
        emit("thread.closed", marked({ threadId: 2 }));
        throw new Error("no");
      }),
    ).rejects.toThrow();
    off();
    expect(calls).toEqual([{ threadId: 1 }]);
  });

  it("can be replayed after a given id, in order (Last-Event-ID)", async () => {
    const [first] = await findEventsSince(database.db, 0, 1);
    await inTransaction(database.db, async (_tx, emit) => {
      emit("a", { n: 1 });
      emit("b", { n: 2 });
    });
    const all = await findEventsSince(database.db, first!.id - 1, 1000);
    const ids = all.map((e) => e.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(all.slice(-2).map((e) => e.name)).toEqual(["a", "b"]);
  });
});

describe.runIf(testDriver() === "postgres")("two app instances on one PostgreSQL", () => {
  it("an event written by the other instance reaches a subscriber of this one", async () => {
    const arriving = nextEvent((e) => field(e, "from") === "other-instance", 30_000);
    await fanout().ready();
    const other = startChild("publish", database.url!);
    await other.waitFor("published", 30_000);
    const event = await arriving;
    expect(field(event, "pid")).toBe(other.process.pid);
    expect(field(event, "pid")).not.toBe(process.pid);
  }, 60_000);
});
