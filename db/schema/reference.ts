// Translated reference data: languages, contact subjects, discussion typologies, conversation titles.
import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt } from "./_types";

/** The languages texts are translated into. Adding one is a row, not code. */
export const languages = pgTable("languages", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  isDefault: boolean("is_default").notNull().default(false),
  position: integer("position").notNull().default(0),
});
export type Language = typeof languages.$inferSelect;

export const contactSubjects = pgTable(
  "contact_subjects",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    /** A stable key for seeds and imports; never shown. */
    code: text("code").notNull(),
    position: integer("position").notNull().default(0),
    isOrderNeeded: boolean("is_order_needed").notNull().default(false),
    isActive: boolean("is_active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("contact_subjects_code_key").on(t.code), index("contact_subjects_position_idx").on(t.position, t.id)],
);
export type ContactSubject = typeof contactSubjects.$inferSelect;

export const contactSubjectTranslations = pgTable(
  "contact_subject_translations",
  {
    subjectId: bigint("subject_id", { mode: "number" })
      .notNull()
      .references(() => contactSubjects.id, { onDelete: "cascade" }),
    locale: text("locale")
      .notNull()
      .references(() => languages.code),
    text: text("text").notNull(),
  },
  (t) => [primaryKey({ columns: [t.subjectId, t.locale] })],
);
export type ContactSubjectTranslation = typeof contactSubjectTranslations.$inferSelect;

/** A discussion reason: typology + sub-typology, usable at some order statuses. */
export const discussionTypologies = pgTable(
  "discussion_typologies",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    typologyCode: text("typology_code").notNull(),
    subTypologyCode: text("sub_typology_code").notNull(),
    /** Null: every sales channel. */
    salesChannel: text("sales_channel"),
    orderStatuses: text("order_statuses")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Who may open a discussion with it: Customer, Seller, GrcOperator. Empty: anyone. */
    userTypes: text("user_types")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    isActive: boolean("is_active").notNull().default(true),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("discussion_typologies_codes_key").on(t.typologyCode, t.subTypologyCode, t.salesChannel)],
);
export type DiscussionTypology = typeof discussionTypologies.$inferSelect;

export const discussionTypologyTranslations = pgTable(
  "discussion_typology_translations",
  {
    typologyId: bigint("typology_id", { mode: "number" })
      .notNull()
      .references(() => discussionTypologies.id, { onDelete: "cascade" }),
    locale: text("locale")
      .notNull()
      .references(() => languages.code),
    description: text("description").notNull(),
  },
  (t) => [primaryKey({ columns: [t.typologyId, t.locale] })],
);

/** The titles a conversation may be filed under (the SOAP API's getConversationSubject). */
export const conversationTitles = pgTable(
  "conversation_titles",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    code: text("code").notNull(),
    position: integer("position").notNull().default(0),
    isActive: boolean("is_active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("conversation_titles_code_key").on(t.code)],
);
export type ConversationTitle = typeof conversationTitles.$inferSelect;

export const conversationTitleTranslations = pgTable(
  "conversation_title_translations",
  {
    titleId: bigint("title_id", { mode: "number" })
      .notNull()
      .references(() => conversationTitles.id, { onDelete: "cascade" }),
    locale: text("locale")
      .notNull()
      .references(() => languages.code),
    text: text("text").notNull(),
  },
  (t) => [primaryKey({ columns: [t.titleId, t.locale] })],
);
