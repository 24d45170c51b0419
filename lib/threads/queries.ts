// Reads of threads for the inbox: one indexed query over every channel, keyset pagination (never
// OFFSET), and capped per-filter counts for the sidebar.
import { and, asc, eq, gte, isNotNull, isNull, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { CHANNELS, sellers, threads, users, type Channel, type ThreadStatus } from "@/db/schema";

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
}

/** Position after the last row of a page: that row's sort key (as PostgreSQL printed it) and id. */
export interface Cursor {
  at: string;
  id: number;
}

export const encodeCursor = (c: Cursor) => Buffer.from(`${c.at}|${c.id}`).toString("base64url");
export function decodeCursor(value: string | undefined | null): Cursor | null {
  if (!value) return null;
  const [at, id] = Buffer.from(value, "base64url").toString().split("|");
  const n = Number(id);
  if (!at || Number.isNaN(Date.parse(at)) || !Number.isSafeInteger(n)) return null;
  return { at, id: n };
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
  return where.filter((w): w is SQL => w !== undefined);
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
};

/**
 * One page of the inbox: a single statement whose ORDER BY matches an index exactly
 * (threads_*_activity_idx, threads_unread_activity_idx, threads_waiting_idx), so a page 10,000
 * rows deep costs what the first one does.
 */
export async function findInboxThreads(db: Db, filters: ThreadListFilters, options: { limit?: number; cursor?: Cursor | null } = {}) {
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
    .select({ ...inboxRowColumns, sortKey: sql<string>`${key}::text` })
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

export interface InboxCounts {
  open: number;
  mine: number;
  unassigned: number;
  unread: number;
  waiting: number;
  channels: Record<Channel, number>;
  /** A count equal to `cap` means "cap or more". */
  cap: number;
}

export async function findInboxCounts(db: Db, userId: number): Promise<InboxCounts> {
  const capped = (filters: ThreadListFilters) =>
    sql`(select count(*)::int from (select 1 from ${threads} where ${and(...threadFilterConditions(filters))} limit ${COUNT_CAP}) c)`;
  const open = { status: "open" } as const;
  const parts: [string, SQL][] = [
    ["open", capped(open)],
    ["mine", capped({ ...open, assignee: "me", userId })],
    ["unassigned", capped({ ...open, assignee: "none" })],
    ["unread", capped({ ...open, unread: true })],
    ["waiting", capped({ ...open, sort: "waiting" })],
    ...CHANNELS.map((c): [string, SQL] => [`channel_${c}`, capped({ ...open, channel: c })]),
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
    channels: Object.fromEntries(CHANNELS.map((c) => [c, Number(row[`channel_${c}`])])) as Record<Channel, number>,
    cap: COUNT_CAP,
  };
}

/** Sellers for the list's seller filter (a handful of rows). */
export async function findSellerOptions(db: Db): Promise<{ id: number; title: string }[]> {
  return db.select({ id: sellers.id, title: sellers.title }).from(sellers).orderBy(asc(sellers.title)).limit(500);
}
