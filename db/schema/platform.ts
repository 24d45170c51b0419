// Platform tables: API credentials, seller tokens, settings, throttles and the real-time event stream.
import { bigint, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./_types";
import { sellers, users } from "./users";

/** Which compatibility API a credential opens. */
export const apiCredentialKindEnum = pgEnum("api_credential_kind", ["call_requests", "seller", "chat", "soap"]);
export type ApiCredentialKind = (typeof apiCredentialKindEnum.enumValues)[number];

/**
 * A machine client's key. The secret is shown once and stored as a hash; `keyPrefix` is the public
 * part used to find the row and to show which key is which. SOAP signs requests with the secret
 * itself (md5(apiKey + secret + time)), so its secret is kept encrypted instead of hashed.
 */
export const apiCredentials = pgTable(
  "api_credentials",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    kind: apiCredentialKindEnum("kind").notNull(),
    name: text("name").notNull(),
    /** The staff user the key acts as (HTTP Basic user for call requests). */
    userId: bigint("user_id", { mode: "number" }).references(() => users.id, { onDelete: "cascade" }),
    /** A seller credential is bound to one seller. */
    sellerId: bigint("seller_id", { mode: "number" }).references(() => sellers.id, { onDelete: "cascade" }),
    /** Public, unique: the client id or the first characters of the key. */
    keyPrefix: text("key_prefix").notNull(),
    secretHash: text("secret_hash").notNull(),
    secretEncrypted: text("secret_encrypted"),
    /** SOAP: the HTTP Basic user (the "role name"); its password is what secret_hash verifies. */
    roleName: text("role_name"),
    scopes: text("scopes").array().notNull(),
    createdBy: bigint("created_by", { mode: "number" }).references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "date" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    uniqueIndex("api_credentials_prefix_key").on(t.keyPrefix),
    index("api_credentials_user_idx").on(t.userId),
    uniqueIndex("api_credentials_role_name_key").on(t.roleName),
  ],
);
export type ApiCredential = typeof apiCredentials.$inferSelect;
export type NewApiCredential = typeof apiCredentials.$inferInsert;

/** Bearer tokens issued to seller credentials; stored as sha256 of the token. */
export const accessTokens = pgTable(
  "access_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    credentialId: bigint("credential_id", { mode: "number" })
      .notNull()
      .references(() => apiCredentials.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("access_tokens_expires_idx").on(t.expiresAt)],
);

/**
 * SOAP signatures already used: a (credential, time, sign) triple is accepted once. Kept a little
 * longer than the accepted clock skew, then swept (lib/conversations/wire/soap-auth.ts).
 */
export const soapRequestSignatures = pgTable(
  "soap_request_signatures",
  {
    credentialId: bigint("credential_id", { mode: "number" })
      .notNull()
      .references(() => apiCredentials.id, { onDelete: "cascade" }),
    time: bigint("time", { mode: "number" }).notNull(),
    sign: text("sign").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.credentialId, t.time, t.sign] }), index("soap_request_signatures_created_idx").on(t.createdAt)],
);

/** Admin-editable settings, e.g. `contact.routing` (operation → recipient e-mail). */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<unknown>().notNull(),
  updatedAt: updatedAt(),
});

/** Fixed-window counters for throttles, shared by every app instance. */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    windowStart: timestamp("window_start", { withTimezone: true, mode: "date" }).notNull(),
    count: integer("count").notNull(),
  },
  (t) => [index("rate_limits_window_idx").on(t.windowStart)],
);

/**
 * The real-time stream. Each event is written in the transaction of the change it describes and
 * announced by NOTIFY, so it reaches every instance only after commit; its id is the SSE event id
 * a browser resumes from.
 */
export const realtimeEvents = pgTable(
  "realtime_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    name: text("name").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    /** Who may hear it: { staff, customerId?, threadId? } (lib/events/types.ts). */
    audience: jsonb("audience").$type<{ staff: boolean; customerId?: number | null; threadId?: number | null }>().notNull().default({ staff: true }),
    createdAt: createdAt(),
  },
  (t) => [index("realtime_events_created_idx").on(t.createdAt)],
);
export type RealtimeEvent = typeof realtimeEvents.$inferSelect;
