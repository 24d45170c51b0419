// Call requests: the one vocabulary inside (status values, the time window) and the zod schemas
// for the three ways in — the public /callback form, the agents' queue and the wire API.
import { z } from "zod";
import { count, hasForbiddenCharacters, id as plainId, text } from "@/lib/validation";

export const CALL_STATUSES = ["new", "in_progress", "completed", "no_answer"] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
export const isCallStatus = (value: unknown): value is CallStatus => CALL_STATUSES.includes(value as CallStatus);

/** What an agent can record after a call. */
export const CALL_OUTCOMES = ["completed", "no_answer"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** Statuses still waiting for someone to call: the queue's default view. */
export const ACTIVE_CALL_STATUSES: readonly CallStatus[] = ["new", "in_progress", "no_answer"];

/**
 * Minutes after midnight for what customers and clients write as a time of day: "9:00", "09:30",
 * "9.30", "9", "9am", "2:30 PM", "21:00". Anything else is null (kept as text, sorted last).
 */
export function parseTimeOfDay(value: string | null | undefined): number | null {
  if (!value) return null;
  const m = /^\s*(\d{1,2})(?:\s*[:.h]\s*(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?\s*$/i.exec(value);
  if (!m) return null;
  let hours = Number(m[1]);
  const minutes = m[2] ? Number(m[2]) : 0;
  const meridiem = m[3]?.toLowerCase().replaceAll(".", "");
  if (minutes > 59) return null;
  if (meridiem) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (meridiem === "pm" ? 12 : 0);
  }
  if (hours > 24 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
}

export const formatMinutes = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

// ---------------------------------------------------------------------------------------------
// The public form. Messages are codes; the page shows them in the visitor's language.

export type CallbackErrorCode =
  | "name_required"
  | "too_long"
  | "invalid_characters"
  | "contact_required"
  | "email_invalid"
  | "phone_invalid"
  | "time_invalid"
  | "window_order"
  | "date_invalid"
  | "window_past";

const optionalText = (max: number, multiline = false) =>
  z
    .string()
    .trim()
    .max(max, { message: "too_long" satisfies CallbackErrorCode })
    .refine((v) => !hasForbiddenCharacters(v, multiline), { message: "invalid_characters" satisfies CallbackErrorCode })
    .optional()
    .transform((v) => (v ? v : undefined));

/** An id from the page's URL (?product_id=): plain digits, or nothing (anything else is dropped, as the form has no field for it). */
const optionalId = z
  .union([z.string(), z.number()])
  .optional()
  .transform((v) => {
    const parsed = plainId().safeParse(v);
    return parsed.success ? parsed.data : undefined;
  });

export const PHONE_PATTERN = /^\+?[0-9()\-.\s/]{5,32}$/;
const TIME_PATTERN = /^([01]?\d|2[0-3]):[0-5]\d$/;

export const callbackFormSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, { message: "name_required" satisfies CallbackErrorCode })
      .max(120, { message: "too_long" satisfies CallbackErrorCode })
      .refine((v) => !hasForbiddenCharacters(v), { message: "invalid_characters" satisfies CallbackErrorCode }),
    phone: optionalText(32).refine((v) => !v || (PHONE_PATTERN.test(v) && /\d{5}/.test(v.replace(/\D/g, ""))), {
      message: "phone_invalid" satisfies CallbackErrorCode,
    }),
    email: optionalText(254).refine((v) => !v || z.email().safeParse(v).success, { message: "email_invalid" satisfies CallbackErrorCode }),
    time_from: optionalText(5).refine((v) => !v || TIME_PATTERN.test(v), { message: "time_invalid" satisfies CallbackErrorCode }),
    time_to: optionalText(5).refine((v) => !v || TIME_PATTERN.test(v), { message: "time_invalid" satisfies CallbackErrorCode }),
    /** The customer's day ("2026-05-14"); none: the next time the window comes. */
    date: optionalText(10).refine((v) => !v || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))), {
      message: "date_invalid" satisfies CallbackErrorCode,
    }),
    /** The visitor's zone, as their browser says (the page fills it in); unknown zones fall back to the desk's. */
    time_zone: optionalText(64),
    note: optionalText(2000, true),
    product_id: optionalId,
    product: optionalText(200),
    order_id: optionalId,
  })
  .superRefine((v, ctx) => {
    if (!v.phone && !v.email) {
      ctx.addIssue({ code: "custom", path: ["phone"], message: "contact_required" satisfies CallbackErrorCode });
    }
    const from = parseTimeOfDay(v.time_from);
    const to = parseTimeOfDay(v.time_to);
    if (from !== null && to !== null && to <= from) {
      ctx.addIssue({ code: "custom", path: ["time_to"], message: "window_order" satisfies CallbackErrorCode });
    }
  });
export type CallbackForm = z.infer<typeof callbackFormSchema>;

// ---------------------------------------------------------------------------------------------
// The agents' queue.

export const outcomeSchema = z.object({
  id: plainId(),
  outcome: z.enum(CALL_OUTCOMES, { message: "Choose completed or no answer." }),
  note: text({ max: 2000, multiline: true, message: "The note has characters that are not allowed." }).default(""),
});

export const takeSchema = z.object({ id: plainId() });

export const queueFiltersSchema = z.object({
  status: z.enum([...CALL_STATUSES, "active", "all"]).catch("active"),
  /** "me", "none", a staff user's id, or anyone. */
  assignee: z
    .string()
    .regex(/^(me|none|\d{1,15})$/)
    .optional()
    .catch(undefined),
  order: z.enum(["Y", "N"]).optional().catch(undefined),
});
export type QueueFilters = z.infer<typeof queueFiltersSchema>;

// ---------------------------------------------------------------------------------------------
// The wire API (call-requests.rst + WIRE-NOTES). Clients send numbers as strings and empty
// strings for "none"; fields not listed are dropped by zod's default strip.

/** An id the way clients send it: 5, "5", "", 0 or null ("none" is 0 on the wire). */
const wireId = z
  .union([z.number(), z.string(), z.null()])
  .optional()
  .transform((v, ctx) => {
    if (v === undefined) return undefined;
    if (v === null || v === "") return 0;
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < 0 || n >= 1e15 || (typeof v === "string" && !/^\s*\d+\s*$/.test(v))) {
      ctx.addIssue({ code: "custom", message: "must be a non-negative integer" });
      return z.NEVER;
    }
    return n;
  });

const wireText = (max: number, multiline = false) =>
  z
    .union([z.string(), z.number()])
    .nullable()
    .optional()
    .transform((v) => (v === undefined ? undefined : v === null ? "" : String(v).trim()))
    .refine((v) => v === undefined || v.length <= max, { message: `must be at most ${max} characters` })
    .refine((v) => v === undefined || !hasForbiddenCharacters(v, multiline), {
      message: "contains characters that are not allowed (control or invisible characters)",
    });

const wireStatus = z
  .string()
  .optional()
  .refine((v) => v === undefined || isCallStatus(v), { message: `must be one of ${CALL_STATUSES.join(", ")}` })
  .transform((v) => v as CallStatus | undefined);

const cartProduct = z.object({
  product_id: wireId.transform((v) => v ?? 0),
  amount: z
    .union([z.string(), z.number()])
    .optional()
    .transform((v) => (v === undefined ? "1" : String(v))),
  price: z
    .union([z.string(), z.number()])
    .optional()
    .transform((v) => {
      const n = Number(v ?? 0);
      return Number.isFinite(n) ? n : 0;
    }),
  product: wireText(255).transform((v) => v ?? ""),
});

const LOOSE_EMAIL = /^[^\s@]+@[^\s@]+$/;

export const wireCreateSchema = z
  .object({
    email: wireText(254).refine((v) => !v || LOOSE_EMAIL.test(v), { message: "is not an e-mail address" }),
    phone: wireText(64),
    user_id: wireId,
    order_id: wireId,
    product_id: wireId,
    timestamp: z
      .union([z.number(), z.string()])
      .optional()
      .transform((v, ctx) => {
        if (v === undefined || v === "") return undefined;
        // Seconds as a number or plain digits: "0x10", "1e9" or " 12 " are not timestamps.
        const n = typeof v === "string" ? (/^\d{1,11}(\.\d{1,6})?$/.test(v) ? Number(v) : NaN) : v;
        if (!Number.isFinite(n) || n < 0 || n > 32503680000) {
          ctx.addIssue({ code: "custom", message: "must be a unix timestamp in seconds" });
          return z.NEVER;
        }
        return Math.floor(n);
      }),
    status: wireStatus,
    name: wireText(255),
    time_from: wireText(32),
    time_to: wireText(32),
    notes: wireText(5000, true),
    cart_products: z
      .union([z.array(cartProduct), z.record(z.string(), cartProduct)])
      .optional()
      .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : Object.values(v))),
  })
  .superRefine((v, ctx) => {
    if (!v.phone && !v.email) ctx.addIssue({ code: "custom", path: ["phone"], message: "phone or email is required" });
  });
export type WireCreate = z.infer<typeof wireCreateSchema>;

export const wireUpdateSchema = z.object({
  user_id: wireId,
  order_id: wireId,
  product_id: wireId,
  status: wireStatus,
  notes: wireText(5000, true),
});
export type WireUpdate = z.infer<typeof wireUpdateSchema>;

export const WIRE_SORT_KEYS = ["id", "date", "status", "name", "phone", "user_id", "user", "order", "order_status"] as const;
export type WireSortKey = (typeof WIRE_SORT_KEYS)[number];

/** Paging and sorting fall back to the defaults on nonsense, as the original does; filters do not. */
export const wireListSchema = z.object({
  page: count({ max: 1_000_000 })
    .catch(1)
    .transform((n) => Math.max(1, n)),
  items_per_page: count({ max: 1_000_000 })
    .catch(10)
    .transform((n) => (n < 1 ? 10 : Math.min(n, 1000))),
  sort_by: z.enum(WIRE_SORT_KEYS).catch("date"),
  sort_order: z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(z.enum(["asc", "desc"]))
    .catch("desc"),
  status: wireStatus,
  name: text({ max: 255 }).optional(),
  phone: text({ max: 64 }).optional(),
  company_id: count({ max: 1e14, message: "must be a store id" }).optional(),
  order_status: text({ max: 32 }).optional(),
  /** Several administrators: `user_id=1,2` or `user_id[]=1&user_id[]=2`. */
  user_id: z
    .array(z.string())
    .optional()
    .transform((list, ctx) => {
      if (!list) return undefined;
      const ids = list
        .flatMap((s) => s.split(","))
        .map((s) => s.trim())
        .filter(Boolean);
      if (ids.some((s) => !/^\d{1,15}$/.test(s))) {
        ctx.addIssue({ code: "custom", message: "must be user ids" });
        return z.NEVER;
      }
      return ids.length ? ids.map(Number) : undefined;
    }),
  order_exists: z
    .string()
    .transform((s) => s.toUpperCase())
    .pipe(z.enum(["Y", "N"], { message: "must be Y or N" }))
    .optional(),
});
export type WireListParams = z.infer<typeof wireListSchema>;
