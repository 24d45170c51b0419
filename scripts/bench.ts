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
// The generator: plain set-based SQL. Bodies are two of 2,000 pre-made fragments of mixed English
// and Turkish words (57–600 characters); a few rare words are planted for the search.

const WORDS = (
  "order delivery parcel refund invoice return package tracking address payment card size colour broken damaged late " +
  "please help thanks hello still waiting question product seller store shipping courier box price discount account " +
  "sipariş kargo teslimat iade fatura paket takip adres ödeme kart beden renk kırık hasarlı geç lütfen yardım teşekkürler " +
  "merhaba hâlâ bekliyorum soru ürün satıcı mağaza gönderim kurye kutu fiyat indirim hesap değişim ayakkabı çanta gömlek " +
  "arrived refunded siparişim siparişler"
).split(" ");

/** A trusted integer as an SQL literal (a bound parameter would have no type for generate_series). */
const n = (x: number) => sql.raw(String(Math.trunc(x)));

async function generate(db: Db, threadsN: number, messagesN: number, log: (s: string) => void) {
  const started = Date.now();
  const agents = await db
    .insert(schema.users)
    .values(
      Array.from({ length: 8 }, (_, i) => ({ email: `bench-agent-${i}@bench.example`, name: `Bench Agent ${i}`, role: "agent" as const, passwordHash: "x" })),
    )
    .returning({ id: schema.users.id });
  const agentIds = agents.map((a) => a.id);
  await db.insert(schema.sellers).values(Array.from({ length: 5 }, (_, i) => ({ slug: `bench-${i}`, title: `Bench Seller ${i}` })));

  const words = sql.raw(`array[${WORDS.map((w) => `'${w}'`).join(",")}]`);
  // A real table (a pooled connection would not see a temporary one), with a key for the lookups.
  await db.execute(sql`drop table if exists frag`);
  await db.execute(sql`create table frag (i int primary key, text text not null, vec tsvector)`);
  await db.execute(sql`insert into frag (i, text)
    select i, (select string_agg((${words})[1 + ((i * 7919 + j * 104729) % ${n(WORDS.length)})], ' ') from generate_series(1, 4 + i % 45) j)
    from generate_series(0, 1999) i`);
  // Each fragment's vector once (search_vector() costs ~0.5 ms a row): a message's is the sum of its two.
  await db.execute(sql`update frag set vec = search_vector(text)`);

  // Threads: newest activity spread over a year; a fifth closed; a third waiting; some unread.
  const deep = 500; // threads with 200 messages each
  await db.execute(sql`
    insert into threads (channel, status, channel_state, subject, customer_name, customer_email, seller_id, assignee_id,
      last_message_at, last_message_preview, last_message_role, waiting_since, message_count, unread_count, created_at, updated_at,
      order_ref, search_keys)
    select (array['contact','conversation','discussion','call_request','chat']::channel[])[1 + g % 5],
      case when g % 5 = 0 then 'closed'::thread_status else 'open'::thread_status end,
      case g % 5 when 1 then (array['not_answered','answered'])[1 + g % 2] when 2 then (array['to_treat','treated'])[1 + g % 2]
        when 3 then (array['new','in_progress','no_answer','completed'])[1 + g % 4] else null end,
      (select text from frag where i = g % 2000),
      (array['Ayşe','Mehmet','Olivia','Noah','Elif','Emre','Sofia','Oğuz'])[1 + g % 8] || ' ' || (array['Yılmaz','Kaya','Wilson','Clark','Çelik','Şahin'])[1 + g % 6],
      'customer' || g || '@bench.example',
      case when g % 3 = 0 then null else (select min(id) from sellers) + g % 5 end,
      case when g % 4 = 0 then null else (${sql.raw(`array[${agentIds.join(",")}]::bigint[]`)})[1 + g % ${n(agentIds.length)}] end,
      now() - (g * interval '5 minutes') - (g % 97) * interval '1 second',
      left((select text from frag where i = (g * 31) % 2000), 160),
      'customer',
      case when g % 3 = 0 then now() - (g * interval '5 minutes') - (g % 97) * interval '1 second' else null end,
      case when g <= ${n(deep)} then 200 else ${n(Math.max(1, Math.floor((messagesN - deep * 200) / Math.max(1, threadsN - deep))))} end,
      case when g % 7 = 0 then 1 + g % 3 else 0 end,
      now() - (g * interval '5 minutes') - interval '2 days',
      now() - (g * interval '5 minutes'),
      case when g % 2 = 0 then 'ORD-' || (100000 + g) when g % 3 = 0 then (200000 + g)::text else null end,
      '+90 5' || (30 + g % 30) || ' ' || (100 + g % 900) || ' ' || (10 + g % 90) || ' ' || (10 + (g / 7) % 90) || ' SKU-' || (g * 37 % 99991)
    from generate_series(1, ${n(threadsN)}) g`);
  log(`threads: ${threadsN} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // Messages: 200 for the first 500 threads, the rest spread evenly; loaded with the indexes off.
  await db.execute(sql`drop index if exists messages_search_idx`);
  await db.execute(sql`drop index if exists messages_created_idx`);
  await db.execute(sql`drop index if exists messages_thread_idx`);
  await db.execute(sql`alter table messages disable trigger messages_search_vector`);
  const t0 = Date.now();
  const minId = Number(((await db.execute(sql`select min(id)::bigint as id from threads`)) as unknown as { rows: { id: string }[] }).rows[0]!.id);
  const rest = messagesN - deep * 200;
  const per = Math.max(1, Math.floor(rest / Math.max(1, threadsN - deep)));
  await db.execute(sql`
    insert into messages (thread_id, author_role, author_name, body, search_vector, read_at, created_at)
    select t, case when n % 2 = 0 then 'customer'::author_role else 'agent'::author_role end, 'Bench',
      a.text || ' ' || b.text, a.vec || b.vec,
      now(), now() - ((t - ${n(minId)}) * interval '5 minutes') - (200 - n) * interval '1 second'
    from generate_series(${n(minId)}, ${n(minId + deep - 1)}) t cross join generate_series(1, 200) n
    join frag a on a.i = (t * 13 + n * 7) % 2000 join frag b on b.i = (t * 17 + n * 29 + 1000) % 2000`);
  await db.execute(sql`
    insert into messages (thread_id, author_role, author_name, body, search_vector, read_at, created_at)
    select ${n(minId + deep)} + (g % ${n(threadsN - deep)}), case when g % 2 = 0 then 'customer'::author_role else 'agent'::author_role end, 'Bench',
      a.text || ' ' || b.text, a.vec || b.vec,
      now(), now() - ((g % ${n(threadsN - deep)}) * interval '5 minutes') - (g / ${n(threadsN - deep)}) * interval '1 second'
    from generate_series(0, ${n(rest - 1)}) g
    join frag a on a.i = (g * 13) % 2000 join frag b on b.i = (g * 17 + 1000) % 2000`);
  await db.execute(sql`alter table messages enable trigger messages_search_vector`);
  // Rare words for the search (one in ~50,000 messages), and order numbers quoted in a message (one in ~1,000); the trigger writes their vectors.
  await db.execute(sql`update messages set body = body || ' zebrafinch kumkuat' where id % 50000 = 7`);
  await db.execute(sql`update messages set body = body || ' my order ORD-' || (900000 + id % 99991) where id % 1000 = 3`);
  log(`messages: ${deep * 200 + rest} in ${((Date.now() - t0) / 1000).toFixed(1)} s (per other thread: ${per})`);
  const t1 = Date.now();
  await db.execute(sql`drop table frag`);
  await db.execute(sql`create index messages_thread_idx on messages using btree (thread_id, created_at, id)`);
  await db.execute(sql`create index messages_created_idx on messages using btree (created_at desc nulls last, id desc nulls last)`);
  await db.execute(sql`create index messages_search_idx on messages using gin (search_vector)`);
  await db.execute(sql`analyze`);
  log(`indexes + analyze in ${((Date.now() - t1) / 1000).toFixed(1)} s; total ${((Date.now() - started) / 1000).toFixed(1)} s`);
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
