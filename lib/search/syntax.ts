// What the search box understands, as plain data: free words, "quoted phrases", -excluded words,
// a thread reference (#327), phone numbers in any format, and filters (status:closed,
// channel:chat, assignee:me, tag:vip, from:sofia@…, before:/after: a date, is:unread|snoozed|spam).
// Browser-safe (no database, no zod): the list pane shows the filters it recognised, the server
// turns the rest into SQL (lib/search/queries.ts).
import { CHANNEL_CATALOG, CHANNEL_NAMES, type Channel } from "@/lib/channels/catalog";

/** A word or code to look for. */
export interface SearchTerm {
  text: string;
  /**
   * word: letters only (matched as written, or by its English/Turkish stem);
   * code: has a digit, '@', '.' or '-' (an order number, an e-mail, a SKU: also matched inside the thread's identifiers);
   * phone: a phone number in any format, as its last ten digits.
   */
  kind: "word" | "code" | "phone";
}

export interface SearchFilters {
  status?: "open" | "closed" | "all";
  channel?: Channel;
  /** me, none, or the start of an agent's name. */
  assignee?: string;
  /** A tag's name. */
  tag?: string;
  /** Part of the customer's e-mail or name. */
  from?: string;
  /** Last activity on or after this day (UTC). */
  after?: string;
  /** Last activity before this day (UTC). */
  before?: string;
  unread?: boolean;
  snoozed?: boolean;
  spam?: boolean;
}

export interface ParsedSearch {
  terms: SearchTerm[];
  phrases: string[];
  excluded: string[];
  /** Thread references (#327). */
  refs: number[];
  filters: SearchFilters;
  /** Filters the box recognised, as typed (the list shows them as chips). */
  chips: { key: string; value: string }[];
}

/** The filters the search box knows, for the help text beside it. */
export const SEARCH_FILTER_HELP: readonly [string, string][] = [
  ["status:closed", "open, closed or all"],
  ["channel:chat", CHANNEL_NAMES.join(", ")],
  ["assignee:me", "me, none or an agent's first name"],
  ["tag:vip", "a tag"],
  ["from:sofia@example.com", "the customer's e-mail or name (part of it is enough)"],
  ["after:2026-01-31", "last activity on or after that day"],
  ["before:2026-02-01", "last activity before that day"],
  ["is:unread", "also is:snoozed, is:spam"],
  ["#327", "a thread by its reference"],
  ['"two words"', "words next to each other; -word leaves it out"],
];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const HAS_WORD = /[\p{L}\p{N}]/u;
/** A run of digits with the separators phone numbers are written with: 7 digits or more is a phone number. */
const PHONE_RUN = /(?<![\p{L}\p{N}:-])\+?\(?\d[\d\s().-]{5,}\d(?![\p{L}\p{N}])/gu;

function channelOf(value: string): Channel | undefined {
  const v = value.toLowerCase().replace(/[\s-]+/g, "_");
  return CHANNEL_NAMES.find(
    (c) => c === v || CHANNEL_CATALOG[c].label.toLowerCase().replace(/\s+/g, "_") === v || c.startsWith(v) || (v === "call" && c === "call_request"),
  );
}

/** One filter `key:value`, applied to `filters`; false when the key or value is not one the box knows (then it is searched as text). */
function applyFilter(filters: SearchFilters, key: string, value: string): boolean {
  const v = value.trim();
  if (!v) return false;
  switch (key) {
    case "status": {
      const s = v.toLowerCase();
      if (s === "open" || s === "closed" || s === "all") filters.status = s;
      else if (s === "snoozed") filters.snoozed = true;
      else if (s === "spam") filters.spam = true;
      else return false;
      return true;
    }
    case "is": {
      const s = v.toLowerCase();
      if (s === "unread") filters.unread = true;
      else if (s === "snoozed") filters.snoozed = true;
      else if (s === "spam") filters.spam = true;
      else if (s === "open" || s === "closed") filters.status = s;
      else if (s === "unassigned") filters.assignee = "none";
      else if (s === "mine") filters.assignee = "me";
      else return false;
      return true;
    }
    case "channel": {
      const c = channelOf(v);
      if (!c) return false;
      filters.channel = c;
      return true;
    }
    case "assignee":
    case "assigned":
      filters.assignee = v.toLowerCase() === "unassigned" || v.toLowerCase() === "nobody" ? "none" : v;
      return true;
    case "tag":
      filters.tag = v;
      return true;
    case "from":
      filters.from = v;
      return true;
    case "after":
    case "since":
      if (!DAY.test(v) || Number.isNaN(Date.parse(v))) return false;
      filters.after = v;
      return true;
    case "before":
    case "until":
      if (!DAY.test(v) || Number.isNaN(Date.parse(v))) return false;
      filters.before = v;
      return true;
    default:
      return false;
  }
}

function termOf(text: string): SearchTerm {
  return { text, kind: /[\d@.\-_]/.test(text) ? "code" : "word" };
}

/** The last ten digits of a phone number (all of them when shorter): what every format of it shares. */
export function phoneDigits(value: string): string {
  const digits = value.replace(/\D/g, "");
  return digits.length > 10 ? digits.slice(-10) : digits;
}

export function parseSearch(input: string): ParsedSearch {
  const filters: SearchFilters = {};
  const chips: { key: string; value: string }[] = [];
  const phrases: string[] = [];
  const excluded: string[] = [];
  const refs: number[] = [];
  const terms: SearchTerm[] = [];

  // Quoted phrases and key:"quoted value" first, then phone numbers (they contain spaces), then the rest word by word.
  let rest = input.replace(/(?:(\w+):)?"([^"]*)"?/g, (whole, key: string | undefined, value: string) => {
    if (key && applyFilter(filters, key.toLowerCase(), value)) {
      chips.push({ key: key.toLowerCase(), value });
      return " ";
    }
    const text = (key ? `${key} ${value}` : value).trim();
    if (HAS_WORD.test(text)) phrases.push(text);
    return " ";
  });
  rest = rest.replace(PHONE_RUN, (run) => {
    // Digits alone are a code (an order number); with separators or a leading + they are a phone number.
    if (run.replace(/\D/g, "").length < 7 || !/[\s().+-]/.test(run)) return run;
    terms.push({ text: phoneDigits(run), kind: "phone" });
    return " ";
  });
  for (const token of rest.split(/\s+/)) {
    if (!token) continue;
    const filter = /^(\w+):(.+)$/.exec(token);
    if (filter && applyFilter(filters, filter[1]!.toLowerCase(), filter[2]!)) {
      chips.push({ key: filter[1]!.toLowerCase(), value: filter[2]! });
      continue;
    }
    const ref = /^#(\d{1,15})$/.exec(token);
    if (ref) {
      const id = Number(ref[1]);
      if (Number.isSafeInteger(id) && id > 0) refs.push(id);
      continue;
    }
    if (token.startsWith("-") && token.length > 1 && HAS_WORD.test(token)) {
      excluded.push(token.slice(1));
      continue;
    }
    // Punctuation around a word is not part of it ("refund," "(ORD-1)").
    const word = token.replace(/^[^\p{L}\p{N}+#@]+|[^\p{L}\p{N}]+$/gu, "");
    if (word && HAS_WORD.test(word)) terms.push(termOf(word));
  }
  return { terms, phrases, excluded, refs, filters, chips };
}

/** Whether the search has anything to look for besides filters. */
export function hasSearchText(parsed: ParsedSearch): boolean {
  return parsed.terms.length > 0 || parsed.phrases.length > 0 || parsed.refs.length > 0;
}
