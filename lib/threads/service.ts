// The shared steps of the thread model, the same for every channel: the inbox, the forms and the
// five compatibility APIs all write threads and messages through these functions.
//
// These are the only functions shaped (tx, emit, …): each runs inside its caller's transaction (a
// `Tx`, which a plain Db is not) and records its events with the caller's `emit`, so a channel
// service adds its detail row and its messages in one commit. Everything else — every exported
// channel service — is shaped (db, input, actor) and opens its own transaction (lib/events
// inTransaction). This module knows channels only through the catalog (pure data).
import "server-only";
import { and, eq, getTableColumns, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Tx } from "@/db/client";
import { messages, tags, threadEvents, threads, type AuthorRole, type Channel, type Message, type Thread, type ThreadStatus } from "@/db/schema";
import { actorLabel, actorUserId, systemActor, type Actor } from "@/lib/auth/actor";
import { pickRoundRobinAgent } from "./assignment";
import { WAITING_STATES } from "@/lib/channels/catalog";
import { AppError } from "@/lib/errors";
import type { Audience, Emit } from "@/lib/events";

export type { Actor, Emit, Tx };

// The model's events beyond the core ones (lib/events/types.ts): staff hear them all.
declare module "@/lib/events/types" {
  interface EventMap {
    "thread.tagged": { threadId: number; channel: Channel; tagIds: number[] };
    /** Snoozed (until a time, or until the customer writes: `until` null) or woken up (`snoozed` false). */
    "thread.snoozed": { threadId: number; channel: Channel; snoozed: boolean; until: string | null; reason?: "time" | "reply" | "manual" };
    "thread.spam": { threadId: number; channel: Channel; spam: boolean };
    "thread.merged": { threadId: number; channel: Channel; intoId: number };
  }
}

/** Messages from these roles wait for us: they arrive unread and make the thread "waiting". */
export const INBOUND_ROLES: readonly AuthorRole[] = ["customer", "customer_service"];
export const isInbound = (role: AuthorRole) => INBOUND_ROLES.includes(role);

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
  /**
   * What else a customer may quote to find this thread: the channel's order, product and offer
   * codes, the phone number the form gave. The customer's phone and the seller's codes are added here.
   */
  searchKeys?: readonly (string | number | null | undefined)[];
  /** false: never round-robin this one (history written by the seed and imports). */
  roundRobin?: boolean;
}

/** Search keys as stored: the non-empty ones, once each, space-separated (threads.search_keys). */
function joinKeys(existing: string, keys: readonly (string | number | null | undefined)[]): string {
  let out = existing;
  for (const key of keys) {
    const value = key === null || key === undefined ? "" : String(key).replace(/\s+/g, " ").trim();
    if (value && !` ${out} `.includes(` ${value} `)) out = out ? `${out} ${value}` : value;
  }
  return out.slice(0, 2000);
}

/** Who hears a change of this thread: staff, and — unless it is internal — its customer and its visitors. */
export function threadAudience(thread: { id: number; customerId: number | null }, internal = false): Audience {
  return internal ? { staff: true } : { staff: true, customerId: thread.customerId, threadId: thread.id };
}

export function previewOf(body: string): string {
  return body.replace(/\s+/g, " ").trim().slice(0, 160);
}

export async function logThreadEvent(tx: Tx, threadId: number, type: string, actor: Actor, data: Record<string, unknown> = {}): Promise<void> {
  await tx.insert(threadEvents).values({ threadId, type, actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), data });
}

export async function createThread(tx: Tx, emit: Emit, input: NewThreadInput, actor: Actor): Promise<Thread> {
  const createdAt = input.createdAt ?? new Date();
  const keys = [...(input.searchKeys ?? [])];
  if (input.customerId || input.sellerId) {
    const [known] = await tx
      .execute<{ phone: string | null; seller: string | null }>(
        sql`select (select c.phone from customers c where c.id = ${input.customerId ?? null}) as phone,
                 (select concat_ws(' ', s.external_id, s.supplier_code) from sellers s where s.id = ${input.sellerId ?? null}) as seller`,
      )
      .then((r) => (r as unknown as { rows: { phone: string | null; seller: string | null }[] }).rows);
    keys.push(known?.phone, known?.seller);
  }
  // Round-robin (a setting): a new thread nobody was given goes to the online agent who waited longest.
  const assigneeId = input.assigneeId ?? (input.roundRobin === false ? null : await pickRoundRobinAgent(tx));
  const [thread] = await tx
    .insert(threads)
    .values({
      channel: input.channel,
      subject: input.subject,
      customerId: input.customerId ?? null,
      customerName: input.customerName ?? "",
      customerEmail: input.customerEmail ?? null,
      sellerId: input.sellerId ?? null,
      assigneeId: assigneeId ?? null,
      orderRef: input.orderRef ?? null,
      locale: input.locale ?? null,
      channelState: input.channelState ?? null,
      status: input.status ?? "open",
      searchKeys: joinKeys("", keys),
      createdAt,
      updatedAt: createdAt,
      lastMessageAt: createdAt,
    })
    .returning();
  await logThreadEvent(tx, thread.id, "created", actor, { channel: thread.channel });
  emit("thread.created", { threadId: thread.id, channel: thread.channel }, threadAudience(thread));
  if (assigneeId && !input.assigneeId) {
    await logThreadEvent(tx, thread.id, "assigned", systemActor("Round-robin"), { from: null, to: assigneeId, auto: true });
    emit("thread.assigned", { threadId: thread.id, channel: thread.channel, assigneeId, byUserId: null });
  }
  return thread;
}

/** More identifiers a customer may quote for this thread (e.g. an order number added later). */
export async function addSearchKeys(tx: Tx, threadId: number, keys: readonly (string | number | null | undefined)[]): Promise<void> {
  const [row] = await tx.select({ searchKeys: threads.searchKeys }).from(threads).where(eq(threads.id, threadId));
  if (!row) return;
  const next = joinKeys(row.searchKeys, keys);
  if (next !== row.searchKeys) await tx.update(threads).set({ searchKeys: next }).where(eq(threads.id, threadId));
}

const MESSAGE_KEYS = Object.keys(getTableColumns(messages)) as (keyof Message)[];
/** The inserted message's columns, named apart from the thread's in a RETURNING (drizzle decodes them as the table's own). */
const messageFields = (inserted: Record<string, unknown>) =>
  Object.fromEntries(MESSAGE_KEYS.map((k) => [`message.${k}`, inserted[k]])) as Record<`message.${string}`, AnyPgColumn>;

/** Adds a message and moves the thread's activity, preview, counts and waiting state with it. */
export async function addMessage(tx: Tx, emit: Emit, threadId: number, input: NewMessageInput): Promise<Message> {
  const body = input.body;
  const createdAt = input.createdAt ?? new Date();
  const inbound = isInbound(input.authorRole);
  const read = input.read ?? !inbound;
  // The message's insert and its thread's update in one statement (one round trip less for every
  // message written): the insert is a CTE the update joins, and the row comes back with the thread's.
  const inserted = tx.$with("inserted").as(
    tx
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
      .returning(),
  );

  // An internal note is activity for us but neither answers nor waits for the customer.
  const answered = !inbound && !input.isInternal && input.authorRole !== "system";
  const stateWhens = WAITING_STATES.map((states) => sql`when ${states.channel} then ${inbound ? states.waiting : states.answered}::text`);
  const [row] = await tx
    .with(inserted)
    .update(threads)
    .set({
      lastMessageAt: sql`greatest(${threads.lastMessageAt}, ${createdAt.toISOString()}::timestamptz)`,
      lastMessagePreview: input.isInternal ? threads.lastMessagePreview : previewOf(body),
      lastMessageRole: input.isInternal ? threads.lastMessageRole : input.authorRole,
      lastVisibleAt: input.isInternal ? threads.lastVisibleAt : sql`greatest(${threads.lastVisibleAt}, ${createdAt.toISOString()}::timestamptz)`,
      messageCount: sql`${threads.messageCount} + 1`,
      unreadCount: read ? threads.unreadCount : sql`${threads.unreadCount} + 1`,
      waitingSince: inbound ? sql`coalesce(${threads.waitingSince}, ${createdAt.toISOString()}::timestamptz)` : answered ? null : threads.waitingSince,
      channelState:
        (inbound || answered) && stateWhens.length
          ? sql`case ${threads.channel} ${sql.join(stateWhens, sql` `)} else ${threads.channelState} end`
          : threads.channelState,
      // A new message from the customer side wakes a snoozed thread, whatever it was snoozed until.
      snoozedAt: inbound ? null : threads.snoozedAt,
      snoozeUntil: inbound ? null : threads.snoozeUntil,
      version: sql`${threads.version} + 1`,
      updatedAt: new Date(),
    })
    .from(inserted)
    .where(eq(threads.id, threadId))
    .returning({
      id: threads.id,
      channel: threads.channel,
      channelState: threads.channelState,
      customerId: threads.customerId,
      assigneeId: threads.assigneeId,
      subject: threads.subject,
      ...messageFields(inserted as unknown as Record<string, unknown>),
    });
  if (!row) throw new AppError("not_found", "Thread not found.");
  const thread = row;
  const message = Object.fromEntries(MESSAGE_KEYS.map((k) => [k, (row as Record<string, unknown>)[`message.${k}`]])) as Message;

  emit(
    "message.created",
    {
      threadId,
      messageId: message.id,
      channel: thread.channel,
      channelState: thread.channelState,
      authorRole: message.authorRole,
      isInternal: message.isInternal,
      // For staff notifications ("a new message in my thread"); the customer side hears its own thread only.
      assigneeId: thread.assigneeId,
      authorUserId: message.authorUserId,
      preview: previewOf(body).slice(0, 140),
      subject: thread.subject.slice(0, 140),
    },
    threadAudience(thread, message.isInternal),
  );
  return message;
}

export async function setThreadStatus(tx: Tx, emit: Emit, threadId: number, status: ThreadStatus, actor: Actor): Promise<Thread> {
  const [current] = await tx.select().from(threads).where(eq(threads.id, threadId)).for("update");
  if (!current || current.deletedAt) throw new AppError("not_found", "Thread not found.");
  if (current.status === status) return current;
  const [thread] = await tx
    .update(threads)
    .set({ status, version: sql`${threads.version} + 1`, updatedAt: new Date() })
    .where(eq(threads.id, threadId))
    .returning();
  await logThreadEvent(tx, threadId, status === "closed" ? "closed" : "reopened", actor);
  emit(status === "closed" ? "thread.closed" : "thread.reopened", { threadId, channel: thread.channel, status }, threadAudience(thread));
  return thread;
}

export async function assignThread(tx: Tx, emit: Emit, threadId: number, assigneeId: number | null, actor: Actor): Promise<Thread> {
  const [current] = await tx.select().from(threads).where(eq(threads.id, threadId)).for("update");
  if (!current || current.deletedAt) throw new AppError("not_found", "Thread not found.");
  if (current.assigneeId === assigneeId) return current;
  const [thread] = await tx
    .update(threads)
    .set({ assigneeId, version: sql`${threads.version} + 1`, updatedAt: new Date() })
    .where(eq(threads.id, threadId))
    .returning();
  await logThreadEvent(tx, threadId, "assigned", actor, { from: current.assigneeId, to: assigneeId });
  emit("thread.assigned", { threadId, channel: thread.channel, assigneeId, byUserId: actorUserId(actor) });
  return thread;
}

/**
 * Marks messages read or unread (all of the thread's when `messageIds` is omitted) and keeps the
 * thread's unread count exact.
 */
export async function setMessagesRead(
  tx: Tx,
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
  tx: Tx,
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

/** Soft delete: gone from lists and APIs, kept for the audit trail (an admin may restore it for 30 days). */
export async function softDeleteThread(tx: Tx, emit: Emit, threadId: number, actor: Actor): Promise<boolean> {
  const [thread] = await tx
    .update(threads)
    .set({ deletedAt: new Date(), deletedBy: actorUserId(actor), version: sql`${threads.version} + 1`, updatedAt: new Date() })
    .where(and(eq(threads.id, threadId), isNull(threads.deletedAt)))
    .returning({ id: threads.id, channel: threads.channel });
  if (!thread) return false;
  await logThreadEvent(tx, threadId, "deleted", actor);
  emit("thread.updated", { threadId, channel: thread.channel, deleted: true });
  return true;
}

/** Back from the trash. */
export async function restoreThread(tx: Tx, emit: Emit, threadId: number, actor: Actor): Promise<boolean> {
  const [thread] = await tx
    .update(threads)
    .set({ deletedAt: null, deletedBy: null, version: sql`${threads.version} + 1`, updatedAt: new Date() })
    .where(and(eq(threads.id, threadId), isNotNull(threads.deletedAt)))
    .returning({ id: threads.id, channel: threads.channel });
  if (!thread) return false;
  await logThreadEvent(tx, threadId, "restored", actor);
  emit("thread.updated", { threadId, channel: thread.channel, deleted: false });
  return true;
}

/** The thread locked for this transaction; not found when missing or deleted. */
export async function lockLiveThread(tx: Tx, threadId: number): Promise<Thread> {
  const [thread] = await tx
    .select()
    .from(threads)
    .where(and(eq(threads.id, threadId), isNull(threads.deletedAt)))
    .for("update");
  if (!thread) throw new AppError("not_found", "Thread not found.");
  return thread;
}

/** Adds and removes tags (ids of existing tags), or sets them; logs and announces what changed. */
export async function setThreadTags(
  tx: Tx,
  emit: Emit,
  threadId: number,
  change: { add?: readonly number[]; remove?: readonly number[]; set?: readonly number[] },
  actor: Actor,
): Promise<{ before: number[]; tagIds: number[] }> {
  const current = await lockLiveThread(tx, threadId);
  const before = current.tagIds;
  let next = change.set ? [...new Set(change.set)] : [...before];
  for (const id of change.add ?? []) if (!next.includes(id)) next.push(id);
  next = next.filter((id) => !(change.remove ?? []).includes(id));
  if (next.length === before.length && next.every((id) => before.includes(id))) return { before, tagIds: before };
  // Only tags that exist (a tag deleted meanwhile is dropped, not kept as a dangling id).
  const known = next.length ? await tx.select({ id: tags.id }).from(tags).where(inArray(tags.id, next)) : [];
  next = next.filter((id) => known.some((k) => k.id === id));
  await tx
    .update(threads)
    .set({ tagIds: next, version: sql`${threads.version} + 1`, updatedAt: new Date() })
    .where(eq(threads.id, threadId));
  const added = next.filter((id) => !before.includes(id));
  const removed = before.filter((id) => !next.includes(id));
  if (added.length || removed.length) {
    await logThreadEvent(tx, threadId, "tagged", actor, { added, removed });
    emit("thread.tagged", { threadId, channel: current.channel, tagIds: next });
  }
  return { before, tagIds: next };
}

/**
 * Snoozes an open thread until `until` (null: until the customer writes again). It leaves the open
 * views at once (a query-time rule: snoozedNow in lib/threads/queries.ts) and comes back by itself.
 */
export async function snoozeThread(tx: Tx, emit: Emit, threadId: number, until: Date | null, actor: Actor): Promise<Thread> {
  const current = await lockLiveThread(tx, threadId);
  if (current.status !== "open") throw new AppError("conflict", "Only an open thread can be snoozed.");
  if (until && until.getTime() <= Date.now()) throw new AppError("invalid", "Snooze until a time in the future.", { until: ["Must be in the future."] });
  const [thread] = await tx
    .update(threads)
    .set({ snoozedAt: new Date(), snoozeUntil: until, snoozedBy: actorUserId(actor), version: sql`${threads.version} + 1`, updatedAt: new Date() })
    .where(eq(threads.id, threadId))
    .returning();
  await logThreadEvent(tx, threadId, "snoozed", actor, { until: until?.toISOString() ?? null });
  emit("thread.snoozed", { threadId, channel: thread!.channel, snoozed: true, until: until?.toISOString() ?? null });
  return thread!;
}

/** Ends a snooze (an agent's "unsnooze", or the wake-up sweep once its time has come). */
export async function wakeThread(tx: Tx, emit: Emit, threadId: number, reason: "time" | "manual", actor: Actor): Promise<boolean> {
  const [thread] = await tx
    .update(threads)
    .set({ snoozedAt: null, snoozeUntil: null, version: sql`${threads.version} + 1`, updatedAt: new Date() })
    .where(and(eq(threads.id, threadId), isNotNull(threads.snoozedAt)))
    .returning({ id: threads.id, channel: threads.channel, assigneeId: threads.assigneeId });
  if (!thread) return false;
  await logThreadEvent(tx, threadId, "woke", actor, { reason });
  emit("thread.snoozed", { threadId, channel: thread.channel, snoozed: false, until: null, reason });
  return true;
}

/** Marks a thread as spam (out of every view) or back (not spam). Blocking the sender is the caller's (lib/customers). */
export async function setThreadSpam(tx: Tx, emit: Emit, threadId: number, spam: boolean, actor: Actor): Promise<Thread> {
  const current = await lockLiveThread(tx, threadId);
  if (Boolean(current.spamAt) === spam) return current;
  const [thread] = await tx
    .update(threads)
    .set({ spamAt: spam ? new Date() : null, version: sql`${threads.version} + 1`, updatedAt: new Date() })
    .where(eq(threads.id, threadId))
    .returning();
  await logThreadEvent(tx, threadId, spam ? "spam" : "not_spam", actor);
  emit("thread.spam", { threadId, channel: thread!.channel, spam });
  return thread!;
}
