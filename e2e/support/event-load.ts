// The live-events load of the ordering tests (defect 1's reproduction): `writers` concurrent
// writers recording events for `seconds`, half through a real service (an agent's note), half in
// transactions that record their event and then wait before committing — the interleaving where
// ids are taken in one order and committed in another — while one stream (eventStream, as a
// browser's) listens. Returns the ids that stream delivered for this run's tag, in order.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { postReply } from "@/lib/channels/reply";
import { recordEvents } from "@/lib/events";
import { eventStream } from "@/lib/events/stream";

export interface EventLoad {
  tag: string;
  writers: number;
  seconds: number;
  /** A thread the note writers post to. */
  threadId: number;
  /** Staff user id the notes are written as. */
  userId: number;
  /** The stream resumes after this event id (Last-Event-ID), as a page rendered before the run would. */
  afterId?: number;
}

/** Reads an SSE response, calling `onEvent` for each event (id, name, data). */
export async function readSse(response: Response, onEvent: (e: { id: number; name: string; data: unknown }) => void, signal: AbortSignal): Promise<void> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  signal.addEventListener("abort", () => void reader.cancel().catch(() => {}));
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let at: number;
      while ((at = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        const lines = Object.fromEntries(
          block
            .split("\n")
            .filter((l) => !l.startsWith(":") && l.includes(": "))
            .map((l) => [l.slice(0, l.indexOf(": ")), l.slice(l.indexOf(": ") + 2)]),
        );
        if (lines.id && lines.event) onEvent({ id: Number(lines.id), name: lines.event, data: JSON.parse(lines.data ?? "null") });
      }
    }
  } catch {
    /* cancelled */
  }
}

/** Whether an event belongs to a load run: its tag, or its thread. */
export const belongsTo = (load: Pick<EventLoad, "tag" | "threadId">) => (data: unknown) => {
  const d = (data ?? {}) as Record<string, unknown>;
  return d.tag === load.tag || d.threadId === load.threadId;
};

/** Opens a staff stream in this process; `stop()` ends it and returns the ids of matching events it delivered. */
export async function listenFor(match: (data: unknown) => boolean, lastEventId?: number) {
  const abort = new AbortController();
  const url = `http://127.0.0.1/api/events${lastEventId !== undefined ? `?lastEventId=${lastEventId}` : ""}`;
  const response = await eventStream(new Request(url, { signal: abort.signal }), { kind: "staff" });
  const ids: number[] = [];
  const all: number[] = [];
  const done = readSse(
    response,
    (e) => {
      all.push(e.id);
      if (match(e.data)) ids.push(e.id);
    },
    abort.signal,
  );
  return {
    ids,
    all,
    async stop() {
      abort.abort();
      await done;
      return ids;
    },
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the writers and a listener; returns the ids the listener got for `tag`. */
export async function runEventLoad(db: Db, load: EventLoad, options: { alsoWaitFor?: Promise<unknown> } = {}): Promise<number[]> {
  const stream = await listenFor(belongsTo(load), load.afterId);
  const until = Date.now() + load.seconds * 1000;
  const actor = { kind: "staff" as const, userId: load.userId, name: "Load writer", role: "agent" as const };
  const writer = async (n: number) => {
    let i = 0;
    while (Date.now() < until) {
      i++;
      if (n % 2 === 0) {
        await postReply(db, { threadId: load.threadId, kind: "note", body: `${load.tag} note ${n}.${i}` }, actor);
      } else {
        // Record, then wait before committing: the window where another writer takes a later id and commits first.
        await db.transaction(async (tx) => {
          await recordEvents(tx as unknown as Db, [{ name: "thread.updated", data: { tag: load.tag, writer: n, i } as never, audience: { staff: true } }]);
          await tx.execute(sql`select pg_sleep(${(Math.random() * 15) / 1000})`);
        });
      }
      await pause(Math.random() * 5);
    }
  };
  await Promise.all(Array.from({ length: load.writers }, (_, n) => writer(n)));
  // The other instance's writers too, then let the last notifications arrive.
  await options.alsoWaitFor;
  await pause(1500);
  return stream.stop();
}
