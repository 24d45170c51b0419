// What the list's filters are, without zod or the database schema: safe to import in the browser.
import type { Channel } from "@/db/schema";

export const INBOX_CHANNELS: readonly Channel[] = ["contact", "conversation", "discussion", "call_request", "chat"];

/** Longest search text we run; longer input is refused with a clear message. */
export const MAX_SEARCH_LENGTH = 500;

/** Each channel's own states, as stored in threads.channel_state. */
export const CHANNEL_STATES: Record<Channel, readonly string[]> = {
  contact: [],
  conversation: ["not_answered", "answered"],
  discussion: ["to_treat", "treated"],
  call_request: ["new", "in_progress", "no_answer", "completed"],
  chat: [],
};

export const STATE_LABELS: Record<string, string> = {
  not_answered: "Not answered",
  answered: "Answered",
  to_treat: "To treat",
  treated: "Treated",
  new: "New",
  in_progress: "In progress",
  no_answer: "No answer",
  completed: "Completed",
  active: "Active",
  deleted: "Deleted",
};

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
