// Reads of conversations, always inside a scope: one customer's (the portal, the storefront API)
// or one seller's (the seller's own API). The scope is in the WHERE of every statement, so
// "another's conversation" is exactly "no such conversation". Also the public question page.
import "server-only";
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  attachments,
  conversationDetails,
  customers,
  messages,
  orderItems,
  productImages,
  products,
  sellers,
  threads,
  type Attachment,
  type ConversationDetails,
  type Customer,
  type Message,
  type Seller,
} from "@/db/schema";
import { INLINE_IMAGE_TYPES } from "@/lib/storage/file-types";
import { namesOf } from "@/lib/accounts/queries";
import { AppError } from "@/lib/errors";
import { publicName, sideOf } from "./present";
import type { ConversationType, CustomerAttachmentView, ItemContent, ItemImageView, ItemView, PublicQuestionView } from "./views";

/** Whose conversations: one customer's, or one seller's (without those the seller hid). */
export type ConversationScope = { customerId: number } | { sellerId: number };

export interface ConversationRecord {
  thread: {
    id: number;
    status: "open" | "closed";
    channelState: string | null;
    subject: string;
    customerId: number | null;
    sellerId: number | null;
    customerName: string;
    lastMessageAt: Date;
    lastVisibleAt: Date | null;
    lastMessagePreview: string;
    lastMessageRole: Message["authorRole"] | null;
    unreadCount: number;
    locale: string | null;
    createdAt: Date;
  };
  details: ConversationDetails;
  seller: Seller | null;
  customer: Customer | null;
}

const recordColumns = {
  thread: {
    id: threads.id,
    status: threads.status,
    channelState: threads.channelState,
    subject: threads.subject,
    customerId: threads.customerId,
    sellerId: threads.sellerId,
    customerName: threads.customerName,
    lastMessageAt: threads.lastMessageAt,
    lastVisibleAt: threads.lastVisibleAt,
    lastMessagePreview: threads.lastMessagePreview,
    lastMessageRole: threads.lastMessageRole,
    unreadCount: threads.unreadCount,
    locale: threads.locale,
    createdAt: threads.createdAt,
  },
  details: conversationDetails,
  seller: sellers,
  customer: customers,
};

export function scopeCondition(scope: ConversationScope): SQL {
  return and(
    eq(threads.channel, "conversation"),
    isNull(threads.deletedAt),
    "customerId" in scope ? eq(threads.customerId, scope.customerId) : and(eq(threads.sellerId, scope.sellerId), isNull(conversationDetails.sellerHiddenAt)),
  )!;
}

export interface ConversationFilters {
  type?: ConversationType;
  itemContent?: ItemContent;
  itemId?: string;
  sellerId?: number;
  isAnswered?: boolean;
  /** The other side, for a seller's list (SOAP filteredUserNick). */
  customerId?: number;
  titleId?: number;
  /** SOAP's USER | SYSTEM. */
  messageType?: string;
  /** Has messages from the customer the seller side has not read (true), or none (false). */
  unread?: boolean;
}

function filterConditions(f: ConversationFilters = {}) {
  return [
    f.customerId ? eq(threads.customerId, f.customerId) : undefined,
    f.titleId ? eq(conversationDetails.titleId, f.titleId) : undefined,
    f.messageType ? eq(conversationDetails.messageType, f.messageType) : undefined,
    f.unread === undefined ? undefined : f.unread ? sql`${threads.unreadCount} > 0` : eq(threads.unreadCount, 0),
    f.type ? eq(conversationDetails.conversationType, f.type) : undefined,
    f.itemContent ? eq(conversationDetails.itemContent, f.itemContent) : undefined,
    f.itemId ? eq(conversationDetails.itemId, f.itemId) : undefined,
    f.sellerId ? eq(threads.sellerId, f.sellerId) : undefined,
    f.isAnswered === undefined ? undefined : f.isAnswered ? eq(threads.channelState, "answered") : sql`${threads.channelState} is distinct from 'answered'`,
  ];
}

/** The customer side's last activity: notes are ours alone and never move a conversation up. */
const lastActivity = sql`coalesce(${threads.lastVisibleAt}, ${threads.createdAt})`;

/** How many conversations of the scope match. */
export async function countConversations(db: Db, scope: ConversationScope, filters?: ConversationFilters): Promise<number> {
  const detailFilters = (["type", "itemContent", "itemId", "titleId", "messageType"] as const).some((k) => filters?.[k] !== undefined);
  if (!detailFilters) {
    // From threads alone (an index-only walk of the scope's index): a seller's hidden conversations
    // are the few rows of conversation_details_seller_hidden_idx, not a join over every one.
    const scoped =
      "customerId" in scope
        ? eq(threads.customerId, scope.customerId)
        : and(
            eq(threads.sellerId, scope.sellerId),
            sql`not exists (select 1 from ${conversationDetails} where ${conversationDetails.threadId} = ${threads.id} and ${conversationDetails.sellerHiddenAt} is not null)`,
          );
    const [total] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(threads)
      .where(and(eq(threads.channel, "conversation"), isNull(threads.deletedAt), scoped, ...filterConditions(filters)));
    return total?.n ?? 0;
  }
  const [total] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(threads)
    .innerJoin(conversationDetails, eq(conversationDetails.threadId, threads.id))
    .where(and(scopeCondition(scope), ...filterConditions(filters)));
  return total?.n ?? 0;
}

/** A page of conversations in the scope, newest activity first, and how many there are in all. */
export async function findConversations(
  db: Db,
  scope: ConversationScope,
  page: { offset: number; limit: number; filters?: ConversationFilters },
): Promise<{ count: number; rows: ConversationRecord[] }> {
  const where = and(scopeCondition(scope), ...filterConditions(page.filters));
  const [rows, count] = await Promise.all([
    db
      .select(recordColumns)
      .from(threads)
      .innerJoin(conversationDetails, eq(conversationDetails.threadId, threads.id))
      .leftJoin(sellers, eq(sellers.id, threads.sellerId))
      .leftJoin(customers, eq(customers.id, threads.customerId))
      .where(where)
      .orderBy(desc(lastActivity), desc(threads.id))
      .limit(page.limit)
      .offset(page.offset),
    countConversations(db, scope, page.filters),
  ]);
  return { count, rows: rows as ConversationRecord[] };
}

export async function findConversation(db: Db, scope: ConversationScope, threadId: number): Promise<ConversationRecord | undefined> {
  const [row] = await db
    .select(recordColumns)
    .from(threads)
    .innerJoin(conversationDetails, eq(conversationDetails.threadId, threads.id))
    .leftJoin(sellers, eq(sellers.id, threads.sellerId))
    .leftJoin(customers, eq(customers.id, threads.customerId))
    .where(and(eq(threads.id, threadId), scopeCondition(scope)))
    .limit(1);
  return row as ConversationRecord | undefined;
}

/** One conversation of the scope; anything else — another's, deleted, not a conversation — is not found. */
export async function getConversation(db: Db, scope: ConversationScope, threadId: number): Promise<ConversationRecord> {
  const found = await findConversation(db, scope, threadId);
  if (!found) throw new AppError("not_found", "Conversation not found.");
  return found;
}

/** The conversation of this scope with the same seller, item and type, if one exists ("Conversation already exists"). */
export async function findSameConversation(
  db: Db,
  key: { customerId: number; sellerId: number; type: ConversationType; itemContent: ItemContent | null; itemId: string | null },
): Promise<number | undefined> {
  const [row] = await db
    .select({ id: threads.id })
    .from(threads)
    .innerJoin(conversationDetails, eq(conversationDetails.threadId, threads.id))
    .where(
      and(
        scopeCondition({ customerId: key.customerId }),
        eq(threads.sellerId, key.sellerId),
        eq(conversationDetails.conversationType, key.type),
        key.itemContent ? eq(conversationDetails.itemContent, key.itemContent) : isNull(conversationDetails.itemContent),
        key.itemId ? eq(conversationDetails.itemId, key.itemId) : isNull(conversationDetails.itemId),
      ),
    )
    .orderBy(asc(threads.id))
    .limit(1);
  return row?.id;
}

// ---------------------------------------------------------------------------------------------
// What conversations are about

const imageView = (i: typeof productImages.$inferSelect): ItemImageView => ({
  id: i.id,
  productId: i.productId,
  path: i.path,
  url: `/media/${i.path}`,
  width: i.width,
  height: i.height,
  position: i.position,
});

/** The items of these conversations, keyed `product:<id>` / `orderitem:<id>`: three statements whatever the count. */
export async function findItems(db: Db, details: Pick<ConversationDetails, "productId" | "orderItemId">[]): Promise<Map<string, ItemView>> {
  const orderItemIds = [...new Set(details.map((d) => d.orderItemId).filter((id): id is number => !!id))];
  const lines = orderItemIds.length ? await db.select().from(orderItems).where(inArray(orderItems.id, orderItemIds)) : [];
  const productIds = [...new Set([...details.map((d) => d.productId), ...lines.map((l) => l.productId)].filter((id): id is number => !!id))];
  const out = new Map<string, ItemView>();
  if (!productIds.length) return out;
  const [productRows, imageRows] = await Promise.all([
    db.select().from(products).where(inArray(products.id, productIds)),
    db.select().from(productImages).where(inArray(productImages.productId, productIds)).orderBy(asc(productImages.position), asc(productImages.id)),
  ]);
  const byProduct = new Map(productRows.map((p) => [p.id, p]));
  const imagesOf = (productId: number) => imageRows.filter((i) => i.productId === productId).map(imageView);
  for (const p of productRows) {
    out.set(`product:${p.id}`, {
      kind: "product",
      id: p.id,
      productId: p.id,
      sku: p.sku,
      name: p.name,
      images: imagesOf(p.id),
      orderNumber: null,
      quantity: null,
    });
  }
  for (const line of lines) {
    const p = byProduct.get(line.productId);
    if (!p) continue;
    out.set(`orderitem:${line.id}`, {
      kind: "orderitem",
      id: line.id,
      productId: p.id,
      sku: p.sku,
      name: p.name,
      images: imagesOf(p.id),
      orderNumber: line.orderNumber,
      quantity: line.quantity,
    });
  }
  return out;
}

export const itemKey = (d: Pick<ConversationDetails, "productId" | "orderItemId">) =>
  d.orderItemId ? `orderitem:${d.orderItemId}` : d.productId ? `product:${d.productId}` : "";

// ---------------------------------------------------------------------------------------------
// Messages the customer side may see

export interface VisibleMessage {
  message: Message;
  attachments: CustomerAttachmentView[];
}

/** The messages of these conversations the customer side may see (never internal notes), oldest first, with their files. */
export async function findVisibleMessages(db: Db, threadIds: number[]): Promise<Map<number, VisibleMessage[]>> {
  const out = new Map<number, VisibleMessage[]>();
  if (!threadIds.length) return out;
  const rows = await db
    .select()
    .from(messages)
    .where(and(inArray(messages.threadId, threadIds), eq(messages.isInternal, false), isNull(messages.deletedAt)))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  const files: Attachment[] = rows.length
    ? await db
        .select()
        .from(attachments)
        .where(
          inArray(
            attachments.messageId,
            rows.map((m) => m.id),
          ),
        )
        .orderBy(asc(attachments.id))
    : [];
  for (const m of rows) {
    const list = out.get(m.threadId) ?? [];
    list.push({
      message: m,
      attachments: files
        .filter((f) => f.messageId === m.id)
        .map((f) => ({ id: f.id, fileName: f.fileName, contentType: f.contentType, size: f.size, isImage: INLINE_IMAGE_TYPES.has(f.contentType) })),
    });
    out.set(m.threadId, list);
  }
  return out;
}

/** An attachment the customer may download: on a visible message of one of their own conversations. */
export async function findCustomerAttachment(db: Db, input: { customerId: number; attachmentId: number }): Promise<Attachment | undefined> {
  const [row] = await db
    .select({ a: attachments })
    .from(attachments)
    .innerJoin(messages, eq(messages.id, attachments.messageId))
    .innerJoin(threads, eq(threads.id, attachments.threadId))
    .innerJoin(conversationDetails, eq(conversationDetails.threadId, threads.id))
    .where(
      and(
        eq(attachments.id, input.attachmentId),
        eq(messages.threadId, threads.id),
        eq(messages.isInternal, false),
        isNull(messages.deletedAt),
        scopeCondition({ customerId: input.customerId }),
      ),
    )
    .limit(1);
  return row?.a;
}

// ---------------------------------------------------------------------------------------------
// The public question page

/**
 * A product's public questions to one seller and their answers, newest first: the asker as first
 * name and initial, never an e-mail, a full name or anything of a private conversation.
 */
export async function findPublicQuestions(
  db: Db,
  input: { sellerId: number; productId: number; limit?: number; anonymous: string; sellerName?: string },
): Promise<PublicQuestionView[]> {
  const rows = await db
    .select({
      id: threads.id,
      subject: threads.subject,
      createdAt: threads.createdAt,
      firstName: customers.firstName,
      lastName: customers.lastName,
      customerName: customers.name,
      sellerTitle: sellers.title,
    })
    .from(conversationDetails)
    .innerJoin(threads, eq(threads.id, conversationDetails.threadId))
    .leftJoin(customers, eq(customers.id, threads.customerId))
    .leftJoin(sellers, eq(sellers.id, threads.sellerId))
    .where(
      and(
        eq(conversationDetails.productId, input.productId),
        eq(conversationDetails.isPublic, true),
        eq(conversationDetails.conversationType, "question"),
        eq(threads.sellerId, input.sellerId),
        eq(threads.channel, "conversation"),
        isNull(threads.deletedAt),
      ),
    )
    .orderBy(desc(threads.createdAt), desc(threads.id))
    .limit(input.limit ?? 50);
  const visible = await findVisibleMessages(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const names =
      r.firstName || r.lastName ? { firstName: r.firstName, lastName: r.lastName } : namesOf({ name: r.customerName ?? "", firstName: null, lastName: null });
    const asker = publicName(names.firstName, names.lastName, input.anonymous);
    const sellerName = r.sellerTitle ?? input.sellerName ?? "";
    return {
      id: r.id,
      asker,
      subject: r.subject,
      askedAt: r.createdAt.toISOString(),
      messages: (visible.get(r.id) ?? []).map(({ message }) => {
        const from = sideOf(message);
        return { id: message.id, from, name: from === "seller" ? sellerName : asker, body: message.body, createdAt: message.createdAt.toISOString() };
      }),
    };
  });
}

/**
 * What a shop's link (/account/messages/new?item_content=…&item_id=…&datasource=…) points at, for
 * the page to show: the active seller, and the product or the customer's own order item.
 */
export async function findLinkTarget(
  db: Db,
  input: { customerId: number; sellerId: number; itemContent: ItemContent | null; itemId: number | null },
): Promise<{ seller: Seller | null; item: ItemView | null; itemMissing: boolean }> {
  const [seller] = await db
    .select()
    .from(sellers)
    .where(and(eq(sellers.id, input.sellerId), eq(sellers.isActive, true)))
    .limit(1);
  if (!input.itemContent || !input.itemId) return { seller: seller ?? null, item: null, itemMissing: !!input.itemContent !== !!input.itemId };
  let key: { productId: number | null; orderItemId: number | null } = { productId: input.itemId, orderItemId: null };
  if (input.itemContent === "orderitem") {
    const [line] = await db
      .select({ id: orderItems.id })
      .from(orderItems)
      .where(and(eq(orderItems.id, input.itemId), eq(orderItems.customerId, input.customerId)))
      .limit(1);
    if (!line) return { seller: seller ?? null, item: null, itemMissing: true };
    key = { productId: null, orderItemId: line.id };
  }
  const item = (await findItems(db, [key])).get(itemKey(key)) ?? null;
  return { seller: seller ?? null, item, itemMissing: !item };
}
