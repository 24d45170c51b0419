// Full-text search for the inbox: message bodies, subjects and customer name/e-mail, English and
// Turkish alike. Both tables store a 'simple' tsvector (no stemming, so Turkish suffixes and English
// words behave the same) with a GIN index. Whatever the user typed goes through
// websearch_to_tsquery, which never raises a syntax error.
//
// Shape (see PERFORMANCE.md): the newest SEARCH_WINDOW matching messages are taken first (LIMIT
// before any join, so a common word stops after a few hundred rows), plus threads whose subject or
// customer matches; those candidates are ranked with the stored vectors, and only the final rows
// get ts_headline.
import { and, sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import type { AuthorRole, Channel, ThreadStatus } from "@/db/schema";
import { threadFilterConditions, type ThreadListFilters } from "@/lib/threads/queries";

export const SEARCH_WINDOW = 200;
/** Highlight markers: control characters never shown as text, split into <mark> by the client. */
export const HL_START = "\u0001";
export const HL_END = "\u0002";

/** Text as PostgreSQL can take it: no NUL or other control characters, trimmed. */
export function cleanSearchText(q: string): string {
  return q.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
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
  /** The matching message's id, if a message matched. */
  matchMessageId: number | null;
  /** Excerpts with HL_START/HL_END around matched words. */
  subjectHighlight: string;
  bodyHighlight: string | null;
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
  match_message_id: number | string | null;
  subject_hl: string;
  body_hl: string | null;
  rank: number | string;
}

const date = (v: string | Date) => (v instanceof Date ? v : new Date(v));

/**
 * Threads matching `text`, best first (rank, then newest activity), with highlights. Filters of the
 * list view apply to the candidates. One statement.
 */
export async function searchThreads(db: Db, text: string, filters: ThreadListFilters = {}, options: { limit?: number } = {}): Promise<SearchResult[]> {
  const q = cleanSearchText(text);
  if (!q) return [];
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 100);
  const where = and(...threadFilterConditions({ ...filters, sort: undefined }));
  // Written out where used (not a CTE): with the words known when planning, PostgreSQL estimates
  // how common they are and walks messages newest-first for a common word instead of reading
  // every match.
  const tsq = sql`websearch_to_tsquery('simple', ${q})`;
  const headlineOptions = `StartSel=${HL_START}, StopSel=${HL_END}, MaxWords=24, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "`;
  const rows = await queryRows<Raw>(
    db,
    sql`
    with message_hits as (
      select m.id, m.thread_id, m.search_vector
      from messages m
      where m.search_vector @@ ${tsq} and m.deleted_at is null
      order by m.created_at desc nulls last, m.id desc nulls last
      limit ${SEARCH_WINDOW}
    ),
    thread_hits as (
      select t.id as thread_id, ts_rank(t.search_vector, ${tsq}) * 2 as rank
      from threads t
      where t.search_vector @@ ${tsq} and t.deleted_at is null
      order by t.last_message_at desc nulls last, t.id desc nulls last
      limit ${SEARCH_WINDOW}
    ),
    best_message as (
      select distinct on (h.thread_id) h.thread_id, h.id as message_id, ts_rank(h.search_vector, ${tsq}) as rank
      from message_hits h
      order by h.thread_id, ts_rank(h.search_vector, ${tsq}) desc, h.id desc
    ),
    candidates as (
      select coalesce(b.thread_id, th.thread_id) as thread_id, b.message_id,
             coalesce(b.rank, 0) + coalesce(th.rank, 0) as rank
      from best_message b full join thread_hits th on th.thread_id = b.thread_id
    ),
    top as (
      select c.thread_id, c.message_id, c.rank
      from candidates c join threads on threads.id = c.thread_id
      where ${where}
      order by c.rank desc, threads.last_message_at desc, threads.id desc
      limit ${limit}
    )
    select t.id, t.channel, t.status, t.channel_state, t.subject, t.customer_name, t.customer_email,
           t.last_message_at, t.last_message_preview, t.last_message_role, t.waiting_since,
           t.unread_count, t.message_count, t.assignee_id, u.name as assignee_name, t.created_at,
           top.message_id as match_message_id, top.rank,
           ts_headline('simple', t.subject, ${tsq}, ${"HighlightAll=true, " + headlineOptions}) as subject_hl,
           case when m.id is null then null else ts_headline('simple', m.body, ${tsq}, ${headlineOptions}) end as body_hl
    from top
    join threads t on t.id = top.thread_id
    left join users u on u.id = t.assignee_id
    left join messages m on m.id = top.message_id
    order by top.rank desc, t.last_message_at desc, t.id desc`,
  );
  return rows.map((r) => ({
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
    waitingSince: r.waiting_since ? date(r.waiting_since) : null,
    unreadCount: Number(r.unread_count),
    messageCount: Number(r.message_count),
    assigneeId: r.assignee_id === null ? null : Number(r.assignee_id),
    assigneeName: r.assignee_name,
    createdAt: date(r.created_at),
    matchMessageId: r.match_message_id === null ? null : Number(r.match_message_id),
    subjectHighlight: r.subject_hl,
    bodyHighlight: r.body_hl,
    rank: Number(r.rank),
  }));
}
