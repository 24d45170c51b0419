// What the list's filters are, without zod or the database schema: safe to import in the browser.
// The channels and their states come from the channel catalog.
export { CHANNEL_NAMES as INBOX_CHANNELS } from "@/lib/channels/catalog";

/** The filters a saved view keeps: the list's, without the search text, the sort or a page position. */
export const VIEW_FILTER_KEYS = ["status", "channel", "state", "assignee", "unread", "tag", "subject", "waiting", "seller", "snoozed"] as const;

/** Longest search text we run; longer input is refused with a clear message. */
export const MAX_SEARCH_LENGTH = 500;

/** The URL keys of the list view, in a stable order (also the React Query key). */
export const FILTER_KEYS = [
  "status",
  "channel",
  "state",
  "assignee",
  "unread",
  "seller",
  "createdFrom",
  "createdTo",
  "updatedFrom",
  "updatedTo",
  "sort",
  "tag",
  "subject",
  "waiting",
  "snoozed",
  "spam",
  "q",
] as const;

export type FilterValues = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

/** The list's filters in a URL query (empty values dropped): the same object in the browser and on the server. */
export function pickFilters(params: URLSearchParams): FilterValues {
  const out: FilterValues = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) out[key] = value;
  }
  return out;
}

/** Request header in which proxy.ts hands the inbox layout the URL's query string. */
export const INBOX_SEARCH_HEADER = "x-switchboard-inbox-search";
