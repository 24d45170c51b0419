// Reads of call requests: the API's pages, one request, and the agents' queue. Each list is one
// query over threads joined to its detail row (by primary key) and the assignee; never N+1.
import "server-only";
import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { callRequestDetails as d, threadEvents, threads as t, users as u } from "@/db/schema";
import { ACTIVE_CALL_STATUSES, type CallStatus, type QueueFilters, type WireListParams, type WireSortKey } from "./schemas";

const columns = {
  id: t.id,
  status: t.channelState,
  threadStatus: t.status,
  assigneeId: t.assigneeId,
  assigneeName: u.name,
  customerId: t.customerId,
  createdAt: d.createdAt,
  updatedAt: t.updatedAt,
  name: d.name,
  phone: d.phone,
  email: d.email,
  timeFrom: d.timeFrom,
  timeTo: d.timeTo,
  windowStartMinutes: d.windowStartMinutes,
  windowEndMinutes: d.windowEndMinutes,
  windowZone: d.windowZone,
  windowStartsAt: d.windowStartsAt,
  windowEndsAt: d.windowEndsAt,
  orderId: d.orderId,
  orderStatus: d.orderStatus,
  productId: d.productId,
  productName: d.productName,
  companyId: d.companyId,
  cartProducts: d.cartProducts,
  notes: d.notes,
};

export type CallRequestRow = {
  id: number;
  status: string | null;
  threadStatus: "open" | "closed";
  assigneeId: number | null;
  assigneeName: string | null;
  /** The customer (their profile: every thread in every channel). */
  customerId: number | null;
  createdAt: Date;
  updatedAt: Date;
  name: string;
  phone: string | null;
  email: string | null;
  timeFrom: string | null;
  timeTo: string | null;
  windowStartMinutes: number | null;
  windowEndMinutes: number | null;
  /** The window on the calendar, in the customer's zone (null: "any time", or a request older than that). */
  windowZone: string | null;
  windowStartsAt: Date | null;
  windowEndsAt: Date | null;
  orderId: number | null;
  orderStatus: string | null;
  productId: number | null;
  productName: string | null;
  companyId: number;
  cartProducts: { product_id: number; amount: string; price: number; product: string }[];
  notes: string;
};

const live = and(eq(t.channel, "call_request"), isNull(t.deletedAt));

/** `%text%` for ILIKE with the caller's % and _ taken literally. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// date sorts by the detail row's copy of the creation time (always the thread's), which has an
// index, so the default page walks call_request_details_created_idx instead of sorting.
const SORT_COLUMNS: Record<WireSortKey, SQL> = {
  id: sql`${d.threadId}`,
  date: sql`${d.createdAt}`,
  status: sql`${t.channelState}`,
  name: sql`${d.name}`,
  phone: sql`${d.phone}`,
  user_id: sql`${t.assigneeId}`,
  user: sql`${u.name}`,
  order: sql`${d.orderId}`,
  order_status: sql`${d.orderStatus}`,
};

function wireWhere(params: WireListParams): SQL | undefined {
  return and(
    live,
    params.status ? eq(t.channelState, params.status) : undefined,
    params.name ? ilike(d.name, contains(params.name)) : undefined,
    params.phone ? ilike(d.phone, contains(params.phone)) : undefined,
    params.company_id !== undefined ? eq(d.companyId, params.company_id) : undefined,
    params.order_status ? eq(d.orderStatus, params.order_status) : undefined,
    params.user_id ? inArray(t.assigneeId, params.user_id) : undefined,
    params.order_exists === "Y" ? isNotNull(d.orderId) : params.order_exists === "N" ? isNull(d.orderId) : undefined,
  );
}

/**
 * A page of call requests as the API pages them (page numbers, so OFFSET: the spec's contract),
 * plus the total. The total is a second COUNT query over the same filter.
 */
export async function findCallRequestsPage(db: Db, params: WireListParams): Promise<{ rows: CallRequestRow[]; total: number }> {
  const where = wireWhere(params);
  const direction = params.sort_order === "asc" ? asc : desc;
  const [rows, [totals]] = await Promise.all([
    db
      .select(columns)
      .from(t)
      .innerJoin(d, eq(d.threadId, t.id))
      .leftJoin(u, eq(u.id, t.assigneeId))
      .where(where)
      .orderBy(direction(SORT_COLUMNS[params.sort_by]), direction(d.threadId))
      .limit(params.items_per_page)
      .offset((params.page - 1) * params.items_per_page),
    db.select({ n: count() }).from(t).innerJoin(d, eq(d.threadId, t.id)).leftJoin(u, eq(u.id, t.assigneeId)).where(where),
  ]);
  return { rows: rows as CallRequestRow[], total: Number(totals?.n ?? 0) };
}

/** One live call request, or undefined (deleted ones and other channels look the same: absent). */
export async function findCallRequest(db: Db, id: number): Promise<CallRequestRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(t)
    .innerJoin(d, eq(d.threadId, t.id))
    .leftJoin(u, eq(u.id, t.assigneeId))
    .where(and(live, eq(t.id, id)))
    .limit(1);
  return row as CallRequestRow | undefined;
}

export interface QueueCursor {
  window: number;
  at: string;
  id: number;
}
/** Requests with no readable window sort after every real one (24:00 is the last minute of a day). */
const NO_WINDOW = 24 * 60 + 1;
/** Written exactly as in call_request_details_queue_idx, so the planner can walk that index. */
const windowKey = sql`coalesce(${d.windowStartMinutes}, 1441)`;

export const encodeQueueCursor = (c: QueueCursor) => Buffer.from(`${c.window}|${c.at}|${c.id}`).toString("base64url");
export function decodeQueueCursor(value: string | null | undefined): QueueCursor | null {
  if (!value) return null;
  const [w, at, id] = Buffer.from(value, "base64url").toString().split("|");
  const window = Number(w);
  const n = Number(id);
  if (!Number.isSafeInteger(window) || !at || Number.isNaN(Date.parse(at)) || !Number.isSafeInteger(n)) return null;
  return { window, at, id: n };
}

/**
 * The agents' call queue: by the start of the customer's window (earliest first, no window last),
 * then by age (oldest first). Keyset-paged on exactly that order.
 */
export async function findCallQueue(db: Db, filters: QueueFilters, options: { me: number; limit?: number; cursor?: QueueCursor | null }) {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const statuses: readonly CallStatus[] | null = filters.status === "all" ? null : filters.status === "active" ? ACTIVE_CALL_STATUSES : [filters.status];
  const assignee = filters.assignee;
  const where = and(
    live,
    statuses ? inArray(t.channelState, [...statuses]) : undefined,
    assignee === "me" ? eq(t.assigneeId, options.me) : assignee === "none" ? isNull(t.assigneeId) : assignee ? eq(t.assigneeId, Number(assignee)) : undefined,
    filters.order === "Y" ? isNotNull(d.orderId) : filters.order === "N" ? isNull(d.orderId) : undefined,
    options.cursor
      ? sql`(${windowKey}, ${d.createdAt}, ${d.threadId}) > (${options.cursor.window}, ${options.cursor.at}::timestamptz, ${options.cursor.id})`
      : undefined,
  );
  const rows = (await db
    .select(columns)
    .from(t)
    .innerJoin(d, eq(d.threadId, t.id))
    .leftJoin(u, eq(u.id, t.assigneeId))
    .where(where)
    .orderBy(asc(windowKey), asc(d.createdAt), asc(d.threadId))
    .limit(limit + 1)) as CallRequestRow[];
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last ? encodeQueueCursor({ window: last.windowStartMinutes ?? NO_WINDOW, at: last.createdAt.toISOString(), id: last.id }) : null;
  return { rows: page, nextCursor };
}

export interface CallAttempt {
  threadId: number;
  at: Date;
  outcome: string;
  note: string;
  attempt: number;
  actorName: string | null;
  source: string;
}

/** The recorded call attempts of the given requests, oldest first: one query for a whole page. */
export async function findCallAttempts(db: Db, threadIds: number[]): Promise<Map<number, CallAttempt[]>> {
  const out = new Map<number, CallAttempt[]>();
  if (!threadIds.length) return out;
  const rows = await db
    .select({ threadId: threadEvents.threadId, at: threadEvents.createdAt, data: threadEvents.data, actorName: u.name, actorLabel: threadEvents.actorLabel })
    .from(threadEvents)
    .leftJoin(u, eq(u.id, threadEvents.actorUserId))
    .where(and(inArray(threadEvents.threadId, threadIds), eq(threadEvents.type, "state"), sql`${threadEvents.data} ? 'attempt'`))
    .orderBy(asc(threadEvents.threadId), asc(threadEvents.id));
  for (const row of rows) {
    const data = row.data as { state?: string; note?: string; attempt?: number; source?: string };
    const list = out.get(row.threadId) ?? [];
    list.push({
      threadId: row.threadId,
      at: row.at,
      outcome: data.state ?? "",
      note: data.note ?? "",
      attempt: Number(data.attempt ?? list.length + 1),
      actorName: row.actorName ?? row.actorLabel,
      source: data.source ?? "queue",
    });
    out.set(row.threadId, list);
  }
  return out;
}

/** How many outcomes a request has had, to number the next attempt. */
export async function countCallAttempts(db: Db, threadId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(threadEvents)
    .where(and(eq(threadEvents.threadId, threadId), eq(threadEvents.type, "state"), sql`${threadEvents.data} ? 'attempt'`));
  return Number(row?.n ?? 0);
}
