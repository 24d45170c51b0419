// Search for the inbox: what customers quote, in message bodies, subjects, the customer's name and
// e-mail and the thread's identifiers (order numbers, phones, product and seller codes), English
// and Turkish alike, on PostgreSQL and PGlite with the same SQL (migration issue16_search_functions):
//   - words are folded (celik finds Çelik, ISTANBUL finds İstanbul) and matched as written or by
//     their English or Turkish stem (arrive finds arrived, sipariş finds siparişlerim); a match as
//     written ranks first;
//   - codes are matched as written, split or joined (ORD-109778, ord109778, 109778), a partial
//     e-mail as the start of one (sofia.tay) and, among the thread's identifiers, anywhere (pg_trgm);
//   - phone numbers in any format by their last ten digits; #327 is thread 327;
//   - the search box's filters (lib/search/syntax.ts) narrow it like the list's.
//
// Shape (PERFORMANCE.md): the newest SEARCH_WINDOW matching messages first (LIMIT before joining
// threads, so a common word stops after a few hundred rows; when the filters narrow, the ones they
// allow among the newest SEARCH_WALK, or if too few, the newest allowed threads with a match), plus matching threads, identifiers and references; those candidates are ranked with the
// stored vectors; only the rows shown are highlighted (in JS: ts_headline cannot see folded or
// stemmed words). The query is written out where used (an immutable function of the typed words,
// evaluated when planning) so PostgreSQL knows how common the words are. One statement.
import "server-only";
import { and, sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import type { AuthorRole, Channel, ThreadStatus } from "@/db/schema";
import { containsPattern, isNarrowing, threadFilterConditions, type ThreadListFilters } from "@/lib/threads/queries";
import { foldForMatch, highlightAll, highlightExcerpt, type Matchers } from "./highlight";
import { hasSearchText, parseSearch, type ParsedSearch, type SearchFilters } from "./syntax";

export { HL_END, HL_START } from "./highlight";

export const SEARCH_WINDOW = 200;
/** How many of the newest messages with the words a filtered search reads before the filters go first. */
export const SEARCH_WALK = 2000;

/** Text as PostgreSQL can take it: no NUL or other control characters, trimmed. */
export function cleanSearchText(q: string): string {
  return q.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
}

/** The list filters with the search box's applied over them (the box wins). */
export function withSearchFilters(filters: ThreadListFilters, box: SearchFilters): ThreadListFilters {
  const out: ThreadListFilters = { ...filters };
  if (box.status) out.status = box.status;
  if (box.channel) out.channel = box.channel;
  if (box.assignee) {
    const a = box.assignee.toLowerCase();
    if (a === "me" || a === "none") out.assignee = a;
    else out.assigneeName = box.assignee;
  }
  if (box.tag) out.tagName = box.tag;
  if (box.from) out.from = box.from;
  if (box.after) out.updatedFrom = new Date(`${box.after}T00:00:00Z`);
  if (box.before) out.updatedTo = new Date(Date.parse(`${box.before}T00:00:00Z`) - 1);
  if (box.unread) out.unread = true;
  if (box.snoozed) out.snoozed = true;
  if (box.spam) out.spam = true;
  return out;
}

export interface SearchMatch {
  messageId: number;
  authorName: string;
  authorRole: AuthorRole;
  isInternal: boolean;
  createdAt: Date;
}

export interface SearchResult {
  id: number;
  channel: Channel;
  status: ThreadStatus;
  channelState: string | null;
  subject: string;
  customerName: string;
  customerEmail: string | null;
  lastMessageAt: Date;
  lastMessagePreview: string;
  lastMessageRole: AuthorRole | null;
  waitingSince: Date | null;
  unreadCount: number;
  messageCount: number;
  assigneeId: number | null;
  assigneeName: string | null;
  createdAt: Date;
  tagIds: number[];
  snoozedAt: Date | null;
  snoozeUntil: Date | null;
  hasDraft: boolean;
  /** The message that matched, if one did. */
  matchMessageId: number | null;
  match: SearchMatch | null;
  /** Excerpts with HL_START/HL_END around what matched. */
  subjectHighlight: string;
  customerHighlight: string | null;
  bodyHighlight: string | null;
  /** Matched as typed (not only by a stem or a prefix): these come first. */
  exact: boolean;
  rank: number;
}

interface Raw {
  id: number | string;
  channel: Channel;
  status: ThreadStatus;
  channel_state: string | null;
  subject: string;
  customer_name: string;
  customer_email: string | null;
  last_message_at: string | Date;
  last_message_preview: string;
  last_message_role: AuthorRole | null;
  waiting_since: string | Date | null;
  unread_count: number;
  message_count: number;
  assignee_id: number | string | null;
  assignee_name: string | null;
  created_at: string | Date;
  tag_ids: (number | string)[] | string | null;
  snoozed_at: string | Date | null;
  snooze_until: string | Date | null;
  has_draft: boolean;
  match_message_id: number | string | null;
  match_author_name: string | null;
  match_author_role: AuthorRole | null;
  match_internal: boolean | null;
  match_at: string | Date | null;
  match_body: string | null;
  exact: boolean;
  rank: number | string;
  words: string[] | string | null;
}

const date = (v: string | Date) => (v instanceof Date ? v : new Date(v));
const dateOrNull = (v: string | Date | null) => (v === null ? null : date(v));
/** A text[] as the driver returns it (node-postgres: an array; some paths: the literal). */
function textArray(v: string[] | string | null): string[] {
  if (!v) return [];
  if (Array.isArray(v)) return v;
  const inner = v.replace(/^\{|\}$/g, "");
  return inner ? inner.split(",").map((s) => s.replace(/^"|"$/g, "").replace(/\\(.)/g, "$1")) : [];
}
const idArray = (v: (number | string)[] | string | null) => textArray(v as string[] | string | null).map(Number);

const textArraySql = (items: readonly string[]) =>
  items.length
    ? sql`array[${sql.join(
        items.map((i) => sql`${i}`),
        sql`, `,
      )}]::text[]`
    : sql`'{}'::text[]`;

/**
 * Threads matching `search` (the search box's text, or its parse), exact matches first, then by
 * rank, then newest activity; with what matched and highlights. The list's `filters` apply, with
 * the box's own filters over them. One statement.
 */
export async function searchThreads(
  db: Db,
  search: string | ParsedSearch,
  filters: ThreadListFilters = {},
  options: { limit?: number; viewerId?: number } = {},
): Promise<SearchResult[]> {
  const parsed = typeof search === "string" ? parseSearch(cleanSearchText(search)) : search;
  if (!hasSearchText(parsed)) return [];
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 100);
  const f = withSearchFilters({ ...filters, sort: undefined }, parsed.filters);
  const where = and(...threadFilterConditions(f));
  const narrowing = isNarrowing(f);

  const texts = parsed.terms.map((t) => t.text);
  const hasWords = texts.length > 0 || parsed.phrases.length > 0;
  // Written out at every use, never in a CTE: see the module comment.
  const tsq = sql`search_query(${textArraySql(texts)}, ${textArraySql(parsed.phrases)}, ${textArraySql(parsed.excluded)}, false)`;
  const exactQ = sql`search_query(${textArraySql(texts)}, ${textArraySql(parsed.phrases)}, ${textArraySql(parsed.excluded)}, true)`;
  const weights = sql`'{0, 0, 0.3, 1}'::float4[]`;
  // Identifiers (codes, phones) also match inside the thread's identifier string, when the search is only those.
  const codes = parsed.terms.filter((t) => t.kind !== "word" && t.text.length >= 3);
  const idSearch = codes.length > 0 && codes.length === parsed.terms.length && parsed.phrases.length === 0;

  const ctes: SQL[] = [];
  const sources: SQL[] = [];
  if (hasWords) {
    ctes.push(
      ...(narrowing
        ? [
            // The newest SEARCH_WALK messages with the word, then those the filters allow. When the
            // walk was cut short and the filters left too few (a common word whose threads the
            // filters mostly leave out: walking on would read most messages), the filters go first
            // instead: the newest threads they allow that have a match, and each one's newest
            // matching messages. PostgreSQL runs that part only when its condition holds.
            sql`word_walk as (
            select m.id, m.thread_id, m.search_vector, m.created_at from messages m
            where m.search_vector @@ ${tsq} and m.deleted_at is null
            order by m.created_at desc nulls last, m.id desc nulls last limit ${SEARCH_WALK})`,
            sql`message_walk as (
            select w.id, w.thread_id, w.search_vector from word_walk w join threads on threads.id = w.thread_id
            where ${where}
            order by w.created_at desc nulls last, w.id desc nulls last limit ${SEARCH_WINDOW})`,
            sql`message_hits as (
            select id, thread_id, search_vector from message_walk
            union all
            select h.id, h.thread_id, h.search_vector
            from (
              select threads.id from threads
              where ${where} and exists (
                select 1 from messages m where m.thread_id = threads.id and m.deleted_at is null and m.search_vector @@ ${tsq})
              order by threads.last_message_at desc nulls last, threads.id desc nulls last limit ${SEARCH_WINDOW}
            ) ft
            cross join lateral (
              select m.id, m.thread_id, m.search_vector from messages m
              where m.thread_id = ft.id and m.deleted_at is null and m.search_vector @@ ${tsq}
              order by m.created_at desc, m.id desc limit 3
            ) h
            where (select count(*) from word_walk) >= ${SEARCH_WALK} and (select count(*) from message_walk) < ${SEARCH_WINDOW})`,
          ]
        : [
            sql`message_hits as (
            select m.id, m.thread_id, m.search_vector from messages m
            where m.search_vector @@ ${tsq} and m.deleted_at is null
            order by m.created_at desc nulls last, m.id desc nulls last limit ${SEARCH_WINDOW})`,
          ]),
      sql`best_message as (
            select distinct on (h.thread_id) h.thread_id, h.id as message_id, ts_rank(${weights}, h.search_vector, ${tsq}) as rank,
                   coalesce(h.search_vector @@ ${exactQ}, false) as exact
            from message_hits h
            order by h.thread_id, 4 desc, 3 desc, h.id desc)`,
      sql`thread_hits as (
            select threads.id as thread_id, ts_rank(${weights}, threads.search_doc, ${tsq}) * 2 as rank,
                   coalesce(threads.search_doc @@ ${exactQ}, false) as exact
            from threads where threads.search_doc @@ ${tsq} and ${where}
            order by threads.last_message_at desc nulls last, threads.id desc nulls last limit ${SEARCH_WINDOW})`,
    );
    sources.push(sql`select thread_id, message_id, rank, exact from best_message`, sql`select thread_id, null::bigint, rank, exact from thread_hits`);
  }
  if (texts.length >= 2) {
    // Some words in the thread (the customer's name, the subject), the others in one of its messages:
    // "celik refund". Candidates are the threads matching any word, newest first; each must match
    // every word, in its own fields or in a message.
    const anyQ = sql`search_any_query(${textArraySql(texts)})`;
    const every = texts.map(
      (text) => sql`(threads.search_doc @@ search_term_query(${text}) or exists (
        select 1 from messages m where m.thread_id = threads.id and m.deleted_at is null and m.search_vector @@ search_term_query(${text})))`,
    );
    ctes.push(sql`cross_hits as (
            select threads.id as thread_id,
                   (select m.id from messages m where m.thread_id = threads.id and m.deleted_at is null and m.search_vector @@ ${anyQ}
                    order by m.created_at desc, m.id desc limit 1) as message_id
            from threads where threads.search_doc @@ ${anyQ} and ${where} and ${sql.join(every, sql` and `)}
            order by threads.last_message_at desc nulls last, threads.id desc nulls last limit ${SEARCH_WINDOW})`);
    sources.push(sql`select thread_id, message_id, 0.5::real, false from cross_hits`);
  }
  if (idSearch) {
    const likes = codes.map((c) => sql`threads.search_ids like search_fold(${containsPattern(c.text)})`);
    ctes.push(sql`id_hits as (
            select threads.id as thread_id from threads where ${sql.join(likes, sql` and `)} and ${where}
            order by threads.last_message_at desc nulls last, threads.id desc nulls last limit ${SEARCH_WINDOW})`);
    sources.push(sql`select thread_id, null::bigint, 1.5::real, true from id_hits`);
  }
  if (parsed.refs.length) {
    ctes.push(
      sql`ref_hits as (select threads.id as thread_id from threads where threads.id in (${sql.join(
        parsed.refs.map((r) => sql`${r}`),
        sql`, `,
      )}) and ${where})`,
    );
    sources.push(sql`select thread_id, null::bigint, 100::real, true from ref_hits`);
  }
  ctes.push(
    sql`candidates as (
          select thread_id, max(message_id) as message_id, sum(rank) as rank, bool_or(exact) as exact
          from (${sql.join(sources, sql` union all `)}) s(thread_id, message_id, rank, exact)
          group by thread_id)`,
    sql`top as (
          select c.thread_id, c.message_id, c.rank, c.exact from candidates c join threads on threads.id = c.thread_id
          where ${where}
          order by c.exact desc, c.rank desc, threads.last_message_at desc, threads.id desc
          limit ${limit})`,
  );
  const draft = options.viewerId ? sql`exists (select 1 from drafts d where d.thread_id = t.id and d.user_id = ${options.viewerId})` : sql`false`;
  const rows = await queryRows<Raw>(
    db,
    sql`with ${sql.join(ctes, sql`, `)}
    select t.id, t.channel, t.status, t.channel_state, t.subject, t.customer_name, t.customer_email,
           t.last_message_at, t.last_message_preview, t.last_message_role, t.waiting_since,
           t.unread_count, t.message_count, t.assignee_id, u.name as assignee_name, t.created_at,
           t.tag_ids, t.snoozed_at, t.snooze_until, ${draft} as has_draft,
           top.message_id as match_message_id, m.author_name as match_author_name, m.author_role as match_author_role,
           m.is_internal as match_internal, m.created_at as match_at, m.body as match_body, top.exact, top.rank,
           search_words(${textArraySql([...texts, ...parsed.phrases])}) as words
    from top
    join threads t on t.id = top.thread_id
    left join users u on u.id = t.assignee_id
    left join messages m on m.id = top.message_id
    order by top.exact desc, top.rank desc, t.last_message_at desc, t.id desc`,
  );
  const phones = parsed.terms.filter((t) => t.kind === "phone").map((t) => t.text);
  const codeTexts = parsed.terms.filter((t) => t.kind === "code").map((t) => foldForMatch(t.text));
  return rows.map((r) => {
    const matchers: Matchers = { words: textArray(r.words), codes: codeTexts, phones };
    const nameMarked = highlightAll(r.customer_name, matchers);
    const emailMarked = r.customer_email ? highlightAll(r.customer_email, matchers) : null;
    return {
      id: Number(r.id),
      channel: r.channel,
      status: r.status,
      channelState: r.channel_state,
      subject: r.subject,
      customerName: r.customer_name,
      customerEmail: r.customer_email,
      lastMessageAt: date(r.last_message_at),
      lastMessagePreview: r.last_message_preview,
      lastMessageRole: r.last_message_role,
      waitingSince: dateOrNull(r.waiting_since),
      unreadCount: Number(r.unread_count),
      messageCount: Number(r.message_count),
      assigneeId: r.assignee_id === null ? null : Number(r.assignee_id),
      assigneeName: r.assignee_name,
      createdAt: date(r.created_at),
      tagIds: idArray(r.tag_ids),
      snoozedAt: dateOrNull(r.snoozed_at),
      snoozeUntil: dateOrNull(r.snooze_until),
      hasDraft: Boolean(r.has_draft),
      matchMessageId: r.match_message_id === null ? null : Number(r.match_message_id),
      match:
        r.match_message_id === null
          ? null
          : {
              messageId: Number(r.match_message_id),
              authorName: r.match_author_name ?? "",
              authorRole: r.match_author_role ?? "customer",
              isInternal: Boolean(r.match_internal),
              createdAt: date(r.match_at!),
            },
      subjectHighlight: highlightAll(r.subject, matchers),
      customerHighlight: nameMarked !== r.customer_name ? nameMarked : emailMarked !== r.customer_email ? emailMarked : null,
      bodyHighlight: r.match_body === null ? null : highlightExcerpt(r.match_body, matchers),
      exact: Boolean(r.exact),
      rank: Number(r.rank),
    };
  });
}
