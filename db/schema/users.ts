// People: staff and customer accounts (who signs in), customers (who writes to us), sellers.
import { sql } from "drizzle-orm";
import { bigint, boolean, date, index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, type AnyPgColumn } from "drizzle-orm/pg-core";
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

/**
 * A signed-in session, kept on the server so it can end at once: at sign-out, when the account is
 * disabled or its password changes, when it expires. The browser holds the token (inside the
 * next-auth cookie for the desk's own pages, as `osessionid` for a storefront); only its sha256 is
 * stored. Every app instance sees the same rows.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    tokenHash: text("token_hash").notNull(),
    userId: bigint("user_id", { mode: "number" })
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** web: the desk's own pages (next-auth); storefront: a shop's server calling our APIs (osessionid). */
    kind: text("kind").$type<"web" | "storefront">().notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [uniqueIndex("sessions_token_key").on(t.tokenHash), index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);
export type Session = typeof sessions.$inferSelect;

/**
 * A one-time link for a staff account: an invitation (the invitee chooses a password) or a
 * password reset an admin started. Only the token's sha256 is kept; it works once, until it expires.
 */
export const userTokens = pgTable(
  "user_tokens",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: bigint("user_id", { mode: "number" })
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"invite" | "reset">().notNull(),
    tokenHash: text("token_hash").notNull(),
    createdBy: bigint("created_by", { mode: "number" }).references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [uniqueIndex("user_tokens_token_key").on(t.tokenHash), index("user_tokens_user_idx").on(t.userId)],
);
export type UserToken = typeof userTokens.$inferSelect;

/**
 * A seller (a "datasource" in the conversations API, a SellerId in the marketplace API). The
 * datasource's reference fields (supplier code, MERSIS and KEP, trade association, price and stock
 * lists, …) are kept as the conversations API answers them; `slug` is its `name`.
 */
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
    faxNumber: text("fax_number"),
    mersisNumber: text("mersis_number"),
    kepAddress: text("kep_address"),
    tradeAssociation: text("trade_association"),
    address: text("address"),
    /** The commerce backend's price and stock list ids (reference only). */
    priceList: bigint("price_list", { mode: "number" }),
    stockList: bigint("stock_list", { mode: "number" }),
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
    /** The profile a customer account keeps (the storefront's /current_user/). */
    firstName: text("first_name"),
    lastName: text("last_name"),
    gender: text("gender"),
    dateOfBirth: date("date_of_birth", { mode: "string" }),
    emailAllowed: boolean("email_allowed").notNull().default(false),
    smsAllowed: boolean("sms_allowed").notNull().default(false),
    /** E-mail me when a seller answers (unless I am reading the portal at that moment). */
    notifyOnReply: boolean("notify_on_reply").notNull().default(true),
    /** Last heartbeat of an open portal stream: "online" for the reply notification. */
    portalSeenAt: timestamp("portal_seen_at", { withTimezone: true, mode: "date" }),
    /** What the team knows about them (the customer profile). */
    notes: text("notes").notNull().default(""),
    /** Blocked (a thread of theirs was marked as spam): the contact form and chat refuse them. */
    blockedAt: timestamp("blocked_at", { withTimezone: true, mode: "date" }),
    /** Merged into another customer record: their threads moved there. */
    mergedIntoId: bigint("merged_into_id", { mode: "number" }).references((): AnyPgColumn => customers.id, { onDelete: "set null" }),
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

/**
 * A forgotten-password link: a random token (only its sha256 kept) that opens one password change
 * for one account, until it expires or is used.
 */
export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    tokenHash: text("token_hash").notNull(),
    userId: bigint("user_id", { mode: "number" })
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("password_reset_tokens_token_key").on(t.tokenHash), index("password_reset_tokens_user_idx").on(t.userId)],
);
export type PasswordResetToken = typeof passwordResetTokens.$inferSelect;

/** A staff member's own settings: notifications (opt-in; the browser asks its own permission too). */
export const userSettings = pgTable("user_settings", {
  userId: bigint("user_id", { mode: "number" })
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  notifyDesktop: boolean("notify_desktop").notNull().default(false),
  notifySound: boolean("notify_sound").notNull().default(false),
  /** The agent screens' theme: "system" (the browser's preference), "light" or "dark". */
  theme: text("theme").notNull().default("system"),
  /** The agent screens' language (lib/inbox/texts.ts); users.locale stays the person's language for what is sent to them. */
  uiLocale: text("ui_locale").notNull().default("en"),
  updatedAt: updatedAt(),
});
export type UserSettings = typeof userSettings.$inferSelect;
