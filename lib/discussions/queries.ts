// Reads for the marketplace discussions API and the inbox. Every read a seller makes carries its
// seller id in the WHERE (never filtered afterwards), so another seller's discussion is simply not
// found.
import "server-only";
import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  attachments,
  discussionDetails,
  discussionTypologies,
  discussionTypologyTranslations,
  messages,
  sellers,
  threads,
  type Attachment,
  type DiscussionDetails,
  type Message,
  type Thread,
} from "@/db/schema";
import { findSentAttachments } from "@/lib/attachments/queries";
import type { AttachmentQuery, CountQuery, ListQuery, ProcessStatus, TypologyQuery } from "./schemas";

/**
 * The API's processStatus is whether the customer side waits for us (threads.waiting_since, kept by
 * addMessage whoever writes: API, inbox, import). threads.channel_state mirrors it for the inbox's
 * state filter (the catalog's waitingStates, kept by addMessage).
 */
export const PROCESS_STATE: Record<ProcessStatus, string> = { ToTreat: "to_treat", Treated: "treated" };
export const processStatusOf = (thread: Pick<Thread, "waitingSince">): ProcessStatus => (thread.waitingSince ? "ToTreat" : "Treated");

export interface DiscussionRow {
  thread: Thread;
  detail: DiscussionDetails;
  sellerExternalId: string | null;
}

export interface MessageRow extends Message {
  attachmentCount: number;
}

const isDiscussionOf = (sellerId: number) => and(eq(threads.channel, "discussion"), eq(threads.sellerId, sellerId), isNull(threads.deletedAt));

// ---------------------------------------------------------------------------------------------
// Typologies

export async function findTypologies(db: Db, query: TypologyQuery, locale = "en") {
  const rows = await db
    .select({
      typology: discussionTypologies,
      description: sql<string | null>`coalesce(${discussionTypologyTranslations.description},
        (select x.description from discussion_typology_translations x where x.typology_id = ${discussionTypologies.id} and x.locale = 'en'),
        (select x.description from discussion_typology_translations x where x.typology_id = ${discussionTypologies.id} order by x.locale limit 1))`,
    })
    .from(discussionTypologies)
    .leftJoin(
      discussionTypologyTranslations,
      and(eq(discussionTypologyTranslations.typologyId, discussionTypologies.id), eq(discussionTypologyTranslations.locale, locale)),
    )
    .where(
      and(
        eq(discussionTypologies.isActive, true),
        query.salesChannel ? sql`(${discussionTypologies.salesChannel} is null or ${discussionTypologies.salesChannel} = ${query.salesChannel})` : undefined,
        query.orderStatus ? sql`${query.orderStatus} = any(${discussionTypologies.orderStatuses})` : undefined,
        query.typologyCode ? eq(discussionTypologies.typologyCode, query.typologyCode) : undefined,
        query.userType ? sql`(cardinality(${discussionTypologies.userTypes}) = 0 or ${query.userType} = any(${discussionTypologies.userTypes}))` : undefined,
      ),
    )
    .orderBy(asc(discussionTypologies.position), asc(discussionTypologies.id));
  return rows.map((r) => ({ ...r.typology, description: r.description ?? r.typology.subTypologyCode }));
}

// ---------------------------------------------------------------------------------------------
// Count and list

function listWhere(sellerId: number, q: Partial<ListQuery> & CountQuery): SQL | undefined {
  return and(
    isDiscussionOf(sellerId),
    q.discussionId?.length ? inArray(threads.id, q.discussionId.map(Number)) : undefined,
    q.orderId ? eq(discussionDetails.orderId, q.orderId) : undefined,
    q.orderSellerId ? eq(discussionDetails.orderReference, q.orderSellerId) : undefined,
    q.salesChannel ? eq(discussionDetails.salesChannel, q.salesChannel) : undefined,
    q.isOpen === undefined ? undefined : eq(threads.status, q.isOpen ? "open" : "closed"),
    q.processStatus === undefined ? undefined : q.processStatus === "ToTreat" ? isNotNull(threads.waitingSince) : isNull(threads.waitingSince),
    q.graduationCode ? eq(discussionDetails.graduationCode, q.graduationCode) : undefined,
    q.typologyCode ? eq(discussionDetails.typologyCode, q.typologyCode) : undefined,
    q.subTypologyCode ? eq(discussionDetails.subTypologyCode, q.subTypologyCode) : undefined,
    q.updatedAtMin ? gte(threads.updatedAt, q.updatedAtMin) : undefined,
    q.updatedAtMax ? lte(threads.updatedAt, q.updatedAtMax) : undefined,
  );
}

const usesDetails = (q: Partial<ListQuery> & CountQuery) =>
  !!(q.orderId || q.orderSellerId || q.salesChannel || q.graduationCode || q.typologyCode || q.subTypologyCode);

/** Every discussion thread has its detail row, so a count that filters on none skips the join. */
export async function countDiscussions(db: Db, sellerId: number, q: Partial<ListQuery> & CountQuery): Promise<number> {
  const base = db.select({ n: count() }).from(threads);
  const [row] = await (usesDetails(q) ? base.innerJoin(discussionDetails, eq(discussionDetails.threadId, threads.id)) : base).where(listWhere(sellerId, q));
  return Number(row?.n ?? 0);
}

/** One page of a seller's discussions, newest change first by default, with the total. */
export async function findDiscussionsPage(
  db: Db,
  sellerId: number,
  q: ListQuery,
): Promise<{ rows: (DiscussionRow & { messages: MessageRow[] })[]; total: number }> {
  const where = listWhere(sellerId, q);
  const column = q.sort.key === "createdAt" ? threads.createdAt : threads.updatedAt;
  const order = q.sort.desc ? [desc(column), desc(threads.id)] : [asc(column), asc(threads.id)];
  const [page, total] = await Promise.all([
    db
      .select({ thread: threads, detail: discussionDetails, sellerExternalId: sellers.externalId })
      .from(threads)
      .innerJoin(discussionDetails, eq(discussionDetails.threadId, threads.id))
      .leftJoin(sellers, eq(sellers.id, threads.sellerId))
      .where(where)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset((q.pageIndex - 1) * q.pageSize),
    countDiscussions(db, sellerId, q),
  ]);
  const withMessages = page.map((r) => ({ ...r, messages: [] as MessageRow[] }));
  if (q.includeMessages && page.length) {
    const ids = page.map((r) => r.thread.id);
    const dir = q.includeMessages === "FirstMessage" ? "asc" : "desc";
    // One message per discussion: the first or the last that the seller may see (no internal notes).
    const picked = await db
      .selectDistinctOn([messages.threadId], { message: messages })
      .from(messages)
      .where(and(inArray(messages.threadId, ids), isNull(messages.deletedAt), eq(messages.isInternal, false)))
      .orderBy(messages.threadId, dir === "asc" ? asc(messages.createdAt) : desc(messages.createdAt), dir === "asc" ? asc(messages.id) : desc(messages.id));
    const counts = await attachmentCounts(
      db,
      picked.map((p) => p.message.id),
    );
    for (const row of withMessages) {
      const m = picked.find((p) => p.message.threadId === row.thread.id)?.message;
      if (m) row.messages = [{ ...m, attachmentCount: counts.get(m.id) ?? 0 }];
    }
  }
  return { rows: withMessages, total };
}

async function attachmentCounts(db: Db, messageIds: number[]): Promise<Map<number, number>> {
  if (!messageIds.length) return new Map();
  const rows = await db
    .select({ messageId: attachments.messageId, n: count() })
    .from(attachments)
    .where(inArray(attachments.messageId, messageIds))
    .groupBy(attachments.messageId);
  return new Map(rows.map((r) => [Number(r.messageId), Number(r.n)]));
}

// ---------------------------------------------------------------------------------------------
// One discussion

export async function findDiscussion(db: Db, sellerId: number, id: number): Promise<DiscussionRow | undefined> {
  const [row] = await db
    .select({ thread: threads, detail: discussionDetails, sellerExternalId: sellers.externalId })
    .from(threads)
    .innerJoin(discussionDetails, eq(discussionDetails.threadId, threads.id))
    .leftJoin(sellers, eq(sellers.id, threads.sellerId))
    .where(and(eq(threads.id, id), isDiscussionOf(sellerId)))
    .limit(1);
  return row;
}

/** The seller-visible messages of a discussion (no internal notes), oldest first, with attachment counts. */
export async function findDiscussionMessages(db: Db, threadId: number): Promise<MessageRow[]> {
  const rows = await db
    .select()
    .from(messages)
    .where(and(eq(messages.threadId, threadId), isNull(messages.deletedAt), eq(messages.isInternal, false)))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  const counts = await attachmentCounts(
    db,
    rows.map((m) => m.id),
  );
  return rows.map((m) => ({ ...m, attachmentCount: counts.get(m.id) ?? 0 }));
}

/** A discussion found by the sales channel's own reference (POST /messages without a discussionId). */
export async function findDiscussionIdByReference(db: Db, sellerId: number, salesChannel: string, reference: string): Promise<number | undefined> {
  const [row] = await db
    .select({ id: threads.id })
    .from(threads)
    .innerJoin(discussionDetails, eq(discussionDetails.threadId, threads.id))
    .where(and(isDiscussionOf(sellerId), eq(discussionDetails.salesChannel, salesChannel), eq(discussionDetails.externalReference, reference)))
    .limit(1);
  return row?.id;
}

/** A message of one of the seller's discussions (not an internal note). */
export async function findSellerMessage(db: Db, sellerId: number, messageId: number): Promise<Message | undefined> {
  const [row] = await db
    .select({ message: messages })
    .from(messages)
    .innerJoin(threads, eq(threads.id, messages.threadId))
    .where(and(eq(messages.id, messageId), isNull(messages.deletedAt), eq(messages.isInternal, false), isDiscussionOf(sellerId)))
    .limit(1);
  return row?.message;
}

/** Attachments of the seller's discussions, by discussion, message and/or attachment id: sent, seller-visible messages' only. */
export async function findSellerAttachments(db: Db, sellerId: number, q: AttachmentQuery): Promise<Attachment[]> {
  return findSentAttachments(
    db,
    and(
      isDiscussionOf(sellerId),
      q.discussionId ? eq(attachments.threadId, Number(q.discussionId)) : undefined,
      q.messageId ? eq(attachments.messageId, Number(q.messageId)) : undefined,
      q.attachmentId ? eq(attachments.id, Number(q.attachmentId)) : undefined,
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Admin

/** Every typology, active or not, with its descriptions by locale. */
export async function findTypologiesForAdmin(db: Db) {
  const [rows, translations] = await Promise.all([
    db.select().from(discussionTypologies).orderBy(asc(discussionTypologies.position), asc(discussionTypologies.id)),
    db.select().from(discussionTypologyTranslations),
  ]);
  return rows.map((t) => ({
    ...t,
    descriptions: Object.fromEntries(translations.filter((x) => x.typologyId === t.id).map((x) => [x.locale, x.description])) as Record<string, string>,
  }));
}
export type AdminTypology = Awaited<ReturnType<typeof findTypologiesForAdmin>>[number];

// ---------------------------------------------------------------------------------------------
// The inbox's discussion panel

/** What the inbox shows for a discussion: typology (translated), order, sales channel, claim level, receivers. */
export async function findDiscussionPanel(db: Db, threadId: number, locale = "en") {
  const [row] = await db
    .select({
      detail: discussionDetails,
      typologyDescription: sql<string | null>`coalesce(
        (select x.description from discussion_typology_translations x where x.typology_id = ${discussionDetails.typologyId} and x.locale = ${locale}),
        (select x.description from discussion_typology_translations x where x.typology_id = ${discussionDetails.typologyId} and x.locale = 'en'))`,
      sellerTitle: sellers.title,
      sellerExternalId: sellers.externalId,
    })
    .from(discussionDetails)
    .innerJoin(threads, eq(threads.id, discussionDetails.threadId))
    .leftJoin(sellers, eq(sellers.id, threads.sellerId))
    .where(eq(discussionDetails.threadId, threadId))
    .limit(1);
  return row;
}
