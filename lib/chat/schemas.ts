// What the chat-room API (chat-rooms.md, WIRE-NOTES) and the admin's chat forms accept, as zod
// schemas. Liberal where real clients are: ids as strings or numbers, `side` as a boolean or
// "true"/"false", `message_type` in any case, `message_data` a string or an object. Browser-safe.
import { z } from "zod";
import { text } from "@/lib/validation";

/** An id a client sends: a string or a number, as a trimmed string. */
const wireId = (max = 200) =>
  z
    .union([z.string(), z.number().transform(String)])
    .pipe(text({ max }))
    .refine((v) => v.length > 0, "This field may not be blank.");

const optionalText = (max: number) =>
  z
    .union([z.string(), z.number().transform(String), z.null()])
    .optional()
    .transform((v) => (v === null || v === undefined ? undefined : v))
    .pipe(text({ max }).optional());

const wireBool = z.union([z.boolean(), z.enum(["true", "false", "True", "False", "1", "0"]).transform((v) => v === "true" || v === "True" || v === "1")]);

/** room-control/ and extension/: find the visitor's active room, or open one. */
export const roomControlSchema = z.object({
  user_id: wireId(),
  org_id: wireId(),
  portfolio_name: optionalText(200),
  product_name: wireId(),
  /** Our widget's extras: where the visitor is, and their language. */
  page_url: optionalText(2000),
  language: optionalText(35),
});
export type RoomControlInput = z.output<typeof roomControlSchema>;

/** openChatRoom/: no organization given; the product decides. */
export const openChatRoomSchema = roomControlSchema.omit({ org_id: true }).extend({ org_id: wireId().optional() });

/** login/: a signed-in product user's room. */
export const loginSchema = roomControlSchema.extend({ product_name: wireId().optional(), portfolio_name: optionalText(200) });

export const ROOM_SERVICE_TYPES = ["create_message", "get_messages", "get_room_by_id", "delete_room"] as const;
export type RoomServiceType = (typeof ROOM_SERVICE_TYPES)[number];

export const roomIdSchema = z.object({ room_id: wireId(64) });

/** The most a message may say (a pasted object as JSON included). */
export const MESSAGE_MAX = 5000;

export const createMessageSchema = z.object({
  room_id: wireId(64),
  message_data: z.union([
    z.string().pipe(text({ max: MESSAGE_MAX, multiline: true })),
    z.number().transform(String),
    z.record(z.string(), z.unknown()),
    z.array(z.unknown()),
  ]),
  side: wireBool.optional(),
  author: optionalText(100),
  message_type: optionalText(20),
});
export type CreateMessageInput = z.output<typeof createMessageSchema>;

export const deleteRoomSchema = roomIdSchema.extend({ is_active: wireBool.optional() });

export const roomListSchema = z.object({ org_id: wireId(), product_name: optionalText(200) });

// ---------------------------------------------------------------------------------------------
// The admin's forms (/admin/chat)

const ORG_KEY = /^[A-Za-z0-9_-]{2,64}$/;
const PRODUCT = /^[A-Za-z0-9_-]{1,64}$/;

/** A list typed one per line or separated by commas. */
const lines = (item: z.ZodType<string, string>) =>
  z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(50, "At most 50 entries."));

/** An allowed origin: `*`, or scheme://host[:port] exactly as a browser sends it. */
export const originSchema = z
  .string()
  .refine((v) => v === "*" || /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(v), "An origin is * or like https://shop.example (no path).");

export const saveOrgSchema = z.object({
  id: z.coerce.number().int().positive().optional(),
  orgKey: z.string().trim().regex(ORG_KEY, "Letters, digits, - and _ (2–64)."),
  name: text({ max: 200 }).default(""),
  products: lines(
    z
      .string()
      .regex(PRODUCT, "A product is letters, digits, - and _.")
      .transform((p) => p.toUpperCase()),
  ),
  allowedOrigins: lines(originSchema),
  greetingEn: text({ max: 500 }).default(""),
  greetingTr: text({ max: 500 }).default(""),
  isActive: z
    .union([z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
    .optional()
    .transform((v) => v === "on" || v === "true"),
});
export type SaveOrgInput = z.output<typeof saveOrgSchema>;

export const addQrSchema = z.object({
  orgId: z.coerce.number().int().positive(),
  productName: z.string().trim().min(1, "Choose a product.").max(64),
  label: text({ max: 200 }).default(""),
});

export const deleteQrSchema = z.object({ id: z.coerce.number().int().positive() });
