// Reads of saved replies: the team's and the viewer's own, each with its body per language.
import "server-only";
import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { savedReplies, savedReplyTexts } from "@/db/schema";
import type { SavedReplyView } from "./render";

/** The replies `userId` may use (the team's and their own), titles A–Z, bodies by language. Two statements. */
export async function findSavedReplies(db: Db, userId: number): Promise<SavedReplyView[]> {
  const rows = await db
    .select({ id: savedReplies.id, title: savedReplies.title, ownerId: savedReplies.ownerId })
    .from(savedReplies)
    .where(or(isNull(savedReplies.ownerId), eq(savedReplies.ownerId, userId)))
    .orderBy(asc(sql`lower(${savedReplies.title})`), asc(savedReplies.id))
    .limit(500);
  if (!rows.length) return [];
  const texts = await db
    .select()
    .from(savedReplyTexts)
    .where(
      inArray(
        savedReplyTexts.replyId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((r) => ({ ...r, bodies: Object.fromEntries(texts.filter((t) => t.replyId === r.id).map((t) => [t.locale, t.body])) }));
}

export async function findSavedReply(db: Db, id: number, userId: number): Promise<SavedReplyView | undefined> {
  const [row] = await db
    .select({ id: savedReplies.id, title: savedReplies.title, ownerId: savedReplies.ownerId })
    .from(savedReplies)
    .where(and(eq(savedReplies.id, id), or(isNull(savedReplies.ownerId), eq(savedReplies.ownerId, userId))));
  if (!row) return undefined;
  const texts = await db.select().from(savedReplyTexts).where(eq(savedReplyTexts.replyId, id));
  return { ...row, bodies: Object.fromEntries(texts.map((t) => [t.locale, t.body])) };
}
