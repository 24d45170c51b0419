// Demo data that looks real: staff, customers, sellers, reference data in English and Turkish,
// and a few hundred threads across the five channels. Safe to run twice: reference rows are
// upserted by their natural keys and the threads are written only once.
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import * as s from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { createApiCredential } from "@/lib/api-keys/service";
import { createAttachments } from "@/lib/attachments/service";
import { findOrCreateCustomer } from "@/lib/customers/service";
import { checkUploads, UPLOAD_POLICIES } from "@/lib/storage/file-types";
import type { FileStore } from "@/lib/storage/store";
import { addMessage, createThread, setMessagesRead, type Emit } from "@/lib/threads/service";
import { makePdf, makePng } from "./files";

export const DEMO = {
  admin: { email: "admin@example.com", password: "switchboard-admin", name: "Ada Admin" },
  agent: { email: "agent@example.com", password: "switchboard-agent", name: "Ayşe Yılmaz" },
  agent2: { email: "sam@example.com", password: "switchboard-agent", name: "Sam Carter" },
  customer: { email: "customer@example.com", password: "switchboard-customer", name: "Deniz Kaya" },
  /** HTTP Basic for the call-requests API: user = the admin's e-mail, password = this key. */
  callRequestsKey: "sb_cr_demo0000.demo-call-requests-secret-0001",
  /** Client credentials for the marketplace discussions API, bound to seller SELLER-1001. */
  seller: { clientId: "sb_seller_demo0000", clientSecret: "demo-seller-secret-0001", sellerId: "SELLER-1001" },
} as const;

const SEED_MARKER = "seed.demo";
const noEmit: Emit = () => {};

/** A small deterministic PRNG, so every seed writes the same desk. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}

const FIRST = ["Emma", "Mehmet", "Olivia", "Zeynep", "Liam", "Elif", "Noah", "Can", "Mia", "Burak", "Lucas", "Selin", "Sofia", "Emre", "Leo", "Ebru", "Chloe", "Oğuz", "Jack", "Gülşen"];
const LAST = ["Smith", "Yıldız", "Brown", "Şahin", "Taylor", "Demir", "Wilson", "Çelik", "Martin", "Aydın", "Clark", "Öztürk", "Lewis", "Arslan", "Walker", "Doğan"];

const CONTACT_SUBJECTS = [
  { code: "refund", en: "Refund", tr: "İade", order: true },
  { code: "shipping", en: "Shipping and delivery", tr: "Kargo ve teslimat", order: true },
  { code: "technical", en: "Technical support", tr: "Teknik destek", order: false },
  { code: "franchise", en: "Franchise", tr: "Bayilik", order: false },
  { code: "other", en: "Something else", tr: "Diğer", order: false },
];

const TYPOLOGIES: { typology: string; sub: string; statuses: string[]; en: string; tr: string; users?: string[] }[] = [
  { typology: "order", sub: "orderCancellation", statuses: ["Accepted", "InPreparation"], en: "Cancel my order", tr: "Siparişimi iptal et" },
  { typology: "order", sub: "orderModification", statuses: ["Accepted", "InPreparation"], en: "Change my order", tr: "Siparişimi değiştir" },
  { typology: "delivery", sub: "orderNotShipped", statuses: ["Accepted", "InPreparation", "Shipped"], en: "Order not shipped", tr: "Sipariş kargoya verilmedi" },
  { typology: "product", sub: "productIsDamaged", statuses: ["Delivered"], en: "Product is damaged", tr: "Ürün hasarlı" },
  { typology: "product", sub: "productIsNotWorking", statuses: ["Delivered"], en: "Product is not working", tr: "Ürün çalışmıyor" },
  { typology: "product", sub: "wrongProductReceived", statuses: ["Delivered"], en: "Wrong product received", tr: "Yanlış ürün geldi" },
  { typology: "delivery", sub: "missingProductsInOrder", statuses: ["Delivered"], en: "Products missing from the order", tr: "Siparişte eksik ürün var" },
  { typology: "product", sub: "missingItemInProduct", statuses: ["Delivered"], en: "Part missing from a product", tr: "Üründe eksik parça var" },
  { typology: "billing", sub: "printReceipt", statuses: ["Shipped", "Delivered"], en: "Send me the invoice", tr: "Faturamı gönderin" },
];

const TITLES = [
  { code: "product_question", en: "Question about the product", tr: "Ürün hakkında soru" },
  { code: "delivery", en: "Delivery", tr: "Teslimat" },
  { code: "return", en: "Return and exchange", tr: "İade ve değişim" },
  { code: "invoice", en: "Invoice", tr: "Fatura" },
  { code: "other", en: "Other", tr: "Diğer" },
];

const PRODUCTS = ["Oversized Sweatshirt", "Wireless Earbuds", "Espresso Machine", "Running Shoes", "Linen Shirt", "Smart Watch", "Ceramic Vase", "Yoga Mat", "Desk Lamp", "Backpack"];

const CUSTOMER_LINES = [
  "Hello, my order still has not arrived. The tracking page has not changed for four days. Can you check?",
  "Merhaba, siparişim hâlâ gelmedi. Kargo takip sayfası dört gündür değişmedi, kontrol edebilir misiniz?",
  "The package arrived but the box was crushed and the {p} inside is broken. I attached a photo.",
  "Ürün elime ulaştı fakat kutu ezilmişti ve içindeki {p} kırık. Fotoğrafını ekledim.",
  "Could I change the size before you ship it? I ordered M but I need L.",
  "Kargoya vermeden önce bedeni değiştirebilir miyim? M sipariş ettim ama L lazım.",
  "I was charged twice for the same order. Please refund the duplicate payment.",
  "Aynı sipariş için iki kez ödeme alındı. Lütfen fazla çekilen tutarı iade edin.",
  "Is the {p} compatible with the older model? The description does not say.",
  "{p} eski modelle uyumlu mu? Açıklamada belirtilmemiş.",
  "I would like to return the {p}; it does not fit. How do I get a return label?",
  "{p} ürününü iade etmek istiyorum, olmadı. İade etiketini nasıl alabilirim?",
  "Can you send me the invoice for my last order? I need it for my company.",
  "Son siparişimin faturasını gönderebilir misiniz? Şirketim için gerekiyor.",
  "The {p} stopped working after two days. What are my options?",
];
const AGENT_LINES = [
  "Thanks for letting us know. I have asked the carrier and will update you as soon as I hear back.",
  "Bilgi verdiğiniz için teşekkürler. Kargo firmasına sordum, yanıt gelir gelmez size döneceğim.",
  "I am sorry about that. We will send a replacement today; you do not need to return the damaged one.",
  "Bunun için üzgünüz. Bugün yenisini gönderiyoruz, hasarlı ürünü geri göndermenize gerek yok.",
  "Done: the order is updated and will ship tomorrow morning.",
  "Tamamdır, sipariş güncellendi ve yarın sabah kargoya verilecek.",
  "The refund is on its way and should appear on your statement within 3–5 working days.",
  "İade işleminiz başlatıldı, 3–5 iş günü içinde hesabınıza yansıyacak.",
];
const NOTES = ["Customer called twice already — be quick.", "Checked with the warehouse: stock arrives Thursday.", "VIP customer, offer free shipping on the next order."];
const CS_LINES = ["Customer service here: the customer says the parcel never arrived. Please confirm the tracking number.", "Please answer the customer within 24 hours or the claim will be escalated."];

export interface SeedOptions {
  store: FileStore;
  /** Number of threads per channel (the demo uses ~60). */
  perChannel?: number;
  log?: (line: string) => void;
}

export async function seed(db: Db, options: SeedOptions): Promise<{ created: boolean }> {
  const log = options.log ?? (() => {});
  const perChannel = options.perChannel ?? 60;

  // ------------------------------------------------------------------ reference data (upserts)
  await db
    .insert(s.languages)
    .values([
      { code: "en", name: "English", isDefault: true, position: 0 },
      { code: "tr", name: "Türkçe", isDefault: false, position: 1 },
    ])
    .onConflictDoNothing();

  const staff: Record<string, number> = {};
  for (const [key, u, role] of [
    ["admin", DEMO.admin, "admin"],
    ["agent", DEMO.agent, "agent"],
    ["agent2", DEMO.agent2, "agent"],
    ["customer", DEMO.customer, "customer"],
  ] as const) {
    const [existing] = await db.select({ id: s.users.id }).from(s.users).where(sql`lower(${s.users.email}) = ${u.email}`);
    if (existing) staff[key] = existing.id;
    else {
      const [row] = await db
        .insert(s.users)
        .values({ email: u.email, name: u.name, role, passwordHash: await hashPassword(u.password), locale: key === "agent" ? "tr" : "en" })
        .returning({ id: s.users.id });
      staff[key] = row.id;
    }
  }

  await db
    .insert(s.sellers)
    .values([
      { slug: "northwind", title: "Northwind Outfitters", externalId: DEMO.seller.sellerId, supplierCode: "NW-01", email: "seller@northwind.example" },
      { slug: "anatolia-home", title: "Anatolia Home", externalId: "SELLER-2002", supplierCode: "AH-02", email: "destek@anatolia.example" },
      { slug: "bluewave", title: "Bluewave Electronics", externalId: "SELLER-3003", supplierCode: "BW-03" },
    ])
    .onConflictDoNothing();
  const sellerRows = await db.select().from(s.sellers).orderBy(s.sellers.id);

  for (const [i, subject] of CONTACT_SUBJECTS.entries()) {
    const [row] = await db
      .insert(s.contactSubjects)
      .values({ code: subject.code, position: i, isOrderNeeded: subject.order })
      .onConflictDoUpdate({ target: s.contactSubjects.code, set: { code: subject.code } })
      .returning({ id: s.contactSubjects.id });
    await db
      .insert(s.contactSubjectTranslations)
      .values([
        { subjectId: row.id, locale: "en", text: subject.en },
        { subjectId: row.id, locale: "tr", text: subject.tr },
      ])
      .onConflictDoNothing();
  }
  const subjectRows = await db.select().from(s.contactSubjects).orderBy(s.contactSubjects.position);

  for (const [i, t] of TYPOLOGIES.entries()) {
    const existing = await db
      .select({ id: s.discussionTypologies.id })
      .from(s.discussionTypologies)
      .where(sql`${s.discussionTypologies.typologyCode} = ${t.typology} and ${s.discussionTypologies.subTypologyCode} = ${t.sub} and ${s.discussionTypologies.salesChannel} = 'CDISFR'`);
    if (existing.length) continue;
    const [row] = await db
      .insert(s.discussionTypologies)
      .values({ typologyCode: t.typology, subTypologyCode: t.sub, salesChannel: "CDISFR", orderStatuses: t.statuses, userTypes: t.users ?? [], position: i })
      .returning({ id: s.discussionTypologies.id });
    await db.insert(s.discussionTypologyTranslations).values([
      { typologyId: row.id, locale: "en", description: t.en },
      { typologyId: row.id, locale: "tr", description: t.tr },
    ]);
  }
  const typologyRows = await db.select().from(s.discussionTypologies).orderBy(s.discussionTypologies.position);

  for (const [i, t] of TITLES.entries()) {
    const [row] = await db
      .insert(s.conversationTitles)
      .values({ code: t.code, position: i })
      .onConflictDoUpdate({ target: s.conversationTitles.code, set: { code: t.code } })
      .returning({ id: s.conversationTitles.id });
    await db
      .insert(s.conversationTitleTranslations)
      .values([
        { titleId: row.id, locale: "en", text: t.en },
        { titleId: row.id, locale: "tr", text: t.tr },
      ])
      .onConflictDoNothing();
  }
  const titleRows = await db.select().from(s.conversationTitles).orderBy(s.conversationTitles.position);

  await db
    .insert(s.settings)
    .values({
      key: "contact.routing",
      value: { default: "support@example.com", operations: { contact_us: "support@example.com", franchise: "franchise@example.com" } },
    })
    .onConflictDoNothing();

  const [hasCallKey] = await db.select({ id: s.apiCredentials.id }).from(s.apiCredentials).where(eq(s.apiCredentials.keyPrefix, "sb_cr_demo0000"));
  if (!hasCallKey) {
    const [keyPrefix, secret] = DEMO.callRequestsKey.split(".");
    await createApiCredential(db, {
      kind: "call_requests",
      name: "Demo storefront",
      scopes: ["call_requests.view", "call_requests.manage"],
      userId: staff.admin,
      createdBy: staff.admin,
      keyPrefix,
      secret,
    });
  }
  const [hasSellerKey] = await db.select({ id: s.apiCredentials.id }).from(s.apiCredentials).where(eq(s.apiCredentials.keyPrefix, DEMO.seller.clientId));
  if (!hasSellerKey) {
    await createApiCredential(db, {
      kind: "seller",
      name: "Demo marketplace seller",
      scopes: ["discussions.view", "discussions.manage"],
      sellerId: sellerRows[0]!.id,
      createdBy: staff.admin,
      keyPrefix: DEMO.seller.clientId,
      secret: DEMO.seller.clientSecret,
    });
  }

  // ------------------------------------------------------------------ threads (once)
  const [marker] = await db.select().from(s.settings).where(eq(s.settings.key, SEED_MARKER));
  if (marker) {
    log("Demo threads already present; reference data refreshed.");
    return { created: false };
  }

  const r = random(20261122);
  const now = Date.now();
  const png = makePng(48, 48, [59, 108, 246]);
  const pdf = makePdf("Invoice #INV-2026-0042");
  const [pngFile] = await checkUploads(UPLOAD_POLICIES.discussion, [{ name: "photo.png", bytes: png }]);
  const [pdfFile] = await checkUploads(UPLOAD_POLICIES.discussion, [{ name: "invoice.pdf", bytes: pdf }]);

  const customers = await db.transaction(async (tx) => {
    const out: s.Customer[] = [];
    for (let i = 0; i < 60; i++) {
      const first = FIRST[i % FIRST.length]!;
      const last = LAST[(i * 7) % LAST.length]!;
      const email = `${first}.${last}`.toLowerCase().normalize("NFD").replace(/[^a-z.]/g, "") + `${i}@mail.example`;
      out.push(
        await findOrCreateCustomer(tx, {
          name: `${first} ${last}`,
          email,
          phone: `+90 5${r.int(30, 59)} ${r.int(100, 999)} ${r.int(10, 99)} ${r.int(10, 99)}`,
          externalId: `CUST-${1000 + i}`,
          nick: `${first.toLowerCase().normalize("NFD").replace(/[^a-z]/g, "")}${i}`,
          userId: i === 0 ? staff.customer : null,
        }),
      );
    }
    return out;
  });

  const fill = (line: string) => line.replaceAll("{p}", r.pick(PRODUCTS));
  const channels: s.Channel[] = ["contact", "conversation", "discussion", "call_request", "chat"];
  let made = 0;
  for (let i = 0; i < perChannel; i++) {
    for (const channel of channels) {
      await db.transaction(async (tx) => {
        const customer = r.pick(customers);
        const ageMinutes = r.int(5, 60 * 24 * 30);
        const start = new Date(now - ageMinutes * 60_000);
        const closed = r.chance(0.25);
        const assigneeId = r.chance(0.5) ? r.pick([staff.agent, staff.agent2, staff.admin]) : null;
        const seller = r.pick(sellerRows);
        const order = `${r.int(100000, 999999)}`;
        const tr = r.chance(0.4);
        let subject = "";
        let channelState: string | null = null;
        switch (channel) {
          case "contact":
            subject = r.pick(subjectRows).code;
            break;
          case "conversation":
            subject = r.pick(PRODUCTS);
            channelState = "not_answered";
            break;
          case "discussion":
            channelState = "to_treat";
            break;
          case "call_request":
            channelState = r.pick(["new", "new", "in_progress", "completed", "no_answer"]);
            break;
          case "chat":
            channelState = r.chance(0.1) ? "deleted" : "active";
            break;
        }
        const subjectRow = subjectRows.find((x) => x.code === subject);
        const typology = r.pick(typologyRows);
        const title =
          channel === "contact"
            ? (CONTACT_SUBJECTS.find((x) => x.code === subject)?.[tr ? "tr" : "en"] ?? "Contact")
            : channel === "conversation"
              ? subject
              : channel === "discussion"
                ? (TYPOLOGIES.find((x) => x.sub === typology.subTypologyCode)?.en ?? "Discussion")
                : channel === "call_request"
                  ? `Call back ${customer.name}`
                  : `Chat with ${customer.name}`;
        const thread = await createThread(tx, noEmit, {
          channel,
          subject: title,
          customerId: customer.id,
          customerName: customer.name,
          customerEmail: customer.email,
          sellerId: channel === "discussion" || channel === "conversation" ? seller.id : null,
          assigneeId: channel === "call_request" && channelState === "new" ? null : assigneeId,
          orderRef: channel === "contact" && !subjectRow?.isOrderNeeded ? null : order,
          locale: tr ? "tr" : "en",
          channelState,
          status: closed || channelState === "completed" || channelState === "deleted" ? "closed" : "open",
          createdAt: start,
        });

        // Detail row.
        if (channel === "contact") {
          await tx.insert(s.contactDetails).values({
            threadId: thread.id,
            subjectId: subjectRow?.id,
            fullName: customer.name,
            email: customer.email ?? "",
            phone: customer.phone,
            orderNumber: subjectRow?.isOrderNeeded ? order : null,
            operation: subject === "franchise" ? "franchise" : "contact_us",
            locale: tr ? "tr" : "en",
            routedTo: subject === "franchise" ? "franchise@example.com" : "support@example.com",
          });
        } else if (channel === "conversation") {
          await tx.insert(s.conversationDetails).values({
            threadId: thread.id,
            conversationType: r.pick(["message", "question", "review"]),
            userType: "registered",
            itemContent: r.pick(["product", "orderitem"]),
            itemId: String(r.int(1000, 9999)),
            itemName: subject,
            titleId: r.pick(titleRows).id,
          });
        } else if (channel === "discussion") {
          const receivers = r.chance(0.5) ? [{ userType: "Customer" }, { userType: "GrcOperator" }] : [{ userType: "Customer" }];
          await tx.insert(s.discussionDetails).values({
            threadId: thread.id,
            typologyId: typology.id,
            typologyCode: typology.typologyCode,
            subTypologyCode: typology.subTypologyCode,
            salesChannel: "CDISFR",
            externalReference: `EXT-${thread.id}`,
            orderReference: `ORD-${order}`,
            orderId: order,
            orderStatus: r.pick(typology.orderStatuses),
            offerId: String(r.int(10000, 99999)),
            productId: String(r.int(100000, 999999)),
            customerExternalId: customer.externalId,
            graduationCode: r.pick(["Discussion", "Discussion", "Claim", "Level_1"]),
            receivers,
          });
        } else if (channel === "call_request") {
          const from = r.int(9, 16);
          const to = from + r.int(1, 3);
          await tx.insert(s.callRequestDetails).values({
            threadId: thread.id,
            name: customer.name,
            phone: customer.phone,
            email: r.chance(0.5) ? customer.email : null,
            timeFrom: `${from}:00`,
            timeTo: `${to}:00`,
            windowStartMinutes: from * 60,
            windowEndMinutes: to * 60,
            createdAt: start,
            orderId: r.chance(0.4) ? Number(order) : null,
            orderStatus: r.chance(0.4) ? r.pick(["P", "C", "O"]) : null,
            productId: r.chance(0.5) ? r.int(1, 300) : null,
            productName: r.chance(0.5) ? r.pick(PRODUCTS) : null,
            cartProducts: r.chance(0.3) ? [{ product_id: r.int(1, 300), amount: "1", price: r.int(10, 400), product: r.pick(PRODUCTS) }] : [],
            notes: channelState === "no_answer" ? "No answer at 10:15, try again after lunch." : "",
          });
        } else {
          const roomKey = thread.id.toString(16).padStart(24, "0");
          await tx.insert(s.chatDetails).values({
            threadId: thread.id,
            roomKey,
            roomCode: `${i + 10}-${customer.externalId}`,
            eventId: `FB1010000000${Math.floor(start.getTime() / 1000)}#${r.int(100000, 999999)}`,
            userExternalId: customer.externalId ?? String(customer.id),
            orgId: "DOWELL12345",
            productName: r.pick(["WIFIQRCODE", "WORKFLOWAI", "SALESAGENT"]),
            portfolioName: customer.nick,
            isActive: channelState !== "deleted",
          });
        }

        // Messages.
        const count = channel === "call_request" ? r.int(1, 2) : r.int(2, 6);
        let at = start.getTime();
        for (let m = 0; m < count; m++) {
          const fromCustomer = m % 2 === 0;
          const note = !fromCustomer && r.chance(0.15);
          const cs = channel === "discussion" && !fromCustomer && !note && r.chance(0.3);
          const body = fromCustomer
            ? fill(r.pick(CUSTOMER_LINES.filter((_, k) => (tr ? k % 2 === 1 : k % 2 === 0) || k === 14)))
            : note
              ? r.pick(NOTES)
              : cs
                ? r.pick(CS_LINES)
                : r.pick(AGENT_LINES.filter((_, k) => (tr ? k % 2 === 1 : k % 2 === 0)));
          at += r.int(3, 600) * 60_000;
          if (at > now) at = now - r.int(1, 30) * 1000;
          const message = await addMessage(tx, noEmit, thread.id, {
            authorRole: fromCustomer ? "customer" : cs ? "customer_service" : "agent",
            authorName: fromCustomer ? customer.name : cs ? "Marketplace customer service" : r.pick([DEMO.agent.name, DEMO.agent2.name]),
            authorUserId: fromCustomer || cs ? null : r.pick([staff.agent, staff.agent2]),
            body,
            isInternal: note,
            receivers: channel === "discussion" && !fromCustomer && !cs ? [{ userType: "Customer" }] : null,
            createdAt: new Date(at),
          });
          if (m === 0 && r.chance(0.12)) {
            await createAttachments(tx, options.store, {
              threadId: thread.id,
              messageId: message.id,
              files: [r.chance(0.5) ? pngFile! : pdfFile!],
            });
          }
        }
        // Older threads have been read; the newest customer messages are still unread.
        if (ageMinutes > 60 * 24 * 2 || closed) await setMessagesRead(tx, noEmit, thread.id, true, { label: "seed" });
        if (channel === "conversation") {
          await tx.execute(sql`update threads set channel_state = case when waiting_since is null then 'answered' else 'not_answered' end where id = ${thread.id}`);
          await tx.execute(sql`update conversation_details set is_answered = (select waiting_since is null from threads where id = ${thread.id}) where thread_id = ${thread.id}`);
        }
      });
      made++;
    }
  }
  // The demo desk's contact mail is history: count it as sent, so the mail sweep leaves it alone.
  await db.execute(sql`update messages m set email_sent_at = m.created_at from threads t
                        where t.id = m.thread_id and t.channel = 'contact' and not m.is_internal`);
  await db.insert(s.settings).values({ key: SEED_MARKER, value: { at: new Date().toISOString(), threads: made } });
  log(`Seeded ${made} threads across ${channels.length} channels.`);
  return { created: true };
}
