// npm run bench:call-requests — the call_requests API page and the agents' queue on a desk with
// many call requests (and other threads), with their plans: each list is one query over an index,
// plus the COUNT the API's total_items needs. Embedded database by default; BENCH_PG_URL=postgres://…
// (a scratch database: it is filled with rows) to measure PostgreSQL.
import { sql } from "drizzle-orm";
import { openDatabase, queryRows, type Db } from "@/db/client";
import { users } from "@/db/schema";
import { findCallQueue, findCallRequestsPage } from "@/lib/call-requests/queries";
import { queueFiltersSchema, wireListSchema } from "@/lib/call-requests/schemas";
import { pct, time } from "./bench-utils";

const CALLS = Number(process.env.BENCH_CALLS ?? 20_000);
const OTHERS = Number(process.env.BENCH_OTHER_THREADS ?? 20_000);
const RUNS = 100;

/** Bulk rows in plain SQL: the benchmark measures reads, not the service's writes. */
async function fill(db: Db, agentId: number) {
  await db.execute(sql`
    insert into threads (channel, subject, customer_name, channel_state, status, assignee_id, created_at, last_message_at)
    select 'contact', 'Contact ' || g, 'Someone ' || g, null, 'open', null, now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval
    from generate_series(1, ${OTHERS}) g`);
  await db.execute(sql`
    with t as (
      insert into threads (channel, subject, customer_name, channel_state, status, assignee_id, created_at, last_message_at)
      select 'call_request', 'Call back ' || g, 'Caller ' || g,
        (array['new','in_progress','completed','completed','completed','no_answer'])[1 + g % 6],
        case when g % 6 between 2 and 4 then 'closed'::thread_status else 'open'::thread_status end,
        case when g % 3 = 0 then ${agentId}::bigint else null end,
        now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval
      from generate_series(1, ${CALLS}) g
      returning id, created_at, customer_name
    )
    insert into call_request_details (thread_id, name, phone, time_from, time_to, window_start_minutes, window_end_minutes, order_id, order_status, created_at)
    select id, customer_name, '+90 555 ' || lpad((id % 10000000)::text, 7, '0'),
      (8 + id % 10) || ':00', (9 + id % 10) || ':00', (8 + id % 10) * 60, (9 + id % 10) * 60,
      case when id % 4 = 0 then id else null end, case when id % 4 = 0 then 'P' else null end, created_at
    from t`);
  await db.execute(sql`analyze`);
}

async function main() {
  const url = process.env.BENCH_PG_URL;
  const database = await openDatabase(url ? { url, migrate: true } : { pgliteDir: "memory://", migrate: true });
  const db = database.db;
  const [agent] = await db
    .insert(users)
    .values({ email: `bench-${Date.now()}@bench.example`, name: "Bench Agent", role: "agent", passwordHash: "x" })
    .returning();
  const started = Date.now();
  await fill(db, agent!.id);
  console.log(
    `${database.driver}: ${CALLS} call requests + ${OTHERS} other threads written in ${((Date.now() - started) / 1000).toFixed(1)} s; ${RUNS} timed runs each\n`,
  );

  const cases: [string, () => Promise<unknown>, string][] = [
    ["API default page (date desc)", () => findCallRequestsPage(db, wireListSchema.parse({})), ""],
    ["API page 50, order_exists=N", () => findCallRequestsPage(db, wireListSchema.parse({ page: "50", items_per_page: "20", order_exists: "N" })), ""],
    ["API status=new, sort_by=name", () => findCallRequestsPage(db, wireListSchema.parse({ status: "new", sort_by: "name", sort_order: "asc" })), ""],
    [
      "  of which: the COUNT alone",
      () =>
        db.execute(
          sql`select count(*) from threads t join call_request_details d on d.thread_id = t.id where t.channel = 'call_request' and t.deleted_at is null`,
        ),
      "",
    ],
    ["queue, to call (50)", () => findCallQueue(db, queueFiltersSchema.parse({}), { me: agent!.id }), ""],
    ["queue, mine", () => findCallQueue(db, queueFiltersSchema.parse({ assignee: "me" }), { me: agent!.id }), ""],
  ];
  for (const [label, fn] of cases) {
    const xs = await time(fn, { runs: RUNS, warmup: 10 });
    console.log(`${label.padEnd(32)} p50 ${pct(xs, 50).toFixed(2)} ms   p95 ${pct(xs, 95).toFixed(2)} ms`);
  }

  // The plans of the two default lists: an index walk, no sort of the whole table.
  const explain = async (label: string, query: string) => {
    const rows = await queryRows<{ "QUERY PLAN": string }>(db, sql.raw(`explain ${query}`));
    console.log(`\n${label}:\n${rows.map((r) => `  ${r["QUERY PLAN"]}`).join("\n")}`);
  };
  await explain(
    "plan, API default page",
    `select t.id from threads t join call_request_details d on d.thread_id = t.id
     where t.channel = 'call_request' and t.deleted_at is null order by d.created_at desc, d.thread_id desc limit 10`,
  );
  await explain(
    "plan, queue (to call)",
    `select t.id from threads t join call_request_details d on d.thread_id = t.id
     where t.channel = 'call_request' and t.deleted_at is null and t.channel_state in ('new','in_progress','no_answer')
     order by coalesce(d.window_start_minutes, 1441), d.created_at, d.thread_id limit 51`,
  );
  await database.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
