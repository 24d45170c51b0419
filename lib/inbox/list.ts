// The inbox list endpoint's work, outside app/: parse the URL's filters, run the list (or the
// search when `q` is set), and shape the JSON the list pane reads.
import type { Db } from "@/db/client";
import { AppError, fieldErrors } from "@/lib/errors";
import { cleanSearchText, searchThreads } from "@/lib/search/queries";
import { decodeCursor, findInboxThreads, type ThreadListFilters } from "@/lib/threads/queries";
import { inboxListQuerySchema, paramsObject, type InboxFilters } from "./schemas";

export interface InboxRow {
  id: number;
  channel: string;
  status: string;
  channelState: string | null;
  subject: string;
  customerName: string;
  customerEmail: string | null;
  lastMessageAt: string;
  lastMessagePreview: string;
  lastMessageRole: string | null;
  waitingSince: string | null;
  unreadCount: number;
  assigneeId: number | null;
  assigneeName: string | null;
  createdAt: string;
  subjectHighlight?: string;
  bodyHighlight?: string | null;
}

export interface InboxListResponse {
  threads: InboxRow[];
  nextCursor: string | null;
  /** Set when the page is a search: the text that was searched. */
  search: string | null;
}

export function toListFilters(filters: InboxFilters, userId: number): ThreadListFilters {
  return {
    status: filters.status,
    channel: filters.channel,
    state: filters.state,
    assignee: filters.assignee,
    userId,
    unread: filters.unread,
    seller: filters.seller,
    createdFrom: filters.createdFrom,
    createdTo: filters.createdTo,
    updatedFrom: filters.updatedFrom,
    updatedTo: filters.updatedTo,
    sort: filters.sort,
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function listInbox(db: Db, params: URLSearchParams, userId: number): Promise<InboxListResponse> {
  const parsed = inboxListQuerySchema.safeParse(paramsObject(params));
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error.issues);
    throw new AppError("invalid", fields.q?.[0] ?? "Invalid filters.", fields);
  }
  const query = parsed.data;
  const filters = toListFilters(query, userId);
  const q = query.q ? cleanSearchText(query.q) : "";
  if (q) {
    // A search looks in closed threads too, unless the URL names a status.
    const results = await searchThreads(db, q, { ...filters, status: params.has("status") ? filters.status : "all" }, { limit: query.limit });
    return {
      search: q,
      nextCursor: null,
      threads: results.map((r) => ({
        ...r,
        lastMessageAt: r.lastMessageAt.toISOString(),
        waitingSince: iso(r.waitingSince),
        createdAt: r.createdAt.toISOString(),
      })),
    };
  }
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  if (query.cursor && !cursor) throw new AppError("invalid", "Invalid cursor.", { cursor: ["Invalid cursor."] });
  const page = await findInboxThreads(db, filters, { limit: query.limit, cursor });
  return {
    search: null,
    nextCursor: page.nextCursor,
    threads: page.threads.map((t) => ({
      id: t.id,
      channel: t.channel,
      status: t.status,
      channelState: t.channelState,
      subject: t.subject,
      customerName: t.customerName,
      customerEmail: t.customerEmail,
      lastMessageAt: t.lastMessageAt.toISOString(),
      lastMessagePreview: t.lastMessagePreview,
      lastMessageRole: t.lastMessageRole,
      waitingSince: iso(t.waitingSince),
      unreadCount: t.unreadCount,
      assigneeId: t.assigneeId,
      assigneeName: t.assigneeName,
      createdAt: t.createdAt.toISOString(),
    })),
  };
}
