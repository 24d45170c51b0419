// Writes to call requests. The public form, the agents' queue and the wire API all come through
// here; each service is (db, input, actor) and opens its own transaction, and everything goes
// through the shared thread steps: a call request is a `call_request` thread whose call status
// lives in threads.channel_state (closed once completed), with its details in
// call_request_details. Every change emits `call_request.updated` so every agent's queue
// refreshes, whichever instance made it.
import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { callRequestDetails, threads, users, type Thread } from "@/db/schema";
import { actorName, actorUserId, systemActor, type Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/permissions";
import { findOrCreateCustomer } from "@/lib/customers/service";
import { AppError, fieldErrors } from "@/lib/errors";
import { inTransaction, type Emit } from "@/lib/events";
import { clientIp, envLimit, hit } from "@/lib/throttle";
import { addMessage, addSearchKeys, assignThread, createThread, setChannelState, setThreadStatus, softDeleteThread } from "@/lib/threads/service";
import { countCallAttempts } from "./queries";
import { dayIn, isTimeZone } from "@/lib/i18n/zones";
import { resolveWindow, type CallWindow } from "./window";
import { callbackFormSchema, parseTimeOfDay, type CallOutcome, type CallStatus, type CallbackErrorCode } from "./schemas";

export interface NewCallRequest {
  name?: string;
  phone?: string | null;
  email?: string | null;
  timeFrom?: string | null;
  timeTo?: string | null;
  /** The customer's day for the window ("YYYY-MM-DD"); none: the next day the window has not ended by. */
  date?: string | null;
  /** The customer's IANA zone; none or unknown: the desk's (DESK_TIME_ZONE). */
  timeZone?: string | null;
  /** What the customer wrote (form) or the client's notes (API). */
  notes?: string;
  orderId?: number | null;
  orderStatus?: string | null;
  productId?: number | null;
  productName?: string | null;
  companyId?: number;
  cartProducts?: { product_id: number; amount: string; price: number; product: string }[];
  status?: CallStatus;
  assigneeId?: number | null;
  createdAt?: Date;
  locale?: string | null;
}

export interface CallRequestChange {
  assigneeId?: number | null;
  orderId?: number | null;
  productId?: number | null;
  status?: CallStatus;
  notes?: string;
}

declare module "@/lib/events/types" {
  interface EventMap {
    /** Every change of a call request: the agents' call queues refresh. */
    "call_request.updated": {
      threadId: number;
      channel: "call_request";
      status: string | null;
      created?: boolean;
      deleted?: boolean;
      assigneeId?: number;
    };
  }
}

/** The desk's zone: what a window means when the client did not say (the API, a browser without JavaScript). */
export function deskTimeZone(): string {
  const zone = process.env.DESK_TIME_ZONE;
  return isTimeZone(zone) ? zone : "UTC";
}

/** The request's window on the calendar, or null for "any time" (no day and no times given). */
export function callWindowOf(input: Pick<NewCallRequest, "date" | "timeFrom" | "timeTo" | "timeZone">, from: Date): CallWindow | null {
  if (!input.date && !input.timeFrom && !input.timeTo) return null;
  const zone = isTimeZone(input.timeZone) ? input.timeZone : deskTimeZone();
  return resolveWindow({ date: input.date, timeFrom: input.timeFrom, timeTo: input.timeTo, zone, from });
}

const emitUpdated = (emit: Emit, threadId: number, status: string | null, extra: { created?: boolean; deleted?: boolean; assigneeId?: number } = {}) =>
  emit("call_request.updated", { threadId, channel: "call_request", status, ...extra });

/** The request's thread, locked for the rest of the transaction; not found for anything else. */
async function lockCallRequest(tx: Tx, id: number): Promise<Thread> {
  const [thread] = await tx
    .select()
    .from(threads)
    .where(and(eq(threads.id, id), eq(threads.channel, "call_request"), isNull(threads.deletedAt)))
    .for("update");
  if (!thread) throw new AppError("not_found", "Call request not found.");
  return thread;
}

async function assertAssignable(tx: Tx, userId: number): Promise<void> {
  const [user] = await tx
    .select({ role: users.role })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!user || !isStaff(user.role)) {
    throw new AppError("invalid", "user_id must be the id of an active staff user.", { user_id: ["no such staff user"] });
  }
}

/** The first message of the thread: what the customer asked for, in words an agent reads at a glance, in the customer's language. */
function summaryOf(input: NewCallRequest, window: CallWindow | null): string {
  const tr = input.locale === "tr";
  const how = [input.phone, input.email].filter(Boolean).join(" / ");
  const times = input.timeFrom || input.timeTo ? `${input.timeFrom || "…"}–${input.timeTo || "…"}` : "";
  const when = window ? `${window.date}${times ? ` ${times}` : ""} (${window.zone})` : "";
  const about = input.productName
    ? ` ${tr ? "Konu" : "About"}: ${input.productName}.`
    : input.productId
      ? tr
        ? ` Ürün #${input.productId} hakkında.`
        : ` About product #${input.productId}.`
      : "";
  const order = input.orderId ? (tr ? ` Sipariş #${input.orderId}.` : ` Order #${input.orderId}.`) : "";
  const note = input.notes ? `\n\n${input.notes}` : "";
  if (tr) return `Lütfen beni ${how} üzerinden arayın${when ? `, ${when}` : ""}.${about}${order}${note}`;
  return `Please call me back at ${how}${when ? ` on ${when}` : ""}.${about}${order}${note}`;
}

export async function createCallRequest(db: Db, input: NewCallRequest, actor: Actor): Promise<Thread> {
  return inTransaction(db, (tx, emit) => writeCallRequest(tx, emit, input, actor));
}

async function writeCallRequest(tx: Tx, emit: Emit, input: NewCallRequest, actor: Actor): Promise<Thread> {
  const status = input.status ?? "new";
  const name = input.name?.trim() ?? "";
  if (!input.phone && !input.email) throw new AppError("invalid", "phone or email is required", { phone: ["phone or email is required"] });
  if (input.assigneeId) await assertAssignable(tx, input.assigneeId);
  const customer = await findOrCreateCustomer(tx, {
    name: name || input.email || input.phone || "Customer",
    email: input.email || null,
    phone: input.phone || null,
    locale: input.locale ?? null,
  });
  const createdAt = input.createdAt ?? new Date();
  const window = callWindowOf(input, createdAt);
  const thread = await createThread(
    tx,
    emit,
    {
      channel: "call_request",
      subject: `Call back ${name || input.phone || input.email}`,
      customerId: customer.id,
      customerName: name || customer.name,
      customerEmail: input.email || null,
      assigneeId: input.assigneeId || null,
      orderRef: input.orderId ? String(input.orderId) : null,
      locale: input.locale ?? null,
      channelState: status,
      status: status === "completed" ? "closed" : "open",
      createdAt,
      searchKeys: [input.phone, input.productId, ...(input.cartProducts ?? []).map((p) => p.product_id)],
    },
    actor,
  );
  await tx.insert(callRequestDetails).values({
    threadId: thread.id,
    name,
    phone: input.phone || null,
    email: input.email || null,
    timeFrom: input.timeFrom || null,
    timeTo: input.timeTo || null,
    windowStartMinutes: parseTimeOfDay(input.timeFrom),
    windowEndMinutes: parseTimeOfDay(input.timeTo),
    windowDate: window?.date ?? null,
    windowZone: window?.zone ?? null,
    windowStartsAt: window?.startsAt ?? null,
    windowEndsAt: window?.endsAt ?? null,
    orderId: input.orderId || null,
    orderStatus: input.orderStatus || null,
    productId: input.productId || null,
    productName: input.productName || null,
    companyId: input.companyId || 1,
    cartProducts: input.cartProducts ?? [],
    notes: input.notes ?? "",
    createdAt,
  });
  await addMessage(tx, emit, thread.id, {
    authorRole: "customer",
    authorName: name || customer.name,
    body: summaryOf(input, window),
    createdAt,
  });
  emitUpdated(emit, thread.id, status, { created: true });
  return thread;
}

/**
 * Moves the call status. Completed closes the thread; any other status reopens it. A move to an
 * outcome (completed, no_answer) is a call attempt: numbered, kept with its note in the thread's
 * timeline as a state event and as an internal note.
 */
async function moveStatus(tx: Tx, emit: Emit, thread: Thread, status: CallStatus, actor: Actor, note: string, source: "queue" | "api"): Promise<void> {
  const isOutcome = status === "completed" || status === "no_answer";
  const data: Record<string, unknown> = { source };
  if (isOutcome) {
    const attempt = (await countCallAttempts(tx, thread.id)) + 1;
    Object.assign(data, { attempt, note });
    const label = status === "completed" ? "completed" : "no answer";
    await addMessage(tx, emit, thread.id, {
      authorRole: "agent",
      authorUserId: actorUserId(actor),
      authorName: actorName(actor),
      body: `Call attempt ${attempt}: ${label}.${note ? ` ${note}` : ""}`,
      isInternal: true,
    });
  } else if (note) {
    data.note = note;
  }
  await setChannelState(tx, emit, thread.id, status, actor, data);
  const threadStatus = status === "completed" ? "closed" : "open";
  if (thread.status !== threadStatus) await setThreadStatus(tx, emit, thread.id, threadStatus, actor);
}

/** The API's PUT: any of assignee, order, product, status and notes. */
export async function updateCallRequest(db: Db, input: { id: number; change: CallRequestChange }, actor: Actor): Promise<Thread> {
  return inTransaction(db, (tx, emit) => changeCallRequest(tx, emit, input.id, input.change, actor));
}

async function changeCallRequest(tx: Tx, emit: Emit, id: number, change: CallRequestChange, actor: Actor): Promise<Thread> {
  const thread = await lockCallRequest(tx, id);
  if (change.assigneeId !== undefined) {
    if (change.assigneeId) await assertAssignable(tx, change.assigneeId);
    await assignThread(tx, emit, id, change.assigneeId || null, actor);
  }
  const details: Partial<typeof callRequestDetails.$inferInsert> = {};
  if (change.orderId !== undefined) details.orderId = change.orderId || null;
  if (change.productId !== undefined) details.productId = change.productId || null;
  if (change.notes !== undefined) details.notes = change.notes;
  if (Object.keys(details).length) {
    await tx.update(callRequestDetails).set(details).where(eq(callRequestDetails.threadId, id));
  }
  if (change.orderId || change.productId) await addSearchKeys(tx, id, [change.productId]);
  if (change.orderId !== undefined) {
    await tx
      .update(threads)
      .set({ orderRef: change.orderId ? String(change.orderId) : null, version: sql`${threads.version} + 1`, updatedAt: new Date() })
      .where(eq(threads.id, id));
  }
  if (change.status !== undefined && change.status !== thread.channelState) {
    await moveStatus(tx, emit, thread, change.status, actor, change.notes ?? "", "api");
  } else if (change.notes !== undefined && change.notes) {
    await addMessage(tx, emit, id, {
      authorRole: "agent",
      authorUserId: actorUserId(actor),
      authorName: actorName(actor),
      body: `Notes: ${change.notes}`,
      isInternal: true,
    });
  }
  emitUpdated(emit, id, change.status ?? thread.channelState);
  return thread;
}

/**
 * An agent takes a request: it becomes in_progress and theirs. A no_answer request is taken
 * again to retry it. Two agents clicking at once: the row lock makes the second one see it taken.
 */
export async function takeCallRequest(db: Db, input: { id: number }, actor: Actor): Promise<Thread> {
  const agentId = actorUserId(actor);
  if (!agentId) throw new AppError("forbidden", "Only a staff member can take a call request.");
  return inTransaction(db, async (tx, emit) => {
    const { id } = input;
    const thread = await lockCallRequest(tx, id);
    if (thread.channelState === "in_progress") {
      if (thread.assigneeId === agentId) return thread;
      throw new AppError("conflict", "Someone else is already calling this customer.");
    }
    if (thread.channelState === "completed") throw new AppError("conflict", "This call request is already completed.");
    await assignThread(tx, emit, id, agentId, actor);
    await setChannelState(tx, emit, id, "in_progress", actor, { source: "queue", retry: thread.channelState === "no_answer" });
    if (thread.status !== "open") await setThreadStatus(tx, emit, id, "open", actor);
    emitUpdated(emit, id, "in_progress", { assigneeId: agentId });
    return thread;
  });
}

/** The agent records how the call went; the note also becomes the request's notes (what the API shows). */
export async function recordCallOutcome(db: Db, input: { id: number; outcome: CallOutcome; note: string }, actor: Actor): Promise<Thread> {
  const { id, outcome, note } = input;
  return inTransaction(db, async (tx, emit) => {
    const thread = await lockCallRequest(tx, id);
    if (thread.channelState !== "in_progress") throw new AppError("conflict", "Take the call request before recording how the call went.");
    if (thread.assigneeId !== actorUserId(actor)) throw new AppError("conflict", "Another agent has taken this call request.");
    if (note) await tx.update(callRequestDetails).set({ notes: note }).where(eq(callRequestDetails.threadId, id));
    await moveStatus(tx, emit, thread, outcome, actor, note, "queue");
    emitUpdated(emit, id, outcome);
    return thread;
  });
}

export async function deleteCallRequest(db: Db, input: { id: number }, actor: Actor): Promise<void> {
  await inTransaction(db, async (tx, emit) => {
    await lockCallRequest(tx, input.id);
    await softDeleteThread(tx, emit, input.id, actor);
    emitUpdated(emit, input.id, null, { deleted: true });
  });
}

// ---------------------------------------------------------------------------------------------
// The public form.

export const CALLBACK_LIMIT_IP = () => envLimit("CALLBACK_LIMIT_IP", { max: 5, windowSeconds: 60 * 60 });

export type CallbackResult =
  | { ok: true; id: number }
  | { ok: false; error: "invalid"; fields: Partial<Record<string, CallbackErrorCode[]>> }
  | { ok: false; error: "rate_limited"; retryAfterSeconds: number };

/**
 * A visitor's call-back request: validated, then counted against their address (only valid
 * submissions count, so fixing a typo costs nothing), then written in one transaction.
 */
export async function submitCallbackRequest(db: Db, raw: Record<string, unknown>, context: { headers: Headers; locale: string }): Promise<CallbackResult> {
  const parsed = callbackFormSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, error: "invalid", fields: fieldErrors(parsed.error.issues) as Record<string, CallbackErrorCode[]> };
  }
  const form = parsed.data;
  // A window that has already ended is refused (the API, which never sent a day, takes the next one instead).
  const now = new Date();
  const window = callWindowOf({ date: form.date, timeFrom: form.time_from, timeTo: form.time_to, timeZone: form.time_zone }, now);
  if (window && form.date && window.endsAt <= now) {
    // A day before today is the day's fault; today's hours that have gone are the times'.
    const field = form.date < dayIn(now, window.zone) || !(form.time_from || form.time_to) ? "date" : form.time_to ? "time_to" : "time_from";
    return { ok: false, error: "invalid", fields: { [field]: ["window_past"] } };
  }
  const limit = await hit(db, `callback:ip:${clientIp(context.headers)}`, CALLBACK_LIMIT_IP());
  if (!limit.allowed) return { ok: false, error: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  const thread = await createCallRequest(
    db,
    {
      name: form.name,
      phone: form.phone,
      email: form.email,
      timeFrom: form.time_from,
      timeTo: form.time_to,
      date: form.date,
      timeZone: form.time_zone,
      notes: form.note ?? "",
      productId: form.product_id,
      productName: form.product,
      orderId: form.order_id,
      locale: context.locale,
    },
    systemActor("Call-back form"),
  );
  return { ok: true, id: thread.id };
}
