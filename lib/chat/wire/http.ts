// The chat-room API (chat-rooms.md + WIRE-NOTES), base /api/v2/, every path with and without the
// trailing slash. A translator: the original's field names and answers stop here; inside it calls
// lib/chat/service like the inbox. The visitor endpoints are anonymous (the room id is the
// capability), throttled, and answer CORS for the organization's allowed origins (../cors.ts); the
// staff endpoints (room-list/, get_QR_Id/) need a staff session or a chat API key, and no CORS.
import "server-only";
import { getDb, type Db } from "@/db/client";
import type { ChatOrg } from "@/db/schema";
import { parseApiKey, verifyApiCredential } from "@/lib/api-keys/service";
import type { Actor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";
import { CHANNEL_CATALOG } from "@/lib/channels/catalog";
import { AppError } from "@/lib/errors";
import { publicOrigin } from "@/lib/http/url";
import { json, readQuery, safeDecode, wireApi, type Envelope, type ZodIssueLike } from "@/lib/http/wire";
import { clientIp } from "@/lib/throttle";
import { isInbound } from "@/lib/threads/service";
import { corsFor, corsForAnyOrg, preflight } from "../cors";
import { findOrgByKey, findOrgForProduct, findQrCode, findQrKeys, findRoom, findRoomMessages, findRoomsForOrg, type Room, type RoomMessage } from "../queries";
import {
  createMessageSchema,
  deleteRoomSchema,
  loginSchema,
  openChatRoomSchema,
  ROOM_SERVICE_TYPES,
  roomControlSchema,
  roomIdSchema,
  roomListSchema,
  type RoomServiceType,
} from "../schemas";
import { closeChatRoom, enterRoom, getOrg, postAgentChatMessage, postVisitorMessage } from "../service";
import { greetingFor } from "../texts";

// ---------------------------------------------------------------------------------------------
// The envelope: `{"success": false, "message": …}`; invalid data adds `errors`.

const issuesToErrors = (issues: readonly ZodIssueLike[]) => {
  const out: Record<string, string[]> = {};
  for (const i of issues) (out[i.path.length ? i.path.map(String).join(".") : "non_field_errors"] ??= []).push(i.message);
  return out;
};

const envelope: Envelope = {
  error: (status, detail, fields, headers) => {
    const withFields = !!fields && Object.keys(fields).length > 0;
    return json(
      { success: false, message: status === 400 && withFields ? "Invalid data" : detail, ...(withFields ? { errors: fields } : {}) },
      status,
      headers,
    );
  },
  invalid: (issues) => json({ success: false, message: "Invalid data", errors: issuesToErrors(issues) }, 400),
};

type Caller = { actor: Actor; allows(permission: Permission): boolean };

/** A staff session (only when the request carries cookies) or a chat API key (Bearer, Api-Key or X-Api-Key). */
async function authenticate(db: Db, request: Request): Promise<Caller | Response> {
  const header = request.headers.get("authorization") ?? "";
  const raw = /^(?:Bearer|Api-Key|Token)\s+(\S+)\s*$/i.exec(header)?.[1] ?? request.headers.get("x-api-key")?.trim();
  if (raw) {
    const key = parseApiKey(raw);
    const credential = key ? await verifyApiCredential(db, "chat", key.keyPrefix, key.secret) : null;
    if (!credential) return json({ success: false, message: "Invalid API key." }, 401, { "WWW-Authenticate": 'Bearer realm="chat"' });
    return {
      actor: { kind: "api", label: `Chat API key ${credential.keyPrefix}`, credentialId: credential.id, userId: credential.userId, name: "Support" },
      allows: (permission) => can({ scopes: credential.scopes }, permission),
    };
  }
  if (request.headers.get("cookie")) {
    const { getCurrentUser, actorOf } = await import("@/lib/auth/session");
    const user = await getCurrentUser();
    if (user) return { actor: actorOf(user), allows: (permission) => can(user.role, permission) };
  }
  return json({ success: false, message: "Authentication credentials were not provided." }, 401, { "WWW-Authenticate": 'Bearer realm="chat"' });
}

const chatApi = wireApi<Caller>({
  name: "chat api",
  envelope,
  authenticate,
  methodNotAllowed: (allow) => json({ success: false, message: "Method not allowed." }, 405, { Allow: allow }),
});

const VISITOR: Actor = { kind: "system", label: "Chat widget" };

/** A JSON answer with the request's CORS headers. */
const answer = (body: unknown, cors: Record<string, string>, status = 200, headers: Record<string, string> = {}) => json(body, status, { ...cors, ...headers });

const refusedOrigin = (cors: Record<string, string>) => json({ success: false, message: "This origin may not use this organization's chat." }, 403, cors);

type CorsBox = { headers: Record<string, string>; decided: boolean };

/**
 * Runs a visitor endpoint: every failure in the envelope, with the CORS headers its organization
 * decided; an answer given before the organization was known (bad input, an unknown room or type)
 * is readable by an origin some organization allows.
 */
async function visitor(request: Request, fn: (db: Db, cors: CorsBox) => Promise<Response>): Promise<Response> {
  const cors: CorsBox = { headers: {}, decided: false };
  const response = await chatApi.run((db) => fn(db, cors));
  const headers = cors.decided ? cors.headers : await corsForAnyOrg(await getDb(), request).catch((): Record<string, string> => ({}));
  for (const [k, v] of Object.entries(headers)) if (!response.headers.has(k)) response.headers.set(k, v);
  return response;
}

/** Checks the origin against the organization's allowed ones; keeps the CORS headers the answer carries. */
function admit(request: Request, orgOrigins: readonly string[] | null, cors: CorsBox): Response | null {
  const decided = corsFor(request, orgOrigins);
  cors.headers = decided.headers;
  cors.decided = true;
  return decided.allowed ? null : refusedOrigin(decided.headers);
}

/** The fields of a request: the query string, then the body (JSON, a form or multipart) over it. */
async function fieldsOf(request: Request, limit?: number) {
  const query = readQuery(new URL(request.url));
  if (request.method === "GET" || request.method === "HEAD") return { ok: true as const, data: query, files: {} as Record<string, File[]> };
  const body = await chatApi.readBody(request, { limit });
  if (!body.ok) return body;
  return { ok: true as const, data: { ...query, ...body.data }, files: body.files };
}

const languageOf = (request: Request, given?: string | null) => given || request.headers.get("accept-language")?.split(",")[0]?.split(";")[0]?.trim() || null;

// ---------------------------------------------------------------------------------------------
// Shapes

function wireRoom(room: Room, extra: Record<string, unknown> = {}) {
  return {
    _id: room.roomKey,
    eventId: room.eventId,
    user_id: room.userExternalId,
    org_id: room.orgKey,
    portfolio_name: room.portfolioName ?? "",
    room_room_id: room.roomCode,
    product_name: room.productName,
    ...extra,
    is_active: room.isActive,
  };
}

const fileUrl = (request: Request, room: Room, attachmentId: number) => `${publicOrigin(request)}/api/widget/rooms/${room.roomKey}/files/${attachmentId}`;

function wireMessage(request: Request, room: Room, m: RoomMessage) {
  const inbound = isInbound(m.authorRole);
  const image = m.attachments.find((a) => a.contentType.startsWith("image/"));
  const onlyImage = !m.body && image;
  return {
    _id: String(m.id),
    room_id: room.roomKey,
    message_data: m.data ?? (onlyImage ? fileUrl(request, room, image.id) : m.body),
    side: m.side ?? inbound,
    author: m.author ?? (inbound ? "client" : "agent"),
    message_type: m.messageType ?? (onlyImage ? "IMAGE" : "TEXT"),
    read: m.readAt !== null,
    created_at: m.createdAt.toISOString(),
    ...(inbound ? {} : { author_name: m.authorName }),
    ...(m.attachments.length
      ? {
          attachments: m.attachments.map((a) => ({
            _id: String(a.id),
            url: fileUrl(request, room, a.id),
            name: a.fileName,
            content_type: a.contentType,
            size: a.size,
          })),
        }
      : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Opening rooms: room-control/, extension/, login/, openChatRoom/, init/<org>/<product>/<id>/

const ROOM_MESSAGES = { found: "Room filter successfully", created: "Room created successfully" } as const;

async function openRoom(request: Request, mode: "control" | "extension" | "login" | "open"): Promise<Response> {
  return visitor(request, async (db, cors) => {
    const fields = await fieldsOf(request);
    if (!fields.ok) return fields.response;
    const schema = mode === "open" ? openChatRoomSchema : mode === "login" ? loginSchema : roomControlSchema;
    const parsed = schema.safeParse(fields.data);
    if (!parsed.success) return chatApi.invalid(parsed.error.issues);
    const input = parsed.data as { user_id: string; org_id?: string; product_name?: string; portfolio_name?: string; page_url?: string; language?: string };
    let org: ChatOrg | undefined;
    if (input.org_id) org = await getOrg(db, input.org_id);
    else {
      org = await findOrgForProduct(db, input.product_name!);
      if (!org) throw new AppError("invalid", "Invalid data", { product_name: [`No organization offers ${input.product_name}.`] });
    }
    const refused = admit(request, org.allowedOrigins, cors);
    if (refused) return refused;
    const productName = input.product_name ?? org.products[0];
    if (!productName) throw new AppError("invalid", "Invalid data", { product_name: ["This organization has no products."] });
    const language = languageOf(request, input.language);
    const login = mode === "login" || mode === "extension";
    const { room, created } = await enterRoom(
      db,
      {
        org,
        userExternalId: input.user_id,
        productName,
        portfolioName: mode === "login" ? (input.portfolio_name ?? `${productName}${input.user_id}`) : (input.portfolio_name ?? null),
        isLogin: login,
        pageUrl: input.page_url ?? request.headers.get("referer"),
        language,
        reuse: mode !== "login",
        ip: clientIp(request.headers),
      },
      VISITOR,
    );
    const greeting = greetingFor(org.greeting, language);
    const extra = login ? { message: { receiver: greeting }, isLogin: true } : { message_data: greeting };
    const response = wireRoom(room, extra);
    return answer(
      {
        success: true,
        message: created ? ROOM_MESSAGES.created : ROOM_MESSAGES.found,
        inserted_id: room.roomKey,
        response: mode === "login" ? { ...response, room_id: room.roomKey } : response,
      },
      cors.headers,
    );
  });
}

// POST /api/v2/room-control/ — find the visitor's active room or open one
export const roomControl = (request: Request) => openRoom(request, "control");
// POST /api/v2/extension/ — the same for a signed-in product user (the browser extension)
export const extension = (request: Request) => openRoom(request, "extension");
// POST /api/v2/login/ — a new room for a signed-in product user
export const login = (request: Request) => openRoom(request, "login");
// POST /api/v2/openChatRoom/ — a room for a product, its organization found by the product
export const openChatRoom = (request: Request) => openRoom(request, "open");

type Segments = { params: Promise<Record<string, string | string[]>> };
const segment = (value: string | string[] | undefined) => safeDecode(String(Array.isArray(value) ? value[0] : (value ?? ""))).replace(/\/+$/, "");

// GET /api/v2/init/<org_id>/<product>/<qr_id>/ — a public room for a printed QR code
export async function init(request: Request, context: Segments): Promise<Response> {
  const p = await context.params;
  const orgKey = segment(p.org_id);
  const productName = segment(p.product);
  const qrKey = segment(p.id);
  return visitor(request, async (db, cors) => {
    const org = await findOrgByKey(db, orgKey);
    if (!org) return answer({ success: false, message: "Organization not found" }, {}, 404);
    const refused = admit(request, org.allowedOrigins, cors);
    if (refused) return refused;
    const qr = await findQrCode(db, orgKey, qrKey);
    if (!qr) return answer({ success: false, message: "QR code not found" }, cors.headers, 404);
    const language = languageOf(request, new URL(request.url).searchParams.get("language"));
    const { room } = await enterRoom(
      db,
      {
        org,
        userExternalId: qrKey,
        productName,
        portfolioName: qrKey,
        qrId: qrKey,
        pageUrl: new URL(request.url).searchParams.get("page_url") ?? request.headers.get("referer"),
        language,
        reuse: false,
        ip: clientIp(request.headers),
      },
      VISITOR,
    );
    const { _id: omitted, ...rest } = wireRoom(room, { message: { receiver: greetingFor(org.greeting, language) }, isLogin: false });
    void omitted;
    return answer({ room: { success: true, message: ROOM_MESSAGES.created, inserted_id: room.roomKey, response: rest } }, cors.headers);
  });
}

/** OPTIONS for init/: the organization is in the path, so its own origins decide. */
export async function initPreflight(request: Request, context: Segments): Promise<Response> {
  const orgKey = segment((await context.params).org_id);
  return chatApi.run(async (db) => preflight(db, request, (await findOrgByKey(db, orgKey))?.allowedOrigins ?? null));
}

/** OPTIONS for the other visitor endpoints. */
export const visitorPreflight = (request: Request) => chatApi.run((db) => preflight(db, request));

// ---------------------------------------------------------------------------------------------
// room-service/: create_message, get_messages, get_room_by_id, delete_room — GET (with a body or
// a query string) or POST, as clients send them.

/** Enough for the channel's images plus the message's text. */
const SERVICE_BODY_LIMIT = CHANNEL_CATALOG.chat.upload.maxTotalBytes + 64 * 1024;
const ROOM_KEY = /^[0-9a-f]{24}$/;
const VISITOR_AUTHORS = ["client", "visitor", "customer", "user", "guest"];

export async function roomService(request: Request): Promise<Response> {
  return visitor(request, async (db, cors) => {
    const fields = await fieldsOf(request, SERVICE_BODY_LIMIT);
    if (!fields.ok) return fields.response;
    const type = String(fields.data.type ?? "") as RoomServiceType;
    if (!ROOM_SERVICE_TYPES.includes(type)) return answer({ success: false, message: "Invalid request type" }, {}, 400);
    const id = roomIdSchema.safeParse(fields.data);
    if (!id.success) return chatApi.invalid(id.error.issues);
    const room = ROOM_KEY.test(id.data.room_id) ? await findRoom(db, id.data.room_id) : undefined;
    if (!room) return answer({ success: false, message: "Room not found" }, {});
    const refused = admit(request, room.orgOrigins, cors);
    if (refused) return refused;

    switch (type) {
      case "get_messages": {
        // Polled every few seconds: the room's version decides a 304 before any message is read.
        const etag = `W/"r${room.threadId}v${room.version}"`;
        const caching = { ETag: etag, "Cache-Control": "no-cache" };
        if ((request.headers.get("if-none-match") ?? "").split(",").some((t) => t.trim() === etag)) {
          return new Response(null, { status: 304, headers: { ...cors.headers, ...caching } });
        }
        const list = await findRoomMessages(db, room.threadId);
        return answer(
          { success: true, message: "Messages of the room", response: { isSuccess: true, data: list.map((m) => wireMessage(request, room, m)) } },
          cors.headers,
          200,
          caching,
        );
      }
      case "get_room_by_id":
        return answer({ success: true, message: "Room details", response: [wireRoom(room)] }, cors.headers);
      case "delete_room": {
        const parsed = deleteRoomSchema.safeParse(fields.data);
        if (!parsed.success) return chatApi.invalid(parsed.error.issues);
        if (room.isActive) await closeChatRoom(db, { threadId: room.threadId }, { kind: "customer", customerId: room.customerId ?? 0, name: "Visitor" });
        return answer({ success: true, message: "Room deleted successfully", response: { isSuccess: true } }, cors.headers);
      }
      case "create_message": {
        const parsed = createMessageSchema.safeParse(fields.data);
        if (!parsed.success) return chatApi.invalid(parsed.error.issues);
        const m = parsed.data;
        const files = (fields.files.file ?? fields.files.files ?? fields.files.image ?? []).filter((f) => f.size > 0);
        const incoming = await Promise.all(files.map(async (f) => ({ name: f.name || "image", bytes: new Uint8Array(await f.arrayBuffer()) })));
        const isObject = typeof m.message_data === "object";
        const body = isObject ? JSON.stringify(m.message_data).slice(0, 20_000) : String(m.message_data);
        const wire = { messageType: m.message_type ?? "text", side: m.side ?? null, author: m.author ?? null, data: isObject ? m.message_data : null };
        // Our side answers through the same API signed in (a staff session or a chat key), as an agent.
        const author = (m.author ?? "client").toLowerCase();
        const signedIn = !!(request.headers.get("authorization") || request.headers.get("x-api-key") || request.headers.get("cookie"));
        let messageId: number;
        if (!VISITOR_AUTHORS.includes(author) && signedIn) {
          const caller = await authenticate(db, request);
          if (caller instanceof Response) return caller;
          if (!caller.allows("chatRooms.reply")) return answer({ success: false, message: "This credential may not reply in chat rooms." }, {}, 403);
          messageId = (await postAgentChatMessage(db, { room, body, wire, files: incoming }, caller.actor)).id;
        } else {
          if (!room.isActive) return answer({ success: false, message: "This chat room is closed." }, cors.headers, 409);
          // Anonymous is always the visitor, whatever it calls itself: nobody speaks for us without a credential.
          const asVisitor = { ...wire, author: VISITOR_AUTHORS.includes(author) ? wire.author : "client" };
          messageId = (await postVisitorMessage(db, { room, body, wire: asVisitor, files: incoming, ip: clientIp(request.headers) })).id;
        }
        return answer({ success: true, message: "Message updated successfully", response: { isSuccess: true, _id: String(messageId) } }, cors.headers);
      }
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Staff: room-list/, get_QR_Id/<org_id>/ (no CORS)

// GET /api/v2/room-list/?org_id=…&product_name=… — an organization's rooms
export function roomList(request: Request): Promise<Response> {
  return chatApi.handle(request, null, async (db, caller) => {
    if (!caller.allows("chatRooms.view")) return json({ success: false, message: "You may not list chat rooms." }, 403);
    const parsed = roomListSchema.safeParse(readQuery(new URL(request.url)));
    if (!parsed.success) return chatApi.invalid(parsed.error.issues);
    const rooms = await findRoomsForOrg(db, parsed.data.org_id, parsed.data.product_name);
    if (!rooms.length) return json({ success: false, message: "Room not found on org_id" });
    return json({ success: true, message: "Rooms of the organization", rooms: rooms.map((r) => wireRoom(r)) });
  });
}

// GET or POST /api/v2/get_QR_Id/<org_id>/ — an organization's QR ids
export async function getQrIds(request: Request, context: Segments): Promise<Response> {
  const orgKey = segment((await context.params).org_id);
  return chatApi.handle(request, null, async (db, caller) => {
    if (!caller.allows("chatRooms.view")) return json({ success: false, message: "You may not list QR codes." }, 403);
    return json({ qr_id_list: await findQrKeys(db, orgKey) });
  });
}

export const methodNotAllowed = (allow: string) => chatApi.notAllowed(allow);

/** For the widget's own routes: the room behind a key, and the CORS of the request against its organization. */
export async function roomForWidget(request: Request, roomKey: string): Promise<{ db: Db; room: Room; cors: Record<string, string> } | Response> {
  const db = await getDb();
  const room = ROOM_KEY.test(roomKey) ? await findRoom(db, roomKey) : undefined;
  const cors = corsFor(request, room?.orgOrigins ?? null);
  if (!room) return json({ success: false, message: "Room not found" }, 404, cors.allowed ? {} : cors.headers);
  if (!cors.allowed) return refusedOrigin(cors.headers);
  return { db, room, cors: cors.headers };
}

export { chatApi };
