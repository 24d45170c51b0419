// npm run bench:discussions — GET /seller/v2/discussions (the route handler with a real Request:
// token check, filters, page, total, JSON) against the direct SQL for the same page, on a desk with
// many discussions spread over many sellers (and other threads). Embedded database by default;
// BENCH_PG_URL=postgres://… (a scratch database: it is filled with rows) to measure PostgreSQL.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows, setDatabase, type Db } from "@/db/client";
import { sellers } from "@/db/schema";
import { createApiCredential } from "@/lib/api-keys/service";
import { discussionsRoute } from "@/lib/discussions/wire/http";
import { issueSellerToken } from "@/lib/api-keys/seller-tokens";
import { pct, time } from "./bench-utils";

const DISCUSSIONS = Number(process.env.BENCH_DISCUSSIONS ?? 50_000);
const SELLERS = Number(process.env.BENCH_SELLERS ?? 50);
const OTHERS = Number(process.env.BENCH_OTHER_THREADS ?? 20_000);
const RUNS = 100;

/** Bulk rows in plain SQL: the benchmark measures reads. Seller 1 holds a fifth of all discussions. */
async function fill(db: Db) {
  await db.execute(
    sql`insert into sellers (slug, title, external_id) select 'bench-' || g, 'Bench seller ' || g, 'BENCH-' || g from generate_series(1, ${SELLERS}) g`,
  );
  await db.execute(sql`
    insert into threads (channel, subject, customer_name, status, created_at, last_message_at, updated_at)
    select 'contact', 'Contact ' || g, 'Someone ' || g, 'open', now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval
    from generate_series(1, ${OTHERS}) g`);
  await db.execute(sql`
    with s as (select array_agg(id order by id) ids from sellers where slug like 'bench-%'),
    t as (
      insert into threads (channel, subject, customer_name, status, channel_state, waiting_since, seller_id, created_at, last_message_at, updated_at, message_count)
      select 'discussion', 'Discussion ' || g, 'Customer ' || g,
        case when g % 4 = 0 then 'closed'::thread_status else 'open'::thread_status end,
        case when g % 3 = 0 then 'to_treat' else 'treated' end,
        case when g % 3 = 0 then now() - (g * 3 || ' minutes')::interval else null end,
        case when g % 5 = 0 then s.ids[1] else s.ids[1 + g % array_length(s.ids, 1)] end,
        now() - (g * 5 || ' minutes')::interval, now() - (g * 3 || ' minutes')::interval, now() - (g * 3 || ' minutes')::interval, 2
      from generate_series(1, ${DISCUSSIONS}) g, s
      returning id
    )
    insert into discussion_details (thread_id, typology_code, sub_typology_code, sales_channel, external_reference, order_id, order_reference, graduation_code, receivers)
    select id, 'product', (array['productIsDamaged','orderNotShipped','orderCancellation'])[1 + id % 3], 'CDISFR', 'EXT-' || id, 'O' || id, 'R' || id,
      (array['Discussion','Discussion','Claim','Level_1'])[1 + id % 4], '[{"userType":"Customer"}]'::jsonb
    from t`);
  await db.execute(sql`
    insert into messages (thread_id, author_role, body, created_at, read_at)
    select t.id, r.role::author_role, 'Message ' || r.n || ' of ' || t.id, t.created_at + (r.n || ' minutes')::interval, now()
    from threads t, (values (1, 'customer'), (2, 'seller')) r(n, role) where t.channel = 'discussion'`);
  await db.execute(sql`analyze`);
}

async function main() {
  process.env.FILES_DIR ??= mkdtempSync(path.join(os.tmpdir(), "sb-bench-"));
  const url = process.env.BENCH_PG_URL;
  const database = await openDatabase(url ? { url, migrate: true } : { pgliteDir: "memory://", migrate: true });
  setDatabase(database);
  const db = database.db;
  const started = Date.now();
  await fill(db);
  const [big] = await db
    .select()
    .from(sellers)
    .where(sql`${sellers.slug} = 'bench-1'`);
  const { credential, secret } = await createApiCredential(db, { kind: "seller", name: "bench", scopes: ["discussions.view"], sellerId: big!.id });
  const { token } = (await issueSellerToken(db, { clientId: credential.keyPrefix, clientSecret: secret }))!;
  const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int n from threads where seller_id = ${big!.id}`);
  console.log(
    `${database.driver}: ${DISCUSSIONS} discussions over ${SELLERS} sellers (the measured one has ${n}) + ${OTHERS} other threads, written in ${((Date.now() - started) / 1000).toFixed(1)} s; ${RUNS} timed runs each\n`,
  );

  const get = (query: string) => async () => {
    const response = await discussionsRoute.GET(
      new Request(`http://127.0.0.1/seller/v2/discussions?${query}`, { headers: { authorization: `Bearer ${token}`, SellerId: big!.externalId! } }),
    );
    if (response.status !== 200) throw new Error(`${response.status} ${await response.text()}`);
    await response.text();
  };
  const direct =
    (extra: string, offset = 0) =>
    () =>
      db.execute(
        sql.raw(`select t.*, d.* from threads t join discussion_details d on d.thread_id = t.id
        where t.channel = 'discussion' and t.seller_id = ${big!.id} and t.deleted_at is null ${extra}
        order by t.updated_at desc, t.id desc limit 20 offset ${offset}`),
      );
  const cases: [string, () => Promise<unknown>][] = [
    ["GET /discussions (default page)", get("")],
    ["  direct SQL, same page", direct("")],
    ["GET page 50", get("pageIndex=50&pageSize=20")],
    ["  direct SQL, same page", direct("", 980)],
    ["GET isOpen=true&processStatus=ToTreat", get("isOpen=true&processStatus=ToTreat")],
    ["  direct SQL, same filter", direct("and t.status = 'open' and t.waiting_since is not null")],
    ["GET 3-month window + LastMessage", get(`updatedAtMin=${new Date(Date.now() - 90 * 86_400_000).toISOString()}&includeMessages=LastMessage`)],
    [
      "GET /discussions/count (ToTreat)",
      async () => {
        const { countRoute } = await import("@/lib/discussions/wire/http");
        const r = await countRoute.GET(
          new Request("http://127.0.0.1/seller/v2/discussions/count?processStatus=ToTreat", {
            headers: { authorization: `Bearer ${token}`, SellerId: big!.externalId! },
          }),
        );
        await r.text();
      },
    ],
  ];
  for (const [label, fn] of cases) {
    const xs = await time(fn, { runs: RUNS, warmup: 10 });
    console.log(`${label.padEnd(40)} p50 ${pct(xs, 50).toFixed(2)} ms   p95 ${pct(xs, 95).toFixed(2)} ms`);
  }

  const rows = await queryRows<{ "QUERY PLAN": string }>(
    db,
    sql.raw(`explain select t.id from threads t join discussion_details d on d.thread_id = t.id
      where t.channel = 'discussion' and t.seller_id = ${big!.id} and t.deleted_at is null order by t.updated_at desc, t.id desc limit 20`),
  );
  console.log(`\nplan, default page:\n${rows.map((r) => `  ${r["QUERY PLAN"]}`).join("\n")}`);
  await database.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
