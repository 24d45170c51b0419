// The model's housekeeping, once a SNOOZE_SWEEP_SECONDS in one instance at a time (a PostgreSQL
// advisory lock, like the contact mail sweep):
//   - snoozed threads whose time has come are recorded as woken (timeline, `thread.snoozed` with
//     snoozed false, so lists and the assignee's notifications update). When a snooze ends is not
//     decided here: the views compare snooze_until with the database's clock (snoozedNow in
//     lib/threads/queries.ts), so every instance agrees to the second, sweep or no sweep;
//   - threads in the trash longer than TRASH_DAYS are deleted for good (their files' bytes stay:
//     they are stored by content and may be shared);
//   - bulk actions past their undo window are forgotten.
import "server-only";
import { and, asc, isNotNull, lte, lt, sql } from "drizzle-orm";
import { getDatabase, type Db } from "@/db/client";
import { bulkOperations, threads } from "@/db/schema";
import { systemActor } from "@/lib/auth/actor";
import { inTransaction } from "@/lib/events";
import { wakeThread } from "./service";

export const TRASH_DAYS = 30;

export async function sweepThreads(db: Db): Promise<{ woken: number; purged: number }> {
  const due = await db
    .select({ id: threads.id })
    .from(threads)
    .where(and(isNotNull(threads.snoozeUntil), lte(threads.snoozeUntil, sql`now()`)))
    .orderBy(asc(threads.snoozeUntil))
    .limit(500);
  let woken = 0;
  for (const { id } of due) {
    if (await inTransaction(db, (tx, emit) => wakeThread(tx, emit, id, "time", systemActor("Snooze")))) woken++;
  }
  const purged = await db
    .delete(threads)
    .where(and(isNotNull(threads.deletedAt), lt(threads.deletedAt, sql`now() - make_interval(days => ${TRASH_DAYS})`)))
    .returning({ id: threads.id });
  await db.delete(bulkOperations).where(lt(bulkOperations.createdAt, sql`now() - interval '1 day'`));
  return { woken, purged: purged.length };
}

/** Runs the sweep now, in one instance only (PGlite is one process). */
export async function sweepThreadsOnce(): Promise<{ woken: number; purged: number }> {
  const database = await getDatabase();
  if (!database.pool) return sweepThreads(database.db);
  const client = await database.pool.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>("select pg_try_advisory_lock(hashtext('switchboard.thread-sweep')) as locked");
    if (!rows[0]?.locked) return { woken: 0, purged: 0 };
    try {
      return await sweepThreads(database.db);
    } finally {
      await client.query("select pg_advisory_unlock(hashtext('switchboard.thread-sweep'))");
    }
  } finally {
    client.release();
  }
}

/** Started once per server (lib/listeners.ts): every SNOOZE_SWEEP_SECONDS (default 15; 0: never). */
export function startThreadSweeper(): void {
  const seconds = Number(process.env.SNOOZE_SWEEP_SECONDS ?? 15);
  if (!Number.isFinite(seconds) || seconds <= 0) return;
  const run = () =>
    sweepThreadsOnce().catch((error) => {
      console.error("[threads] sweep failed", error);
    });
  setTimeout(run, 5_000).unref();
  setInterval(run, seconds * 1000).unref();
}
