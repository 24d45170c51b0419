// Faults, as permanent tests: the process writing is killed with kill -9 in the middle of its
// writes (PGlite and PostgreSQL) and every write it acknowledged is there afterwards; PostgreSQL is
// restarted with `pg_ctl restart -m immediate` (a crash) under writes and the app carries on by
// itself — the pool reconnects, the LISTEN connection too, and nothing acknowledged is lost.
import { execFileSync, execSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, queryRows, setDatabase, type Database } from "@/db/client";
import { startChild } from "@/e2e/support/spawn";
import { createTestDatabase, testDriver } from "@/e2e/support/test-db";
import { makeThread, makeUser } from "@/e2e/support/factories";
import { postReply } from "@/lib/channels/reply";
import { fanout, type StoredEvent } from "@/lib/events";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const acked = (output: string) => [...output.matchAll(/^ack (\d+)$/gm)].map((m) => Number(m[1]));

async function waitUntil(check: () => boolean, timeoutMs: number, what: string) {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await pause(50);
  }
}

describe("kill -9 in the middle of writes", () => {
  let tmp = "";
  let database: (Database & { url?: string }) | undefined;
  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sb-faults-"));
    if (testDriver() === "postgres") database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it(`keeps every acknowledged write (${testDriver()})`, async () => {
    const tag = `fault-${Date.now()}`;
    const spec = testDriver() === "postgres" ? { url: database!.url, tag } : { pgliteDir: path.join(tmp, "pglite"), tag };
    const writer = startChild("fault-writer", JSON.stringify(spec));
    await writer.waitFor("ack 1", 90_000);
    const target = acked(writer.output()).length + 40;
    await waitUntil(() => acked(writer.output()).length >= target, 60_000, `${target} acknowledged writes`);
    writer.process.kill("SIGKILL"); // mid-write: the next note is in flight
    await writer.exited;
    const acknowledged = acked(writer.output());
    const reopened = testDriver() === "postgres" ? database! : await openDatabase({ pgliteDir: spec.pgliteDir, migrate: true });
    try {
      const stored = new Set(
        (await queryRows<{ body: string }>(reopened.db, sql`select body from messages where body like ${`${tag} %`}`)).map((r) => Number(r.body.split(" ")[1])),
      );
      const lost = acknowledged.filter((n) => !stored.has(n));
      expect(acknowledged.length).toBeGreaterThanOrEqual(target);
      expect(lost).toEqual([]);
      // Whatever was in flight is either all there or not at all: no message without its thread's counts.
      const [counts] = await queryRows<{ messages: number; counted: number }>(
        reopened.db,
        sql`select (select count(*)::int from messages m where m.thread_id = t.id) as messages, t.message_count as counted
            from threads t where t.id = (select thread_id from messages where body like ${`${tag} %`} limit 1)`,
      );
      expect(counts!.messages).toBe(counts!.counted);
    } finally {
      if (reopened !== database) await reopened.close();
    }
  }, 180_000);
});

// ---------------------------------------------------------------------------------------------
// A crash of PostgreSQL itself: a throwaway cluster of our own (restarting the shared one would
// break every other test run on this machine).

const PG_BIN = (() => {
  try {
    const version = fs.readdirSync("/usr/lib/postgresql").sort().pop();
    return version ? `/usr/lib/postgresql/${version}/bin` : "";
  } catch {
    return "";
  }
})();
// No pipes: the postmaster pg_ctl starts would hold them open and execSync would wait for it.
const asPostgres = (command: string) =>
  execSync(process.getuid?.() === 0 ? `su postgres -c ${JSON.stringify(command)}` : command, { stdio: "ignore", timeout: 90_000 });

describe.runIf(testDriver() === "postgres" && !!PG_BIN)("pg_ctl restart -m immediate under writes", () => {
  const dir = path.join(os.tmpdir(), `sb-crash-pg-${process.pid}`);
  const port = 55_000 + Math.floor(Math.random() * 5000);
  const ctl = (action: string) =>
    asPostgres(`${PG_BIN}/pg_ctl -D ${dir} -w -t 60 -o '-p ${port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=on' -l ${dir}/log ${action}`);
  let database: Database | undefined;

  beforeAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    if (process.getuid?.() === 0) execFileSync("chown", ["postgres:postgres", dir]);
    asPostgres(`${PG_BIN}/initdb -D ${dir} -A trust -U postgres --no-sync >/dev/null`);
    ctl("start");
  }, 120_000);
  afterAll(async () => {
    // The cluster first (its connections end with it), then the pool, without waiting on it for long.
    try {
      ctl("stop -m immediate");
    } catch {
      /* already stopped */
    }
    await Promise.race([database?.close().catch(() => {}), pause(5000)]);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it("reconnects by itself and keeps every acknowledged write; live events carry on", async () => {
    database = await openDatabase({ url: `postgres://postgres@127.0.0.1:${port}/postgres`, migrate: true, poolSize: 4 });
    setDatabase(database);
    const db = database.db;
    const agent = await makeUser(db, "agent");
    const { thread } = await makeThread(db, { channel: "conversation" });
    const heard: StoredEvent[] = [];
    fanout().subscribe((e) => heard.push(e));
    await fanout().ready();

    const tag = `crash-${Date.now()}`;
    const acknowledged: number[] = [];
    let failures = 0;
    let stop = false;
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; !stop; i++) {
        const n = w * 1_000_000 + i;
        try {
          await postReply(db, { threadId: thread.id, kind: "note", body: `${tag} ${n}` }, agent.actor);
          acknowledged.push(n);
        } catch {
          failures++;
          await pause(100);
        }
      }
    });
    await waitUntil(() => acknowledged.length >= 40, 30_000, "writes before the crash");
    ctl("restart -m immediate");
    const afterRestart = acknowledged.length;
    await waitUntil(() => acknowledged.length >= afterRestart + 40, 60_000, "writes after the restart");
    stop = true;
    await Promise.all(writers);

    expect(failures).toBeGreaterThan(0); // the crash was felt…
    const stored = new Set(
      (await queryRows<{ body: string }>(db, sql`select body from messages where body like ${`${tag} %`}`)).map((r) => Number(r.body.split(" ")[1])),
    );
    expect(acknowledged.filter((n) => !stored.has(n))).toEqual([]); // …and nothing acknowledged was lost

    // The LISTEN connection came back too: a change after the restart reaches this instance's subscribers.
    const marker = `${tag} after`;
    await postReply(db, { threadId: thread.id, kind: "note", body: marker }, agent.actor);
    const [row] = await queryRows<{ id: number }>(db, sql`select id::int as id from messages where body = ${marker}`);
    await waitUntil(
      () => heard.some((e) => e.name === "message.created" && (e.data as { messageId?: number }).messageId === row!.id),
      20_000,
      "the event after the restart",
    );
  }, 180_000);
});
