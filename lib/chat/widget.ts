// The widget's own endpoints (beside the wire API): the room's live stream, the visitor's typing
// signal and the room's files. Each is behind the room's own token (the room id clients keep) and
// answers CORS for the room's organization, like the wire API's visitor endpoints.
import "server-only";
import { attachmentResponse } from "@/lib/attachments/download";
import { AppError } from "@/lib/errors";
import { eventStream } from "@/lib/events/stream";
import type { StoredEvent } from "@/lib/events";
import { json } from "@/lib/http/wire";
import { envLimit, hit } from "@/lib/throttle";
import { preflight } from "./cors";
import { findRoomAttachment } from "./queries";
import { signalTyping } from "./service";
import { chatApi, roomForWidget } from "./wire/http";

type Params = { params: Promise<Record<string, string | string[]>> };
const param = async (context: Params, name: string) => String((await context.params)[name] ?? "");

/** What a widget reads of an event: ids and states only (it fetches the messages themselves through get_messages). */
function visitorShape(event: StoredEvent): unknown {
  const d = event.data as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of ["threadId", "messageId", "authorRole", "status", "channelState", "side", "typing", "name"]) if (key in d) out[key] = d[key];
  return out;
}

// GET /api/widget/rooms/<room>/events — the room's Server-Sent Events (its public messages, status, an agent typing); resumes after Last-Event-ID
export async function roomEvents(request: Request, context: Params): Promise<Response> {
  const found = await roomForWidget(request, await param(context, "room"));
  if (found instanceof Response) return found;
  return eventStream(request, { kind: "room", threadId: found.room.threadId }, { headers: found.cors, shape: visitorShape });
}

export const TYPING_LIMIT_ROOM = () => envLimit("CHAT_TYPING_LIMIT_ROOM", { max: 60, windowSeconds: 60 });

// POST /api/widget/rooms/<room>/typing — {"typing": true|false}: the visitor started or stopped typing (staff hear it)
export async function roomTyping(request: Request, context: Params): Promise<Response> {
  const found = await roomForWidget(request, await param(context, "room"));
  if (found instanceof Response) return found;
  const { db, room, cors } = found;
  return chatApi.run(async () => {
    const body = await chatApi.readBody(request, { limit: 1024 });
    if (!body.ok) return body.response;
    if (!room.isActive) return json({ success: false, message: "This chat room is closed." }, 409, cors);
    const limited = await hit(db, `chat:typing:room:${room.threadId}`, TYPING_LIMIT_ROOM());
    if (!limited.allowed) return json({ success: true, throttled: true }, 200, cors);
    const typing = body.data.typing !== false && body.data.typing !== "false";
    await signalTyping(db, { threadId: room.threadId, side: "visitor", typing });
    return json({ success: true }, 200, cors);
  });
}

// GET /api/widget/rooms/<room>/files/<id> — a file of one of the room's public messages
export async function roomFile(request: Request, context: Params): Promise<Response> {
  const found = await roomForWidget(request, await param(context, "room"));
  if (found instanceof Response) return found;
  const { db, room, cors } = found;
  return chatApi.run(async () => {
    const id = Number(await param(context, "id"));
    const file = Number.isSafeInteger(id) && id > 0 ? await findRoomAttachment(db, room.threadId, id) : undefined;
    if (!file) throw new AppError("not_found", "File not found.");
    // The widget's page shows the room's images inline; the file itself stays a sandboxed resource any origin may embed.
    return attachmentResponse(file, {
      inline: true,
      missing: "File not found.",
      headers: { ...cors, "Content-Security-Policy": "default-src 'none'; sandbox", "Cross-Origin-Resource-Policy": "cross-origin" },
    });
  });
}

/** OPTIONS for the widget's endpoints: the room's organization decides. */
export async function roomPreflight(request: Request, context: Params): Promise<Response> {
  const key = await param(context, "room");
  return chatApi.run(async (db) => {
    const found = await roomForWidget(new Request(request.url, { headers: { host: request.headers.get("host") ?? "" } }), key);
    return preflight(db, request, found instanceof Response ? null : (found.room.orgOrigins ?? null));
  });
}
