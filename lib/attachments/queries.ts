// Reads of attachment rows.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attachments, type Attachment } from "@/db/schema";

export async function getAttachment(db: Db, id: number): Promise<Attachment | undefined> {
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
