// Writes to call requests. The public form, the agents' queue and the wire API all come through
// here, and everything goes through the shared thread service: a call request is a
// `call_request` thread whose call status lives in threads.channel_state (closed once completed),
// with its details in call_request_details. Every change emits `call_request.updated` so every
// agent's queue refreshes, whichever instance made it.
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { callRequestDetails, threads, users, type Thread } from "@/db/schema";
import { isStaff } from "@/lib/auth/permissions";
import { findOrCreateCustomer } from "@/lib/customers/service";
import { AppError, fieldErrors } from "@/lib/errors";
import { inTransaction } from "@/lib/events";
import { clientIp, envLimit, hit } from "@/lib/throttle";
import {
  addMessage,
  assignThread,
  createThread,
  setChannelState,
  setThreadStatus,
  softDeleteThread,
  type Actor,
  type Emit,
} from "@/lib/threads/service";
import { countCallAttempts } from "./queries";
import { callbackFormSchema, parseTimeOfDay, type CallOutcome, type CallStatus, type CallbackErrorCode } from "./schemas";

export interface NewCallRequest {
  name?: string;
  phone?: string | null;
  email?: string | null;
  timeFrom?: string | null;
  timeTo?: string | null;
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

const emitUpdated = (emit: Emit, threadId: number, status: string | null, extra: Record<string, unknown> = {}) =>
  emit("call_request.updated", { threadId, channel: "call_request", status, ...extra });

/** The request's thread, locked for the rest of the transaction; not found for anything else. */
async function lockCallRequest(tx: Db, id: number): Promise<Thread> {
  const [thread] = await tx
    .select()
    .from(threads)
    .where(and(eq(threads.id, id), eq(threads.channel, "call_request"), isNull(threads.deletedAt)))
    .for("update");
  if (!thread) throw new AppError("not_found", "Call request not found.");
  return thread;
}

async function assertAssignable(tx: Db, userId: number): Promise<void> {
  const [user] = await tx
    .select({ role: users.role })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!user || !isStaff(user.role)) {
    throw new AppError("invalid", "user_id must be the id of an active staff user.", { user_id: ["no such staff user"] });
  }
}

/** The first message of the thread: what the customer asked for, in words an agent reads at a glance. */
function summaryOf(input: NewCallRequest): string {
  const how = [input.phone, input.email].filter(Boolean).join(" / ");
  const window = input.timeFrom || input.timeTo ? ` between ${input.timeFrom || "…"} and ${input.timeTo || "…"}` : "";
  const about = input.productName ? ` About: ${input.productName}.` : input.productId ? ` About product #${input.productId}.` : "";
  const order = input.orderId ? ` Order #${input.orderId}.` : "";
  const note = input.notes ? `\n\n${input.notes}` : "";
  return `Please call me back at ${how}${window}.${about}${order}${note}`;
}

export async function createCallRequest(tx: Db, emit: Emit, input: NewCallRequest, actor: Actor): Promise<Thread> {
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
    body: summaryOf(input),
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
async function moveStatus(
  tx: Db,
  emit: Emit,
  thread: Thread,
  status: CallStatus,
  actor: Actor & { name?: string },
  note: string,
  source: "queue" | "api",
): Promise<void> {
  const isOutcome = status === "completed" || status === "no_answer";
  const data: Record<string, unknown> = { source };
  if (isOutcome) {
    const attempt = (await countCallAttempts(tx, thread.id)) + 1;
    Object.assign(data, { attempt, note });
    const label = status === "completed" ? "completed" : "no answer";
    await addMessage(tx, emit, thread.id, {
      authorRole: "agent",
      authorUserId: actor.userId ?? null,
      authorName: actor.name ?? actor.label ?? "",
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
export async function updateCallRequest(
  tx: Db,
  emit: Emit,
  id: number,
  change: CallRequestChange,
  actor: Actor & { name?: string },
): Promise<Thread> {
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
      authorUserId: actor.userId ?? null,
      authorName: actor.name ?? actor.label ?? "",
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
export async function takeCallRequest(tx: Db, emit: Emit, id: number, agent: { id: number; name: string }): Promise<Thread> {
  const thread = await lockCallRequest(tx, id);
  const actor = { userId: agent.id, name: agent.name };
  if (thread.channelState === "in_progress") {
    if (thread.assigneeId === agent.id) return thread;
    throw new AppError("conflict", "Someone else is already calling this customer.");
  }
  if (thread.channelState === "completed") throw new AppError("conflict", "This call request is already completed.");
  await assignThread(tx, emit, id, agent.id, actor);
  await setChannelState(tx, emit, id, "in_progress", actor, { source: "queue", retry: thread.channelState === "no_answer" });
  if (thread.status !== "open") await setThreadStatus(tx, emit, id, "open", actor);
  emitUpdated(emit, id, "in_progress", { assigneeId: agent.id });
  return thread;
}

/** The agent records how the call went; the note also becomes the request's notes (what the API shows). */
export async function recordCallOutcome(
  tx: Db,
  emit: Emit,
  id: number,
  agent: { id: number; name: string },
  outcome: CallOutcome,
  note: string,
): Promise<Thread> {
  const thread = await lockCallRequest(tx, id);
  if (thread.channelState !== "in_progress") throw new AppError("conflict", "Take the call request before recording how the call went.");
  if (thread.assigneeId !== agent.id) throw new AppError("conflict", "Another agent has taken this call request.");
  if (note) await tx.update(callRequestDetails).set({ notes: note }).where(eq(callRequestDetails.threadId, id));
  await moveStatus(tx, emit, thread, outcome, { userId: agent.id, name: agent.name }, note, "queue");
  emitUpdated(emit, id, outcome);
  return thread;
}

export async function deleteCallRequest(tx: Db, emit: Emit, id: number, actor: Actor): Promise<void> {
  await lockCallRequest(tx, id);
  await softDeleteThread(tx, emit, id, actor);
  emitUpdated(emit, id, null, { deleted: true });
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
export async function submitCallbackRequest(
  db: Db,
  raw: Record<string, unknown>,
  context: { headers: Headers; locale: string },
): Promise<CallbackResult> {
  const parsed = callbackFormSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, error: "invalid", fields: fieldErrors(parsed.error.issues) as Record<string, CallbackErrorCode[]> };
  }
  const limit = await hit(db, `callback:ip:${clientIp(context.headers)}`, CALLBACK_LIMIT_IP());
  if (!limit.allowed) return { ok: false, error: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  const form = parsed.data;
  const thread = await inTransaction(db, (tx, emit) =>
    createCallRequest(
      tx,
      emit,
      {
        name: form.name,
        phone: form.phone,
        email: form.email,
        timeFrom: form.time_from,
        timeTo: form.time_to,
        notes: form.note ?? "",
        productId: form.product_id,
        productName: form.product,
        orderId: form.order_id,
        locale: context.locale,
      },
      { label: "Call-back form" },
    ),
  );
  return { ok: true, id: thread.id };
}
