// Reads of threads for the inbox: one indexed query, keyset pagination.
import { and, desc, eq, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { threads, users, type Channel, type ThreadStatus } from "@/db/schema";

export interface ThreadListFilters {
  status?: ThreadStatus;
  channel?: Channel;
}

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

export async function findInboxThreads(db: Db, filters: ThreadListFilters, options: { limit?: number; cursor?: Cursor | null } = {}) {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const where: (SQL | undefined)[] = [isNull(threads.deletedAt)];
  if (filters.status) where.push(eq(threads.status, filters.status));
  if (filters.channel) where.push(eq(threads.channel, filters.channel));
  if (options.cursor) {
    const at = sql`${options.cursor.at}::timestamptz`;
    where.push(or(lt(threads.lastMessageAt, at), and(eq(threads.lastMessageAt, at), lt(threads.id, options.cursor.id))));
  }
  const rows = await db
    .select({
      id: threads.id,
      channel: threads.channel,
      status: threads.status,
      channelState: threads.channelState,
      subject: threads.subject,
      customerName: threads.customerName,
      customerEmail: threads.customerEmail,
      lastMessageAt: threads.lastMessageAt,
      lastMessagePreview: threads.lastMessagePreview,
      unreadCount: threads.unreadCount,
      assigneeId: threads.assigneeId,
      assigneeName: users.name,
    })
    .from(threads)
    .leftJoin(users, eq(users.id, threads.assigneeId))
    .where(and(...where))
    .orderBy(desc(threads.lastMessageAt), desc(threads.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor({ at: last.lastMessageAt.toISOString(), id: last.id }) : null;
  return { threads: page, nextCursor };
}
export type InboxThread = Awaited<ReturnType<typeof findInboxThreads>>["threads"][number];
