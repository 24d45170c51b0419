// Named events. A service records its events inside the transaction of the change; NOTIFY carries
// them to every app instance only once that transaction commits. In-process listeners (mail and
// other side effects of this instance's own changes) run after the commit.
import { EventEmitter } from "node:events";
import { gt, lt, asc, sql } from "drizzle-orm";
import { getDatabase, queryRows, type Db } from "@/db/client";
import { realtimeEvents } from "@/db/schema";

export const EVENTS_CHANNEL = "switchboard_events";

/** Event names used across the desk. */
export type EventName =
  | "thread.created"
  | "thread.updated"
  | "thread.closed"
  | "thread.reopened"
  | "thread.assigned"
  | "thread.read"
  | "message.created"
  | "message.updated"
  | "call_request.updated"
  | "viewing"
  | (string & {});

export interface AppEvent {
  name: EventName;
  data: Record<string, unknown>;
}
export interface StoredEvent extends AppEvent {
  id: number;
}

type Emit = (name: EventName, data: Record<string, unknown>) => void;

/** Writes events in the current transaction and announces them with NOTIFY (sent at commit). */
export async function recordEvents(tx: Db, events: AppEvent[]): Promise<void> {
  for (const event of events) {
    await tx.execute(sql`
      with e as (
        insert into realtime_events (name, data) values (${event.name}, ${JSON.stringify(event.data)}::jsonb)
        returning id, name, data
      ), j as (select json_build_object('id', e.id, 'name', e.name, 'data', e.data)::text as full, e.id from e)
      select pg_notify(${EVENTS_CHANNEL},
        case when octet_length(j.full) < 7900 then j.full else json_build_object('id', j.id)::text end)
      from j`);
  }
}

// ---------------------------------------------------------------------------------------------
// Side effects inside this process.

const g = globalThis as typeof globalThis & { __switchboardBus?: EventEmitter; __switchboardFanout?: Fanout };
const bus = (g.__switchboardBus ??= new EventEmitter().setMaxListeners(100));

/** Runs `handler` after a transaction of this process that emitted `name` has committed. */
export function onCommitted(name: EventName, handler: (data: Record<string, unknown>) => void | Promise<void>) {
  const wrapped = (data: Record<string, unknown>) => {
    Promise.resolve(handler(data)).catch((error) => console.error(`[events] ${name} listener failed`, error));
  };
  bus.on(name, wrapped);
  return () => bus.off(name, wrapped);
}

/**
 * Runs `fn` in a transaction; the events it emits are recorded in that transaction and handed to
 * this process's listeners after commit. A service never sends mail or pushes updates for a change
 * that was rolled back.
 */
export async function inTransaction<T>(db: Db, fn: (tx: Db, emit: Emit) => Promise<T>): Promise<T> {
  const pending: AppEvent[] = [];
  const result = await db.transaction(async (tx) => {
    const out = await fn(tx as unknown as Db, (name, data) => pending.push({ name, data }));
    if (pending.length) await recordEvents(tx as unknown as Db, pending);
    return out;
  });
  for (const event of pending) bus.emit(event.name, event.data);
  return result;
}

/** Records events that belong to no other change (e.g. "also viewing"). */
export async function publish(db: Db, name: EventName, data: Record<string, unknown>): Promise<void> {
  await recordEvents(db, [{ name, data }]);
}

// ---------------------------------------------------------------------------------------------
// Fan-out to subscribers (the SSE route): one LISTEN per process.

type Subscriber = (event: StoredEvent) => void;

class Fanout {
  private subscribers = new Set<Subscriber>();
  private started: Promise<void> | undefined;
  private lastId = 0;

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
    const [latest] = await queryRows<{ id: number | null }>(database.db, sql`select max(id)::int as id from realtime_events`);
    this.lastId = latest?.id ?? 0;
    await database.listen(
      EVENTS_CHANNEL,
      (payload) => void this.receive(database.db, payload),
      () => void this.catchUp(database.db),
    );
    await pruneEvents(database.db);
  }

  private async receive(db: Db, payload: string) {
    const parsed = JSON.parse(payload) as Partial<StoredEvent> & { id: number };
    if (parsed.name === undefined) {
      const [row] = await findEventsSince(db, parsed.id - 1, 1);
      if (row) this.deliver(row);
      return;
    }
    this.deliver(parsed as StoredEvent);
  }

  /** After a lost LISTEN connection: deliver what was written meanwhile. */
  private async catchUp(db: Db) {
    for (const event of await findEventsSince(db, this.lastId, 1000)) this.deliver(event);
  }

  private deliver(event: StoredEvent) {
    if (event.id > this.lastId) this.lastId = event.id;
    for (const subscriber of this.subscribers) subscriber(event);
  }
}

export function fanout(): Fanout {
  return (g.__switchboardFanout ??= new Fanout());
}

/** Events after `afterId`, oldest first: what a reconnecting browser missed. */
export async function findEventsSince(db: Db, afterId: number, limit = 500): Promise<StoredEvent[]> {
  const rows = await db
    .select({ id: realtimeEvents.id, name: realtimeEvents.name, data: realtimeEvents.data })
    .from(realtimeEvents)
    .where(gt(realtimeEvents.id, afterId))
    .orderBy(asc(realtimeEvents.id))
    .limit(limit);
  return rows;
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
