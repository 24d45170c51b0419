// The one reply path. An agent's reply or note from the inbox and a reply through any foreign API
// (the seller API today; the conversations, SOAP and chat APIs next) are written here: the same
// checks of the channel (its checkReply and upload policy), the same transaction, the same events.
// How the reply then leaves (e-mail for contact, …) is the channel's `deliver`, run after commit
// by lib/listeners.ts.
import "server-only";
import { and, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { attachments, drafts as composerDrafts, messages, threadViewers, threads, type Attachment, type Channel, type Message } from "@/db/schema";
import { actorName, actorUserId, authorRoleOf, type Actor } from "@/lib/auth/actor";
import { createAttachments } from "@/lib/attachments/service";
import { AppError } from "@/lib/errors";
import { inTransaction } from "@/lib/events";
import { checkUploads, type CheckedFile, type IncomingFile } from "@/lib/storage/file-types";
import { getStore, type FileStore } from "@/lib/storage/store";
import { findChangesSince, type ThreadChange } from "@/lib/threads/queries";
import { findMentionedStaff } from "@/lib/notifications/mentions";
import { getAssignmentSettings } from "@/lib/threads/assignment";
import { addMessage, assignThread, setThreadStatus } from "@/lib/threads/service";
import { CHANNEL_CATALOG } from "./catalog";
import { channelEntry } from "./registry";
import type { ReceiverInput } from "./types";
import type { ReplyKind } from "./views";

export interface ReplyInput {
  threadId: number;
  kind: ReplyKind;
  body: string;
  /** The inbox's receiver values or an API's { userId, userType }; the channel checks them. */
  receivers?: readonly ReceiverInput[];
  /** New files; their type is decided by the bytes, against the channel's policy. */
  files?: IncomingFile[];
  /** The field name errors about files are reported under ("files" in the inbox, "attachments" in the seller API). */
  filesField?: string;
  /** Files this staff actor uploaded ahead in this thread (drafts), to send with the message. */
  draftIds?: number[];
  /** The thread's version when the agent opened it: a reply to a thread changed since is refused first. */
  expectedVersion?: number;
  /** The snapshot time that version belongs to: changes after it are reported. */
  since?: string;
  /** Send although the thread changed (after the agent saw what changed). */
  force?: boolean;
  /** A foreign API sees only its own threads: "not yours" is "not found". */
  scope?: { channel?: Channel; sellerId?: number; customerId?: number };
  /** The not-found message in the caller's words ("Discussion not found."). */
  notFound?: string;
  /** When the message was written, for history written by the seed and imports; never from a client. */
  at?: Date;
  store?: FileStore;
  /** The channel's own facts about the message (e.g. what a chat client said its type was), in the same transaction. */
  onMessage?: (tx: Tx, message: Message) => Promise<void>;
}

export interface ReplyResult {
  message: Message;
  attachments: Attachment[];
  /** The thread's version after the reply. */
  version: number;
}

/** The thread changed (by someone else) since the agent opened it: say what, let them decide. */
export class ThreadChangedError extends AppError {
  constructor(
    readonly changes: ThreadChange[],
    readonly version: number,
  ) {
    super("conflict", "This thread changed since you opened it.", undefined, undefined, { changes, version, at: new Date().toISOString() });
  }
}

function scopeConditions(input: ReplyInput) {
  return and(
    eq(threads.id, input.threadId),
    isNull(threads.deletedAt),
    input.scope?.channel ? eq(threads.channel, input.scope.channel) : undefined,
    input.scope?.sellerId !== undefined ? eq(threads.sellerId, input.scope.sellerId) : undefined,
    input.scope?.customerId !== undefined ? eq(threads.customerId, input.scope.customerId) : undefined,
  );
}

async function lockThread(tx: Tx, input: ReplyInput) {
  const [thread] = await tx.select().from(threads).where(scopeConditions(input)).for("update");
  if (!thread) throw new AppError("not_found", input.notFound ?? "Thread not found.");
  return thread;
}

/**
 * Writes a reply or an internal note with its files. Refuses, before writing anything: what the
 * channel's checkReply refuses (a kind, receivers, a closed discussion, …), files outside the
 * channel's upload policy, and — when `expectedVersion` is given — a thread others changed since
 * `since` (unless `force`).
 */
export async function postReply(db: Db, input: ReplyInput, actor: Actor): Promise<ReplyResult> {
  const files = input.files ?? [];
  const field = input.filesField ?? "files";
  const draftIds = [...new Set(input.draftIds ?? [])];
  if (!input.body && files.length === 0 && draftIds.length === 0) {
    throw new AppError("invalid", "Write a message or attach a file.", { body: ["Write a message or attach a file."] });
  }
  // Check the bytes before opening the transaction: no lock is held while reading files. Without
  // new files there is nothing to check, and the thread is found (or not) by its lock below.
  let checked: CheckedFile[] = [];
  if (files.length) {
    const [peek] = await db.select({ channel: threads.channel }).from(threads).where(scopeConditions(input));
    if (!peek) throw new AppError("not_found", input.notFound ?? "Thread not found.");
    checked = await checkUploads(CHANNEL_CATALOG[peek.channel].upload, files, field);
  }
  const userId = actorUserId(actor);

  return inTransaction(db, async (tx, emit) => {
    const thread = await lockThread(tx, input);
    // A thread's channel never changes: the policy the files were checked against is this one.
    const policy = CHANNEL_CATALOG[thread.channel].upload;
    const entry = channelEntry(thread.channel);
    const details = await entry.loadDetails(tx, thread);
    const { receivers } = entry.checkReply({ thread, details, kind: input.kind, receivers: input.receivers ?? [], actor });

    if (input.expectedVersion && thread.version !== input.expectedVersion && !input.force) {
      // Without a snapshot time, every change since the thread was created counts.
      const since = input.since ? new Date(input.since) : thread.createdAt;
      // In a live conversation (chat) the other side's messages are on the agent's screen as they come: only others' changes hold a reply back.
      const live = entry.replyOptions(thread, details).live;
      const changes = (await findChangesSince(tx, thread.id, since, userId)).filter((c) => !(live && c.inbound));
      if (changes.length) throw new ThreadChangedError(changes, thread.version);
    }

    // Files uploaded ahead: this actor's, in this thread, not yet sent; then the per-message limits over all files.
    const drafts = draftIds.length
      ? await tx
          .select()
          .from(attachments)
          .where(
            and(
              inArray(attachments.id, draftIds),
              eq(attachments.threadId, thread.id),
              isNull(attachments.messageId),
              eq(attachments.uploadedBy, userId ?? -1),
            ),
          )
      : [];
    if (drafts.length !== draftIds.length) {
      const msg = "An attachment was not found or was already sent; attach it again.";
      throw new AppError("invalid", msg, { [field]: [msg] });
    }
    if (drafts.length + checked.length > policy.maxFiles) {
      const msg = `At most ${policy.maxFiles} file${policy.maxFiles === 1 ? "" : "s"} may be attached.`;
      throw new AppError("invalid", msg, { [field]: [msg] });
    }
    if (drafts.reduce((n, a) => n + a.size, 0) + checked.reduce((n, f) => n + f.size, 0) > policy.maxTotalBytes) {
      const msg = `Attachments may not exceed ${Math.round(policy.maxTotalBytes / 1024 / 1024)} MB in all.`;
      throw new AppError("too_large", msg, { [field]: [msg] });
    }

    const message = await addMessage(tx, emit, thread.id, {
      authorRole: authorRoleOf(actor),
      authorUserId: userId,
      authorName: actorName(actor),
      body: input.body,
      isInternal: input.kind === "note",
      receivers,
      createdAt: input.at,
    });
    await input.onMessage?.(tx, message);
    const linked = draftIds.length ? await tx.update(attachments).set({ messageId: message.id }).where(inArray(attachments.id, draftIds)).returning() : [];
    const saved = [
      ...linked,
      ...(await createAttachments(tx, input.store ?? getStore(), { threadId: thread.id, messageId: message.id, uploadedBy: userId, files: checked })),
    ];
    // addMessage moved the thread's version on by one, and the row is locked (lockThread) so nobody else did.
    let version = thread.version + 1;
    if (actor.kind === "staff") {
      // What was sent was this agent's draft in this thread: it is gone with the send, and so is
      // their "… is replying" (one statement for both: each is a row or none).
      await tx.execute(sql`
        with draft as (delete from ${composerDrafts} where ${composerDrafts.threadId} = ${thread.id} and ${composerDrafts.userId} = ${actor.userId})
        update ${threadViewers} set typing_at = null where ${threadViewers.threadId} = ${thread.id} and ${threadViewers.userId} = ${actor.userId}`);
      // Auto-assign (a setting): an agent's reply to an unassigned thread makes it theirs.
      if (input.kind === "reply" && thread.assigneeId === null && (await getAssignmentSettings(tx)).assignOnReply) {
        version = (await assignThread(tx, emit, thread.id, actor.userId, actor)).version;
      }
      // @name in a note: the named colleagues are told.
      if (input.kind === "note") {
        const mentioned = await findMentionedStaff(tx, input.body, actor.userId);
        if (mentioned.length) {
          emit("note.mentioned", {
            threadId: thread.id,
            messageId: message.id,
            userIds: mentioned.map((m) => m.id),
            byName: actor.name,
            preview: input.body.slice(0, 140),
          });
        }
      }
    }
    if (input.onMessage) {
      // The channel's own step may have changed the thread too.
      const [after] = await tx.select({ version: threads.version }).from(threads).where(eq(threads.id, thread.id));
      version = after!.version;
    }
    return { message, attachments: saved, version };
  });
}

// ---------------------------------------------------------------------------------------------
// The customer side writes (a portal reply, a chat visitor, history the seed and imports write).

export interface InboundInput {
  threadId: number;
  body: string;
  files?: IncomingFile[];
  filesField?: string;
  /** Who on the customer side: the customer, or (discussions) the marketplace's customer service. */
  role?: "customer" | "customer_service";
  /** The author's name as shown (defaults to the actor's). */
  authorName?: string;
  scope?: ReplyInput["scope"];
  notFound?: string;
  /**
   * A client that retries (storefronts resend a failed call up to three times): the same text from
   * the same author in this thread within this many seconds is the message already written, not a
   * new one. Only for messages without files.
   */
  dedupeSeconds?: number;
  /** A closed thread opens again when the customer writes (conversations: the customer's next message is a new question). */
  reopen?: boolean;
  at?: Date;
  store?: FileStore;
  onMessage?: ReplyInput["onMessage"];
}

export interface InboundResult {
  message: Message;
  attachments: Attachment[];
  /** It was a retry of `message`, already written: nothing new was stored. */
  duplicate: boolean;
}

/** A message from the customer side: it arrives unread and makes the thread wait for us. */
export async function postInbound(db: Db, input: InboundInput, actor: Actor): Promise<InboundResult> {
  const files = input.files ?? [];
  if (!input.body && files.length === 0) throw new AppError("invalid", "Write a message or attach a file.", { body: ["Write a message or attach a file."] });
  const scoped: ReplyInput = { threadId: input.threadId, kind: "reply", body: input.body, scope: input.scope, notFound: input.notFound };
  // As in postReply: files are checked before the transaction, against the thread's channel.
  let checked: CheckedFile[] = [];
  if (files.length) {
    const [peek] = await db.select({ channel: threads.channel }).from(threads).where(scopeConditions(scoped));
    if (!peek) throw new AppError("not_found", input.notFound ?? "Thread not found.");
    checked = await checkUploads(CHANNEL_CATALOG[peek.channel].upload, files, input.filesField ?? "files");
  }
  return inTransaction(db, async (tx, emit) => {
    const thread = await lockThread(tx, scoped);
    const entry = channelEntry(thread.channel);
    if (entry.checkInbound) entry.checkInbound({ thread, details: await entry.loadDetails(tx, thread), kind: "reply", receivers: [], actor });
    const role = input.role ?? "customer";
    const authorUserId = actor.kind === "customer" ? (actor.userId ?? null) : null;
    if (input.dedupeSeconds && checked.length === 0) {
      // Under the thread's lock, so four retries at once still find one another.
      const [same] = await tx
        .select()
        .from(messages)
        .where(
          and(
            eq(messages.threadId, thread.id),
            eq(messages.authorRole, role),
            authorUserId === null ? isNull(messages.authorUserId) : eq(messages.authorUserId, authorUserId),
            eq(messages.body, input.body),
            isNull(messages.deletedAt),
            gt(messages.createdAt, sql`now() - make_interval(secs => ${input.dedupeSeconds})`),
          ),
        )
        .orderBy(desc(messages.createdAt), desc(messages.id))
        .limit(1);
      if (same) return { message: same, attachments: [], duplicate: true };
    }
    if (input.reopen && thread.status === "closed") await setThreadStatus(tx, emit, thread.id, "open", actor);
    const message = await addMessage(tx, emit, thread.id, {
      authorRole: role,
      authorUserId,
      authorName: input.authorName ?? actorName(actor),
      body: input.body,
      createdAt: input.at,
    });
    await input.onMessage?.(tx, message);
    const saved = await createAttachments(tx, input.store ?? getStore(), { threadId: thread.id, messageId: message.id, files: checked });
    return { message, attachments: saved, duplicate: false };
  });
}
