// The inbox list's filters: one zod schema read by the list route, the counts route, the search
// and the client (which keeps the same keys in the URL, so a view can be bookmarked and shared).
import { z } from "zod";
import { CHANNELS } from "@/db/schema";
export { FILTER_KEYS, MAX_SEARCH_LENGTH } from "./filters";
import { count, id, optionalIsoDate, text } from "@/lib/validation";
import { MAX_SEARCH_LENGTH } from "./filters";

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
/** A day or an ISO date-time within 1900–2200 (lib/validation), never what only JavaScript accepts. */
const optionalDate = optionalIsoDate("must be a date (YYYY-MM-DD) between 1900 and 2200");
/** An end date given as a day (from a date input) includes that whole day. */
const optionalEndDate = z.preprocess(
  (v) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v.trim()) ? `${v.trim()}T23:59:59.999Z` : v),
  optionalIsoDate("must be a date (YYYY-MM-DD) between 1900 and 2200"),
);
const optionalId = z.preprocess(emptyToUndefined, id().optional());
const flag = z.preprocess((v) => v === "1" || v === "true" || v === true, z.boolean());

export const inboxFiltersSchema = z.object({
  /** open (default), closed or all. */
  status: z.preprocess(emptyToUndefined, z.enum(["open", "closed", "all"]).default("open")),
  channel: z.preprocess(emptyToUndefined, z.enum(CHANNELS).optional()),
  /** The channel's own state; only meaningful with `channel`. */
  state: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .max(40)
      .regex(/^[a-z_]+$/)
      .optional(),
  ),
  /** me, none (unassigned) or any (default). */
  assignee: z.preprocess(emptyToUndefined, z.enum(["me", "none", "any"]).default("any")),
  unread: flag,
  seller: optionalId,
  createdFrom: optionalDate,
  createdTo: optionalEndDate,
  updatedFrom: optionalDate,
  updatedTo: optionalEndDate,
  /** newest activity first (default) or longest waiting first. */
  sort: z.preprocess(emptyToUndefined, z.enum(["activity", "waiting"]).default("activity")),
  /** A tag's id. */
  tag: optionalId,
  /** Part of the subject (saved views). */
  subject: z.preprocess(emptyToUndefined, text({ max: 200 }).optional()),
  /** yes: waiting for us; no: answered. */
  waiting: z.preprocess(emptyToUndefined, z.enum(["yes", "no"]).optional()),
  /** Only the snoozed threads / only spam. */
  snoozed: flag,
  spam: flag,
});
export type InboxFilters = z.infer<typeof inboxFiltersSchema>;

export const inboxListQuerySchema = inboxFiltersSchema.extend({
  cursor: z.preprocess(emptyToUndefined, z.string().max(200).optional()),
  limit: z.preprocess(
    emptyToUndefined,
    count({ max: 100 })
      .refine((n) => n >= 1, "must be a whole number from 1 to 100")
      .default(50),
  ),
  q: z.preprocess(emptyToUndefined, z.string().max(MAX_SEARCH_LENGTH, `Search text is too long: at most ${MAX_SEARCH_LENGTH} characters.`).optional()),
});
export type InboxListQuery = z.infer<typeof inboxListQuerySchema>;

/** URLSearchParams → a plain object for the schemas (the first value of each key). */
export function paramsObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of params) if (!(k in out)) out[k] = v;
  return out;
}
