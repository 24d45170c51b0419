// Live chat's own data beside its detail table (db/schema/channels.ts): the organizations whose
// widgets may open rooms (admin-managed at /admin/chat: the products each may open rooms for, the
// origins its widgets may call from, the greeting per language), their printed QR codes, and what
// the chat API said about a message that the one message model has no column for.
import { bigint, boolean, index, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./_types";
import { messages } from "./threads";

export const chatOrgs = pgTable(
  "chat_orgs",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    /** The public id clients send (`org_id`, e.g. DOWELL12345). */
    orgKey: text("org_key").notNull(),
    name: text("name").notNull().default(""),
    /** The product names rooms may be opened for. */
    products: text("products").array().notNull().default([]),
    /** Origins whose pages may call the visitor endpoints and frame the widget; `*` allows any. */
    allowedOrigins: text("allowed_origins").array().notNull().default([]),
    /** The first thing a visitor reads, per language code. */
    greeting: jsonb("greeting").$type<Record<string, string>>().notNull().default({}),
    isActive: boolean("is_active").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("chat_orgs_key").on(t.orgKey)],
);
export type ChatOrg = typeof chatOrgs.$inferSelect;

export const chatQrCodes = pgTable(
  "chat_qr_codes",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: bigint("org_id", { mode: "number" })
      .notNull()
      .references(() => chatOrgs.id, { onDelete: "cascade" }),
    /** The public id printed in the code's URL. */
    qrKey: text("qr_key").notNull(),
    productName: text("product_name").notNull(),
    label: text("label").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("chat_qr_codes_key").on(t.orgId, t.qrKey), index("chat_qr_codes_org_idx").on(t.orgId, t.id)],
);
export type ChatQrCode = typeof chatQrCodes.$inferSelect;

/** What a chat client sent with a message beyond its text: its type, side, author and an object `message_data`. */
export const chatMessages = pgTable("chat_messages", {
  messageId: bigint("message_id", { mode: "number" })
    .primaryKey()
    .references(() => messages.id, { onDelete: "cascade" }),
  /** text | TEXT | IMAGE, as the client wrote it. */
  messageType: text("message_type").notNull(),
  side: boolean("side"),
  author: text("author"),
  /** `message_data` when it was an object (the body keeps its text form). */
  data: jsonb("data").$type<unknown>(),
});
export type ChatMessage = typeof chatMessages.$inferSelect;
