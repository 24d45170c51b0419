// Composer drafts, kept on the server per agent per thread — the text, reply or note, receivers and
// the files uploaded ahead — so a draft survives opening another thread, a reload or another
// browser; sending the message deletes it (lib/channels/reply.ts, same transaction). And "… is
// replying": a typing signal in the thread's presence row (thread_viewers.typing_at), announced to
// staff on every instance.
import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attachments, drafts, threadViewers, threads, type Draft } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { publish } from "@/lib/events";
import type { DraftView } from "@/lib/inbox/views";
import type { DraftInput } from "./schemas";

type Staff = Extract<Actor, { kind: "staff" }>;

declare module "@/lib/events/types" {
  interface EventMap {
    /** A colleague is writing in this thread (or stopped). Staff-only. */
    "draft.typing": { threadId: number; userId: number; name: string; kind: "reply" | "note"; typing: boolean };
  }
}

/** How long "… is replying" shows after the last keystroke signal. */
export const TYPING_TTL_SECONDS = 8;

export type { DraftView };

async function assertThread(db: Db, threadId: number) {
  const [row] = await db
    .select({ id: threads.id })
    .from(threads)
    .where(and(eq(threads.id, threadId), isNull(threads.deletedAt)));
  if (!row) throw new AppError("not_found", "Thread not found.");
}

/** Saves (or, when empty, deletes) the actor's draft in the thread. Files must be their own unsent uploads there. */
export async function saveDraft(db: Db, input: DraftInput & { threadId: number }, actor: Staff): Promise<DraftView | null> {
  await assertThread(db, input.threadId);
  const wanted = [...new Set(input.attachmentIds)];
  const files = wanted.length
    ? await db
        .select({ id: attachments.id, fileName: attachments.fileName, contentType: attachments.contentType, size: attachments.size })
        .from(attachments)
        .where(
          and(
            inArray(attachments.id, wanted),
            eq(attachments.threadId, input.threadId),
            isNull(attachments.messageId),
            eq(attachments.uploadedBy, actor.userId),
          ),
        )
    : [];
  if (!input.body.trim() && files.length === 0) {
    await deleteDraft(db, { threadId: input.threadId }, actor);
    return null;
  }
  const values = { kind: input.kind, body: input.body, receivers: input.receivers, attachmentIds: files.map((f) => f.id), updatedAt: new Date() };
  const [row] = await db
    .insert(drafts)
    .values({ threadId: input.threadId, userId: actor.userId, ...values })
    .onConflictDoUpdate({ target: [drafts.threadId, drafts.userId], set: values })
    .returning();
  return toView(row!, files);
}

export async function deleteDraft(db: Db, input: { threadId: number }, actor: Staff): Promise<void> {
  await db.delete(drafts).where(and(eq(drafts.threadId, input.threadId), eq(drafts.userId, actor.userId)));
}

function toView(row: Draft, files: DraftView["attachments"]): DraftView {
  return {
    kind: row.kind,
    body: row.body,
    receivers: row.receivers,
    attachments: row.attachmentIds.flatMap((id) => files.filter((f) => f.id === id)),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The user's draft in a thread, with its files (those still unsent). */
export async function findDraft(db: Db, threadId: number, userId: number): Promise<DraftView | null> {
  const [row] = await db
    .select()
    .from(drafts)
    .where(and(eq(drafts.threadId, threadId), eq(drafts.userId, userId)));
  if (!row) return null;
  const files = row.attachmentIds.length
    ? await db
        .select({ id: attachments.id, fileName: attachments.fileName, contentType: attachments.contentType, size: attachments.size })
        .from(attachments)
        .where(and(inArray(attachments.id, row.attachmentIds), isNull(attachments.messageId)))
    : [];
  return toView(row, files);
}

/** "I am writing here" (or "I stopped"): the presence row remembers it, colleagues hear it at once. */
export async function signalTyping(db: Db, input: { threadId: number; typing: boolean; kind: "reply" | "note" }, actor: Staff): Promise<void> {
  await assertThread(db, input.threadId);
  const typingAt = input.typing ? new Date() : null;
  await db
    .insert(threadViewers)
    .values({ threadId: input.threadId, userId: actor.userId, seenAt: new Date(), typingAt })
    .onConflictDoUpdate({ target: [threadViewers.threadId, threadViewers.userId], set: { typingAt, seenAt: new Date() } });
  await publish(db, "draft.typing", { threadId: input.threadId, userId: actor.userId, name: actor.name, kind: input.kind, typing: input.typing });
}
