// Writes from the open thread: a reply or an internal note with its attachments (one transaction),
// and the thread's status, assignment and read state. Built on lib/threads/service, so events go
// out after commit exactly like every other channel's writes.
import { and, desc, eq, inArray, isNotNull, isNull, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attachments, messages, threadViewers, threads, users, type Attachment, type Message, type ThreadStatus } from "@/db/schema";
import { createAttachments } from "@/lib/attachments/service";
import { AppError } from "@/lib/errors";
import { inTransaction, publish } from "@/lib/events";
import { checkUploads, UPLOAD_POLICIES, type IncomingFile } from "@/lib/storage/file-types";
import type { FileStore } from "@/lib/storage/store";
import { validateReply, replyOptions } from "@/lib/threads/reply-rules";
import { addMessage, assignThread, isInbound, setMessagesRead, setThreadStatus } from "@/lib/threads/service";
import { findChangesSince, findChannelDetails, findViewers, PRESENCE_TTL_SECONDS, type ThreadChange } from "./queries";
import type { ReplyRequest } from "./schemas";

export interface StaffActor {
  id: number;
  name: string;
}

/** The thread changed (by someone else) since the agent opened it: say what, let them decide. */
export class ThreadChangedError extends AppError {
  constructor(
    readonly changes: ThreadChange[],
    readonly version: number,
  ) {
    super("conflict", "This thread changed since you opened it.");
  }
}

async function lockThread(tx: Db, threadId: number) {
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
export async function uploadDraftAttachments(db: Db, store: FileStore, threadId: number, files: IncomingFile[], actor: StaffActor): Promise<Attachment[]> {
  const [thread] = await db.select({ channel: threads.channel }).from(threads).where(and(eq(threads.id, threadId), isNull(threads.deletedAt)));
  if (!thread) throw new AppError("not_found", "Thread not found.");
  if (files.length === 0) throw new AppError("invalid", "No file received.", { files: ["No file received."] });
  const checked = await checkUploads(UPLOAD_POLICIES[thread.channel], files, "files");
  const saved = await db.transaction((tx) => createAttachments(tx as unknown as Db, store, { threadId, messageId: null, uploadedBy: actor.id, files: checked }));
  // Drafts abandoned for a day (a composer closed without sending) are forgotten. The bytes stay:
  // they are stored by content and may be shared with a sent attachment.
  await db
    .delete(attachments)
    .where(and(isNull(attachments.messageId), isNotNull(attachments.uploadedBy), lt(attachments.createdAt, new Date(Date.now() - 24 * 3600 * 1000))));
  return saved;
}

/**
 * Adds the agent's reply or note with its files. Refuses, before writing anything: a kind or
 * receiver the channel's rules do not allow, files outside the channel's upload policy, and a
 * stale `expectedVersion` when others changed the thread since `since` (unless `force`).
 */
export async function replyToThread(
  db: Db,
  store: FileStore,
  threadId: number,
  input: Omit<ReplyRequest, "attachmentIds"> & { files?: IncomingFile[]; attachmentIds?: number[] },
  actor: StaffActor,
): Promise<{ message: Message; attachments: Attachment[]; version: number }> {
  const files = input.files ?? [];
  const draftIds = [...new Set(input.attachmentIds ?? [])];
  if (!input.body && files.length === 0 && draftIds.length === 0) throw new AppError("invalid", "Write a message or attach a file.", { body: ["Write a message or attach a file."] });

  // Check the bytes before opening the transaction: no lock is held while reading files.
  const [peek] = await db.select({ channel: threads.channel }).from(threads).where(and(eq(threads.id, threadId), isNull(threads.deletedAt)));
  if (!peek) throw new AppError("not_found", "Thread not found.");
  const checked = await checkUploads(UPLOAD_POLICIES[peek.channel], files, "files");

  return inTransaction(db, async (tx, emit) => {
    const thread = await lockThread(tx, threadId);
    const details = await findChannelDetails(tx, thread);
    const rule = validateReply(replyOptions(thread, details.rules), { kind: input.kind, receivers: input.receivers });
    if (!rule.ok) throw new AppError("invalid", rule.error, { [rule.field]: [rule.error] });

    if (input.expectedVersion && thread.version !== input.expectedVersion && !input.force) {
      // Without a snapshot time, every change since the thread was created counts.
      const since = input.since ? new Date(input.since) : thread.createdAt;
      const changes = await findChangesSince(tx, threadId, since, actor.id);
      if (changes.length) throw new ThreadChangedError(changes, thread.version);
    }

    // Files uploaded ahead: this agent's, in this thread, not yet sent; then the per-message limits over all files.
    const drafts = draftIds.length
      ? await tx
          .select()
          .from(attachments)
          .where(and(inArray(attachments.id, draftIds), eq(attachments.threadId, threadId), isNull(attachments.messageId), eq(attachments.uploadedBy, actor.id)))
      : [];
    if (drafts.length !== draftIds.length) throw new AppError("invalid", "An attachment was not found or was already sent; attach it again.", { files: ["An attachment was not found or was already sent; attach it again."] });
    const policy = UPLOAD_POLICIES[thread.channel];
    if (drafts.length + checked.length > policy.maxFiles) {
      const msg = `At most ${policy.maxFiles} file${policy.maxFiles === 1 ? "" : "s"} may be attached.`;
      throw new AppError("invalid", msg, { files: [msg] });
    }
    if (drafts.reduce((n, a) => n + a.size, 0) + checked.reduce((n, f) => n + f.size, 0) > policy.maxTotalBytes) {
      const msg = `Attachments may not exceed ${Math.round(policy.maxTotalBytes / 1024 / 1024)} MB in all.`;
      throw new AppError("too_large", msg, { files: [msg] });
    }

    const message = await addMessage(tx, emit, threadId, {
      authorRole: "agent",
      authorUserId: actor.id,
      authorName: actor.name,
      body: input.body,
      isInternal: input.kind === "note",
      receivers: rule.receivers,
    });
    const linked = draftIds.length
      ? await tx.update(attachments).set({ messageId: message.id }).where(inArray(attachments.id, draftIds)).returning()
      : [];
    const saved = [...linked, ...(await createAttachments(tx, store, { threadId, messageId: message.id, uploadedBy: actor.id, files: checked }))];
    const [after] = await tx.select({ version: threads.version }).from(threads).where(eq(threads.id, threadId));
    return { message, attachments: saved, version: after!.version };
  });
}

export async function changeThreadStatus(db: Db, threadId: number, status: ThreadStatus, actor: StaffActor) {
  const thread = await inTransaction(db, (tx, emit) => setThreadStatus(tx, emit, threadId, status, { userId: actor.id }));
  return { status: thread.status, version: thread.version };
}

/** Assigns to a staff member (or nobody); refuses a user who is not active staff. */
export async function changeAssignee(db: Db, threadId: number, assigneeId: number | null, actor: StaffActor) {
  if (assigneeId !== null) {
    const [user] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, assigneeId), inArray(users.role, ["admin", "agent"]), isNull(users.disabledAt)));
    if (!user) throw new AppError("invalid", "Threads can only be assigned to an active agent.", { assigneeId: ["Not an active agent."] });
  }
  const thread = await inTransaction(db, (tx, emit) => assignThread(tx, emit, threadId, assigneeId, { userId: actor.id }));
  return { assigneeId: thread.assigneeId, version: thread.version };
}

/**
 * Read or unread: the given messages of this thread, or the whole thread. Marking the whole thread
 * unread flags what the customer side wrote (or, when it wrote nothing, the latest message): our
 * own replies and notes never count as something left to read.
 */
export async function changeReadState(db: Db, threadId: number, read: boolean, actor: StaffActor, messageIds?: number[]) {
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
    const result = await setMessagesRead(tx, emit, threadId, read, { userId: actor.id }, messageIds);
    const [after] = await tx.select({ version: threads.version }).from(threads).where(eq(threads.id, threadId));
    return { ...result, version: after!.version };
  });
}

/**
 * The open thread's heartbeat: records that `actor` is looking at it and returns everyone who is.
 * Announces a `viewing` event only when someone arrives, so other tabs update at once; departures
 * are announced by `leaveThread` or noticed when the heartbeat row expires.
 */
export async function heartbeatThread(db: Db, threadId: number, actor: StaffActor) {
  const [exists] = await db.select({ id: threads.id }).from(threads).where(and(eq(threads.id, threadId), isNull(threads.deletedAt)));
  if (!exists) throw new AppError("not_found", "Thread not found.");
  const before = await findViewers(db, threadId);
  await db
    .insert(threadViewers)
    .values({ threadId, userId: actor.id, seenAt: new Date() })
    .onConflictDoUpdate({ target: [threadViewers.threadId, threadViewers.userId], set: { seenAt: new Date() } });
  const viewers = await findViewers(db, threadId);
  if (!before.some((v) => v.userId === actor.id)) await publish(db, "viewing", { threadId, viewers });
  // Keep the table small: forget viewers long gone (any thread).
  await db.delete(threadViewers).where(lt(threadViewers.seenAt, new Date(Date.now() - 10 * PRESENCE_TTL_SECONDS * 1000)));
  return viewers;
}

export async function leaveThread(db: Db, threadId: number, actor: StaffActor) {
  const removed = await db
    .delete(threadViewers)
    .where(and(eq(threadViewers.threadId, threadId), eq(threadViewers.userId, actor.id)))
    .returning({ userId: threadViewers.userId });
  const viewers = await findViewers(db, threadId);
  if (removed.length) await publish(db, "viewing", { threadId, viewers });
  return viewers;
}
