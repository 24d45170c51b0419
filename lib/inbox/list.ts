// The inbox list endpoint's work, outside app/: parse the URL's filters, run the list (or the
// search when `q` has words, codes or references; filters typed in the box alone are a list), and
// shape the JSON the list pane reads (lib/inbox/views.ts).
import "server-only";
import type { Db } from "@/db/client";
import { AppError, fieldErrors } from "@/lib/errors";
import { cleanSearchText, searchThreads, withSearchFilters } from "@/lib/search/queries";
import { hasSearchText, parseSearch } from "@/lib/search/syntax";
import { decodeCursor, findInboxThreads, type ThreadListFilters } from "@/lib/threads/queries";
import { inboxListQuerySchema, paramsObject, type InboxFilters } from "./schemas";
import type { InboxListResponse, InboxRow } from "./views";

export type { InboxListResponse, InboxRow } from "./views";

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
    tagId: filters.tag,
    subject: filters.subject,
    waiting: filters.waiting,
    snoozed: filters.snoozed || undefined,
    spam: filters.spam || undefined,
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
  let filters = toListFilters(query, userId);
  const q = query.q ? cleanSearchText(query.q) : "";
  const search = q ? parseSearch(q) : null;
  if (search) {
    // A search looks in closed threads too, unless the URL or the box names a status.
    filters = { ...filters, status: params.has("status") ? filters.status : "all" };
  }
  if (search && hasSearchText(search)) {
    const results = await searchThreads(db, search, filters, { limit: query.limit, viewerId: userId });
    return {
      search: q,
      chips: search.chips,
      nextCursor: null,
      threads: results.map((r): InboxRow => ({
        id: r.id,
        channel: r.channel,
        status: r.status,
        channelState: r.channelState,
        subject: r.subject,
        customerName: r.customerName,
        customerEmail: r.customerEmail,
        lastMessageAt: r.lastMessageAt.toISOString(),
        lastMessagePreview: r.lastMessagePreview,
        lastMessageRole: r.lastMessageRole,
        waitingSince: iso(r.waitingSince),
        unreadCount: r.unreadCount,
        assigneeId: r.assigneeId,
        assigneeName: r.assigneeName,
        createdAt: r.createdAt.toISOString(),
        tagIds: r.tagIds,
        snoozeUntil: iso(r.snoozeUntil),
        snoozed: r.snoozedAt !== null && (r.snoozeUntil === null || r.snoozeUntil > new Date()),
        hasDraft: r.hasDraft,
        subjectHighlight: r.subjectHighlight,
        customerHighlight: r.customerHighlight,
        bodyHighlight: r.bodyHighlight,
        match: r.match ? { ...r.match, createdAt: r.match.createdAt.toISOString() } : null,
        exact: r.exact,
      })),
    };
  }
  // Filters typed in the box with nothing to search for: the list itself, with those filters.
  if (search) filters = withSearchFilters(filters, search.filters);
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  if (query.cursor && !cursor) throw new AppError("invalid", "Invalid cursor.", { cursor: ["Invalid cursor."] });
  const page = await findInboxThreads(db, filters, { limit: query.limit, cursor, viewerId: userId });
  const now = new Date();
  return {
    search: search ? q : null,
    chips: search?.chips ?? [],
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
      tagIds: t.tagIds,
      snoozeUntil: iso(t.snoozeUntil),
      snoozed: t.snoozedAt !== null && (t.snoozeUntil === null || t.snoozeUntil > now),
      hasDraft: Boolean(t.hasDraft),
    })),
  };
}
