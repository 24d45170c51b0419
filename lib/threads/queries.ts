// Reads of threads: the inbox list (one indexed query over every channel, keyset pagination, never
// OFFSET), capped per-filter counts for the sidebar, and what changed in a thread since a moment.
import "server-only";
import { and, asc, eq, gt, gte, inArray, isNotNull, isNull, lte, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { CHANNELS, messages, sellers, threadEvents, threads, users, type Channel, type ThreadStatus } from "@/db/schema";
import type { InboxCounts, ThreadChange } from "@/lib/inbox/views";
import { isInbound } from "./service";

export type { InboxCounts, ThreadChange };

export interface ThreadListFilters {
  /** Unset or "all": both open and closed. */
  status?: ThreadStatus | "all";
  channel?: Channel;
  /** The channel's own state (threads.channel_state). */
  state?: string;
  /** "me" needs `userId`. */
  assignee?: "me" | "none" | "any";
  userId?: number;
  unread?: boolean;
  seller?: number;
  createdFrom?: Date;
  createdTo?: Date;
  updatedFrom?: Date;
  updatedTo?: Date;
  /** activity: newest activity first (default); waiting: longest-waiting first, waiting threads only. */
  sort?: "activity" | "waiting";
  /** A tag, by id (the sidebar, a view) or by name (the search box's tag:). */
  tagId?: number;
  tagName?: string;
  /** The start of an agent's name (the search box's assignee:sam). */
  assigneeName?: string;
  /** Part of the customer's e-mail or name (the search box's from:). */
  from?: string;
  /** Part of the subject (a view's subject filter). */
  subject?: string;
  /** yes: the customer side waits for us; no: answered. */
  waiting?: "yes" | "no";
  /** Only threads snoozed right now. Otherwise an open view leaves them out until they wake. */
  snoozed?: boolean;
  /** Only threads marked as spam (every other view leaves them out). */
  spam?: boolean;
}

/** `%text%` for LIKE, the caller's %, _ and \ taken literally; folded in SQL like the column it is compared with. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Snoozed right now: by the database's clock, so every instance agrees (the wake-up sweep only records it). */
export const snoozedNow = sql`(${threads.snoozedAt} is not null and (${threads.snoozeUntil} is null or ${threads.snoozeUntil} > now()))`;

/** Position after the last row of a page: that row's sort key (as PostgreSQL printed it) and id. */
export interface Cursor {
  at: string;
  id: number;
}

export const encodeCursor = (c: Cursor) => Buffer.from(`${c.at}|${c.id}`).toString("base64url");
/**
 * A timestamptz as PostgreSQL prints it (`2026-03-01 09:30:00.123456+00`), or as ISO 8601, in the
 * years PostgreSQL and JavaScript agree on: anything else ("1", "0000-01-01") is no cursor.
 */
const CURSOR_AT = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[ T]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)$/;

export function decodeCursor(value: string | undefined | null): Cursor | null {
  if (!value || value.length > 200) return null;
  const parts = Buffer.from(value, "base64url").toString().split("|");
  if (parts.length !== 2) return null;
  const [at, id] = parts as [string, string];
  const m = CURSOR_AT.exec(at);
  if (!m || Number(m[1]) < 1900 || Number(m[1]) > 2200 || Number.isNaN(Date.parse(at.replace(" ", "T").replace(/([+-]\d{2})$/, "$1:00")))) return null;
  if (!/^[1-9]\d{0,14}$/.test(id)) return null;
  return { at, id: Number(id) };
}

/** The WHERE of a list view, without the cursor: shared by the list, the search and the counts. */
export function threadFilterConditions(filters: ThreadListFilters): SQL[] {
  const where: (SQL | undefined)[] = [isNull(threads.deletedAt)];
  if (filters.status && filters.status !== "all") where.push(eq(threads.status, filters.status));
  if (filters.channel) where.push(eq(threads.channel, filters.channel));
  if (filters.state) where.push(eq(threads.channelState, filters.state));
  if (filters.assignee === "me") where.push(eq(threads.assigneeId, filters.userId ?? -1));
  if (filters.assignee === "none") where.push(isNull(threads.assigneeId));
  // Written as the partial index's predicate, so the planner can use it.
  if (filters.unread) where.push(sql`${threads.unreadCount} > 0`);
  if (filters.seller) where.push(eq(threads.sellerId, filters.seller));
  if (filters.createdFrom) where.push(gte(threads.createdAt, filters.createdFrom));
  if (filters.createdTo) where.push(lte(threads.createdAt, filters.createdTo));
  if (filters.updatedFrom) where.push(gte(threads.lastMessageAt, filters.updatedFrom));
  if (filters.updatedTo) where.push(lte(threads.lastMessageAt, filters.updatedTo));
  if (filters.sort === "waiting") where.push(isNotNull(threads.waitingSince));
  where.push(filters.spam ? isNotNull(threads.spamAt) : isNull(threads.spamAt));
  if (filters.snoozed) where.push(snoozedNow);
  else if (filters.status === "open") where.push(sql`not ${snoozedNow}`);
  if (filters.tagId) where.push(sql`${threads.tagIds} @> array[${filters.tagId}]::bigint[]`);
  if (filters.tagName) where.push(sql`${threads.tagIds} @> array[(select t.id from tags t where lower(t.name) = lower(${filters.tagName}))]::bigint[]`);
  if (filters.assigneeName) {
    where.push(
      sql`${threads.assigneeId} in (select u.id from users u where u.role in ('admin', 'agent') and search_fold(u.name) like search_fold(${filters.assigneeName.replace(/[\\%_]/g, (c) => `\\${c}`) + "%"}))`,
    );
  }
  if (filters.from) where.push(sql`${threads.searchIds} like search_fold(${containsPattern(filters.from)})`);
  if (filters.subject) where.push(sql`search_fold(${threads.subject}) like search_fold(${containsPattern(filters.subject)})`);
  if (filters.waiting === "yes") where.push(isNotNull(threads.waitingSince));
  if (filters.waiting === "no") where.push(isNull(threads.waitingSince));
  return where.filter((w): w is SQL => w !== undefined);
}

/** Whether the filters narrow the threads down (anything but "not deleted, not spam"). */
export function isNarrowing(f: ThreadListFilters): boolean {
  return Boolean(
    (f.status && f.status !== "all") ||
    f.channel ||
    f.state ||
    (f.assignee && f.assignee !== "any") ||
    f.unread ||
    f.seller ||
    f.createdFrom ||
    f.createdTo ||
    f.updatedFrom ||
    f.updatedTo ||
    f.sort === "waiting" ||
    f.tagId ||
    f.tagName ||
    f.assigneeName ||
    f.from ||
    f.subject ||
    f.waiting ||
    f.snoozed ||
    f.spam,
  );
}

/** The columns a list row shows. */
export const inboxRowColumns = {
  id: threads.id,
  channel: threads.channel,
  status: threads.status,
  channelState: threads.channelState,
  subject: threads.subject,
  customerName: threads.customerName,
  customerEmail: threads.customerEmail,
  lastMessageAt: threads.lastMessageAt,
  lastMessagePreview: threads.lastMessagePreview,
  lastMessageRole: threads.lastMessageRole,
  waitingSince: threads.waitingSince,
  unreadCount: threads.unreadCount,
  messageCount: threads.messageCount,
  assigneeId: threads.assigneeId,
  assigneeName: users.name,
  createdAt: threads.createdAt,
  tagIds: threads.tagIds,
  snoozedAt: threads.snoozedAt,
  snoozeUntil: threads.snoozeUntil,
};

/** Whether `viewerId` has a draft in the row's thread: a primary-key probe per row, inside the list's one statement. */
export const hasDraftColumn = (viewerId: number | undefined) =>
  viewerId ? sql<boolean>`exists (select 1 from drafts d where d.thread_id = ${threads.id} and d.user_id = ${viewerId})` : sql<boolean>`false`;

/**
 * One page of the inbox: a single statement whose ORDER BY matches an index exactly
 * (threads_*_activity_idx, threads_unread_activity_idx, threads_waiting_idx), so a page 10,000
 * rows deep costs what the first one does.
 */
export async function findInboxThreads(db: Db, filters: ThreadListFilters, options: { limit?: number; cursor?: Cursor | null; viewerId?: number } = {}) {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const waiting = filters.sort === "waiting";
  const key = waiting ? threads.waitingSince : threads.lastMessageAt;
  const where = threadFilterConditions(filters);
  if (options.cursor) {
    // A row comparison, not "a < x or (a = x and id < y)": only the row form bounds the index scan,
    // so a page 10,000 rows deep starts where it should instead of filtering its way there.
    const at = sql`${options.cursor.at}::timestamptz`;
    where.push(waiting ? sql`(${key}, ${threads.id}) > (${at}, ${options.cursor.id})` : sql`(${key}, ${threads.id}) < (${at}, ${options.cursor.id})`);
  }
  const rows = await db
    .select({ ...inboxRowColumns, hasDraft: hasDraftColumn(options.viewerId), sortKey: sql<string>`${key}::text` })
    .from(threads)
    .leftJoin(users, eq(users.id, threads.assigneeId))
    .where(and(...where))
    // NULLS LAST as in the indexes (drizzle writes them DESC NULLS LAST): a mismatch means a Sort node.
    .orderBy(...(waiting ? [asc(key), asc(threads.id)] : [sql`${key} desc nulls last`, sql`${threads.id} desc nulls last`]))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map((row) => {
    const { sortKey, ...rest } = row;
    void sortKey;
    return rest;
  });
  const last = rows[limit - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor({ at: last.sortKey, id: last.id }) : null;
  return { threads: page, nextCursor };
}
export type InboxThread = Awaited<ReturnType<typeof findInboxThreads>>["threads"][number];

// ---------------------------------------------------------------------------------------------
// Sidebar counts. Each is capped: counting stops at COUNT_CAP rows, walking an index, so a count
// costs the same at a million messages as at a hundred, and all of them are one statement.

export const COUNT_CAP = 1000;

/**
 * The sidebar's counts, all in one statement: the built-in views, each channel, and the given
 * saved views (their filters as the list reads them).
 */
export async function findInboxCounts(db: Db, userId: number, views: readonly { id: number; filters: ThreadListFilters }[] = []): Promise<InboxCounts> {
  const capped = (filters: ThreadListFilters) =>
    sql`(select count(*)::int from (select 1 from ${threads} where ${and(...threadFilterConditions(filters))} limit ${COUNT_CAP}) c)`;
  const open = { status: "open" } as const;
  const parts: [string, SQL][] = [
    ["open", capped(open)],
    ["mine", capped({ ...open, assignee: "me", userId })],
    ["unassigned", capped({ ...open, assignee: "none" })],
    ["unread", capped({ ...open, unread: true })],
    ["waiting", capped({ ...open, sort: "waiting" })],
    ["snoozed", capped({ status: "open", snoozed: true })],
    ...CHANNELS.map((c): [string, SQL] => [`channel_${c}`, capped({ ...open, channel: c })]),
    ...views.map((v): [string, SQL] => [`view_${v.id}`, capped(v.filters)]),
  ];
  const select = sql.join(
    parts.map(([name, query]) => sql`${query} as ${sql.identifier(name)}`),
    sql`, `,
  );
  const result = (await db.execute(sql`select ${select}`)) as unknown as { rows: Record<string, number>[] };
  const row = result.rows[0]!;
  return {
    open: Number(row.open),
    mine: Number(row.mine),
    unassigned: Number(row.unassigned),
    unread: Number(row.unread),
    waiting: Number(row.waiting),
    snoozed: Number(row.snoozed),
    channels: Object.fromEntries(CHANNELS.map((c) => [c, Number(row[`channel_${c}`])])) as Record<Channel, number>,
    views: Object.fromEntries(views.map((v) => [v.id, Number(row[`view_${v.id}`])])),
    cap: COUNT_CAP,
  };
}

/** Sellers for the list's seller filter (a handful of rows). */
export async function findSellerOptions(db: Db): Promise<{ id: number; title: string }[]> {
  return db.select({ id: sellers.id, title: sellers.title }).from(sellers).orderBy(asc(sellers.title)).limit(500);
}

// ---------------------------------------------------------------------------------------------
// Changes since a moment (the reply path's conflict check).

/**
 * What other people changed in a thread after `since`: new messages and notes, status changes and
 * assignments. Read/unread changes are left out: they do not change what the answer should be.
 */
export async function findChangesSince(db: Db, threadId: number, since: Date, excludeUserId: number | null): Promise<ThreadChange[]> {
  const notMe = (col: typeof messages.authorUserId | typeof threadEvents.actorUserId) => (excludeUserId ? or(isNull(col), ne(col, excludeUserId)) : undefined);
  const [newMessages, events] = await Promise.all([
    db
      .select({
        isInternal: messages.isInternal,
        authorName: messages.authorName,
        authorRole: messages.authorRole,
        body: messages.body,
        createdAt: messages.createdAt,
        userName: users.name,
      })
      .from(messages)
      .leftJoin(users, eq(users.id, messages.authorUserId))
      .where(and(eq(messages.threadId, threadId), gt(messages.createdAt, since), isNull(messages.deletedAt), notMe(messages.authorUserId)))
      .orderBy(asc(messages.createdAt), asc(messages.id)),
    db
      .select({
        type: threadEvents.type,
        data: threadEvents.data,
        createdAt: threadEvents.createdAt,
        actorName: users.name,
        actorLabel: threadEvents.actorLabel,
      })
      .from(threadEvents)
      .leftJoin(users, eq(users.id, threadEvents.actorUserId))
      .where(
        and(
          eq(threadEvents.threadId, threadId),
          gt(threadEvents.createdAt, since),
          inArray(threadEvents.type, ["closed", "reopened", "assigned"]),
          notMe(threadEvents.actorUserId),
        ),
      )
      .orderBy(asc(threadEvents.id)),
  ]);
  const assigneeIds = events.filter((e) => e.type === "assigned" && e.data.to).map((e) => Number(e.data.to));
  const names = assigneeIds.length
    ? new Map((await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, assigneeIds))).map((u) => [u.id, u.name]))
    : new Map<number, string>();
  const changes: ThreadChange[] = [
    ...newMessages.map((m) => ({
      kind: (m.isInternal ? "note" : "message") as ThreadChange["kind"],
      who: m.authorName || m.userName || m.authorRole,
      at: m.createdAt.toISOString(),
      text: m.body.replace(/\s+/g, " ").trim().slice(0, 140),
      inbound: isInbound(m.authorRole),
    })),
    ...events.map((e) => ({
      kind: e.type as ThreadChange["kind"],
      who: e.actorName ?? e.actorLabel,
      at: e.createdAt.toISOString(),
      text: e.type === "assigned" ? (e.data.to ? (names.get(Number(e.data.to)) ?? "someone") : "nobody") : null,
    })),
  ];
  return changes.sort((a, b) => a.at.localeCompare(b.at));
}
