// What only one channel has: one detail row per thread, keyed by the thread id.
import { sql } from "drizzle-orm";
import { bigint, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt } from "./_types";
import { orderItems, products } from "./products";
import { contactSubjects, conversationTitles, discussionTypologies } from "./reference";
import { threads } from "./threads";
import { sellers } from "./users";

const threadKey = () =>
  bigint("thread_id", { mode: "number" })
    .primaryKey()
    .references(() => threads.id, { onDelete: "cascade" });

export const contactDetails = pgTable(
  "contact_details",
  {
    threadId: threadKey(),
    subjectId: bigint("subject_id", { mode: "number" }).references(() => contactSubjects.id),
    fullName: text("full_name").notNull(),
    email: text("email").notNull(),
    phone: text("phone"),
    orderNumber: text("order_number"),
    operation: text("operation"),
    locale: text("locale"),
    /** Recipient the submission was routed to. */
    routedTo: text("routed_to"),
    /** Hash of the submission's content, to fold a client's retries into one thread. */
    contentHash: text("content_hash"),
    createdAt: createdAt(),
  },
  (t) => [index("contact_details_hash_idx").on(t.contentHash, t.createdAt)],
);
export type ContactDetails = typeof contactDetails.$inferSelect;

export const conversationDetails = pgTable(
  "conversation_details",
  {
    threadId: threadKey(),
    /** message | question | review */
    conversationType: text("conversation_type").notNull().default("message"),
    /** guest | registered */
    userType: text("user_type").notNull().default("registered"),
    isPublic: boolean("is_public").notNull().default(false),
    /** product | orderitem */
    itemContent: text("item_content"),
    itemId: text("item_id"),
    itemName: text("item_name"),
    /** The stored product or order item the conversation is about, when we know it (item_object). */
    productId: bigint("product_id", { mode: "number" }).references(() => products.id, { onDelete: "set null" }),
    orderItemId: bigint("order_item_id", { mode: "number" }).references(() => orderItems.id, { onDelete: "set null" }),
    /** Up to when the customer has read the seller side's messages: "unread" in the portal. */
    customerReadAt: timestamp("customer_read_at", { withTimezone: true, mode: "date" }),
    /** The seller hid it from its own lists (SOAP deleteConversation); the customer and the inbox keep it. */
    sellerHiddenAt: timestamp("seller_hidden_at", { withTimezone: true, mode: "date" }),
    titleId: bigint("title_id", { mode: "number" }).references(() => conversationTitles.id),
    /** SOAP: USER | SYSTEM */
    messageType: text("message_type").notNull().default("USER"),
    saleCode: text("sale_code"),
    createdAt: createdAt(),
  },
  (t) => [
    index("conversation_details_item_idx").on(t.itemContent, t.itemId),
    // A product page's public questions.
    index("conversation_details_public_idx")
      .on(t.productId)
      .where(sql`${t.isPublic}`),
    // The few conversations sellers hid (SOAP deleteConversation): counts of a seller's list skip them.
    index("conversation_details_seller_hidden_idx")
      .on(t.threadId)
      .where(sql`${t.sellerHiddenAt} is not null`),
  ],
);
export type ConversationDetails = typeof conversationDetails.$inferSelect;

export const discussionDetails = pgTable(
  "discussion_details",
  {
    threadId: threadKey(),
    typologyId: bigint("typology_id", { mode: "number" }).references(() => discussionTypologies.id),
    typologyCode: text("typology_code"),
    subTypologyCode: text("sub_typology_code"),
    salesChannel: text("sales_channel").notNull(),
    /** The seller whose discussion this is (threads.seller_id, kept here for the reference's uniqueness). */
    sellerId: bigint("seller_id", { mode: "number" }).references(() => sellers.id, { onDelete: "cascade" }),
    /** The sales channel's own id of the discussion: unique per seller and sales channel, never across sellers. */
    externalReference: text("external_reference"),
    orderReference: text("order_reference"),
    orderId: text("order_id"),
    orderStatus: text("order_status"),
    offerId: text("offer_id"),
    productId: text("product_id"),
    customerExternalId: text("customer_external_id"),
    /** Discussion | Claim | Level_1 */
    graduationCode: text("graduation_code").notNull().default("Discussion"),
    /** User types that may receive a reply: Customer, GrcOperator. */
    receivers: jsonb("receivers").$type<{ userId?: string; userType: string }[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [
    index("discussion_details_order_idx").on(t.orderId),
    uniqueIndex("discussion_details_seller_ext_ref_key").on(t.sellerId, t.salesChannel, t.externalReference),
  ],
);
export type DiscussionDetails = typeof discussionDetails.$inferSelect;

export const callRequestDetails = pgTable(
  "call_request_details",
  {
    threadId: threadKey(),
    name: text("name").notNull().default(""),
    phone: text("phone"),
    email: text("email"),
    timeFrom: text("time_from"),
    timeTo: text("time_to"),
    /** The window as minutes after midnight, parsed from time_from/time_to: what the call queue sorts by. */
    windowStartMinutes: integer("window_start_minutes"),
    windowEndMinutes: integer("window_end_minutes"),
    /** The customer's day and zone for that window, and the real stretch of time they make (lib/call-requests/window.ts). */
    windowDate: date("window_date", { mode: "string" }),
    windowZone: text("window_zone"),
    windowStartsAt: timestamp("window_starts_at", { withTimezone: true }),
    windowEndsAt: timestamp("window_ends_at", { withTimezone: true }),
    orderId: bigint("order_id", { mode: "number" }),
    orderStatus: text("order_status"),
    productId: bigint("product_id", { mode: "number" }),
    productName: text("product_name"),
    companyId: bigint("company_id", { mode: "number" }).notNull().default(1),
    cartProducts: jsonb("cart_products").$type<{ product_id: number; amount: string; price: number; product: string }[]>().notNull().default([]),
    notes: text("notes").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    index("call_request_details_order_idx").on(t.orderId),
    // The call queue's order (window start, no window last, then age) and the API's default (date).
    index("call_request_details_queue_idx").on(sql`coalesce(${t.windowStartMinutes}, 1441)`, t.createdAt, t.threadId),
    index("call_request_details_created_idx").on(t.createdAt, t.threadId),
  ],
);
export type CallRequestDetails = typeof callRequestDetails.$inferSelect;

export const chatDetails = pgTable(
  "chat_details",
  {
    threadId: threadKey(),
    /** The opaque room id clients use (`inserted_id`). */
    roomKey: text("room_key").notNull(),
    roomCode: text("room_code").notNull(),
    eventId: text("event_id").notNull(),
    userExternalId: text("user_external_id").notNull(),
    orgId: text("org_id"),
    productName: text("product_name"),
    portfolioName: text("portfolio_name"),
    qrId: text("qr_id"),
    isLogin: boolean("is_login").notNull().default(false),
    isActive: boolean("is_active").notNull().default(true),
    /** The page the visitor opened the chat on, and the language their browser asked for. */
    pageUrl: text("page_url"),
    language: text("language"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("chat_details_room_key").on(t.roomKey),
    index("chat_details_lookup_idx").on(t.userExternalId, t.orgId, t.portfolioName, t.productName),
    index("chat_details_org_idx").on(t.orgId, t.productName),
  ],
);
export type ChatDetails = typeof chatDetails.$inferSelect;
