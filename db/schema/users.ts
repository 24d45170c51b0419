// People: staff and customer accounts (who signs in), customers (who writes to us), sellers.
import { sql } from "drizzle-orm";
import { bigint, boolean, index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./_types";

export const roleEnum = pgEnum("role", ["admin", "agent", "customer"]);
export type Role = (typeof roleEnum.enumValues)[number];

/** Everyone who signs in: staff (admin, agent) and customer accounts. */
export const users = pgTable(
  "users",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: roleEnum("role").notNull(),
    locale: text("locale").notNull().default("en"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`), index("users_role_idx").on(t.role)],
);
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/** A seller (a "datasource" in the conversations API, a SellerId in the marketplace API). */
export const sellers = pgTable(
  "sellers",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    externalId: text("external_id"),
    supplierCode: text("supplier_code"),
    email: text("email"),
    phone: text("phone"),
    isActive: boolean("is_active").notNull().default(true),
    extras: jsonb("extras").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("sellers_slug_key").on(t.slug), uniqueIndex("sellers_external_id_key").on(t.externalId)],
);
export type Seller = typeof sellers.$inferSelect;
export type NewSeller = typeof sellers.$inferInsert;

/**
 * Someone who writes to us, with or without an account. A contact form or a call-back
 * request creates one from an e-mail or phone; a customer account links to one.
 */
export const customers = pgTable(
  "customers",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    name: text("name").notNull(),
    email: text("email"),
    phone: text("phone"),
    userId: bigint("user_id", { mode: "number" }).references(() => users.id, { onDelete: "set null" }),
    /** The customer's id in a foreign system (marketplace customerId, chat user_id, SOAP nick). */
    externalId: text("external_id"),
    nick: text("nick"),
    locale: text("locale"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("customers_email_idx").on(sql`lower(${t.email})`),
    uniqueIndex("customers_user_id_key").on(t.userId),
    index("customers_external_id_idx").on(t.externalId),
    uniqueIndex("customers_nick_key").on(t.nick),
  ],
);
export type Customer = typeof customers.$inferSelect;
export type NewCustomer = typeof customers.$inferInsert;
