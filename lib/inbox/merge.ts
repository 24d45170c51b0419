// Merging two threads of the same customer: the source's messages (with their files) move into
// the target, interleaved by time; the target's counts, preview and waiting state are recomputed
// from its messages; the source is closed and points to the target (threads.merged_into_id). Only
// channels whose catalog entry says `mergeable` take part: a discussion's or a conversation's
// messages are also read through a foreign API, a chat room's in the visitor's widget, and must
// stay where those find them.
import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attachments, drafts, messages, threads } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { CHANNEL_CATALOG, channelLabel, type ChannelInfo } from "@/lib/channels/catalog";
import { AppError } from "@/lib/errors";
import { inTransaction } from "@/lib/events";
import { logThreadEvent, setThreadStatus } from "@/lib/threads/service";

const sameCustomer = (a: { customerId: number | null; customerEmail: string | null }, b: { customerId: number | null; customerEmail: string | null }) =>
  (a.customerId !== null && a.customerId === b.customerId) ||
  (!!a.customerEmail && !!b.customerEmail && a.customerEmail.trim().toLowerCase() === b.customerEmail.trim().toLowerCase());

export async function mergeThreads(db: Db, input: { sourceId: number; targetId: number }, actor: Actor): Promise<{ targetId: number; moved: number }> {
  const { sourceId, targetId } = input;
  if (sourceId === targetId) throw new AppError("invalid", "A thread cannot be merged into itself.");
  return inTransaction(db, async (tx, emit) => {
    // Both locked, in id order (two merges of the same pair never wait on each other in a circle).
    const rows = await tx
      .select()
      .from(threads)
      .where(and(inArray(threads.id, [sourceId, targetId]), isNull(threads.deletedAt)))
      .orderBy(threads.id)
      .for("update");
    const source = rows.find((r) => r.id === sourceId);
    const target = rows.find((r) => r.id === targetId);
    if (!source || !target) throw new AppError("not_found", "Thread not found.");
    if (source.mergedIntoId) throw new AppError("conflict", `This thread was already merged into #${source.mergedIntoId}.`);
    if (!sameCustomer(source, target)) throw new AppError("invalid", "Only two threads of the same customer can be merged.");
    for (const t of [source, target]) {
      if (!(CHANNEL_CATALOG[t.channel] as ChannelInfo).mergeable) {
        throw new AppError(
          "invalid",
          `${channelLabel(t.channel)} threads cannot be merged: their messages are also read where they are (the channel's API or widget).`,
        );
      }
    }
    const moved = await tx.update(messages).set({ threadId: target.id }).where(eq(messages.threadId, source.id)).returning({ id: messages.id });
    await tx.update(attachments).set({ threadId: target.id }).where(eq(attachments.threadId, source.id));
    await tx.delete(drafts).where(eq(drafts.threadId, source.id));
    // The target's figures, from its messages now (the latest public message gives the preview).
    await tx.execute(sql`
      update threads t set
        message_count = s.n, unread_count = s.unread,
        last_message_at = greatest(t.last_message_at, s.last_at),
        last_message_preview = coalesce(s.preview, t.last_message_preview),
        last_message_role = coalesce(s.role, t.last_message_role),
        waiting_since = case when t.waiting_since is null and ${source.waitingSince?.toISOString() ?? null}::timestamptz is null then null
                             else least(coalesce(t.waiting_since, 'infinity'), coalesce(${source.waitingSince?.toISOString() ?? null}::timestamptz, 'infinity')) end,
        tag_ids = (select coalesce(array_agg(distinct x), '{}') from unnest(t.tag_ids || ${sql.raw(`'{${source.tagIds.join(",")}}'`)}::bigint[]) x),
        version = t.version + 1, updated_at = now()
      from (
        select count(*)::int as n, count(*) filter (where m.read_at is null)::int as unread, max(m.created_at) as last_at,
               (array_agg(left(regexp_replace(m.body, '\\s+', ' ', 'g'), 160) order by m.created_at desc, m.id desc) filter (where not m.is_internal))[1] as preview,
               (array_agg(m.author_role order by m.created_at desc, m.id desc) filter (where not m.is_internal))[1] as role
        from messages m where m.thread_id = ${target.id} and m.deleted_at is null
      ) s
      where t.id = ${target.id}`);
    await tx
      .update(threads)
      .set({ mergedIntoId: target.id, messageCount: 0, unreadCount: 0, waitingSince: null, version: sql`${threads.version} + 1`, updatedAt: new Date() })
      .where(eq(threads.id, source.id));
    await logThreadEvent(tx, source.id, "merged", actor, { into: target.id, messages: moved.length });
    await logThreadEvent(tx, target.id, "merged_from", actor, { from: source.id, messages: moved.length });
    if (source.status === "open") await setThreadStatus(tx, emit, source.id, "closed", actor);
    emit("thread.merged", { threadId: source.id, channel: source.channel, intoId: target.id });
    emit("thread.updated", { threadId: target.id, channel: target.channel });
    return { targetId: target.id, moved: moved.length };
  });
}
