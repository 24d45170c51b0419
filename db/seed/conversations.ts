// Demo data for customer↔seller conversations: the sellers' datasource fields, products with small
// real pictures drawn in code, order items, and the two demo customer accounts' conversations of
// every type (a public question answered by the seller, a message about an order item, a review,
// one closed) — written through the same services as everything else.
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { postInbound, postReply } from "@/lib/channels/reply";
import { markCustomerRead, startConversation } from "@/lib/conversations/service";
import { findOrCreateAccountCustomer } from "@/lib/customers/service";
import { changeThreadStatus } from "@/lib/inbox/service";
import { saveOrderItem, saveProduct } from "@/lib/products/service";
import type { FileStore } from "@/lib/storage/store";
import { makePng } from "./files";

/** Reference fields of the demo sellers (by slug), as a datasource carries them. */
const SELLER_FIELDS: Record<string, Partial<s.NewSeller>> = {
  northwind: {
    phone: "+90 212 555 10 01",
    mersisNumber: "0123456789000015",
    kepAddress: "northwind@hs01.kep.tr",
    tradeAssociation: "İstanbul Ticaret Odası",
    address: "Levent Mah. Büyükdere Cad. 185, 34394 Şişli/İstanbul",
    priceList: 1,
    stockList: 1,
  },
  "anatolia-home": {
    phone: "+90 312 555 20 02",
    mersisNumber: "0987654321000017",
    address: "Kızılay, Ankara",
    priceList: 2,
    stockList: 2,
    extras: { region: "TR" },
  },
  bluewave: { email: "care@bluewave.example", faxNumber: "+90 232 555 30 04", priceList: 3, stockList: 3 },
};

const CATALOG: { sku: string; name: string; seller: string; rgb: [number, number, number] }[] = [
  { sku: "NW-SWEAT-01", name: "Oversized Sweatshirt", seller: "northwind", rgb: [59, 108, 246] },
  { sku: "NW-SHOE-02", name: "Running Shoes", seller: "northwind", rgb: [220, 38, 38] },
  { sku: "NW-SHIRT-03", name: "Linen Shirt", seller: "northwind", rgb: [234, 179, 8] },
  { sku: "NW-BAG-04", name: "Backpack", seller: "northwind", rgb: [22, 163, 74] },
  { sku: "AH-VASE-01", name: "Ceramic Vase", seller: "anatolia-home", rgb: [180, 90, 40] },
  { sku: "AH-LAMP-02", name: "Desk Lamp", seller: "anatolia-home", rgb: [120, 113, 108] },
  { sku: "AH-MAT-03", name: "Yoga Mat", seller: "anatolia-home", rgb: [147, 51, 234] },
  { sku: "BW-BUDS-01", name: "Wireless Earbuds", seller: "bluewave", rgb: [15, 23, 42] },
  { sku: "BW-WATCH-02", name: "Smart Watch", seller: "bluewave", rgb: [8, 145, 178] },
  { sku: "BW-ESPR-03", name: "Espresso Machine", seller: "bluewave", rgb: [100, 64, 40] },
];

export interface DemoCatalog {
  products: s.Product[];
  /** A product of this seller (or any), picked by `n`. */
  productOf(sellerId: number, n: number): s.Product;
}

/** The sellers' fields and the products with their pictures (idempotent: upserts by slug and SKU). */
export async function seedCatalog(db: Db, options: { sellers: s.Seller[]; store: FileStore }): Promise<DemoCatalog> {
  const bySlug = new Map(options.sellers.map((x) => [x.slug, x]));
  for (const [slug, fields] of Object.entries(SELLER_FIELDS)) {
    const seller = bySlug.get(slug);
    if (seller && !seller.mersisNumber && !seller.priceList) await db.update(s.sellers).set(fields).where(eq(s.sellers.id, seller.id));
  }
  const products: s.Product[] = [];
  for (const p of CATALOG) {
    const [existing] = await db.select().from(s.products).where(eq(s.products.sku, p.sku));
    if (existing) {
      products.push(existing);
      continue;
    }
    const at = new Date(Date.UTC(2026, 0, 15));
    products.push(
      await saveProduct(db, {
        sku: p.sku,
        name: p.name,
        sellerId: bySlug.get(p.seller)?.id ?? null,
        images: [
          { name: `${p.sku}.png`, bytes: makePng(96, 96, p.rgb) },
          { name: `${p.sku}-2.png`, bytes: makePng(64, 48, [255 - p.rgb[0], 255 - p.rgb[1], 255 - p.rgb[2]]) },
        ],
        at,
        store: options.store,
      }),
    );
  }
  return {
    products,
    productOf(sellerId, n) {
      const own = products.filter((p) => p.sellerId === sellerId);
      const list = own.length ? own : products;
      return list[n % list.length]!;
    },
  };
}

interface DemoAccount {
  userId: number;
  email: string;
  name: string;
  firstName: string;
  lastName: string;
  /** The nick sellers know them by (SOAP toUserNick). */
  nick?: string;
  /** The sale code of their order line with the first seller (SOAP postConversation by sale code). */
  saleCode?: string;
}

/**
 * The demo customer accounts' conversations: of every type, with the seller's answers written by
 * the demo agents through the reply path (the customer sees the seller's name), some read, one
 * public, one closed. Dated in the past.
 */
export async function seedDemoConversations(
  db: Db,
  input: { accounts: DemoAccount[]; sellers: s.Seller[]; catalog: DemoCatalog; agents: Actor[]; store: FileStore; now: number },
): Promise<number> {
  const [northwind, anatolia, bluewave] = input.sellers;
  let made = 0;
  for (const [n, account] of input.accounts.entries()) {
    const user = { id: account.userId, name: account.name, email: account.email, locale: null };
    const customer = await findOrCreateAccountCustomer(db, user);
    // The account's own name and e-mail on its customer record (and the threads that copy them).
    await db
      .update(s.customers)
      .set({ name: account.name, firstName: account.firstName, lastName: account.lastName, email: account.email, nick: account.nick ?? null })
      .where(eq(s.customers.id, customer.id));
    await db.execute(sql`update threads set customer_name = ${account.name}, customer_email = ${account.email} where customer_id = ${customer.id}`);
    const actor: Actor = { kind: "customer", customerId: customer.id, userId: account.userId, name: account.name };
    const agent = input.agents[n % input.agents.length]!;
    const ago = (hours: number) => new Date(input.now - hours * 3600_000);
    const order = `ORD-${2026_0400 + n * 17}`;
    const bySku = (sku: string, seller: s.Seller) => input.catalog.products.find((p) => p.sku === sku) ?? input.catalog.productOf(seller.id, n);
    const jacket = bySku("NW-SWEAT-01", northwind!);
    const vase = bySku(n === 0 ? "AH-VASE-01" : "AH-LAMP-02", anatolia!);
    const watch = bySku("BW-WATCH-02", bluewave!);
    const line = await saveOrderItem(db, {
      orderNumber: order,
      customerId: customer.id,
      productId: vase.id,
      sellerId: anatolia!.id,
      quantity: 1,
      price: "449.90",
      at: ago(24 * 9),
    });
    // A line bought from the first seller, with the sale code its back office names the buyer by.
    await saveOrderItem(db, {
      orderNumber: order,
      customerId: customer.id,
      productId: jacket.id,
      sellerId: northwind!.id,
      quantity: 1,
      price: "899.00",
      saleCode: account.saleCode ?? null,
      at: ago(24 * 9),
    });
    await saveOrderItem(db, {
      orderNumber: order,
      customerId: customer.id,
      productId: watch.id,
      sellerId: bluewave!.id,
      quantity: 1,
      price: "2199.00",
      at: ago(24 * 9),
    });

    const start = (c: Omit<Parameters<typeof startConversation>[1], "customer">) =>
      startConversation(db, { ...c, customer: { name: account.name, userId: account.userId }, store: input.store }, actor);
    const product = (p: s.Product) => ({ itemContent: "product" as const, itemId: String(p.id), itemName: p.name, productId: p.id });

    // A public question about a product, answered by the seller, and a thank-you.
    const question = await start({
      sellerId: northwind!.id,
      conversationType: "question",
      ...product(jacket),
      isPublic: true,
      subject: n === 0 ? "Size and fit" : "Washing",
      body: n === 0 ? `Does the ${jacket.name} run large? I am usually an M.` : `Can the ${jacket.name} go in the dryer?`,
      at: ago(72 + n),
    });
    await postReply(
      db,
      {
        threadId: question.thread.id,
        kind: "reply",
        body: n === 0 ? "It is an oversized cut: if you like a regular fit, take one size smaller." : "Yes, on low heat. Wash it inside out at 30 °C.",
        at: ago(70 + n),
      },
      agent,
    );
    if (n === 0) await postInbound(db, { threadId: question.thread.id, body: "Thanks, I will take an S then.", at: ago(69) }, actor);
    made++;

    // A private message about an order item: answered, the answer not read yet.
    const message = await start({
      sellerId: anatolia!.id,
      conversationType: "message",
      itemContent: "orderitem",
      itemId: String(line.id),
      itemName: vase.name,
      productId: vase.id,
      orderItemId: line.id,
      subject: n === 0 ? "Parcel arrived damaged" : "Delivery date",
      body:
        n === 0
          ? `The ${vase.name} from order ${order} arrived with a crack on the rim. Photo attached.`
          : `When will the ${vase.name} of order ${order} be shipped?`,
      files: n === 0 ? [{ name: "crack.png", bytes: makePng(48, 48, [200, 60, 60]) }] : [],
      at: ago(30 + n),
    });
    await postReply(db, { threadId: message.thread.id, kind: "note", body: "Checked with the warehouse: replacement in stock.", at: ago(29) }, agent);
    await postReply(
      db,
      {
        threadId: message.thread.id,
        kind: "reply",
        body:
          n === 0
            ? "We are sorry! A replacement leaves our warehouse today; keep the damaged one."
            : "It ships tomorrow morning; you will get the tracking number by e-mail.",
        at: ago(2 + n),
      },
      agent,
    );
    made++;

    // A review, waiting for the seller.
    await start({
      sellerId: bluewave!.id,
      conversationType: "review",
      ...product(watch),
      subject: `${watch.name} review`,
      body: n === 0 ? "Great battery life, but the strap is a little stiff." : "Works well with my phone. Five stars.",
      at: ago(5 + n),
    });
    made++;

    // An earlier question, answered, read, and closed.
    const done = await start({
      sellerId: bluewave!.id,
      conversationType: "question",
      ...product(watch),
      subject: "Waterproof?",
      body: `Can I swim with the ${watch.name}?`,
      at: ago(24 * 20 + n),
    });
    await postReply(
      db,
      { threadId: done.thread.id, kind: "reply", body: "Yes: it is rated 5 ATM, fine for swimming (not diving).", at: ago(24 * 20 - 2) },
      agent,
    );
    await markCustomerRead(db, { threadId: done.thread.id, customerId: customer.id });
    await changeThreadStatus(db, { threadId: done.thread.id, status: "closed" }, agent);
    made++;
    await markCustomerRead(db, { threadId: question.thread.id, customerId: customer.id });
  }
  return made;
}
