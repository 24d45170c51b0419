// Demo data that looks real: staff, customers, sellers, reference data in English and Turkish,
// and a few hundred threads across the five channels, each written through its channel's own
// service (the same the forms and APIs use). Safe to run twice: reference rows are upserted by
// their natural keys and the threads are written only once.
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import * as s from "@/db/schema";
import { createApiCredential, createSoapCredential } from "@/lib/api-keys/service";
import { systemActor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { createCallRequest } from "@/lib/call-requests/service";
import { postInbound, postReply } from "@/lib/channels/reply";
import { closeChatRoom, openChatRoom } from "@/lib/chat/service";
import { submitContact } from "@/lib/contact/service";
import { startConversation } from "@/lib/conversations/service";
import { findOrCreateCustomer } from "@/lib/customers/service";
import { importDiscussionSchema } from "@/lib/discussions/schemas";
import { importDiscussion } from "@/lib/discussions/service";
import { changeAssignee, changeReadState, changeThreadStatus } from "@/lib/inbox/service";
import type { FileStore } from "@/lib/storage/store";
import { saveOrderItem } from "@/lib/products/service";
import { seedCatalog, seedDemoConversations } from "./conversations";
import { makePdf, makePng } from "./files";

export const DEMO = {
  admin: { email: "admin@example.com", password: "switchboard-admin", name: "Ada Admin" },
  agent: { email: "agent@example.com", password: "switchboard-agent", name: "Ayşe Yılmaz" },
  agent2: { email: "sam@example.com", password: "switchboard-agent", name: "Sam Carter" },
  customer: { email: "customer@example.com", password: "switchboard-customer", name: "Deniz Kaya" },
  /** A second customer account (the portal's "another customer"). */
  customer2: { email: "customer2@example.com", password: "switchboard-customer", name: "Mert Öztürk" },
  /** HTTP Basic for the call-requests API: user = the admin's e-mail, password = this key. */
  callRequestsKey: "sb_cr_demo0000.demo-call-requests-secret-0001",
  /** Client credentials for the marketplace discussions API, bound to seller SELLER-1001. */
  seller: { clientId: "sb_seller_demo0000", clientSecret: "demo-seller-secret-0001", sellerId: "SELLER-1001" },
  /**
   * The SOAP user-messages service, bound to the first demo seller (nick `northwind`): HTTP Basic
   * role name / password, and apiKey + secret for signatures (the apiKey is the spec's example's).
   * The demo customer's nick and a sale code of theirs with that seller are the spec's examples too.
   */
  soap: {
    roleName: "northwind_soap",
    rolePassword: "demo-soap-role-password-0001",
    apiKey: "NjgEHGeJc6cFqbw6FSUP8NpH3pUhV7ss",
    secret: "demo-soap-secret-0001",
    sellerNick: "northwind",
    customerNick: "operasyontest",
    saleCode: "SC107037299",
  },
  /** The chat API's demo organization (any origin may embed its widget), its QR codes and a staff key for room-list/ and get_QR_Id/. */
  chat: {
    orgKey: "DOWELL12345",
    products: ["WORKFLOWAI", "WIFIQRCODE", "LOGOSCAN", "SALESAGENT"],
    qrCodes: [
      { qrKey: "ZiQ7qUH73Q83", productName: "WIFIQRCODE", label: "Front desk" },
      { qrKey: "Gr4t0YhpMfVa", productName: "WORKFLOWAI", label: "Shop window" },
      { qrKey: "E37l1lMsbsJK", productName: "LOGOSCAN", label: "Packaging insert" },
    ],
    apiKey: "sb_chat_demo0000.demo-chat-secret-0001",
  },
} as const;

const SEED_MARKER = "seed.demo";

/** The settings row naming the demo accounts (with the password hash they were seeded with) and API keys whose secrets the README publishes. */
export const DEMO_PUBLISHED_KEY = "demo.published";
export interface DemoPublished {
  users: { id: number; passwordHash: string }[];
  apiKeys: number[];
}

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

const FIRST = [
  "Emma",
  "Mehmet",
  "Olivia",
  "Zeynep",
  "Liam",
  "Elif",
  "Noah",
  "Can",
  "Mia",
  "Burak",
  "Lucas",
  "Selin",
  "Sofia",
  "Emre",
  "Leo",
  "Ebru",
  "Chloe",
  "Oğuz",
  "Jack",
  "Gülşen",
];
const LAST = [
  "Smith",
  "Yıldız",
  "Brown",
  "Şahin",
  "Taylor",
  "Demir",
  "Wilson",
  "Çelik",
  "Martin",
  "Aydın",
  "Clark",
  "Öztürk",
  "Lewis",
  "Arslan",
  "Walker",
  "Doğan",
];

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
  {
    typology: "delivery",
    sub: "orderNotShipped",
    statuses: ["Accepted", "InPreparation", "Shipped"],
    en: "Order not shipped",
    tr: "Sipariş kargoya verilmedi",
  },
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

const PRODUCTS = [
  "Oversized Sweatshirt",
  "Wireless Earbuds",
  "Espresso Machine",
  "Running Shoes",
  "Linen Shirt",
  "Smart Watch",
  "Ceramic Vase",
  "Yoga Mat",
  "Desk Lamp",
  "Backpack",
];

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
const NOTES = [
  "Customer called twice already — be quick.",
  "Checked with the warehouse: stock arrives Thursday.",
  "VIP customer, offer free shipping on the next order.",
];
const CS_LINES = [
  "Customer service here: the customer says the parcel never arrived. Please confirm the tracking number.",
  "Please answer the customer within 24 hours or the claim will be escalated.",
];

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
  // What this seed publishes (the README's passwords and keys), so /admin can say while they still work.
  const published: DemoPublished = { users: [], apiKeys: [] };
  for (const [key, u, role] of [
    ["admin", DEMO.admin, "admin"],
    ["agent", DEMO.agent, "agent"],
    ["agent2", DEMO.agent2, "agent"],
    ["customer", DEMO.customer, "customer"],
    ["customer2", DEMO.customer2, "customer"],
  ] as const) {
    const [existing] = await db
      .select({ id: s.users.id })
      .from(s.users)
      .where(sql`lower(${s.users.email}) = ${u.email}`);
    if (existing) staff[key] = existing.id;
    else {
      const passwordHash = await hashPassword(u.password);
      const [row] = await db
        .insert(s.users)
        .values({ email: u.email, name: u.name, role, passwordHash, locale: key === "agent" ? "tr" : "en" })
        .returning({ id: s.users.id });
      staff[key] = row.id;
      published.users.push({ id: row.id, passwordHash });
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
  // Products with their pictures and the sellers' datasource fields (db/seed/conversations.ts).
  const catalog = await seedCatalog(db, { sellers: sellerRows, store: options.store });

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
      .where(
        sql`${s.discussionTypologies.typologyCode} = ${t.typology} and ${s.discussionTypologies.subTypologyCode} = ${t.sub} and ${s.discussionTypologies.salesChannel} = 'CDISFR'`,
      );
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
  const [hasSoapKey] = await db.select({ id: s.apiCredentials.id }).from(s.apiCredentials).where(eq(s.apiCredentials.keyPrefix, DEMO.soap.apiKey));
  if (!hasSoapKey) {
    await createSoapCredential(db, {
      name: "Demo seller back office (SOAP)",
      scopes: ["conversations.view", "conversations.manage"],
      sellerId: sellerRows[0]!.id,
      createdBy: staff.admin,
      roleName: DEMO.soap.roleName,
      rolePassword: DEMO.soap.rolePassword,
      apiKey: DEMO.soap.apiKey,
      secret: DEMO.soap.secret,
    });
  }

  await db
    .insert(s.chatOrgs)
    .values({
      orgKey: DEMO.chat.orgKey,
      name: "DoWell demo",
      products: [...DEMO.chat.products],
      allowedOrigins: ["*"],
      greeting: { en: "How may I help you", tr: "Size nasıl yardımcı olabilirim?" },
    })
    .onConflictDoNothing();
  const [chatOrg] = await db.select().from(s.chatOrgs).where(eq(s.chatOrgs.orgKey, DEMO.chat.orgKey));
  for (const qr of DEMO.chat.qrCodes) {
    await db
      .insert(s.chatQrCodes)
      .values({ orgId: chatOrg!.id, ...qr })
      .onConflictDoNothing();
  }
  const [chatKeyPrefix, chatSecret] = DEMO.chat.apiKey.split(".");
  const [hasChatKey] = await db.select({ id: s.apiCredentials.id }).from(s.apiCredentials).where(eq(s.apiCredentials.keyPrefix, chatKeyPrefix!));
  if (!hasChatKey) {
    await createApiCredential(db, {
      kind: "chat",
      name: "Demo chat back office",
      scopes: ["chat.rooms.view", "chat.rooms.manage"],
      userId: staff.admin,
      createdBy: staff.admin,
      keyPrefix: chatKeyPrefix,
      secret: chatSecret,
    });
  }
  const demoKeys = await db
    .select({ id: s.apiCredentials.id })
    .from(s.apiCredentials)
    .where(sql`${s.apiCredentials.keyPrefix} in (${DEMO.seller.clientId}, ${DEMO.callRequestsKey.split(".")[0]!}, ${chatKeyPrefix!}, ${DEMO.soap.apiKey})`);
  published.apiKeys = demoKeys.map((k) => k.id);
  const [known] = await db.select().from(s.settings).where(eq(s.settings.key, DEMO_PUBLISHED_KEY));
  const before = (known?.value as DemoPublished | undefined) ?? { users: [], apiKeys: [] };
  const merged: DemoPublished = {
    users: [...before.users.filter((u) => !published.users.some((p) => p.id === u.id)), ...published.users],
    apiKeys: [...new Set([...before.apiKeys, ...published.apiKeys])],
  };
  await db
    .insert(s.settings)
    .values({ key: DEMO_PUBLISHED_KEY, value: merged })
    .onConflictDoUpdate({ target: s.settings.key, set: { value: merged, updatedAt: new Date() } });

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
  const files = { png: { name: "photo.png", bytes: png }, pdf: { name: "invoice.pdf", bytes: pdf } };
  const seedActor = systemActor("Demo data");
  const staffActors = {
    admin: { kind: "staff", userId: staff.admin!, name: DEMO.admin.name, role: "admin" } as const,
    agent: { kind: "staff", userId: staff.agent!, name: DEMO.agent.name, role: "agent" } as const,
    agent2: { kind: "staff", userId: staff.agent2!, name: DEMO.agent2.name, role: "agent" } as const,
  };

  const customers = await db.transaction(async (tx) => {
    const out: s.Customer[] = [];
    for (let i = 0; i < 60; i++) {
      const first = FIRST[i % FIRST.length]!;
      const last = LAST[(i * 7) % LAST.length]!;
      const email =
        `${first}.${last}`
          .toLowerCase()
          .normalize("NFD")
          .replace(/[^a-z.]/g, "") + `${i}@mail.example`;
      out.push(
        await findOrCreateCustomer(tx, {
          name: `${first} ${last}`,
          email,
          phone: `+90 5${r.int(30, 59)} ${r.int(100, 999)} ${r.int(10, 99)} ${r.int(10, 99)}`,
          externalId: `CUST-${1000 + i}`,
          nick: `${first
            .toLowerCase()
            .normalize("NFD")
            .replace(/[^a-z]/g, "")}${i}`,
          userId: i === 0 ? staff.customer : null,
        }),
      );
    }
    return out;
  });

  // Every thread goes through its channel's own service, its history through the reply and inbound
  // paths, dated in the past: the demo desk obeys the same rules as anything written later.
  const fill = (line: string) => line.replaceAll("{p}", r.pick(PRODUCTS));
  const channels: s.Channel[] = ["contact", "conversation", "discussion", "call_request", "chat"];
  let made = 0;
  for (let i = 0; i < perChannel; i++) {
    for (const channel of channels) {
      const customer = r.pick(customers);
      const asCustomer = { kind: "customer", customerId: customer.id, name: customer.name } as const;
      const ageMinutes = r.int(5, 60 * 24 * 30);
      const start = new Date(now - ageMinutes * 60_000);
      const closed = r.chance(0.25);
      const assignee = r.chance(0.5) ? r.pick([staffActors.agent, staffActors.agent2, staffActors.admin]) : null;
      const seller = r.pick(sellerRows);
      const order = `${r.int(100000, 999999)}`;
      const tr = r.chance(0.4);
      const lines = (list: readonly string[]) => list.filter((_, k) => (tr ? k % 2 === 1 : k % 2 === 0));
      const firstBody = fill(r.pick(CUSTOMER_LINES.filter((_, k) => (tr ? k % 2 === 1 : k % 2 === 0) || k === 14)));
      const attach = r.chance(0.12) ? (r.chance(0.5) ? files.png : files.pdf) : null;
      let threadId: number;
      let callStatus: string | null = null;
      let chatClosed = false;
      switch (channel) {
        case "contact": {
          const subjectRow = r.pick(subjectRows);
          const result = await submitContact(db, {
            form: {
              subject: subjectRow.id,
              full_name: customer.name,
              email: customer.email,
              phone: customer.phone,
              message: firstBody,
              order: subjectRow.isOrderNeeded ? order : undefined,
              operation: subjectRow.code === "franchise" ? "franchise" : "contact_us",
            },
            ip: `seed-${i}`,
            locale: tr ? "tr" : "en",
            file: attach,
            at: start,
            store: options.store,
          });
          if (!result.ok) throw new Error(`seed contact: ${JSON.stringify(result)}`);
          threadId = result.threadId;
          break;
        }
        case "conversation": {
          // About one of the seller's products, or a line of an order the customer placed with it.
          const product = catalog.productOf(seller.id, r.int(0, 9));
          const line = r.chance(0.5)
            ? await saveOrderItem(db, {
                orderNumber: order,
                customerId: customer.id,
                productId: product.id,
                sellerId: seller.id,
                price: `${r.int(50, 900)}.00`,
                at: start,
              })
            : null;
          const { thread } = await startConversation(
            db,
            {
              customer: { name: customer.name, email: customer.email, externalId: customer.externalId },
              sellerId: seller.id,
              conversationType: r.pick(["message", "question", "review"] as const),
              itemContent: line ? "orderitem" : "product",
              itemId: String(line ? line.id : product.id),
              itemName: product.name,
              productId: product.id,
              orderItemId: line?.id ?? null,
              titleId: r.pick(titleRows).id,
              subject: product.name,
              body: firstBody,
              files: attach ? [attach] : [],
              locale: tr ? "tr" : "en",
              at: start,
              store: options.store,
            },
            asCustomer,
          );
          threadId = thread.id;
          break;
        }
        case "discussion": {
          const typology = r.pick(typologyRows);
          const receivers = r.chance(0.5) ? [{ userType: "Customer" }, { userType: "GrcOperator" }] : [{ userType: "Customer" }];
          const discussion = importDiscussionSchema.parse({
            salesChannel: "CDISFR",
            salesChannelExternalDiscussionReference: `EXT-${i}-${customer.externalId}-${made}`,
            typologyCode: typology.typologyCode,
            subTypologyCode: typology.subTypologyCode,
            subject: TYPOLOGIES.find((x) => x.sub === typology.subTypologyCode)?.en ?? "Discussion",
            orderId: order,
            orderReference: `ORD-${order}`,
            orderStatus: r.pick(typology.orderStatuses),
            offerId: String(r.int(10000, 99999)),
            productId: String(r.int(100000, 999999)),
            graduationCode: r.pick(["Discussion", "Discussion", "Claim", "Level_1"]),
            customer: { userId: customer.externalId, name: customer.name, email: customer.email ?? undefined },
            receivers,
            messages: [
              {
                body: firstBody,
                sender: { userType: "Customer", userId: customer.externalId, name: customer.name },
                createdAt: start.toISOString(),
                attachments: attach ? [{ name: attach.name, content: Buffer.from(attach.bytes).toString("base64") }] : [],
              },
            ],
          });
          threadId = (await importDiscussion(db, { seller, discussion, store: options.store }, seedActor)).thread.id;
          break;
        }
        case "call_request": {
          callStatus = r.pick(["new", "new", "in_progress", "completed", "no_answer"]);
          const from = r.int(9, 16);
          const to = from + r.int(1, 3);
          const thread = await createCallRequest(
            db,
            {
              name: customer.name,
              phone: customer.phone,
              email: r.chance(0.5) ? customer.email : null,
              timeFrom: `${from}:00`,
              timeTo: `${to}:00`,
              orderId: r.chance(0.4) ? Number(order) : null,
              orderStatus: r.chance(0.4) ? r.pick(["P", "C", "O"]) : null,
              productId: r.chance(0.5) ? r.int(1, 300) : null,
              productName: r.chance(0.5) ? r.pick(PRODUCTS) : null,
              cartProducts: r.chance(0.3) ? [{ product_id: r.int(1, 300), amount: "1", price: r.int(10, 400), product: r.pick(PRODUCTS) }] : [],
              notes: callStatus === "no_answer" ? "No answer at 10:15, try again after lunch." : "",
              status: callStatus as "new",
              assigneeId: callStatus === "new" ? null : (assignee?.userId ?? null),
              locale: tr ? "tr" : "en",
              createdAt: start,
            },
            { kind: "customer", customerId: customer.id, name: customer.name },
          );
          threadId = thread.id;
          break;
        }
        case "chat": {
          chatClosed = r.chance(0.1);
          const { thread } = await openChatRoom(
            db,
            {
              customer: { name: customer.name, email: customer.email, externalId: customer.externalId },
              userExternalId: customer.externalId ?? String(customer.id),
              orgId: "DOWELL12345",
              productName: r.pick(["WIFIQRCODE", "WORKFLOWAI", "SALESAGENT"]),
              portfolioName: customer.nick,
              subject: `Chat with ${customer.name}`,
              locale: tr ? "tr" : "en",
              language: tr ? "tr-TR" : "en-GB",
              pageUrl: `https://shop.example/${tr ? "tr/urun" : "products"}/${r.int(100, 999)}`,
              at: start,
            },
            asCustomer,
          );
          threadId = thread.id;
          await postInbound(db, { threadId, body: firstBody, files: attach ? [attach] : [], at: start, store: options.store }, asCustomer);
          break;
        }
      }

      // The rest of the history: the customer and us, taking turns.
      const count = channel === "call_request" ? r.int(1, 2) : r.int(2, 6);
      let at = start.getTime();
      for (let m = 1; m < count; m++) {
        const fromCustomer = m % 2 === 0;
        const note = !fromCustomer && (channel === "call_request" || r.chance(0.15));
        const cs = channel === "discussion" && !fromCustomer && !note && r.chance(0.3);
        at += r.int(3, 600) * 60_000;
        if (at > now) at = now - r.int(1, 30) * 1000;
        const when = new Date(at);
        if (fromCustomer) {
          await postInbound(db, { threadId, body: fill(r.pick(CUSTOMER_LINES.filter((_, k) => (tr ? k % 2 === 1 : k % 2 === 0)))), at: when }, asCustomer);
        } else if (cs) {
          await postInbound(
            db,
            { threadId, body: r.pick(CS_LINES), role: "customer_service", authorName: "Marketplace customer service", at: when },
            seedActor,
          );
        } else {
          const agent = r.pick([staffActors.agent, staffActors.agent2]);
          await postReply(
            db,
            {
              threadId,
              kind: note ? "note" : "reply",
              body: note ? r.pick(NOTES) : r.pick(lines(AGENT_LINES)),
              receivers: channel === "discussion" && !note ? ["customer"] : [],
              at: when,
              store: options.store,
            },
            agent,
          );
        }
      }

      // Who has it, whether it is done, and what has been read.
      if (assignee && channel !== "call_request") await changeAssignee(db, { threadId, assigneeId: assignee.userId }, staffActors.admin);
      if (chatClosed) await closeChatRoom(db, { threadId }, staffActors.admin);
      else if (closed && channel !== "call_request") await changeThreadStatus(db, { threadId, status: "closed" }, assignee ?? staffActors.admin);
      // Older threads have been read; the newest customer messages are still unread.
      if (ageMinutes > 60 * 24 * 2 || closed || chatClosed) await changeReadState(db, { threadId, read: true }, seedActor);
      made++;
    }
  }
  // The demo customer accounts' own conversations, of every type (the portal's demo).
  made += await seedDemoConversations(db, {
    accounts: [
      {
        userId: staff.customer!,
        email: DEMO.customer.email,
        name: DEMO.customer.name,
        firstName: "Deniz",
        lastName: "Kaya",
        nick: DEMO.soap.customerNick,
        saleCode: DEMO.soap.saleCode,
      },
      {
        userId: staff.customer2!,
        email: DEMO.customer2.email,
        name: DEMO.customer2.name,
        firstName: "Mert",
        lastName: "Öztürk",
        nick: "mertozturk",
        saleCode: "SC107037300",
      },
    ],
    sellers: sellerRows,
    catalog,
    agents: [staffActors.agent, staffActors.agent2],
    store: options.store,
    now,
  });
  // The timeline of the demo history happened when its last message did, not at seeding time.
  await db.execute(sql`update thread_events e set created_at = t.last_message_at from threads t where t.id = e.thread_id and e.created_at > t.last_message_at`);
  // The demo desk's contact mail is history: count it as sent, so the mail sweep leaves it alone.
  await db.execute(sql`update messages m set email_sent_at = m.created_at from threads t
                        where t.id = m.thread_id and t.channel = 'contact' and not m.is_internal`);
  await db.insert(s.settings).values({ key: SEED_MARKER, value: { at: new Date().toISOString(), threads: made } });
  log(`Seeded ${made} threads across ${channels.length} channels.`);
  return { created: true };
}
