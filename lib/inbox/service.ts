// The agent's actions on the open thread besides replying (the reply path is lib/channels/reply.ts):
// files uploaded ahead of a message, status, assignment, read state and presence. Each is shaped
// (db, input, actor) and opens its own transaction; events go out after commit like every other
// channel's writes.
import "server-only";
import { and, desc, eq, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { attachments, messages, threadViewers, threads, users, type Attachment, type ThreadStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { createAttachments } from "@/lib/attachments/service";
import { CHANNEL_CATALOG } from "@/lib/channels/catalog";
import { AppError } from "@/lib/errors";
import { inTransaction, publish } from "@/lib/events";
import { checkUploads, type IncomingFile } from "@/lib/storage/file-types";
import { getStore, type FileStore } from "@/lib/storage/store";
import { setSenderBlocked } from "@/lib/customers/service";
import { TRASH_DAYS } from "@/lib/threads/sweep";
import {
  assignThread,
  isInbound,
  lockLiveThread,
  restoreThread,
  setMessagesRead,
  setThreadSpam,
  setThreadStatus,
  setThreadTags,
  snoozeThread,
  softDeleteThread,
  wakeThread,
} from "@/lib/threads/service";
import { findViewers, PRESENCE_TTL_SECONDS } from "./thread-view";

/** A signed-in staff member: the actor of every inbox action. */
export type StaffActor = Extract<Actor, { kind: "staff" }>;

async function lockThread(tx: Tx, threadId: number) {
  const [thread] = await tx
    .select()
    .from(threads)
    .where(and(eq(threads.id, threadId), isNull(threads.deletedAt)))
    .for("update");
  if (!thread) throw new AppError("not_found", "Thread not found.");
  return thread;
}

/**
 * Files uploaded ahead of the message (the composer uploads each file as it is dropped, to show its
 * progress). They wait unattached (message_id null) until a reply or note of the same agent in the
 * same thread takes them. Types are checked here; the count and total size per message when sent.
 */
export async function uploadDraftAttachments(
  db: Db,
  input: { threadId: number; files: IncomingFile[]; store?: FileStore },
  actor: StaffActor,
): Promise<Attachment[]> {
  const { threadId, files } = input;
  const [thread] = await db
    .select({ channel: threads.channel })
    .from(threads)
    .where(and(eq(threads.id, threadId), isNull(threads.deletedAt)));
  if (!thread) throw new AppError("not_found", "Thread not found.");
  if (files.length === 0) throw new AppError("invalid", "No file received.", { files: ["No file received."] });
  const checked = await checkUploads(CHANNEL_CATALOG[thread.channel].upload, files, "files");
  const saved = await db.transaction((tx) =>
    createAttachments(tx, input.store ?? getStore(), { threadId, messageId: null, uploadedBy: actor.userId, files: checked }),
  );
  // Drafts abandoned for a day (a composer closed without sending) are forgotten. The bytes stay:
  // they are stored by content and may be shared with a sent attachment.
  // A file in a saved draft (lib/drafts) stays as long as the draft does.
  await db
    .delete(attachments)
    .where(
      and(
        isNull(attachments.messageId),
        isNotNull(attachments.uploadedBy),
        lt(attachments.createdAt, new Date(Date.now() - 24 * 3600 * 1000)),
        sql`not exists (select 1 from drafts d where ${attachments.id} = any(d.attachment_ids))`,
      ),
    );
  return saved;
}

export async function changeThreadStatus(db: Db, input: { threadId: number; status: ThreadStatus }, actor: Actor) {
  const thread = await inTransaction(db, (tx, emit) => setThreadStatus(tx, emit, input.threadId, input.status, actor));
  return { status: thread.status, version: thread.version };
}

/** Assigns to a staff member (or nobody); refuses a user who is not active staff. */
export async function changeAssignee(db: Db, input: { threadId: number; assigneeId: number | null }, actor: Actor) {
  const { threadId, assigneeId } = input;
  if (assigneeId !== null) {
    const [user] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, assigneeId), inArray(users.role, ["admin", "agent"]), isNull(users.disabledAt)));
    if (!user) throw new AppError("invalid", "Threads can only be assigned to an active agent.", { assigneeId: ["Not an active agent."] });
  }
  const thread = await inTransaction(db, (tx, emit) => assignThread(tx, emit, threadId, assigneeId, actor));
  return { assigneeId: thread.assigneeId, version: thread.version };
}

/**
 * Read or unread: the given messages of this thread, or the whole thread. Marking the whole thread
 * unread flags what the customer side wrote (or, when it wrote nothing, the latest message): our
 * own replies and notes never count as something left to read.
 */
export async function changeReadState(db: Db, input: { threadId: number; read: boolean; messageIds?: number[] }, actor: Actor) {
  const { threadId, read } = input;
  let messageIds = input.messageIds;
  return inTransaction(db, async (tx, emit) => {
    await lockThread(tx, threadId);
    if (!read && !messageIds) {
      const all = await tx
        .select({ id: messages.id, authorRole: messages.authorRole, isInternal: messages.isInternal })
        .from(messages)
        .where(and(eq(messages.threadId, threadId), isNull(messages.deletedAt)))
        .orderBy(desc(messages.createdAt), desc(messages.id));
      const inbound = all.filter((m) => isInbound(m.authorRole) && !m.isInternal).map((m) => m.id);
      messageIds = inbound.length ? inbound : all.slice(0, 1).map((m) => m.id);
      if (messageIds.length === 0) messageIds = undefined;
    } else if (messageIds) {
      const found = await tx
        .select({ id: messages.id })
        .from(messages)
        .where(and(eq(messages.threadId, threadId), inArray(messages.id, messageIds)));
      if (found.length !== new Set(messageIds).size) throw new AppError("not_found", "Message not found in this thread.");
    }
    const result = await setMessagesRead(tx, emit, threadId, read, actor, messageIds);
    const [after] = await tx.select({ version: threads.version }).from(threads).where(eq(threads.id, threadId));
    return { ...result, version: after!.version };
  });
}

/**
 * The open thread's heartbeat: records that `actor` is looking at it and returns everyone who is.
 * Announces a `viewing` event only when someone arrives, so other tabs update at once; departures
 * are announced by `leaveThread` or noticed when the heartbeat row expires.
 */
export async function heartbeatThread(db: Db, input: { threadId: number }, actor: StaffActor) {
  const { threadId } = input;
  const [exists] = await db
    .select({ id: threads.id })
    .from(threads)
    .where(and(eq(threads.id, threadId), isNull(threads.deletedAt)));
  if (!exists) throw new AppError("not_found", "Thread not found.");
  const before = await findViewers(db, threadId);
  await db
    .insert(threadViewers)
    .values({ threadId, userId: actor.userId, seenAt: new Date() })
    .onConflictDoUpdate({ target: [threadViewers.threadId, threadViewers.userId], set: { seenAt: new Date() } });
  const viewers = await findViewers(db, threadId);
  if (!before.some((v) => v.userId === actor.userId)) await publish(db, "viewing", { threadId, viewers });
  // Keep the table small: forget viewers long gone (any thread).
  await db.delete(threadViewers).where(lt(threadViewers.seenAt, new Date(Date.now() - 10 * PRESENCE_TTL_SECONDS * 1000)));
  return viewers;
}

export async function leaveThread(db: Db, input: { threadId: number }, actor: StaffActor) {
  const { threadId } = input;
  const removed = await db
    .delete(threadViewers)
    .where(and(eq(threadViewers.threadId, threadId), eq(threadViewers.userId, actor.userId)))
    .returning({ userId: threadViewers.userId });
  const viewers = await findViewers(db, threadId);
  if (removed.length) await publish(db, "viewing", { threadId, viewers });
  return viewers;
}

/** The bytes a request carrying files for this thread may have: its channel's upload allowance, plus room for the form's text. */
export async function threadUploadBodyLimit(db: Db, threadId: number): Promise<number> {
  const [thread] = await db.select({ channel: threads.channel }).from(threads).where(eq(threads.id, threadId));
  const policy = thread ? CHANNEL_CATALOG[thread.channel].upload : undefined;
  return (policy?.maxTotalBytes ?? 0) + 1024 * 1024;
}

// ---------------------------------------------------------------------------------------------
// Issue 16: tags, snooze, spam, delete and restore — each one transaction through the shared steps.

export async function changeThreadTags(db: Db, input: { threadId: number; add: number[]; remove: number[] }, actor: Actor) {
  const { tagIds } = await inTransaction(db, (tx, emit) => setThreadTags(tx, emit, input.threadId, { add: input.add, remove: input.remove }, actor));
  return { tagIds };
}

/** Snoozes until `until` (null: until the customer writes again), or wakes it (`until` undefined… use wake). */
export async function changeSnooze(db: Db, input: { threadId: number; snooze: { until: Date | null } | false }, actor: Actor) {
  return inTransaction(db, async (tx, emit) => {
    if (input.snooze === false) {
      await lockLiveThread(tx, input.threadId);
      await wakeThread(tx, emit, input.threadId, "manual", actor);
      return { snoozed: false, until: null };
    }
    const thread = await snoozeThread(tx, emit, input.threadId, input.snooze.until, actor);
    return { snoozed: true, until: thread.snoozeUntil?.toISOString() ?? null };
  });
}

/**
 * Marks a thread as spam: out of every view, and its sender blocked — the customer record and
 * every record with the same e-mail (lib/customers: the contact form and chat ask
 * isSenderBlocked). "Not spam" puts it back and unblocks them.
 */
export async function changeSpam(db: Db, input: { threadId: number; spam: boolean }, actor: Actor) {
  return inTransaction(db, async (tx, emit) => {
    const thread = await setThreadSpam(tx, emit, input.threadId, input.spam, actor);
    await setSenderBlocked(tx, { customerId: thread.customerId, email: thread.customerEmail }, input.spam);
    return { spam: input.spam };
  });
}

/** Moves a thread to the trash (agents may; an admin may restore it for TRASH_DAYS days). */
export async function deleteThread(db: Db, input: { threadId: number }, actor: Actor) {
  const deleted = await inTransaction(db, (tx, emit) => softDeleteThread(tx, emit, input.threadId, actor));
  if (!deleted) throw new AppError("not_found", "Thread not found.");
  return { deleted: true };
}

export async function restoreDeletedThread(db: Db, input: { threadId: number }, actor: Actor) {
  const restored = await inTransaction(db, async (tx, emit) => {
    const [row] = await tx.select({ deletedAt: threads.deletedAt }).from(threads).where(eq(threads.id, input.threadId)).for("update");
    if (!row?.deletedAt || row.deletedAt.getTime() < Date.now() - TRASH_DAYS * 86_400_000) return false;
    return restoreThread(tx, emit, input.threadId, actor);
  });
  if (!restored) throw new AppError("not_found", "This thread is not in the trash.");
  return { restored: true };
}
