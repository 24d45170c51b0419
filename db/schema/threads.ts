// The one model for every channel: threads, their messages, attachments and the event log.
import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, type AnyPgColumn } from "drizzle-orm/pg-core";
import { createdAt, tsvector, updatedAt } from "./_types";
import { customers, sellers, users } from "./users";

export const channelEnum = pgEnum("channel", ["contact", "conversation", "discussion", "call_request", "chat"]);
export type Channel = (typeof channelEnum.enumValues)[number];
export const CHANNELS = channelEnum.enumValues;

export const threadStatusEnum = pgEnum("thread_status", ["open", "closed"]);
export type ThreadStatus = (typeof threadStatusEnum.enumValues)[number];

/** Who wrote a message. A discussion's GrcOperator is customer_service; our own replies are agent. */
export const authorRoleEnum = pgEnum("author_role", ["customer", "agent", "seller", "customer_service", "system"]);
export type AuthorRole = (typeof authorRoleEnum.enumValues)[number];

export const threads = pgTable(
  "threads",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    channel: channelEnum("channel").notNull(),
    status: threadStatusEnum("status").notNull().default("open"),
    /** The channel's own state: call status, discussion process status, answered/not answered, … */
    channelState: text("channel_state"),
    subject: text("subject").notNull().default(""),
    customerId: bigint("customer_id", { mode: "number" }).references(() => customers.id),
    /** Copied from the customer so the list and search need no join. */
    customerName: text("customer_name").notNull().default(""),
    customerEmail: text("customer_email"),
    sellerId: bigint("seller_id", { mode: "number" }).references(() => sellers.id),
    assigneeId: bigint("assignee_id", { mode: "number" }).references(() => users.id, { onDelete: "set null" }),
    orderRef: text("order_ref"),
    locale: text("locale"),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    lastMessagePreview: text("last_message_preview").notNull().default(""),
    lastMessageRole: authorRoleEnum("last_message_role"),
    /** When the last message the customer side may see was written (internal notes are activity for us only). */
    lastVisibleAt: timestamp("last_visible_at", { withTimezone: true, mode: "date" }),
    /** When the customer side last wrote and is still waiting for us; null when answered. */
    waitingSince: timestamp("waiting_since", { withTimezone: true, mode: "date" }),
    messageCount: integer("message_count").notNull().default(0),
    unreadCount: integer("unread_count").notNull().default(0),
    /** Bumped by every change, so a reply to a thread that changed since it was opened can warn first. */
    version: integer("version").notNull().default(1),
    deletedAt: timestamp("deleted_at", { withTimezone: true, mode: "date" }),
    /** Who deleted it (an admin may restore it for 30 days, lib/threads/trash.ts). */
    deletedBy: bigint("deleted_by", { mode: "number" }).references(() => users.id, { onDelete: "set null" }),
    /** Marked as spam: out of every view; its sender is blocked (customers.blocked_at). */
    spamAt: timestamp("spam_at", { withTimezone: true, mode: "date" }),
    /** Snoozed: out of the open views until snooze_until (null: until the customer writes again). */
    snoozedAt: timestamp("snoozed_at", { withTimezone: true, mode: "date" }),
    snoozeUntil: timestamp("snooze_until", { withTimezone: true, mode: "date" }),
    snoozedBy: bigint("snoozed_by", { mode: "number" }).references(() => users.id, { onDelete: "set null" }),
    /** The thread this one was merged into (this one is then closed). */
    mergedIntoId: bigint("merged_into_id", { mode: "number" }).references((): AnyPgColumn => threads.id, { onDelete: "set null" }),
    /** The tags on the thread (tags.id), kept on the row so the list filters and shows them without a join. */
    tagIds: bigint("tag_ids", { mode: "number" })
      .array()
      .notNull()
      .default(sql`'{}'::bigint[]`),
    /** Identifiers a customer may quote that are not in the columns above: phone numbers, product and offer codes, the seller's codes. */
    searchKeys: text("search_keys").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Words of the subject, customer and identifiers, folded and stemmed (search_vector(), migration issue16_search_functions). */
    searchDoc: tsvector("search_doc").generatedAlwaysAs(
      sql`search_vector(subject || ' ' || customer_name || ' ' || coalesce(customer_email, '') || ' ' || coalesce(order_ref, '') || ' ' || search_keys)`,
    ),
    /** The identifiers as one folded string (search_text()), for partial matches through a trigram index. */
    searchIds: text("search_ids").generatedAlwaysAs(
      sql`search_text(coalesce(customer_email, '') || ' ' || customer_name || ' ' || coalesce(order_ref, '') || ' ' || search_keys)`,
    ),
  },
  (t) => [
    index("threads_status_activity_idx")
      .on(t.status, t.lastMessageAt.desc(), t.id.desc())
      .where(sql`${t.deletedAt} is null`),
    index("threads_assignee_activity_idx")
      .on(t.assigneeId, t.status, t.lastMessageAt.desc(), t.id.desc())
      .where(sql`${t.deletedAt} is null`),
    index("threads_channel_activity_idx")
      .on(t.channel, t.status, t.lastMessageAt.desc(), t.id.desc())
      .where(sql`${t.deletedAt} is null`),
    index("threads_channel_state_idx")
      .on(t.channel, t.channelState, t.lastMessageAt.desc(), t.id.desc())
      .where(sql`${t.deletedAt} is null`),
    // "All statuses", the "unread" view and the "longest waiting" sort (issue 3): each walks its own index in ORDER BY order.
    index("threads_activity_idx")
      .on(t.lastMessageAt.desc(), t.id.desc())
      .where(sql`${t.deletedAt} is null`),
    index("threads_unread_activity_idx")
      .on(t.status, t.lastMessageAt.desc(), t.id.desc())
      .where(sql`${t.deletedAt} is null and ${t.unreadCount} > 0`),
    index("threads_waiting_idx")
      .on(t.status, t.waitingSince, t.id)
      .where(sql`${t.deletedAt} is null and ${t.waitingSince} is not null`),
    index("threads_customer_idx").on(t.customerId, t.lastMessageAt.desc()),
    index("threads_seller_idx").on(t.sellerId, t.lastMessageAt.desc()),
    // The seller API's discussion list: one seller's discussions, last changed first.
    index("threads_discussion_seller_updated_idx")
      // NULLS FIRST: what a plain `order by … desc` (and, scanned backwards, `asc`) asks for.
      .on(t.sellerId, t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.channel} = 'discussion' and ${t.deletedAt} is null`),
    // A seller's conversations, newest customer-side activity first (the SOAP service's getConversations).
    index("threads_conversation_seller_activity_idx")
      .on(t.sellerId, sql`coalesce(${t.lastVisibleAt}, ${t.createdAt}) desc`, t.id.desc().nullsFirst())
      .where(sql`${t.channel} = 'conversation' and ${t.deletedAt} is null`),
    index("threads_search_doc_idx").using("gin", t.searchDoc),
    // Issue 16: partial e-mails, phone numbers and codes (trigram); tags; the snoozed, spam and trash views; the wake-up sweep.
    index("threads_search_ids_idx").using("gin", sql`${t.searchIds} gin_trgm_ops`),
    index("threads_subject_trgm_idx").using("gin", sql`search_fold(${t.subject}) gin_trgm_ops`),
    index("threads_tags_idx").using("gin", t.tagIds),
    index("threads_snoozed_activity_idx")
      .on(t.lastMessageAt.desc(), t.id.desc())
      .where(sql`${t.deletedAt} is null and ${t.snoozedAt} is not null`),
    index("threads_snooze_until_idx")
      .on(t.snoozeUntil)
      .where(sql`${t.snoozeUntil} is not null`),
    index("threads_spam_activity_idx")
      .on(t.lastMessageAt.desc(), t.id.desc())
      .where(sql`${t.deletedAt} is null and ${t.spamAt} is not null`),
    index("threads_deleted_idx")
      .on(t.deletedAt.desc(), t.id.desc())
      .where(sql`${t.deletedAt} is not null`),
  ],
);
export type Thread = typeof threads.$inferSelect;
export type NewThread = typeof threads.$inferInsert;

export const messages = pgTable(
  "messages",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    threadId: bigint("thread_id", { mode: "number" })
      .notNull()
      .references(() => threads.id, { onDelete: "cascade" }),
    authorRole: authorRoleEnum("author_role").notNull(),
    authorUserId: bigint("author_user_id", { mode: "number" }).references(() => users.id, { onDelete: "set null" }),
    authorName: text("author_name").notNull().default(""),
    body: text("body").notNull(),
    /** An internal note: shown to staff only, never sent to the customer. */
    isInternal: boolean("is_internal").notNull().default(false),
    /** Receivers of a discussion message: [{ userId, userType }]. */
    receivers: jsonb("receivers").$type<{ userId?: string; userType: string }[]>(),
    /** RFC 5322 Message-ID of the e-mail this message was sent as, for threading replies. */
    emailMessageId: text("email_message_id"),
    /** When the SMTP server accepted that e-mail; null while it is pending (or never sent). */
    emailSentAt: timestamp("email_sent_at", { withTimezone: true, mode: "date" }),
    externalId: text("external_id"),
    readAt: timestamp("read_at", { withTimezone: true, mode: "date" }),
    deletedAt: timestamp("deleted_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
    /** search_vector(body): written by the messages_search_vector trigger (migration issue16_search_functions). */
    searchVector: tsvector("search_vector"),
  },
  (t) => [
    index("messages_thread_idx").on(t.threadId, t.createdAt, t.id),
    index("messages_created_idx").on(t.createdAt.desc(), t.id.desc()),
    index("messages_search_idx").using("gin", t.searchVector),
  ],
);
export type Message = typeof messages.$inferSelect;
export type NewMessage = typeof messages.$inferInsert;

export const attachments = pgTable(
  "attachments",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    threadId: bigint("thread_id", { mode: "number" })
      .notNull()
      .references(() => threads.id, { onDelete: "cascade" }),
    messageId: bigint("message_id", { mode: "number" }).references(() => messages.id, { onDelete: "cascade" }),
    /** sha256 of the bytes: the key in storage. */
    storageKey: text("storage_key").notNull(),
    fileName: text("file_name").notNull(),
    /** Decided from the bytes, never from the name. */
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    uploadedBy: bigint("uploaded_by", { mode: "number" }).references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("attachments_message_idx").on(t.messageId), index("attachments_thread_idx").on(t.threadId)],
);
export type Attachment = typeof attachments.$inferSelect;
export type NewAttachment = typeof attachments.$inferInsert;

/** Append-only log of what happened to a thread: the timeline and the audit trail. */
export const threadEvents = pgTable(
  "thread_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    threadId: bigint("thread_id", { mode: "number" })
      .notNull()
      .references(() => threads.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    actorUserId: bigint("actor_user_id", { mode: "number" }).references(() => users.id, { onDelete: "set null" }),
    actorLabel: text("actor_label"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("thread_events_thread_idx").on(t.threadId, t.id)],
);
export type ThreadEvent = typeof threadEvents.$inferSelect;
export type NewThreadEvent = typeof threadEvents.$inferInsert;
