// One Server-Sent Events stream for any audience: the staff inbox (/api/events), and next a
// customer's portal and a chat room's widget. It hears only what its listener may (`hears`),
// resumes after Last-Event-ID (or ?lastEventId=) with what it missed, and keeps the connection
// alive. Every SSE route is this function plus its own auth.
import "server-only";
import { getDb } from "@/db/client";
import { fanout, findEventsSince, forListener, hears, type Listener, type StoredEvent } from "./index";

const HEARTBEAT_MS = 20_000;

export interface StreamOptions {
  /** Extra response headers (e.g. CORS for a widget on another site). */
  headers?: Record<string, string>;
  /** What goes out for an event (default: its data as it is). */
  shape?: (event: StoredEvent) => unknown;
}

export async function eventStream(request: Request, listener: Listener, options: StreamOptions = {}): Promise<Response> {
  const url = new URL(request.url);
  const resumeFrom = Number(request.headers.get("last-event-id") ?? url.searchParams.get("lastEventId") ?? NaN);
  const db = await getDb();
  const encoder = new TextEncoder();
  const shape = options.shape ?? ((event: StoredEvent) => event.data);
  let cleanup = () => {};

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let sentUpTo = 0;
      let replaying = true;
      const buffered: StoredEvent[] = [];
      const send = (event: StoredEvent) => {
        if (event.id <= sentUpTo) return; // already sent during the replay
        sentUpTo = event.id;
        controller.enqueue(encoder.encode(`id: ${event.id}\nevent: ${event.name}\ndata: ${JSON.stringify(shape(event))}\n\n`));
      };
      // Subscribe before replaying, so nothing written in between is lost.
      const unsubscribe = fanout().subscribe(forListener(listener, (event) => (replaying ? buffered.push(event) : send(event))));
      const heartbeat = setInterval(() => controller.enqueue(encoder.encode(": ping\n\n")), HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      request.signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      });
      controller.enqueue(encoder.encode("retry: 3000\n: connected\n\n"));
      try {
        await fanout().ready();
        if (Number.isSafeInteger(resumeFrom) && resumeFrom >= 0) {
          // Ids follow commit order (lib/events), so "after the last id I got" misses nothing.
          let after = resumeFrom;
          for (;;) {
            const missed = await findEventsSince(db, after, 1000);
            for (const event of missed) if (hears(listener, event.audience)) send(event);
            if (missed.length < 1000) break;
            after = missed[missed.length - 1]!.id;
          }
        }
      } finally {
        replaying = false;
        for (const event of buffered.splice(0)) send(event);
      }
    },
    cancel() {
      cleanup();
    },
  });

  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
      ...options.headers,
    },
  });
}
