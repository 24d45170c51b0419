// Bulk actions on the list's selected threads: close/reopen, assign, tag, read/unread, snooze.
// Each is one transaction through the same shared steps a single thread's action takes (so every
// thread's events go out, and other agents' lists update live), and records what it changed, so
// its author can undo it for a while (UNDO_SECONDS) from any instance.
import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { bulkOperations, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { inTransaction } from "@/lib/events";
import { isoDate } from "@/lib/validation";
import {
  assignThread,
  lockLiveThread,
  setMessagesRead,
  setThreadStatus,
  setThreadTags,
  snoozeThread,
  wakeThread,
  type Emit,
  type Tx,
} from "@/lib/threads/service";

type Staff = Extract<Actor, { kind: "staff" }>;

/** How long after a bulk action its author may still undo it (the list offers it for a few seconds). */
export const UNDO_SECONDS = 120;
export const MAX_BULK = 200;

const threadIds = z.array(z.coerce.number().int().positive()).min(1).max(MAX_BULK);
const tagIds = z.array(z.coerce.number().int().positive()).max(50).default([]);

export const bulkSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("status"), threadIds, status: z.enum(["open", "closed"]) }),
  z.object({ action: z.literal("assign"), threadIds, assigneeId: z.union([z.literal("me"), z.number().int().positive(), z.null()]) }),
  z.object({ action: z.literal("tag"), threadIds, add: tagIds, remove: tagIds }),
  z.object({ action: z.literal("read"), threadIds, read: z.boolean() }),
  z.object({ action: z.literal("snooze"), threadIds, until: isoDate().nullable() }),
  z.object({ action: z.literal("unsnooze"), threadIds }),
]);
export type BulkInput = z.infer<typeof bulkSchema>;

/** A thread's state before the action, as far as the action changed it. */
interface Before {
  id: number;
  status?: "open" | "closed";
  assigneeId?: number | null;
  tagIds?: number[];
  /** Messages whose read state the action flipped. */
  messageIds?: number[];
  read?: boolean;
  snooze?: { at: string; until: string | null } | null;
}

export interface BulkResult {
  operationId: number | null;
  /** Threads the action changed. */
  changed: number;
  /** Threads it left alone (already so, closed for a snooze, gone). */
  skipped: number;
}

async function applyOne(tx: Tx, emit: Emit, input: BulkInput, threadId: number, actor: Staff): Promise<Before | null> {
  let thread;
  try {
    thread = await lockLiveThread(tx, threadId);
  } catch {
    return null;
  }
  switch (input.action) {
    case "status":
      if (thread.status === input.status) return null;
      await setThreadStatus(tx, emit, threadId, input.status, actor);
      return { id: threadId, status: thread.status };
    case "assign": {
      const to = input.assigneeId === "me" ? actor.userId : input.assigneeId;
      if (thread.assigneeId === to) return null;
      await assignThread(tx, emit, threadId, to, actor);
      return { id: threadId, assigneeId: thread.assigneeId };
    }
    case "tag": {
      const { before, tagIds: after } = await setThreadTags(tx, emit, threadId, { add: input.add, remove: input.remove }, actor);
      if (before.length === after.length && before.every((id) => after.includes(id))) return null;
      return { id: threadId, tagIds: before };
    }
    case "read": {
      const flipped = await tx.execute<{ id: number }>(
        sql`select id from messages where thread_id = ${threadId} and deleted_at is null and read_at is ${sql.raw(input.read ? "null" : "not null")}`,
      );
      const ids = (flipped as unknown as { rows: { id: number | string }[] }).rows.map((r) => Number(r.id));
      if (!ids.length) return null;
      await setMessagesRead(tx, emit, threadId, input.read, actor, ids);
      return { id: threadId, read: input.read, messageIds: ids };
    }
    case "snooze": {
      if (thread.status !== "open") return null;
      const until = input.until;
      await snoozeThread(tx, emit, threadId, until, actor);
      return { id: threadId, snooze: thread.snoozedAt ? { at: thread.snoozedAt.toISOString(), until: thread.snoozeUntil?.toISOString() ?? null } : null };
    }
    case "unsnooze": {
      if (!thread.snoozedAt) return null;
      await wakeThread(tx, emit, threadId, "manual", actor);
      return { id: threadId, snooze: { at: thread.snoozedAt.toISOString(), until: thread.snoozeUntil?.toISOString() ?? null } };
    }
  }
}

export async function runBulkAction(db: Db, input: BulkInput, actor: Staff): Promise<BulkResult> {
  if (input.action === "assign" && typeof input.assigneeId === "number") {
    const [user] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, input.assigneeId), sql`${users.role} in ('admin', 'agent')`, isNull(users.disabledAt)));
    if (!user) throw new AppError("invalid", "Threads can only be assigned to an active agent.", { assigneeId: ["Not an active agent."] });
  }
  if (input.action === "snooze" && input.until && input.until.getTime() <= Date.now()) {
    throw new AppError("invalid", "Snooze until a time in the future.", { until: ["Must be in the future."] });
  }
  // In id order, so two bulk actions over overlapping threads lock them in the same order.
  const ids = [...new Set(input.threadIds)].sort((a, b) => a - b);
  return inTransaction(db, async (tx, emit) => {
    const before: Before[] = [];
    for (const id of ids) {
      const b = await applyOne(tx, emit, input, id, actor);
      if (b) before.push(b);
    }
    if (!before.length) return { operationId: null, changed: 0, skipped: ids.length };
    const [op] = await tx
      .insert(bulkOperations)
      .values({ userId: actor.userId, action: input.action, before: before as unknown as Record<string, unknown>[] })
      .returning({ id: bulkOperations.id });
    return { operationId: op!.id, changed: before.length, skipped: ids.length - before.length };
  });
}

/** Puts back what a bulk action of this actor changed, in one transaction; once. */
export async function undoBulkAction(db: Db, input: { operationId: number }, actor: Staff): Promise<{ restored: number }> {
  return inTransaction(db, async (tx, emit) => {
    const [op] = await tx
      .select()
      .from(bulkOperations)
      .where(
        and(
          eq(bulkOperations.id, input.operationId),
          eq(bulkOperations.userId, actor.userId),
          isNull(bulkOperations.undoneAt),
          gt(bulkOperations.createdAt, sql`now() - make_interval(secs => ${UNDO_SECONDS})`),
        ),
      )
      .for("update");
    if (!op) throw new AppError("not_found", "This action can no longer be undone.");
    let restored = 0;
    for (const b of [...(op.before as unknown as Before[])].sort((x, y) => x.id - y.id)) {
      try {
        await lockLiveThread(tx, b.id);
      } catch {
        continue;
      }
      if (b.status) await setThreadStatus(tx, emit, b.id, b.status, actor);
      if (b.assigneeId !== undefined) await assignThread(tx, emit, b.id, b.assigneeId, actor);
      if (b.tagIds) await setThreadTags(tx, emit, b.id, { set: b.tagIds }, actor);
      if (b.messageIds && b.read !== undefined) await setMessagesRead(tx, emit, b.id, !b.read, actor, b.messageIds);
      if (b.snooze !== undefined) {
        if (b.snooze === null) await wakeThread(tx, emit, b.id, "manual", actor);
        else {
          const until = b.snooze.until ? new Date(b.snooze.until) : null;
          if (until && until.getTime() <= Date.now()) await wakeThread(tx, emit, b.id, "manual", actor);
          else await snoozeThread(tx, emit, b.id, until, actor);
        }
      }
      restored++;
    }
    await tx.update(bulkOperations).set({ undoneAt: new Date() }).where(eq(bulkOperations.id, op.id));
    return { restored };
  });
}
