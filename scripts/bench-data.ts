// The bench desk, shared by `npm run bench` and `npm run bench:http`: threads across the five
// channels and their messages of mixed English and Turkish text, loaded with set-based SQL.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";

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

/**
 * Loads `threadsN` threads and `messagesN` messages. On an empty database (npm run bench) or beside
 * the demo desk (npm run bench:http): its own threads, sellers and agents are told apart from others.
 */
export async function generate(db: Db, threadsN: number, messagesN: number, log: (s: string) => void) {
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
      case when g % 3 = 0 then null else (select min(id) from sellers where slug like 'bench-%') + g % 5 end,
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
  const minId = Number(
    ((await db.execute(sql`select min(id)::bigint as id from threads where customer_email like '%@bench.example'`)) as unknown as { rows: { id: string }[] })
      .rows[0]!.id,
  );
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
