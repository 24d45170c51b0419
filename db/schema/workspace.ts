// The agent workspace (issue 16): tags, saved replies, team views, bulk actions' undo and drafts.
import { sql } from "drizzle-orm";
import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./_types";
import { languages } from "./reference";
import { threads } from "./threads";
import { users } from "./users";

/** The desk's tags (admin-managed); threads carry their ids in threads.tag_ids. */
export const tags = pgTable(
  "tags",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    name: text("name").notNull(),
    /** One of the palette's names (lib/tags/palette.ts). */
    color: text("color").notNull().default("slate"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("tags_name_key").on(sql`lower(${t.name})`)],
);
export type Tag = typeof tags.$inferSelect;

/** A saved reply: the team's (owner null, admins edit) or one agent's own; a body per language. */
export const savedReplies = pgTable(
  "saved_replies",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    title: text("title").notNull(),
    ownerId: bigint("owner_id", { mode: "number" }).references(() => users.id, { onDelete: "cascade" }),
    createdBy: bigint("created_by", { mode: "number" }).references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("saved_replies_owner_idx").on(t.ownerId)],
);
export type SavedReply = typeof savedReplies.$inferSelect;

export const savedReplyTexts = pgTable(
  "saved_reply_texts",
  {
    replyId: bigint("reply_id", { mode: "number" })
      .notNull()
      .references(() => savedReplies.id, { onDelete: "cascade" }),
    locale: text("locale")
      .notNull()
      .references(() => languages.code),
    body: text("body").notNull(),
  },
  (t) => [primaryKey({ columns: [t.replyId, t.locale] })],
);

/** A saved list view (the inbox's URL filters): shared by the team (owner null) or one agent's. */
export const inboxViews = pgTable(
  "inbox_views",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    name: text("name").notNull(),
    ownerId: bigint("owner_id", { mode: "number" }).references(() => users.id, { onDelete: "cascade" }),
    filters: jsonb("filters").$type<Record<string, string>>().notNull(),
    position: bigint("position", { mode: "number" }).notNull().default(0),
    createdBy: bigint("created_by", { mode: "number" }).references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("inbox_views_owner_idx").on(t.ownerId, t.position)],
);
export type InboxView = typeof inboxViews.$inferSelect;

/** A bulk action as it was done, so its author can undo it for a short while (every instance sees it). */
export const bulkOperations = pgTable(
  "bulk_operations",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: bigint("user_id", { mode: "number" })
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    action: text("action").notNull(),
    /** Each thread's state before the action: what undo puts back. */
    before: jsonb("before").$type<Record<string, unknown>[]>().notNull(),
    createdAt: createdAt(),
    undoneAt: timestamp("undone_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("bulk_operations_created_idx").on(t.createdAt)],
);
export type BulkOperation = typeof bulkOperations.$inferSelect;

/** A composer draft, per agent per thread, kept on the server: text, kind, receivers and files uploaded ahead. */
export const drafts = pgTable(
  "drafts",
  {
    threadId: bigint("thread_id", { mode: "number" })
      .notNull()
      .references(() => threads.id, { onDelete: "cascade" }),
    userId: bigint("user_id", { mode: "number" })
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"reply" | "note">().notNull().default("reply"),
    body: text("body").notNull().default(""),
    receivers: text("receivers")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    attachmentIds: bigint("attachment_ids", { mode: "number" })
      .array()
      .notNull()
      .default(sql`'{}'::bigint[]`),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.userId] }), index("drafts_user_idx").on(t.userId)],
);
export type Draft = typeof drafts.$inferSelect;
