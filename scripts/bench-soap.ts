// npm run bench:soap — the SOAP service's getConversations and putMessage through the route
// handler (a real Request: Basic auth, signature check and replay claim, the XML read and written)
// beside the same service calls without XML or auth (lib/conversations' findConversations +
// message stats, and postSellerReply), on 100,000 conversations (the measured seller has a fifth)
// with two messages each. Embedded database by default; BENCH_PG_URL=postgres://… (a scratch
// database: it is filled with rows) to measure PostgreSQL.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows, setDatabase, type Db } from "@/db/client";
import { sellers } from "@/db/schema";
import { createSoapCredential } from "@/lib/api-keys/service";
import { soapSign } from "@/lib/api-keys/soap";
import type { Actor } from "@/lib/auth/actor";
import { findConversations } from "@/lib/conversations/queries";
import { findMessageStats } from "@/lib/conversations/seller-queries";
import { postSellerReply } from "@/lib/conversations/service";
import { postSoap } from "@/lib/conversations/wire/soap";
import { pct, time } from "./bench-utils";

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const SELLERS = Number(process.env.BENCH_SELLERS ?? 20);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);

/** Bulk rows in plain SQL: the benchmark measures the service. Seller 1 holds a fifth of all conversations. */
async function fill(db: Db) {
  await db.execute(
    sql`insert into sellers (slug, title, external_id) select 'bench-' || g, 'Bench seller ' || g, 'BENCH-' || g from generate_series(1, ${SELLERS}) g`,
  );
  await db.execute(
    sql`insert into customers (name, email, nick) select 'Customer ' || g, 'c' || g || '@bench.example', 'nick' || g from generate_series(1, ${CUSTOMERS}) g`,
  );
  await db.execute(sql`
    with s as (select array_agg(id order by id) ids from sellers where slug like 'bench-%'),
    c as (select array_agg(id order by id) ids from customers where email like '%@bench.example'),
    t as (
      insert into threads (channel, subject, customer_id, customer_name, status, channel_state, seller_id, created_at, last_message_at, last_visible_at,
                           updated_at, message_count, unread_count, last_message_preview, last_message_role)
      select 'conversation', 'Conversation ' || g, c.ids[1 + g % array_length(c.ids, 1)], 'Customer ' || g, 'open',
        case when g % 3 = 0 then 'not_answered' else 'answered' end,
        case when g % 5 = 0 then s.ids[1] else s.ids[1 + g % array_length(s.ids, 1)] end,
        now() - (g * 5 || ' minutes')::interval, now() - (g * 3 || ' minutes')::interval, now() - (g * 3 || ' minutes')::interval,
        now() - (g * 3 || ' minutes')::interval, 2, case when g % 3 = 0 then 1 else 0 end, 'Last message of ' || g, 'seller'
      from generate_series(1, ${CONVERSATIONS}) g, s, c
      returning id
    )
    insert into conversation_details (thread_id, conversation_type, message_type) select id, 'message', 'USER' from t`);
  await db.execute(sql`
    insert into messages (thread_id, author_role, author_name, body, created_at, read_at)
    select t.id, r.role::author_role, r.role, 'Message ' || r.n || ' of ' || t.id, t.created_at + (r.n || ' minutes')::interval, now()
    from threads t, (values (1, 'customer'), (2, 'seller')) r(n, role) where t.channel = 'conversation'`);
  await db.execute(sql`analyze`);
}

let lastTime = 0;
function envelope(cred: { apiKey: string; secret: string }, op: string, request: string) {
  const t = (lastTime = Math.max(Date.now(), lastTime + 1));
  return (
    `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:con="http://conversation.individual.ws.listingapi.gg.com"><soapenv:Body>` +
    `<con:${op}><apiKey>${cred.apiKey}</apiKey><sign>${soapSign(cred.apiKey, cred.secret, t)}</sign><time>${t}</time><${op}Request>${request}<lang>tr</lang></${op}Request></con:${op}>` +
    `</soapenv:Body></soapenv:Envelope>`
  );
}

async function main() {
  process.env.FILES_DIR ??= mkdtempSync(path.join(os.tmpdir(), "sb-bench-"));
  process.env.MAIL_OUTBOX_DIR ??= mkdtempSync(path.join(os.tmpdir(), "sb-bench-mail-"));
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
  const cred = await createSoapCredential(db, { name: "bench", scopes: ["conversations.view", "conversations.manage"], sellerId: big!.id });
  const authorization = `Basic ${Buffer.from(`${cred.roleName}:${cred.rolePassword}`).toString("base64")}`;
  const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int n from threads where seller_id = ${big!.id}`);
  const [{ id: threadId }] = await queryRows<{ id: number }>(db, sql`select id from threads where seller_id = ${big!.id} order by id limit 1`);
  console.log(
    `${database.driver}: ${CONVERSATIONS} conversations (${2 * CONVERSATIONS} messages) over ${SELLERS} sellers, the measured one has ${n}; written in ${((Date.now() - started) / 1000).toFixed(1)} s; ${RUNS} timed runs each\n`,
  );
  const actor: Actor = { kind: "api", label: "bench", credentialId: cred.credential.id, sellerId: big!.id, name: big!.title };

  const soap = (op: string, request: string) => async () => {
    const response = await postSoap(
      new Request("http://127.0.0.1/listingapi/ws/IndividualUserConversationService", {
        method: "POST",
        headers: { authorization, "content-type": "text/xml; charset=utf-8" },
        body: envelope(cred, op, request),
      }),
    );
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${response.status} ${body}`);
  };
  const list = async () => {
    const { rows } = await findConversations(db, { sellerId: big!.id }, { offset: 0, limit: 20, filters: {} });
    await findMessageStats(
      db,
      rows.map((r) => r.thread.id),
    );
  };
  let k = 0;
  const cases: [string, () => Promise<unknown>][] = [
    ["getConversations (20 rows) — route handler, XML + auth", soap("getConversations", "<startOffSet>0</startOffSet><rowCount>20</rowCount>")],
    ["getConversations — the service call, no XML", list],
    ["putMessage — route handler, XML + auth", soap("putMessage", `<conversationId>${threadId}</conversationId><message>Bench reply</message>`)],
    ["putMessage — postSellerReply, no XML", () => postSellerReply(db, { threadId, sellerId: big!.id, body: `Bench reply ${k++}` }, actor)],
  ];
  // Each pair runs interleaved (handler, service, handler, …), so both see the same machine.
  const results: Record<string, { p50: number; p95: number }> = {};
  for (let pair = 0; pair < cases.length; pair += 2) {
    const [a, b] = [cases[pair]!, cases[pair + 1]!];
    for (let i = 0; i < 20; i++) {
      await a[1]();
      await b[1]();
    }
    const ta: number[] = [];
    const tb: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      ta.push(...(await time(a[1], { runs: 1 })));
      tb.push(...(await time(b[1], { runs: 1 })));
    }
    for (const [name, t] of [
      [a[0], ta.sort((x, y) => x - y)],
      [b[0], tb.sort((x, y) => x - y)],
    ] as const) {
      results[name] = { p50: pct(t, 50), p95: pct(t, 95) };
      console.log(`${name.padEnd(58)} p50 ${pct(t, 50).toFixed(2).padStart(7)} ms   p95 ${pct(t, 95).toFixed(2).padStart(7)} ms`);
    }
  }
  const names = Object.keys(results);
  const ratio = (a: string, b: string) => (results[a]!.p50 / results[b]!.p50).toFixed(2);
  console.log(`\nhandler / service at p50: getConversations ${ratio(names[0]!, names[1]!)}×, putMessage ${ratio(names[2]!, names[3]!)}×`);
  const [plan] = await queryRows<{ "QUERY PLAN": string }>(
    db,
    sql`explain select t.id from threads t join conversation_details d on d.thread_id = t.id
        where t.channel = 'conversation' and t.deleted_at is null and t.seller_id = ${big!.id} and d.seller_hidden_at is null
        order by coalesce(t.last_visible_at, t.created_at) desc, t.id desc limit 20`,
  );
  console.log(`page plan: ${plan?.["QUERY PLAN"]}`);
  await database.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
