// Reads of attachment rows.
import "server-only";
import { and, asc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attachments, messages, threads, type Attachment } from "@/db/schema";

export async function findAttachment(db: Db, id: number): Promise<Attachment | undefined> {
  const [row] = await db.select().from(attachments).where(eq(attachments.id, id)).limit(1);
  return row;
}

export async function findAttachmentsForMessages(db: Db, messageIds: number[]): Promise<Attachment[]> {
  if (messageIds.length === 0) return [];
  return db.select().from(attachments).where(inArray(attachments.messageId, messageIds)).orderBy(asc(attachments.id));
}

export async function findAttachmentsForThread(db: Db, threadId: number, messageId?: number): Promise<Attachment[]> {
  return db
    .select()
    .from(attachments)
    .where(messageId ? and(eq(attachments.threadId, threadId), eq(attachments.messageId, messageId)) : eq(attachments.threadId, threadId))
    .orderBy(asc(attachments.id));
}

/**
 * The one rule every foreign API (the seller API; the conversations, SOAP and chat APIs next) reads
 * attachments by: files of sent messages the outside may see — never a draft an agent uploaded
 * ahead (no message yet), never an internal note's, never a deleted message's or thread's.
 * `where` adds the caller's scope (its seller, its customer, its room) on threads, messages and
 * attachments.
 */
export async function findSentAttachments(db: Db, where: SQL | undefined, limit = 200): Promise<Attachment[]> {
  const rows = await db
    .select({ attachment: attachments })
    .from(attachments)
    .innerJoin(messages, eq(messages.id, attachments.messageId))
    .innerJoin(threads, eq(threads.id, attachments.threadId))
    .where(and(eq(messages.isInternal, false), isNull(messages.deletedAt), isNull(threads.deletedAt), eq(messages.threadId, attachments.threadId), where))
    .orderBy(asc(attachments.id))
    .limit(limit);
  return rows.map((r) => r.attachment);
}
