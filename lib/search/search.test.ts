// The search examples, on PGlite and on PostgreSQL (TEST_DB=postgres): what customers
// quote (order numbers, the reference they were given, a partial e-mail, a phone number in any
// format, seller and product codes), names typed without their accents (Turkish I/ı/İ/i folded),
// inflected words (English and Turkish stems, exact matches first), the search box's filters, and
// results that say which message matched, highlighted.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { tags, threads } from "@/db/schema";
import { listInbox } from "@/lib/inbox/list";
import { changeAssignee, changeThreadStatus } from "@/lib/inbox/service";
import { createTestDatabase } from "@/e2e/support/test-db";
import { makeThread, makeUser, TEST_ACTOR } from "@/e2e/support/factories";
import { HL_END, HL_START } from "./highlight";
import { SEARCH_WALK, searchThreads } from "./queries";

let database: Database;
const ids: Record<string, number> = {};
let agentId = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const agent = await makeUser(db, "agent", { name: "Zeynep Agent" });
  agentId = agent.id;
  const sofia = await makeThread(db, {
    channel: "contact",
    customerName: "Sofia Taylor",
    customerEmail: "sofia.taylor@mail.example",
    subject: "Shipping and delivery",
    messages: ["Hello, my parcel never came. The confirmation said ORD-109778."],
    details: { phone: "+90 (555) 123-45-67", order: "257950" },
  });
  ids.sofia = sofia.thread.id;
  const discussion = await makeThread(db, {
    channel: "discussion",
    customerName: "Can Demir",
    messages: ["Ürün hasarlı geldi."],
    details: { offerId: "SKU-88412", productId: "PRD77031", orderId: "880011" },
  });
  ids.discussion = discussion.thread.id;
  ids.celik = (await makeThread(db, { channel: "chat", customerName: "Ömer Çelik", messages: ["Merhaba"] })).thread.id;
  ids.sahin = (await makeThread(db, { channel: "contact", customerName: "Ayşe Şahin", messages: ["Hello there"] })).thread.id;
  ids.ozturk = (await makeThread(db, { channel: "contact", customerName: "Deniz Öztürk", messages: ["Good morning"] })).thread.id;
  ids.isik = (await makeThread(db, { channel: "contact", customerName: "İlknur IŞIK", subject: "İSTANBUL teslimatı", messages: ["Kapıda ödeme"] })).thread.id;
  ids.arrived = (
    await makeThread(db, { channel: "conversation", customerName: "Noah Clark", messages: ["The box arrived yesterday, but I was refunded twice."] })
  ).thread.id;
  ids.arrive = (
    await makeThread(db, { channel: "conversation", customerName: "Mia Lewis", messages: ["When will my order arrive? I need a refund otherwise."] })
  ).thread.id;
  ids.siparis = (
    await makeThread(db, { channel: "chat", customerName: "Elif Aydın", messages: ["Siparişim hâlâ gelmedi, siparişlerimi kontrol eder misiniz?"] })
  ).thread.id;
  ids.closed = (await makeThread(db, { channel: "contact", customerName: "Leo Walker", messages: ["quokkafilter in a closed one"] })).thread.id;
  ids.open = (await makeThread(db, { channel: "chat", customerName: "Leo Walker", messages: ["quokkafilter in an open chat"] })).thread.id;
  await changeThreadStatus(db, { threadId: ids.closed, status: "closed" }, TEST_ACTOR);
  await changeAssignee(db, { threadId: ids.open, assigneeId: agentId }, TEST_ACTOR);
  const [vip] = await db.insert(tags).values({ name: "VIP", color: "amber" }).returning();
  await db
    .update(threads)
    .set({ tagIds: [vip!.id] })
    .where(eq(threads.id, ids.open));
});
afterAll(async () => {
  await database.close();
});

const found = async (q: string) => (await searchThreads(database.db, q)).map((r) => r.id);
const list = async (q: string, extra = "") => (await listInbox(database.db, new URLSearchParams(`q=${encodeURIComponent(q)}${extra}`), agentId)).threads;

describe("what customers quote", () => {
  it("an order number, as given on the form or written in a message, whole or in parts", async () => {
    expect(await found("257950")).toContain(ids.sofia);
    for (const q of ["ORD-109778", "ord-109778", "ORD109778", "109778"]) expect(await found(q), q).toContain(ids.sofia);
    expect(await found("880011")).toEqual([ids.discussion]);
  });

  it("the thread reference the customer was given (#327), first", async () => {
    const hits = await found(`#${ids.siparis}`);
    expect(hits[0]).toBe(ids.siparis);
  });

  it("a partial e-mail", async () => {
    expect(await found("sofia.tay")).toEqual([ids.sofia]);
    expect(await found("taylor@mail")).toEqual([ids.sofia]);
  });

  it("a phone number in any format", async () => {
    for (const q of ["+90 555 123 45 67", "0555 123 45 67", "(555) 123-4567", "+905551234567", "555.123.45.67"]) {
      expect(await found(q), q).toEqual([ids.sofia]);
    }
  });

  it("a product or offer code, and the seller's code", async () => {
    expect(await found("SKU-88412")).toEqual([ids.discussion]);
    expect(await found("PRD77031")).toEqual([ids.discussion]);
    expect(await found("SELLER-TEST-SELLER")).toContain(ids.discussion);
  });
});

describe("names typed without their accents", () => {
  it("celik, sahin, ozturk", async () => {
    expect(await found("celik")).toEqual([ids.celik]);
    expect(await found("sahin")).toEqual([ids.sahin]);
    expect(await found("ozturk")).toEqual([ids.ozturk]);
    expect(await found("ÇELİK")).toEqual([ids.celik]);
  });

  it("folds the Turkish I, ı, İ and i alike", async () => {
    for (const q of ["ilknur", "ILKNUR", "İlknur", "isik", "ışık", "IŞIK", "istanbul", "İstanbul", "ıstanbul"]) expect(await found(q), q).toEqual([ids.isik]);
  });
});

describe("inflected words", () => {
  it("finds English words by their stem, exact matches first", async () => {
    const arrive = await found("arrive");
    expect(arrive).toEqual([ids.arrive, ids.arrived]);
    const arrived = await found("arrived");
    expect(arrived).toEqual([ids.arrived, ids.arrive]);
    expect(await found("refund")).toEqual([ids.arrive, ids.arrived]);
    expect(await found("refunded")).toEqual([ids.arrived, ids.arrive]);
  });

  it("finds Turkish words by their stem: sipariş → siparişim, siparişler(im)", async () => {
    expect(await found("sipariş")).toContain(ids.siparis);
    expect(await found("siparişler")).toContain(ids.siparis);
    expect(await found("siparis")).toContain(ids.siparis);
  });
});

describe("words in different places", () => {
  it("a name in the thread and a word in one of its messages: celik merhaba, sofia.tay confirmation", async () => {
    expect(await found("celik merhaba")).toEqual([ids.celik]);
    expect(await found("merhaba celik")).toEqual([ids.celik]);
    expect(await found("sofia.tay confirmation")).toEqual([ids.sofia]);
    const [hit] = await searchThreads(database.db, "celik merhaba");
    expect(hit!.customerHighlight).toContain(`${HL_START}Çelik${HL_END}`);
    expect(hit!.bodyHighlight).toContain(`${HL_START}Merhaba${HL_END}`);
    expect(await found("celik refunded")).toEqual([]);
  });
});

describe("the search box's filters", () => {
  it("status:, channel:, assignee:me, tag:, from: and dates narrow the search", async () => {
    const ofQuokka = async (filters: string) => (await list(`quokkafilter ${filters}`)).map((r) => r.id).sort();
    expect(await ofQuokka("")).toEqual([ids.closed, ids.open].sort());
    expect(await ofQuokka("status:closed")).toEqual([ids.closed]);
    expect(await ofQuokka("channel:chat")).toEqual([ids.open]);
    expect(await ofQuokka("assignee:me")).toEqual([ids.open]);
    expect(await ofQuokka("assignee:zeynep")).toEqual([ids.open]);
    expect(await ofQuokka("assignee:none")).toEqual([ids.closed]);
    expect(await ofQuokka("tag:vip")).toEqual([ids.open]);
    expect(await ofQuokka("tag:nosuchtag")).toEqual([]);
    expect(await ofQuokka("from:leo.walker")).toEqual([]);
    expect(await ofQuokka("from:walker")).toEqual([ids.closed, ids.open].sort());
    expect(await ofQuokka("after:2000-01-01")).toEqual([ids.closed, ids.open].sort());
    expect(await ofQuokka("before:2000-01-01")).toEqual([]);
  });

  it("a filter finds its thread behind more than SEARCH_WALK newer matches in threads it leaves out", async () => {
    const db = database.db;
    const old = await makeThread(db, { channel: "contact", customerName: "Olive Old", messages: ["the marmosetword came late"] });
    await changeThreadStatus(db, { threadId: old.thread.id, status: "closed" }, TEST_ACTOR);
    const busy = await makeThread(db, { channel: "chat", customerName: "Busy Chat", messages: ["marmosetword"] });
    await db.execute(sql`insert into messages (thread_id, author_role, author_name, body, created_at)
      select ${busy.thread.id}, 'customer', 'Busy Chat', 'marmosetword again ' || g, now() + g * interval '1 millisecond'
      from generate_series(1, ${SEARCH_WALK + 10}) g`);
    expect(await found("marmosetword status:closed")).toEqual([old.thread.id]);
    expect(await found("marmosetword channel:contact")).toEqual([old.thread.id]);
    expect(await found("marmosetword channel:chat")).toEqual([busy.thread.id]);
  });

  it("filters alone are a list of their threads, and say which filters were read", async () => {
    const page = await listInbox(database.db, new URLSearchParams("q=from:sofia.taylor@mail.example"), agentId);
    expect(page.threads.map((r) => r.id)).toEqual([ids.sofia]);
    expect(page.chips).toEqual([{ key: "from", value: "sofia.taylor@mail.example" }]);
    const chats = await listInbox(database.db, new URLSearchParams("q=channel:chat status:all"), agentId);
    expect(chats.threads.every((r) => r.channel === "chat")).toBe(true);
  });
});

describe("results", () => {
  it("say which message matched, with what matched marked — stems and folded words too", async () => {
    const [row] = await searchThreads(database.db, "arrive", {}, { limit: 5 }).then((r) => r.filter((x) => x.id === ids.arrived));
    expect(row!.match).toMatchObject({ authorRole: "customer", authorName: "Noah Clark" });
    expect(row!.bodyHighlight).toContain(`${HL_START}arrived${HL_END}`);
    const [name] = await searchThreads(database.db, "celik");
    expect(name!.customerHighlight).toBe(`Ömer ${HL_START}Çelik${HL_END}`);
    const [tr] = await searchThreads(database.db, "sipariş");
    expect(tr!.bodyHighlight).toContain(`${HL_START}Siparişim${HL_END}`);
    expect(tr!.bodyHighlight).toContain(`${HL_START}siparişlerimi${HL_END}`);
    const [phone] = await searchThreads(database.db, "0555 123 45 67");
    expect(phone!.customerHighlight ?? phone!.subjectHighlight).toBeTruthy();
    const [code] = await searchThreads(database.db, "ORD-109778");
    expect(code!.bodyHighlight).toContain(`${HL_START}ORD-109778${HL_END}`);
  });

  it("takes hostile input without an error", async () => {
    for (const q of [
      "' OR 1=1 --",
      '"unclosed',
      "a & | ! ( ) :* <-> b",
      "\\\\ back\\slash \\",
      "<script>",
      "%_%",
      "tag:'x",
      "#0",
      "#99999999999999999999",
      "from:%",
    ]) {
      await expect(searchThreads(database.db, q), q).resolves.toBeInstanceOf(Array);
      await expect(list(q), q).resolves.toBeInstanceOf(Array);
    }
  });
});
