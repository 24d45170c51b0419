// Reads for one open thread: its messages with attachments, the channel's panel (from its registry
// entry), the customer's other threads, the timeline events and who else is looking at it.
// Everything is returned as plain JSON (lib/inbox/views.ts) so the server page and
// GET /api/threads/{id} hand the browser the same shape.
import "server-only";
import { and, asc, desc, eq, gt, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { customers, messages, sellers, threadEvents, threadViewers, threads, users, type Thread } from "@/db/schema";
import { findAttachmentsForMessages } from "@/lib/attachments/queries";
import { CHANNEL_CATALOG, describePolicy } from "@/lib/channels/catalog";
import { channelEntry } from "@/lib/channels/registry";
import { getLocaleSettings } from "@/lib/i18n";
import { INLINE_IMAGE_TYPES } from "@/lib/storage/file-types";
import { findDraft, TYPING_TTL_SECONDS } from "@/lib/drafts/service";
import { findTags } from "@/lib/tags/queries";
import { findStaff } from "@/lib/users/queries";
import type { AttachmentView, RelatedThread, ThreadView } from "./views";

export type { AttachmentView, MessageView, RelatedThread, ThreadChange, ThreadView, TimelineEvent } from "./views";

/** The thread events the timeline shows. */
const TIMELINE_EVENTS = [
  "closed",
  "reopened",
  "assigned",
  "state",
  "tagged",
  "snoozed",
  "woke",
  "spam",
  "not_spam",
  "merged",
  "merged_from",
  "restored",
  "customer_merged",
];

/** A viewer counts as present for this long after their last heartbeat. */
export const PRESENCE_TTL_SECONDS = 40;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The same customer's other threads, in every channel: by the thread's customer and every customer
 * record sharing its e-mail (a guest form and an account are often two records). Both lookups ride
 * an index (customers by lower(email), threads by customer_id): no scan of all threads.
 */
export async function findOtherThreads(db: Db, thread: Pick<Thread, "id" | "customerId" | "customerEmail">, limit = 10): Promise<RelatedThread[]> {
  const ids = new Set<number>(thread.customerId ? [thread.customerId] : []);
  if (thread.customerEmail) {
    const same = await db
      .select({ id: customers.id })
      .from(customers)
      .where(sql`lower(${customers.email}) = ${thread.customerEmail.toLowerCase()}`)
      .limit(20);
    for (const c of same) ids.add(c.id);
  }
  if (ids.size === 0) return [];
  const rows = await db
    .select({ id: threads.id, channel: threads.channel, subject: threads.subject, status: threads.status, lastMessageAt: threads.lastMessageAt })
    .from(threads)
    .where(and(inArray(threads.customerId, [...ids]), ne(threads.id, thread.id), isNull(threads.deletedAt)))
    .orderBy(desc(threads.lastMessageAt), desc(threads.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, lastMessageAt: r.lastMessageAt.toISOString() }));
}

/** The thread as the agent sees it, or null when it does not exist (or was deleted). */
export async function findThreadView(db: Db, threadId: number, options: { locale?: string; viewerId?: number } = {}): Promise<ThreadView | null> {
  const loadedAt = new Date();
  const [[row], locale] = await Promise.all([
    db
      .select({ t: threads, assigneeName: users.name, sellerName: sellers.title })
      .from(threads)
      .leftJoin(users, eq(users.id, threads.assigneeId))
      .leftJoin(sellers, eq(sellers.id, threads.sellerId))
      .where(and(eq(threads.id, threadId), isNull(threads.deletedAt))),
    options.locale ?? getLocaleSettings(db).then((s) => s.defaultLocale),
  ]);
  if (!row) return null;
  const t = row.t;
  const [messageRows, eventRows, details, otherThreads, staff, draft, tagList] = await Promise.all([
    db
      .select()
      .from(messages)
      .where(and(eq(messages.threadId, threadId), isNull(messages.deletedAt)))
      .orderBy(asc(messages.createdAt), asc(messages.id)),
    db
      .select({ e: threadEvents, actorName: users.name })
      .from(threadEvents)
      .leftJoin(users, eq(users.id, threadEvents.actorUserId))
      .where(and(eq(threadEvents.threadId, threadId), inArray(threadEvents.type, TIMELINE_EVENTS)))
      .orderBy(asc(threadEvents.id)),
    channelEntry(t.channel).describe(db, t, { locale, viewerId: options.viewerId }),
    findOtherThreads(db, t),
    findStaff(db),
    options.viewerId ? findDraft(db, threadId, options.viewerId) : null,
    findTags(db),
  ]);
  const files = await findAttachmentsForMessages(
    db,
    messageRows.map((m) => m.id),
  );
  const byMessage = new Map<number, AttachmentView[]>();
  for (const f of files) {
    if (f.messageId === null) continue;
    const list = byMessage.get(f.messageId) ?? [];
    list.push({ id: f.id, fileName: f.fileName, contentType: f.contentType, size: f.size, isImage: INLINE_IMAGE_TYPES.has(f.contentType) });
    byMessage.set(f.messageId, list);
  }
  const staffName = new Map(staff.map((s) => [s.id, s.name]));
  const tagNames = (ids: unknown) => (Array.isArray(ids) ? ids.map((id) => tagList.find((tag) => tag.id === Number(id))?.name ?? "a deleted tag") : []);
  const policy = CHANNEL_CATALOG[t.channel].upload;
  return {
    thread: {
      id: t.id,
      channel: t.channel,
      status: t.status,
      channelState: t.channelState,
      subject: t.subject,
      customerId: t.customerId,
      customerName: t.customerName,
      customerEmail: t.customerEmail,
      sellerName: row.sellerName,
      assigneeId: t.assigneeId,
      assigneeName: row.assigneeName,
      orderRef: t.orderRef,
      version: t.version,
      unreadCount: t.unreadCount,
      createdAt: t.createdAt.toISOString(),
      tagIds: t.tagIds,
      snoozed: t.snoozedAt !== null && (t.snoozeUntil === null || t.snoozeUntil > loadedAt),
      snoozeUntil: iso(t.snoozeUntil),
      spam: t.spamAt !== null,
      mergedIntoId: t.mergedIntoId,
      locale: t.locale,
    },
    messages: messageRows.map((m) => ({
      id: m.id,
      authorRole: m.authorRole,
      authorName: m.authorName || (m.authorUserId ? (staffName.get(m.authorUserId) ?? "") : ""),
      authorUserId: m.authorUserId,
      body: m.body,
      isInternal: m.isInternal,
      receivers: m.receivers,
      readAt: iso(m.readAt),
      createdAt: m.createdAt.toISOString(),
      attachments: byMessage.get(m.id) ?? [],
    })),
    events: eventRows.map(({ e, actorName }) => ({
      id: e.id,
      type: e.type,
      actorName: actorName ?? e.actorLabel,
      data:
        e.type === "assigned"
          ? { ...e.data, toName: staffName.get(Number(e.data.to)) ?? null }
          : e.type === "tagged"
            ? { ...e.data, added: tagNames(e.data.added), removed: tagNames(e.data.removed) }
            : e.data,
      createdAt: e.createdAt.toISOString(),
    })),
    panel: details.panel,
    otherThreads,
    replyOptions: channelEntry(t.channel).replyOptions(t, details.details),
    uploadPolicy: { kinds: [...policy.kinds], maxFiles: policy.maxFiles, maxTotalBytes: policy.maxTotalBytes, description: describePolicy(policy) },
    agents: staff.map((s) => ({ id: s.id, name: s.name })),
    draft,
    tags: tagList,
    loadedAt: loadedAt.toISOString(),
  };
}

/** Staff who had the thread open within the presence window, and whether each is writing in it right now. */
export async function findViewers(db: Db, threadId: number): Promise<{ userId: number; name: string; typing: boolean }[]> {
  return db
    .select({
      userId: threadViewers.userId,
      name: users.name,
      typing: sql<boolean>`coalesce(${threadViewers.typingAt} > now() - make_interval(secs => ${TYPING_TTL_SECONDS}), false)`,
    })
    .from(threadViewers)
    .innerJoin(users, eq(users.id, threadViewers.userId))
    .where(and(eq(threadViewers.threadId, threadId), gt(threadViewers.seenAt, sql`now() - make_interval(secs => ${PRESENCE_TTL_SECONDS})`)))
    .orderBy(asc(users.name));
}
