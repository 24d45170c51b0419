// Named, typed events with an audience. A service records its events inside the transaction of the
// change; NOTIFY carries them to every app instance only once that transaction commits. In-process
// listeners (mail and other side effects of this instance's own changes) run after the commit.
// Every stream (staff, one customer, one chat room) hears only what its audience allows (`hears`).
import "server-only";
import { EventEmitter } from "node:events";
import { asc, gt, lt, sql } from "drizzle-orm";
import { getDatabase, queryRows, type Db, type Tx } from "@/db/client";
import { realtimeEvents } from "@/db/schema";
import { hears, STAFF_ONLY, type AppEvent, type Audience, type EventMap, type EventName, type Listener, type StoredEvent } from "./types";

export { hears, STAFF_ONLY } from "./types";
export type { AppEvent, Audience, EventMap, EventName, Listener, StoredEvent } from "./types";

export const EVENTS_CHANNEL = "switchboard_events";

/** Records an event of the current transaction; who may hear it defaults to staff only. */
export type Emit = <N extends EventName>(name: N, data: EventMap[N], audience?: Audience) => void;

/**
 * Event ids are handed out in commit order. Ids come from a sequence, and a sequence hands them out
 * as transactions ask, not as they commit: T1 takes id 1, T2 takes id 2 and commits, T1 commits
 * — a stream that has sent 2 then drops 1 as "already sent", and a resume after 2 skips it for
 * good. So every transaction that records events takes this lock before its first id and holds it
 * to its end: the next one gets its ids only after this one has committed (or rolled back), on
 * every instance, and NOTIFY, which PostgreSQL delivers in commit order, carries them in id order.
 * Events are recorded as the last step of their transaction (inTransaction), so the lock is held
 * only for the insert and the commit.
 *
 * The lock is taken by the events' own insert, not by a statement of its own (one round trip
 * less per write): a materialized CTE the insert selects from, so the lock is taken when the
 * insert reads its first row, before any id is drawn from the sequence (lib/events/order.test.ts
 * holds it to that).
 */
const EVENTS_LOCK = sql`select pg_advisory_xact_lock(hashtextextended('switchboard.realtime_events', 0))`;

/**
 * Writes events in the current transaction, in commit order (see EVENTS_LOCK), and announces them
 * with NOTIFY (sent at commit). Call it last in the transaction; inTransaction and publish do.
 * One statement for all of a transaction's events: the lock, their inserts in the order they were
 * emitted (ids are drawn as the sorted rows are inserted), and a NOTIFY each, in id order.
 */
export async function recordEvents(tx: Db, events: AppEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows = JSON.stringify(events.map((e) => [e.name, e.data, e.audience]));
  await tx.execute(sql`
    with l as materialized (${EVENTS_LOCK}), e as (
      insert into realtime_events (name, data, audience)
      select v.event->>0, v.event->1, v.event->2 from l, jsonb_array_elements(${rows}::jsonb) with ordinality as v(event, n) order by v.n
      returning id, name, data, audience
    ), j as (select json_build_object('id', e.id, 'name', e.name, 'data', e.data, 'audience', e.audience)::text as full, e.id from e)
    select pg_notify(${EVENTS_CHANNEL},
      case when octet_length(j.full) < 7900 then j.full else json_build_object('id', j.id)::text end)
    from j order by j.id`);
}

// ---------------------------------------------------------------------------------------------
// Side effects inside this process.

type Handler<N extends EventName> = (data: EventMap[N]) => void | Promise<void>;

const g = globalThis as typeof globalThis & { __switchboardBus?: EventEmitter; __switchboardFanout?: Fanout };
const bus = (g.__switchboardBus ??= new EventEmitter().setMaxListeners(100));

/** Runs `handler` after a transaction of this process that emitted `name` has committed. */
export function onCommitted<N extends EventName>(name: N, handler: Handler<N>): () => void {
  const wrapped = (data: EventMap[N]) => {
    Promise.resolve(handler(data)).catch((error) => console.error(`[events] ${name} listener failed`, error));
  };
  bus.on(name, wrapped);
  return () => bus.off(name, wrapped);
}

export type OnCommitted = typeof onCommitted;

/**
 * Runs `fn` in a transaction; the events it emits are recorded in that transaction and handed to
 * this process's listeners after commit. A service never sends mail or pushes updates for a change
 * that was rolled back. Services call this; route handlers and actions call services.
 */
export async function inTransaction<T>(db: Db, fn: (tx: Tx, emit: Emit) => Promise<T>): Promise<T> {
  const pending: AppEvent[] = [];
  const emit: Emit = (name, data, audience = STAFF_ONLY) => void pending.push({ name, data, audience } as AppEvent);
  const result = await db.transaction(async (tx) => {
    const out = await fn(tx as Tx, emit);
    if (pending.length) await recordEvents(tx as Tx, pending);
    return out;
  });
  for (const event of pending) bus.emit(event.name, event.data);
  return result;
}

/** Records an event that belongs to no other change (e.g. "also viewing"). */
export async function publish<N extends EventName>(db: Db, name: N, data: EventMap[N], audience: Audience = STAFF_ONLY): Promise<void> {
  // In a transaction of its own: the commit-order lock is held until the commit.
  await db.transaction((tx) => recordEvents(tx as Db, [{ name, data, audience } as AppEvent]));
}

// ---------------------------------------------------------------------------------------------
// Fan-out to subscribers (the SSE routes): one LISTEN per process.

type Subscriber = (event: StoredEvent) => void;

class Fanout {
  private subscribers = new Set<Subscriber>();
  private started: Promise<void> | undefined;
  private lastId = 0;
  /** Notifications and catch-ups are handled one after the other, so events reach subscribers in id order. */
  private queue: Promise<void> = Promise.resolve();

  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    this.started ??= this.start().catch((error) => {
      this.started = undefined;
      throw error;
    });
    return () => this.subscribers.delete(subscriber);
  }

  ready(): Promise<void> {
    return this.started ?? Promise.resolve();
  }

  private async start() {
    const database = await getDatabase();
    // Where the stream stands, then listen, then deliver what committed in between: nothing
    // committed after this read is missed (a notification that also arrives is dropped by its id).
    const [latest] = await queryRows<{ id: number | null }>(database.db, sql`select max(id)::int as id from realtime_events`);
    this.lastId = latest?.id ?? 0;
    await database.listen(
      EVENTS_CHANNEL,
      (payload) => this.enqueue(() => this.receive(database.db, payload)),
      () => this.enqueue(() => this.catchUp(database.db)),
    );
    this.enqueue(() => this.catchUp(database.db));
    await this.queue;
    await pruneEvents(database.db);
  }

  private enqueue(task: () => Promise<void>) {
    this.queue = this.queue.then(task).catch((error) => console.error("[events] fan-out failed", error));
  }

  private async receive(db: Db, payload: string) {
    const parsed = JSON.parse(payload) as Partial<StoredEvent> & { id: number };
    if (parsed.id <= this.lastId) return;
    if (parsed.name === undefined) {
      // Too large for a NOTIFY: read it (and anything before it not yet delivered).
      await this.catchUp(db);
      return;
    }
    if (parsed.id > this.lastId + 1) {
      // A gap: an id of a rolled-back transaction, or an event whose NOTIFY was lost. Ids commit in
      // order, so whatever sits in the gap is committed by now; read it before going on.
      await this.catchUp(db, parsed.id);
      if (parsed.id <= this.lastId) return;
    }
    this.deliver(parsed as StoredEvent);
  }

  /** Delivers what was committed after the last delivered event (below `beforeId` when given). */
  private async catchUp(db: Db, beforeId?: number) {
    for (;;) {
      const events = await findEventsSince(db, this.lastId, 1000);
      const due = beforeId === undefined ? events : events.filter((e) => e.id < beforeId);
      for (const event of due) this.deliver(event);
      if (events.length < 1000 || due.length < events.length) return;
    }
  }

  private deliver(event: StoredEvent) {
    if (event.id <= this.lastId) return;
    this.lastId = event.id;
    for (const subscriber of this.subscribers) subscriber(event);
  }
}

export function fanout(): Fanout {
  return (g.__switchboardFanout ??= new Fanout());
}

/** Events after `afterId`, oldest first: what a reconnecting browser missed. */
export async function findEventsSince(db: Db, afterId: number, limit = 500): Promise<StoredEvent[]> {
  const rows = await db
    .select({ id: realtimeEvents.id, name: realtimeEvents.name, data: realtimeEvents.data, audience: realtimeEvents.audience })
    .from(realtimeEvents)
    .where(gt(realtimeEvents.id, afterId))
    .orderBy(asc(realtimeEvents.id))
    .limit(limit);
  return rows as StoredEvent[];
}

/** The newest stored event's id (0 when none): a page rendered now resumes its stream from here. */
export async function latestEventId(db: Db): Promise<number> {
  const [row] = await db.select({ id: sql<string>`coalesce(max(${realtimeEvents.id}), 0)::text` }).from(realtimeEvents);
  return Number(row?.id ?? 0);
}

/** The stream is for live updates and short reconnects, not history: keep a day. */
export async function pruneEvents(db: Db): Promise<void> {
  await db.delete(realtimeEvents).where(lt(realtimeEvents.createdAt, sql`now() - interval '1 day'`));
}

/** A subscriber that hears only what `listener` may (see `hears`). */
export function forListener(listener: Listener, subscriber: Subscriber): Subscriber {
  return (event) => {
    if (hears(listener, event.audience)) subscriber(event);
  };
}
