// GET /api/events — Server-Sent Events for signed-in staff; resumes after Last-Event-ID
import { getDb } from "@/db/client";
import { fanout, findEventsSince, type StoredEvent } from "@/lib/events";
import { requirePermission } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/json";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 20_000;

export async function GET(request: Request) {
  try {
    await requirePermission("events.subscribe");
  } catch (error) {
    return errorResponse(error);
  }
  const url = new URL(request.url);
  const resumeFrom = Number(request.headers.get("last-event-id") ?? url.searchParams.get("lastEventId") ?? NaN);
  const db = await getDb();
  const encoder = new TextEncoder();
  let cleanup = () => {};

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let sentUpTo = 0;
      let replaying = true;
      const buffered: StoredEvent[] = [];
      const send = (event: StoredEvent) => {
        if (event.id <= sentUpTo) return; // already sent during the replay
        sentUpTo = event.id;
        controller.enqueue(encoder.encode(`id: ${event.id}\nevent: ${event.name}\ndata: ${JSON.stringify(event.data)}\n\n`));
      };
      // Subscribe before replaying, so nothing written in between is lost.
      const unsubscribe = fanout().subscribe((event) => (replaying ? buffered.push(event) : send(event)));
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
          for (const event of await findEventsSince(db, resumeFrom, 1000)) send(event);
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
    },
  });
}
