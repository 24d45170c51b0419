// npm run bench — the inbox at scale. Loads a generated desk (default 100k threads, 1M messages of
// mixed English and Turkish text) into a scratch PostgreSQL database with set-based SQL, then
// prints p50/p95 for the inbox's reads measured through the same functions the route handlers
// call, beside the same SQL sent directly (the ratio is our overhead), the number of statements a
// list request makes, and the same on a smaller embedded (PGlite) desk.
//
//   BENCH_PG_ADMIN_URL  server to create the scratch database on (default: local switchboard user)
//   BENCH_DB            scratch database name (default switchboard_bench; dropped and recreated)
//   BENCH_REUSE=1       keep an already loaded scratch database
//   BENCH_THREADS / BENCH_MESSAGES, BENCH_PGLITE_THREADS / BENCH_PGLITE_MESSAGES, BENCH_RUNS
//   BENCH_SKIP_PGLITE=1 / BENCH_SKIP_PG=1
import { asc, eq, sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import type { Logger } from "drizzle-orm/logger";
import { MIGRATIONS_FOLDER, openDatabase, pgliteExtensions, type Db } from "@/db/client";
import * as schema from "@/db/schema";
import { messages } from "@/db/schema";
import { listInbox } from "@/lib/inbox/list";
import { searchThreads } from "@/lib/search/queries";
import { encodeCursor, findInboxCounts, findInboxThreads } from "@/lib/threads/queries";
import { generate } from "./bench-data";
import { pct, time } from "./bench-utils";

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
/** How deep the "deep page" is, in rows. */
const DEEP = Number(process.env.BENCH_DEEP ?? 10_000);

class CountingLogger implements Logger {
  count = 0;
  last: { query: string; params: unknown[] } | null = null;
  logQuery(query: string, params: unknown[]) {
    this.count++;
    this.last = { query, params };
  }
}

// ---------------------------------------------------------------------------------------------

interface Row {
  what: string;
  p50: number;
  p95: number;
  rawP50: number;
  rawP95: number;
}

async function measure(label: string, logged: Db, logger: CountingLogger, raw: (q: string, p: unknown[]) => Promise<unknown>) {
  const db = logged;
  const [agent] = await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.role, "agent")).orderBy(asc(schema.users.id)).limit(1);
  const userId = agent!.id;
  const deepRow = (await db.execute(sql`select last_message_at::text as at, id from threads where deleted_at is null and status = 'open'
      order by last_message_at desc nulls last, id desc nulls last offset ${DEEP - 1} limit 1`)) as unknown as { rows: { at: string; id: string }[] };
  const deepCursor = encodeCursor({ at: deepRow.rows[0]!.at, id: Number(deepRow.rows[0]!.id) });
  const [big] = await db.select({ id: schema.threads.id }).from(schema.threads).where(eq(schema.threads.messageCount, 200)).limit(1);
  // Identifiers that exist in the generated desk (see generate()).
  const orderRef = `ORD-${100000 + 4242}`;
  const quoted = `ORD-${900000 + (3003 % 99991)}`;
  const phone = "0542 742 22 76";

  const openThread = (d: Db) => d.select().from(messages).where(eq(messages.threadId, big!.id)).orderBy(asc(messages.createdAt), asc(messages.id)).limit(200);
  const cases: [string, (d: Db) => Promise<unknown>][] = [
    ["inbox first page (open, newest activity, 50)", (d) => findInboxThreads(d, { status: "open" }, { limit: 50 })],
    [
      `inbox page ${DEEP.toLocaleString("en")} rows deep`,
      (d) => findInboxThreads(d, { status: "open" }, { limit: 50, cursor: { at: deepRow.rows[0]!.at, id: Number(deepRow.rows[0]!.id) } }),
    ],
    ["inbox, mine", (d) => findInboxThreads(d, { status: "open", assignee: "me", userId }, { limit: 50 })],
    ["inbox, unassigned + channel", (d) => findInboxThreads(d, { status: "open", assignee: "none", channel: "discussion" }, { limit: 50 })],
    ["inbox, unread", (d) => findInboxThreads(d, { status: "open", unread: true }, { limit: 50 })],
    ["inbox, longest waiting", (d) => findInboxThreads(d, { status: "open", sort: "waiting" }, { limit: 50 })],
    ["sidebar counts (10 capped counts, 1 statement)", (d) => findInboxCounts(d, userId)],
    ["open a thread of 200 messages", openThread],
    ["search, rare word", (d) => searchThreads(d, "zebrafinch", { status: "all" })],
    ["search, common word (sipariş, with its stems)", (d) => searchThreads(d, "sipariş", { status: "all" })],
    ["search, two words", (d) => searchThreads(d, "kargo hasarlı", { status: "all" })],
    ["search, an inflected word (arrive → arrived)", (d) => searchThreads(d, "arrive", { status: "all" })],
    [`search, an order number (${orderRef})`, (d) => searchThreads(d, orderRef, { status: "all" })],
    [`search, an order number quoted in a message (${quoted})`, (d) => searchThreads(d, quoted, { status: "all" })],
    ["search, a partial e-mail (customer4321@bench)", (d) => searchThreads(d, "customer4321@bench", { status: "all" })],
    ["search, an accent-free name (celik)", (d) => searchThreads(d, "celik", { status: "all" })],
    [`search, a phone number (${phone})`, (d) => searchThreads(d, phone, { status: "all" })],
    ["search, common word + filters (sipariş status:closed channel:chat)", (d) => searchThreads(d, "sipariş status:closed channel:chat", { status: "all" })],
  ];
  const results: Row[] = [];
  for (const [what, fn] of cases) {
    logger.count = 0;
    await fn(db);
    const captured = logger.last!;
    const ours = await time(() => fn(db), { runs: RUNS, warmup: Math.min(20, RUNS) });
    const direct = await time(() => raw(captured.query, captured.params), { runs: RUNS, warmup: Math.min(20, RUNS) });
    results.push({ what, p50: pct(ours, 50), p95: pct(ours, 95), rawP50: pct(direct, 50), rawP95: pct(direct, 95) });
    process.stdout.write(".");
  }
  console.log();

  // Statements per list request: the route's own work (listInbox) for several page sizes; the
  // session check adds one (findActiveUserById).
  const statements: string[] = [];
  for (const limit of [10, 50, 100]) {
    for (const [name, extra] of [
      ["", ""],
      [" deep", "&cursor=" + deepCursor],
      [" search", "&q=sipariş"],
      [" search+filters", "&q=sipariş%20tag:vip%20assignee:me"],
      [" box filters only", "&q=status:closed%20from:celik"],
    ]) {
      logger.count = 0;
      await listInbox(db, new URLSearchParams(`limit=${limit}${extra}`), userId);
      statements.push(`${limit}${name}: ${logger.count}`);
    }
  }
  const fmt = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));
  console.log(`\n## ${label} (${RUNS} timed runs each, after warm-up)\n`);
  console.log("| what | ours p50 / p95 (ms) | same SQL direct p50 / p95 (ms) | ratio p95 |");
  console.log("|---|---|---|---|");
  for (const r of results)
    console.log(`| ${r.what} | ${fmt(r.p50)} / ${fmt(r.p95)} | ${fmt(r.rawP50)} / ${fmt(r.rawP95)} | ${(r.p95 / r.rawP95).toFixed(2)}× |`);
  const first = results[0]!;
  const deepR = results[1]!;
  console.log(`\ndeep page p95 / first page p95: ${(deepR.p95 / first.p95).toFixed(2)}×`);
  console.log(`SQL statements per list request (listInbox; +1 for the session check): ${statements.join(", ")}`);
}

async function runPostgres() {
  const admin = process.env.BENCH_PG_ADMIN_URL ?? "postgres://switchboard:switchboard@127.0.0.1:5432/postgres";
  const name = process.env.BENCH_DB ?? "switchboard_bench";
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error("BENCH_DB: letters, digits and _ only");
  const threadsN = Number(process.env.BENCH_THREADS ?? 100_000);
  const messagesN = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const { Client, Pool } = await import("pg");
  const client = new Client({ connectionString: admin });
  await client.connect();
  const exists = (await client.query("select 1 from pg_database where datname = $1", [name])).rowCount;
  let load = !process.env.BENCH_REUSE || !exists;
  if (load) {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  }
  await client.end();
  const database = await openDatabase({ url: url.toString(), migrate: true, poolSize: 4 });
  if (!load) {
    const [{ n }] = ((await database.db.execute(sql`select count(*)::int as n from threads`)) as unknown as { rows: { n: number }[] }).rows as [{ n: number }];
    load = n === 0;
  }
  if (load) await generate(database.db, threadsN, messagesN, (s) => console.log(`[bench] postgres ${s}`));
  const pool = new Pool({ connectionString: url.toString(), max: 2 });
  const logger = new CountingLogger();
  const logged = drizzlePg({ client: pool, schema, logger }) as unknown as Db;
  const counts = (
    (await logged.execute(sql`select (select count(*) from threads)::int as t, (select count(*) from messages)::int as m`)) as unknown as {
      rows: { t: number; m: number }[];
    }
  ).rows[0]!;
  await measure(
    `PostgreSQL ${(await pool.query("show server_version")).rows[0].server_version}: ${counts.t.toLocaleString("en")} threads, ${counts.m.toLocaleString("en")} messages`,
    logged,
    logger,
    (q, p) => pool.query(q, p as unknown[]),
  );
  await pool.end();
  await database.close();
}

async function runPglite() {
  const threadsN = Number(process.env.BENCH_PGLITE_THREADS ?? 20_000);
  const messagesN = Number(process.env.BENCH_PGLITE_MESSAGES ?? 200_000);
  const { PGlite } = await import("@electric-sql/pglite");
  const client = await PGlite.create("memory://", { extensions: await pgliteExtensions() });
  await client.exec("SET random_page_cost = 1.1");
  // Our own client (not openDatabase) so the measured drizzle instance can carry the counting logger.
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const logger = new CountingLogger();
  const plain = drizzlePglite({ client, schema });
  await migrate(plain, { migrationsFolder: MIGRATIONS_FOLDER });
  await generate(plain as unknown as Db, threadsN, messagesN, (s) => console.log(`[bench] pglite ${s}`));
  const logged = drizzlePglite({ client, schema, logger }) as unknown as Db;
  await measure(
    `PGlite (PostgreSQL ${(await client.query<{ server_version: string }>("show server_version")).rows[0]!.server_version}, in process): ${threadsN.toLocaleString("en")} threads, ${messagesN.toLocaleString("en")} messages`,
    logged,
    logger,
    (q, p) => client.query(q, p as unknown[]),
  );
  await client.close();
}

async function main() {
  if (!process.env.BENCH_SKIP_PG) await runPostgres();
  if (!process.env.BENCH_SKIP_PGLITE) await runPglite();
  try {
    const { firstLoadKb } = await import("./inbox-js-size");
    const kb = firstLoadKb("/inbox");
    if (kb) console.log(`\n/inbox first-load JS (last next build): ${kb.gzip.toFixed(1)} kB gzipped`);
  } catch {
    console.log("\n/inbox first-load JS: run `next build` first");
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
