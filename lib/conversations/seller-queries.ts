// Reads for the seller's side of conversations (the SOAP service): who a seller may write to, by
// nick or by sale code, a page of one conversation's messages with both sides' read flags, and the
// nicks both sides go by. Every read takes the seller's id: a customer, a sale or a conversation of
// another seller is as unknown as one that does not exist.
import "server-only";
import { and, asc, count, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { conversationDetails, customers, messages, orderItems, products, threads, type Customer, type Message } from "@/db/schema";
import { getConversation, type ConversationRecord } from "./queries";

/** The nick a customer goes by towards sellers: their own, or `customer-<id>` when they have none. */
export const customerNick = (c: Pick<Customer, "id" | "nick"> | null | undefined, fallbackId?: number | null): string =>
  c?.nick ?? `customer-${c?.id ?? fallbackId ?? 0}`;

/** A seller's nick: its slug. */
export const sellerNick = (s: { slug: string } | null | undefined): string => s?.slug ?? "";

/** Has this customer dealt with this seller (bought from it, or a conversation with it)? */
const knowsSeller = (sellerId: number) =>
  or(
    sql`exists (select 1 from ${orderItems} where ${orderItems.customerId} = ${customers.id} and ${orderItems.sellerId} = ${sellerId})`,
    sql`exists (select 1 from ${threads} where ${threads.customerId} = ${customers.id} and ${threads.sellerId} = ${sellerId} and ${threads.channel} = 'conversation')`,
  );

/**
 * The customer a seller means by `nick`: their nick (or `customer-<id>` for one without), and
 * only a customer who bought from the seller or has a conversation with it — a seller cannot
 * look up the desk's other customers by guessing nicks.
 */
export async function findSellerCustomerByNick(db: Db, sellerId: number, nick: string): Promise<Customer | undefined> {
  const byId = /^customer-(\d{1,15})$/.exec(nick);
  const [row] = await db
    .select()
    .from(customers)
    .where(and(byId ? and(eq(customers.id, Number(byId[1])), isNull(customers.nick)) : eq(customers.nick, nick), knowsSeller(sellerId)))
    .limit(1);
  return row;
}

/** The seller's own sale (order line) with this code, its buyer and product. */
export async function findSellerSale(db: Db, sellerId: number, saleCode: string) {
  const [row] = await db
    .select({ line: orderItems, customer: customers, product: products })
    .from(orderItems)
    .innerJoin(customers, eq(customers.id, orderItems.customerId))
    .innerJoin(products, eq(products.id, orderItems.productId))
    .where(and(eq(orderItems.saleCode, saleCode), eq(orderItems.sellerId, sellerId)))
    .limit(1);
  return row;
}

/** The seller's own product (or one no seller lists), for a conversation about it. */
export async function findSellerProduct(db: Db, sellerId: number, productId: number) {
  const [row] = await db
    .select()
    .from(products)
    .where(and(eq(products.id, productId), or(eq(products.sellerId, sellerId), isNull(products.sellerId))))
    .limit(1);
  return row;
}

export interface SellerMessage {
  message: Message;
  fromSeller: boolean;
  /** Read by its receiver: the seller side for the customer's messages, the customer for the seller's. */
  read: boolean;
}

/** A page of one of the seller's conversations' visible messages (oldest first) and how many there are. */
export async function findSellerMessages(
  db: Db,
  input: { sellerId: number; threadId: number; offset: number; limit: number },
): Promise<{ record: ConversationRecord; count: number; rows: SellerMessage[] }> {
  const record = await getConversation(db, { sellerId: input.sellerId }, input.threadId);
  const where = and(eq(messages.threadId, input.threadId), eq(messages.isInternal, false), isNull(messages.deletedAt));
  const [rows, [total]] = await Promise.all([
    db.select().from(messages).where(where).orderBy(asc(messages.createdAt), asc(messages.id)).limit(input.limit).offset(input.offset),
    db.select({ n: count() }).from(messages).where(where),
  ]);
  const customerReadAt = record.details.customerReadAt;
  return {
    record,
    count: Number(total?.n ?? 0),
    rows: rows.map((m) => {
      const fromSeller = m.authorRole !== "customer" && m.authorRole !== "customer_service";
      return { message: m, fromSeller, read: fromSeller ? !!customerReadAt && m.createdAt <= customerReadAt : !!m.readAt };
    }),
  };
}

/** Per conversation: how many visible messages (internal notes are ours alone) and who wrote the first. */
export async function findMessageStats(db: Db, threadIds: number[]): Promise<Map<number, { count: number; firstRole: Message["authorRole"] | null }>> {
  if (!threadIds.length) return new Map();
  const rows = await db
    .select({
      threadId: messages.threadId,
      n: sql<number>`count(*)::int`,
      firstRole: sql<Message["authorRole"] | null>`(array_agg(${messages.authorRole} order by ${messages.createdAt}, ${messages.id}))[1]`,
    })
    .from(messages)
    .where(and(inArray(messages.threadId, threadIds), eq(messages.isInternal, false), isNull(messages.deletedAt)))
    .groupBy(messages.threadId);
  return new Map(rows.map((r) => [r.threadId, { count: Number(r.n), firstRole: r.firstRole }]));
}

/** The sale codes of these order lines. */
export async function findSaleCodes(db: Db, orderItemIds: number[]): Promise<Map<number, string>> {
  if (!orderItemIds.length) return new Map();
  const rows = await db.select({ id: orderItems.id, saleCode: orderItems.saleCode }).from(orderItems).where(inArray(orderItems.id, orderItemIds));
  return new Map(rows.filter((r) => r.saleCode).map((r) => [r.id, r.saleCode!]));
}

/** Which of these conversations the seller may see (for a batch: all or nothing). */
export async function findSellerConversationIds(db: Db, sellerId: number, threadIds: number[]): Promise<number[]> {
  if (!threadIds.length) return [];
  const rows = await db
    .select({ id: threads.id })
    .from(threads)
    .innerJoin(conversationDetails, eq(conversationDetails.threadId, threads.id))
    .where(
      and(
        inArray(threads.id, threadIds),
        eq(threads.channel, "conversation"),
        isNull(threads.deletedAt),
        eq(threads.sellerId, sellerId),
        isNull(conversationDetails.sellerHiddenAt),
      ),
    );
  return rows.map((r) => r.id);
}
