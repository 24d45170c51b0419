// Writes to threads and messages, shared by every channel: the inbox, the forms and the five
// compatibility APIs all go through these functions. Each takes a transaction and an `emit`
// (see lib/events inTransaction) so a channel service can add its detail row in the same commit.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  messages,
  threadEvents,
  threads,
  type AuthorRole,
  type Channel,
  type Message,
  type Thread,
  type ThreadStatus,
} from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { EventName } from "@/lib/events";

export type Emit = (name: EventName, data: Record<string, unknown>) => void;

/** Messages from these roles wait for us: they arrive unread and make the thread "waiting". */
export const INBOUND_ROLES: readonly AuthorRole[] = ["customer", "customer_service"];
export const isInbound = (role: AuthorRole) => INBOUND_ROLES.includes(role);

export interface Actor {
  userId?: number | null;
  /** Shown in the timeline when there is no user (an API client, the system). */
  label?: string;
}

export interface NewMessageInput {
  authorRole: AuthorRole;
  body: string;
  authorUserId?: number | null;
  authorName?: string;
  isInternal?: boolean;
  receivers?: { userId?: string; userType: string }[] | null;
  externalId?: string | null;
  emailMessageId?: string | null;
  createdAt?: Date;
  /** Override the default (inbound unread, everything else read). */
  read?: boolean;
}

export interface NewThreadInput {
  channel: Channel;
  subject: string;
  customerId?: number | null;
  customerName?: string;
  customerEmail?: string | null;
  sellerId?: number | null;
  assigneeId?: number | null;
  orderRef?: string | null;
  locale?: string | null;
  channelState?: string | null;
  status?: ThreadStatus;
  createdAt?: Date;
}

/**
 * Channels whose own state says whether the customer side waits for us. `addMessage` keeps it in
 * the same UPDATE as `waiting_since`, whichever path adds the message (inbox, API, import).
 */
export const WAITING_STATES: Partial<Record<Channel, { waiting: string; answered: string }>> = {
  discussion: { waiting: "to_treat", answered: "treated" },
};

export function previewOf(body: string): string {
  return body.replace(/\s+/g, " ").trim().slice(0, 160);
}

export async function logThreadEvent(
  tx: Db,
  threadId: number,
  type: string,
  actor: Actor,
  data: Record<string, unknown> = {},
): Promise<void> {
  await tx.insert(threadEvents).values({ threadId, type, actorUserId: actor.userId ?? null, actorLabel: actor.label ?? null, data });
}

export async function createThread(tx: Db, emit: Emit, input: NewThreadInput, actor: Actor = {}): Promise<Thread> {
  const createdAt = input.createdAt ?? new Date();
  const [thread] = await tx
    .insert(threads)
    .values({
      channel: input.channel,
      subject: input.subject,
      customerId: input.customerId ?? null,
      customerName: input.customerName ?? "",
      customerEmail: input.customerEmail ?? null,
      sellerId: input.sellerId ?? null,
      assigneeId: input.assigneeId ?? null,
      orderRef: input.orderRef ?? null,
      locale: input.locale ?? null,
      channelState: input.channelState ?? null,
      status: input.status ?? "open",
      createdAt,
      updatedAt: createdAt,
      lastMessageAt: createdAt,
    })
    .returning();
  await logThreadEvent(tx, thread.id, "created", actor, { channel: thread.channel });
  emit("thread.created", { threadId: thread.id, channel: thread.channel });
  return thread;
}

/** Adds a message and moves the thread's activity, preview, counts and waiting state with it. */
export async function addMessage(tx: Db, emit: Emit, threadId: number, input: NewMessageInput): Promise<Message> {
  const body = input.body;
  const createdAt = input.createdAt ?? new Date();
  const inbound = isInbound(input.authorRole);
  const read = input.read ?? !inbound;
  const [message] = await tx
    .insert(messages)
    .values({
      threadId,
      authorRole: input.authorRole,
      authorUserId: input.authorUserId ?? null,
      authorName: input.authorName ?? "",
      body,
      isInternal: input.isInternal ?? false,
      receivers: input.receivers ?? null,
      externalId: input.externalId ?? null,
      emailMessageId: input.emailMessageId ?? null,
      readAt: read ? createdAt : null,
      createdAt,
    })
    .returning();

  // An internal note is activity for us but neither answers nor waits for the customer.
  const answered = !inbound && !input.isInternal && input.authorRole !== "system";
  const stateWhens = Object.entries(WAITING_STATES).map(
    ([channel, states]) => sql`when ${channel} then ${inbound ? states.waiting : states.answered}::text`,
  );
  const [thread] = await tx
    .update(threads)
    .set({
      lastMessageAt: sql`greatest(${threads.lastMessageAt}, ${createdAt.toISOString()}::timestamptz)`,
      lastMessagePreview: input.isInternal ? threads.lastMessagePreview : previewOf(body),
      lastMessageRole: input.isInternal ? threads.lastMessageRole : input.authorRole,
      messageCount: sql`${threads.messageCount} + 1`,
      unreadCount: read ? threads.unreadCount : sql`${threads.unreadCount} + 1`,
      waitingSince: inbound
        ? sql`coalesce(${threads.waitingSince}, ${createdAt.toISOString()}::timestamptz)`
        : answered
          ? null
          : threads.waitingSince,
      channelState:
        (inbound || answered) && stateWhens.length
          ? sql`case ${threads.channel} ${sql.join(stateWhens, sql` `)} else ${threads.channelState} end`
          : threads.channelState,
      version: sql`${threads.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(threads.id, threadId))
    .returning({ id: threads.id, channel: threads.channel, channelState: threads.channelState });
  if (!thread) throw new AppError("not_found", "Thread not found.");

  emit("message.created", {
    threadId,
    messageId: message.id,
    channel: thread.channel,
    channelState: thread.channelState,
    authorRole: message.authorRole,
    isInternal: message.isInternal,
  });
  return message;
}

export async function setThreadStatus(
  tx: Db,
  emit: Emit,
  threadId: number,
  status: ThreadStatus,
  actor: Actor,
): Promise<Thread> {
  const [current] = await tx.select().from(threads).where(eq(threads.id, threadId)).for("update");
  if (!current || current.deletedAt) throw new AppError("not_found", "Thread not found.");
  if (current.status === status) return current;
  const [thread] = await tx
    .update(threads)
    .set({ status, version: sql`${threads.version} + 1`, updatedAt: new Date() })
    .where(eq(threads.id, threadId))
    .returning();
  await logThreadEvent(tx, threadId, status === "closed" ? "closed" : "reopened", actor);
  emit(status === "closed" ? "thread.closed" : "thread.reopened", { threadId, channel: thread.channel, status });
  return thread;
}

export async function assignThread(
  tx: Db,
  emit: Emit,
  threadId: number,
  assigneeId: number | null,
  actor: Actor,
): Promise<Thread> {
  const [current] = await tx.select().from(threads).where(eq(threads.id, threadId)).for("update");
  if (!current || current.deletedAt) throw new AppError("not_found", "Thread not found.");
  if (current.assigneeId === assigneeId) return current;
  const [thread] = await tx
    .update(threads)
    .set({ assigneeId, version: sql`${threads.version} + 1`, updatedAt: new Date() })
    .where(eq(threads.id, threadId))
    .returning();
  await logThreadEvent(tx, threadId, "assigned", actor, { from: current.assigneeId, to: assigneeId });
  emit("thread.assigned", { threadId, channel: thread.channel, assigneeId });
  return thread;
}

/**
 * Marks messages read or unread (all of the thread's when `messageIds` is omitted) and keeps the
 * thread's unread count exact.
 */
export async function setMessagesRead(
  tx: Db,
  emit: Emit,
  threadId: number,
  read: boolean,
  actor: Actor,
  messageIds?: number[],
): Promise<{ changed: number; unreadCount: number }> {
  const scope = and(
    eq(messages.threadId, threadId),
    isNull(messages.deletedAt),
    messageIds ? inArray(messages.id, messageIds) : undefined,
    read ? isNull(messages.readAt) : sql`${messages.readAt} is not null`,
  );
  const changedRows = await tx
    .update(messages)
    .set({ readAt: read ? new Date() : null })
    .where(scope)
    .returning({ id: messages.id });
  const [thread] = await tx
    .update(threads)
    .set({
      unreadCount: sql`(select count(*)::int from messages m where m.thread_id = ${threadId} and m.read_at is null and m.deleted_at is null)`,
      version: changedRows.length ? sql`${threads.version} + 1` : threads.version,
    })
    .where(eq(threads.id, threadId))
    .returning({ unreadCount: threads.unreadCount, channel: threads.channel });
  if (!thread) throw new AppError("not_found", "Thread not found.");
  if (changedRows.length) {
    await logThreadEvent(tx, threadId, read ? "read" : "unread", actor, { messageIds: changedRows.map((r) => r.id) });
    emit("thread.read", { threadId, channel: thread.channel, read, messageIds: changedRows.map((r) => r.id), unreadCount: thread.unreadCount });
  }
  return { changed: changedRows.length, unreadCount: thread.unreadCount };
}

/** Sets the channel's own state (call status, process status, …). */
export async function setChannelState(
  tx: Db,
  emit: Emit,
  threadId: number,
  channelState: string,
  actor: Actor,
  data: Record<string, unknown> = {},
): Promise<Thread> {
  const [thread] = await tx
    .update(threads)
    .set({ channelState, version: sql`${threads.version} + 1`, updatedAt: new Date() })
    .where(and(eq(threads.id, threadId), isNull(threads.deletedAt)))
    .returning();
  if (!thread) throw new AppError("not_found", "Thread not found.");
  await logThreadEvent(tx, threadId, "state", actor, { state: channelState, ...data });
  emit("thread.updated", { threadId, channel: thread.channel, channelState });
  return thread;
}

/** Soft delete: gone from lists and APIs, kept for the audit trail. */
export async function softDeleteThread(tx: Db, emit: Emit, threadId: number, actor: Actor): Promise<boolean> {
  const [thread] = await tx
    .update(threads)
    .set({ deletedAt: new Date(), version: sql`${threads.version} + 1`, updatedAt: new Date() })
    .where(and(eq(threads.id, threadId), isNull(threads.deletedAt)))
    .returning({ id: threads.id, channel: threads.channel });
  if (!thread) return false;
  await logThreadEvent(tx, threadId, "deleted", actor);
  emit("thread.updated", { threadId, channel: thread.channel, deleted: true });
  return true;
}
