// What the marketplace discussions API accepts (marketplace-discussions.txt + WIRE-NOTES): query
// strings, POST bodies and the PATCH arrays, validated with zod. Liberal where real clients are
// (op/opt, "true"/"false", a flat `receiver`, a misspelled reference key, unknown fields).
import { z } from "zod";
import { count, id as plainId, isoDate, text as safeText } from "@/lib/validation";

export const USER_TYPES = ["Customer", "Seller", "GrcOperator", "Automatic"] as const;
export type UserType = (typeof USER_TYPES)[number];
export const GRADUATION_CODES = ["Discussion", "Claim", "Level_1"] as const;
export const PROCESS_STATUSES = ["ToTreat", "Treated"] as const;
export type ProcessStatus = (typeof PROCESS_STATUSES)[number];
export const ORDER_STATUSES = ["Accepted", "InPreparation", "Shipped", "Delivered", "Cancelled"] as const;

/** The longest updatedAt window GET /discussions accepts. */
export const MAX_WINDOW_MONTHS = 6;
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Case-insensitive enum: `toTreat`, `TOTREAT` and `ToTreat` are one value. */
function looseEnum<const T extends readonly [string, ...string[]]>(values: T, message?: string) {
  return z.preprocess(
    (v) => (typeof v === "string" ? (values.find((x) => x.toLowerCase() === v.trim().toLowerCase()) ?? v) : v),
    z.enum(values, message ? { error: message } : undefined),
  );
}

/** A boolean given as JSON or as the strings clients send ("true", "False", "1", "0"). */
export const looseBoolean = z.preprocess(
  (v) => {
    if (typeof v === "string") {
      const s = v.trim().toLowerCase();
      if (s === "true" || s === "1") return true;
      if (s === "false" || s === "0") return false;
    }
    return v;
  },
  z.boolean({ error: "must be true or false" }),
);

/** Text from the wire: trimmed, not empty, no control characters (lib/validation's rule). */
const text = (max = 200) => safeText({ max, min: 1 });
/** Free text that may be empty (a name, a subject). */
const anyText = (max: number) => safeText({ max });
/** An id a client writes as a string or a number ("42", 42); stored as text. */
const externalId = z
  .union([z.string(), z.number()])
  .transform(String)
  .pipe(anyText(100))
  .transform((v) => v || undefined);

export const userTypeSchema = looseEnum(USER_TYPES);

// ---------------------------------------------------------------------------------------------
// GET /typologies, /discussions/typologies

export const typologyQuerySchema = z.object({
  salesChannel: text(50).optional(),
  orderStatus: looseEnum(ORDER_STATUSES).optional(),
  typologyCode: text(100).optional(),
  userType: userTypeSchema.optional(),
});
export type TypologyQuery = z.infer<typeof typologyQuerySchema>;

// ---------------------------------------------------------------------------------------------
// GET /discussions/count

export const countQuerySchema = z.object({
  salesChannel: text(50).optional(),
  graduationCode: looseEnum(GRADUATION_CODES).optional(),
  processStatus: looseEnum(PROCESS_STATUSES).optional(),
  isOpen: looseBoolean.optional(),
});
export type CountQuery = z.infer<typeof countQuerySchema>;

// ---------------------------------------------------------------------------------------------
// GET /discussions

export const SORT_KEYS = { updatedAt: "updatedAt", createdAt: "createdAt" } as const;
export type SortKey = keyof typeof SORT_KEYS;

/** `updatedAt`, `-updatedAt`, `updatedAt desc`, `updatedAt:asc`, `createdAt` … → key + direction. */
const sortSchema = z
  .string()
  .trim()
  .transform((raw, ctx) => {
    const m = /^([+-])?\s*(updatedAt|createdAt)(?:[\s:,]+(asc|desc))?$/i.exec(raw);
    if (!m) {
      ctx.addIssue({ code: "custom", message: "must be updatedAt or createdAt, optionally with asc/desc or a leading -" });
      return z.NEVER;
    }
    const key = (m[2]!.toLowerCase() === "createdat" ? "createdAt" : "updatedAt") as SortKey;
    // Newest first unless `+field` or `field asc` asks otherwise.
    return { key, desc: !(m[1] === "+" || m[3]?.toLowerCase() === "asc") };
  });

export const listQuerySchema = z
  .object({
    discussionId: z
      .array(
        z
          .string()
          .trim()
          .regex(/^\d{1,15}$/, "must be a discussion id"),
      )
      .max(100)
      .optional(),
    orderId: text(100).optional(),
    orderSellerId: text(100).optional(),
    salesChannel: text(50).optional(),
    isOpen: looseBoolean.optional(),
    processStatus: looseEnum(PROCESS_STATUSES).optional(),
    typologyCode: text(100).optional(),
    subTypologyCode: text(100).optional(),
    updatedAtMin: isoDate().optional(),
    updatedAtMax: isoDate().optional(),
    pageSize: count({ max: MAX_PAGE_SIZE })
      .refine((n) => n >= 1, `must be a whole number from 1 to ${MAX_PAGE_SIZE}`)
      .default(DEFAULT_PAGE_SIZE),
    /** 1-based; 0 is read as the first page. */
    pageIndex: count({ max: 100_000 })
      .default(1)
      .transform((n) => Math.max(1, n)),
    sort: sortSchema.default({ key: "updatedAt", desc: true }),
    includeMessages: looseEnum(["FirstMessage", "LastMessage"] as const).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.updatedAtMin && q.updatedAtMax && q.updatedAtMin > q.updatedAtMax) {
      ctx.addIssue({ code: "custom", path: ["updatedAtMin"], message: "updatedAtMin must be before updatedAtMax" });
      return;
    }
    if (q.updatedAtMin || q.updatedAtMax) {
      const max = q.updatedAtMax ?? new Date();
      const min = q.updatedAtMin ?? max;
      const limit = new Date(max);
      limit.setMonth(limit.getMonth() - MAX_WINDOW_MONTHS);
      if (min < limit) {
        ctx.addIssue({
          code: "custom",
          path: ["updatedAtMin"],
          message: `The updatedAt window may not exceed ${MAX_WINDOW_MONTHS} months (updatedAtMin to updatedAtMax, or to now when updatedAtMax is not given).`,
        });
      }
    }
  });
export type ListQuery = z.infer<typeof listQuerySchema>;

// ---------------------------------------------------------------------------------------------
// POST /messages

const receiverSchema = z.object({ userId: externalId.optional(), userType: userTypeSchema });
export type WireReceiver = z.infer<typeof receiverSchema>;

export const attachmentInputSchema = z.object({
  content: z
    .string()
    .min(1, "content is empty")
    .transform((s) => s.replace(/^data:[^;,]*;base64,/, "").replace(/\s+/g, ""))
    .refine((s) => /^[A-Za-z0-9+/_-]*={0,2}$/.test(s), "content must be base64"),
  // Any name is taken and cleaned where files are checked (lib/storage/file-types: no path, no bidi tricks).
  name: safeText({ max: 200, min: 1, multiline: true }),
  fileFormat: anyText(20).optional(),
});

const withoutBlanks = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== "" && x !== null));

/** 4 MB of files is about 5.6 MB of base64: a body far past that is refused before parsing. */
export const MAX_MESSAGE_BODY_BYTES = 8 * 1024 * 1024;

export const postMessageSchema = z
  .preprocess(
    (raw) => {
      if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
      // Clients send "" or null for what they do not have: read it as not given.
      const v = withoutBlanks(raw as Record<string, unknown>);
      // Tolerated spellings: a flat receiver, the misspelled reference key, a single receiver object.
      if (v.receivers === undefined && v.receiver !== undefined) v.receivers = v.receiver;
      if (v.receivers && !Array.isArray(v.receivers)) v.receivers = [v.receivers];
      // A receiver written as just its userType: "receiver": "Customer".
      if (Array.isArray(v.receivers)) v.receivers = v.receivers.map((r: unknown) => (typeof r === "string" ? { userType: r } : r));
      if (v.salesChannelExternalDiscussionReference === undefined && v.salesChannelEternalDiscussionReference !== undefined) {
        v.salesChannelExternalDiscussionReference = v.salesChannelEternalDiscussionReference;
      }
      if (typeof v.discussionId === "number") v.discussionId = String(v.discussionId);
      return v;
    },
    z.object({
      body: safeText({ max: 20_000, multiline: true }).refine((b) => b.length > 0, "body is required"),
      discussionId: z
        .string()
        .trim()
        .regex(/^\d{1,15}$/, "must be a discussion id")
        .optional(),
      salesChannelExternalDiscussionReference: text(200).optional(),
      salesChannel: text(50).optional(),
      receivers: z.array(receiverSchema).min(1, "at least one receiver is required").max(5),
      attachments: z.array(attachmentInputSchema).max(20).default([]),
    }),
  )
  .superRefine((v, ctx) => {
    if (!v.discussionId && !(v.salesChannelExternalDiscussionReference && v.salesChannel)) {
      ctx.addIssue({
        code: "custom",
        path: ["discussionId"],
        message: "discussionId (or salesChannel with salesChannelExternalDiscussionReference) is required",
      });
    }
  });
export type PostMessageInput = z.infer<typeof postMessageSchema>;

// ---------------------------------------------------------------------------------------------
// PATCH /discussions/{id}, /messages/{id}

const patchOpSchema = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
    const v = raw as Record<string, unknown>;
    return { op: v.op ?? v.opt, path: v.path, value: v.value };
  },
  z.object({
    op: z.preprocess((s) => (typeof s === "string" ? s.trim().toLowerCase() : s), z.enum(["replace", "add"], { error: "op must be replace" })),
    path: anyText(100),
    value: z.unknown(),
  }),
);

/** A JSON-Patch-like array (a single object is read as one operation) that may only set `field`. */
export function patchSchema(field: "isOpen" | "hasRead") {
  return z
    .preprocess((raw) => (raw && typeof raw === "object" && !Array.isArray(raw) ? [raw] : raw), z.array(patchOpSchema).min(1).max(10))
    .transform((ops, ctx) => {
      let value: boolean | undefined;
      ops.forEach((o, i) => {
        if (o.path.replace(/^\//, "").toLowerCase() !== field.toLowerCase()) {
          ctx.addIssue({ code: "custom", path: [i, "path"], message: `Only /${field} may be changed; ${o.path || "(empty)"} may not.` });
          return;
        }
        const parsed = looseBoolean.safeParse(o.value);
        if (!parsed.success) ctx.addIssue({ code: "custom", path: [i, "value"], message: `${field} must be true or false` });
        else value = parsed.data;
      });
      return value ?? z.NEVER;
    });
}

// ---------------------------------------------------------------------------------------------
// GET /attachments

export const attachmentQuerySchema = z
  .object({
    discussionId: z
      .string()
      .trim()
      .regex(/^\d{1,15}$/, "must be a discussion id")
      .optional(),
    messageId: z
      .string()
      .trim()
      .regex(/^\d{1,15}$/, "must be a message id")
      .optional(),
    attachmentId: z
      .string()
      .trim()
      .regex(/^\d{1,15}$/, "must be an attachment id")
      .optional(),
  })
  .refine((q) => q.discussionId || q.messageId || q.attachmentId, { message: "Give discussionId, messageId or attachmentId.", path: ["discussionId"] });
export type AttachmentQuery = z.infer<typeof attachmentQuerySchema>;

// ---------------------------------------------------------------------------------------------
// POST /discussions (the marketplace side, imports, tests)

const messageFields = {
  body: safeText({ max: 20_000, multiline: true, min: 1 }),
  receivers: z.array(receiverSchema).max(5).optional(),
  hasRead: looseBoolean.optional(),
  attachments: z.array(attachmentInputSchema).max(20).default([]),
};

/** History brought in by an admin import (or the seed): anyone may have written it, at a date in the past. */
const importedMessageSchema = z.object({
  ...messageFields,
  sender: z.object({ userId: externalId.optional(), userType: userTypeSchema, name: anyText(200).optional() }),
  createdAt: isoDate()
    .refine((d) => d.getTime() <= Date.now() + 60_000, "must not be in the future")
    .optional(),
});

/** What a seller's key may write: as the seller itself, dated when it arrives. */
const sellerMessageSchema = z.object({
  ...messageFields,
  sender: z
    .object({
      userId: externalId.optional(),
      userType: looseEnum(["Seller"] as const, "a seller writes as itself: sender.userType must be Seller"),
      name: anyText(200).optional(),
    })
    .optional(),
  createdAt: z.never({ error: "a seller's message is dated when it arrives; history is an admin import" }).optional(),
});

function discussionSchema<M extends z.ZodType>(message: M) {
  return z.preprocess(
    (raw) => {
      if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
      const v = withoutBlanks(raw as Record<string, unknown>);
      if (v.salesChannelExternalDiscussionReference === undefined && v.salesChannelEternalDiscussionReference !== undefined) {
        v.salesChannelExternalDiscussionReference = v.salesChannelEternalDiscussionReference;
      }
      if (v.messages === undefined && v.message !== undefined) v.messages = [v.message];
      return v;
    },
    z.object({
      salesChannel: text(50),
      salesChannelExternalDiscussionReference: text(200).optional(),
      typologyCode: text(100).optional(),
      subTypologyCode: text(100),
      subject: anyText(300).optional(),
      orderId: text(100).optional(),
      orderReference: text(100).optional(),
      orderStatus: looseEnum(ORDER_STATUSES).optional(),
      offerId: text(100).optional(),
      productId: text(100).optional(),
      graduationCode: looseEnum(GRADUATION_CODES).default("Discussion"),
      customer: z
        .object({
          userId: externalId.optional(),
          name: anyText(200).optional(),
          email: z.email().max(254).optional(),
        })
        .default({}),
      /** Who a seller's reply may go to; defaults to the customer. */
      receivers: z
        .array(receiverSchema)
        .max(5)
        .default([{ userType: "Customer" }]),
      isOpen: looseBoolean.default(true),
      messages: z.array(message).min(1, "a discussion starts with a message").max(100),
    }),
  );
}

/** POST /seller/v2/discussions: a discussion the seller opens, its messages the seller's own. */
export const createDiscussionSchema = discussionSchema(sellerMessageSchema);
export type CreateDiscussionInput = z.infer<typeof createDiscussionSchema>;

/** An admin import (and the seed, and tests): history as it happened — any sender, past dates. */
export const importDiscussionSchema = discussionSchema(importedMessageSchema);
export type ImportDiscussionInput = z.infer<typeof importDiscussionSchema>;

/** The import page's input: one discussion or a list of them, as JSON. */
export const importDiscussionsSchema = z.preprocess((v) => (Array.isArray(v) ? v : [v]), z.array(z.unknown()).min(1).max(500));

// ---------------------------------------------------------------------------------------------
// /admin/typologies

const code = z
  .string()
  .trim()
  .min(1, "Required.")
  .max(100)
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, "Letters, digits and _ only, starting with a letter (e.g. orderNotShipped).");

export const typologyFormSchema = z.object({
  id: plainId().optional(),
  typologyCode: code,
  subTypologyCode: code,
  /** Empty: every sales channel. */
  salesChannel: z
    .string()
    .trim()
    .max(50)
    .refine((s) => !/[\u0000-\u001f\u007f-\u009f]/.test(s), "Contains characters that are not allowed.")
    .transform((s) => s || null),
  orderStatuses: z.array(z.enum(ORDER_STATUSES)).min(1, "Choose at least one order status."),
  userTypes: z.array(z.enum(["Customer", "Seller", "GrcOperator"])).default([]),
  isActive: z.boolean(),
  position: count({ max: 10_000 }).default(0),
  /** locale → description; the default language's is required. */
  descriptions: z.record(z.string().regex(/^[a-z]{2,8}(-[a-z0-9]{1,8})*$/i), safeText({ max: 300 })),
});
export type TypologyFormInput = z.infer<typeof typologyFormSchema>;
