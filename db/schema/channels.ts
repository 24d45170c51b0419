// What only one channel has: one detail row per thread, keyed by the thread id.
import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt } from "./_types";
import { contactSubjects, conversationTitles, discussionTypologies } from "./reference";
import { threads } from "./threads";

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
    titleId: bigint("title_id", { mode: "number" }).references(() => conversationTitles.id),
    /** SOAP: USER | SYSTEM */
    messageType: text("message_type").notNull().default("USER"),
    saleCode: text("sale_code"),
    isAnswered: boolean("is_answered").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("conversation_details_item_idx").on(t.itemContent, t.itemId)],
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
    uniqueIndex("discussion_details_ext_ref_key").on(t.salesChannel, t.externalReference),
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
    orderId: bigint("order_id", { mode: "number" }),
    orderStatus: text("order_status"),
    productId: bigint("product_id", { mode: "number" }),
    productName: text("product_name"),
    companyId: bigint("company_id", { mode: "number" }).notNull().default(1),
    cartProducts: jsonb("cart_products")
      .$type<{ product_id: number; amount: string; price: number; product: string }[]>()
      .notNull()
      .default([]),
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
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("chat_details_room_key").on(t.roomKey),
    index("chat_details_lookup_idx").on(t.userExternalId, t.orgId, t.portfolioName, t.productName),
    index("chat_details_org_idx").on(t.orgId, t.productName),
  ],
);
export type ChatDetails = typeof chatDetails.$inferSelect;
