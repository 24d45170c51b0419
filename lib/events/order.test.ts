// Live events in commit order, with nothing skipped (defect 1): transactions take event ids in one
// order and commit in another; a stream that delivered the later id used to drop the earlier one
// as "already sent", and a resume after it never found it. Both the interleaving itself and
// concurrent writers on two app instances (PostgreSQL) / in one (PGlite): every committed event
// reaches every stream exactly once, in order.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Database, type Db } from "@/db/client";
import { makeThread, makeUser } from "@/e2e/support/factories";
import { belongsTo, listenFor, runEventLoad } from "@/e2e/support/event-load";
import { startChild } from "@/e2e/support/spawn";
import { createTestDatabase, testDriver } from "@/e2e/support/test-db";
import { fanout, recordEvents } from "./index";

let database: Database & { url?: string };
beforeAll(async () => {
  database = await createTestDatabase({ useAsAppDatabase: true });
});
afterAll(async () => {
  await database.close();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const tagged = (tag: string, n: number) => ({ name: "thread.updated" as const, data: { tag, n } as never, audience: { staff: true } });
const committed = async (load: { tag: string; threadId: number }, afterId = 0) =>
  (
    await queryRows<{ id: number }>(
      database.db,
      sql`select id::int as id from realtime_events
          where id > ${afterId} and (data->>'tag' = ${load.tag} or data->>'threadId' = ${String(load.threadId)}) order by id`,
    )
  ).map((r) => r.id);

describe("events in commit order", () => {
  it("delivers an event whose transaction took its id first but committed last, and a resume finds it", async () => {
    const tag = `interleave-${Date.now()}`;
    await fanout().ready();
    const live = await listenFor((d) => (d as { tag?: string })?.tag === tag);
    let second: Promise<void> | undefined;
    await database.db.transaction(async (t1) => {
      await recordEvents(t1 as unknown as Db, [tagged(tag, 1)]);
      // T2 records and commits while T1 is still open…
      second = database.db.transaction(async (t2) => {
        await recordEvents(t2 as unknown as Db, [tagged(tag, 2)]);
      });
      await pause(300);
      // …then T1 commits.
    });
    await second;
    await pause(800);
    const delivered = await live.stop();
    const ids = await committed({ tag, threadId: -1 });
    expect(ids).toHaveLength(2);
    expect(delivered).toEqual(ids);
    // A browser that got only the first delivered event resumes and gets the other.
    const resumed = await listenFor((d) => (d as { tag?: string })?.tag === tag, ids[0]);
    await pause(800);
    expect(await resumed.stop()).toEqual([ids[1]]);
  });

  it("gives a transaction's events their ids in the order they were emitted, and delivers them so", async () => {
    const tag = `batch-${Date.now()}`;
    await fanout().ready();
    const live = await listenFor((d) => (d as { tag?: string })?.tag === tag);
    await database.db.transaction((tx) => recordEvents(tx as unknown as Db, [tagged(tag, 1), tagged(tag, 2), tagged(tag, 3)]));
    await pause(800);
    const delivered = await live.stop();
    const rows = await queryRows<{ id: number; n: number }>(
      database.db,
      sql`select id::int as id, (data->>'n')::int as n from realtime_events where data->>'tag' = ${tag} order by id`,
    );
    expect(rows.map((r) => r.n)).toEqual([1, 2, 3]);
    expect(delivered).toEqual(rows.map((r) => r.id));
  });

  // The lock is taken by the events' own insert (lib/events EVENTS_LOCK): a writer waiting
  // for it must not have drawn its id yet, or ids would follow the order writers asked again.
  it.runIf(testDriver() === "postgres")("a writer waiting for the events lock has drawn no event id yet", async () => {
    const tag = `lock-${Date.now()}`;
    const lastValue = async () =>
      (
        await queryRows<{ n: string }>(
          database.db,
          sql`select last_value::text as n from pg_sequences where schemaname = current_schema() and sequencename = 'realtime_events_id_seq'`,
        )
      )[0]!.n;
    let waiting: Promise<void> | undefined;
    let whileWaiting = "";
    let held = "";
    await database.db.transaction(async (t1) => {
      await recordEvents(t1 as unknown as Db, [tagged(tag, 1)]);
      held = await lastValue();
      waiting = database.db.transaction(async (t2) => {
        await recordEvents(t2 as unknown as Db, [tagged(tag, 2)]);
      });
      await pause(300);
      whileWaiting = await lastValue();
    });
    await waiting;
    expect(whileWaiting).toBe(held);
    const ids = await committed({ tag, threadId: -1 });
    expect(ids).toEqual([Number(held), Number(held) + 1]);
  });

  it(`under ${testDriver() === "postgres" ? "8 concurrent writers on two app instances" : "8 concurrent writers"}, every stream gets every committed event once, in order`, async () => {
    const agent = await makeUser(database.db, "agent");
    const { thread } = await makeThread(database.db, { channel: "conversation" });
    const load = { tag: `load-${Date.now()}`, writers: 4, seconds: 4, threadId: thread.id, userId: agent.id };
    await fanout().ready();
    const [{ id: before }] = (await queryRows<{ id: number }>(database.db, sql`select coalesce(max(id), 0)::int as id from realtime_events`)) as [
      { id: number },
    ];
    Object.assign(load, { afterId: before });
    let other: Promise<number[]> = Promise.resolve([]);
    let writers = 8;
    if (testDriver() === "postgres" && database.url) {
      // The second instance: its own process, its own pool and LISTEN, 4 writers and its own stream.
      const child = startChild("event-writers", JSON.stringify({ ...load, url: database.url }));
      other = child.exited.then(() => JSON.parse(/ids (\[.*\])/.exec(child.output())?.[1] ?? "null") as number[]);
    } else {
      load.writers = 8;
      writers = 8;
    }
    const mine = await runEventLoad(database.db, load, { alsoWaitFor: other });
    const theirs = await other;
    const ids = await committed(load, before);
    expect(ids.length).toBeGreaterThan(writers * 3);
    expect(new Set(ids).size).toBe(ids.length);
    expect(mine).toEqual(ids);
    if (testDriver() === "postgres") expect(theirs).toEqual(ids);
    expect(belongsTo(load)({ tag: load.tag })).toBe(true);
  }, 60_000);
});
