// The chat-room API through its route handlers with real Request objects, on PGlite and
// PostgreSQL: every example of chat-rooms.md, the WIRE-NOTES quirks (TEXT/IMAGE, an object
// message_data, side, response.data as a list), CORS preflights from an allowed and a refused
// origin, a bad type, throttles, the staff endpoints' auth, and a visitor stream that never
// receives an internal note.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { chatDetails, messages, threads } from "@/db/schema";
import { makePng } from "@/db/seed/files";
import { createApiCredential } from "@/lib/api-keys/service";
import { postReply } from "@/lib/channels/reply";
import { registerListeners } from "@/lib/listeners";
import { changeThreadStatus } from "@/lib/inbox/service";
import { reset } from "@/lib/throttle";
import { chatApi, jsonOf } from "@/e2e/support/api-clients";
import { ensureChatOrg, makeUser } from "@/e2e/support/factories";
import { createTestDatabase } from "@/e2e/support/test-db";
import { addQrCode } from "./service";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let database: Database;
let key: string;
let viewKey: string;
let agent: Awaited<ReturnType<typeof makeUser>>;
const SHOP = "https://shop.example";
const OTHER = "https://evil.example";
let n = 0;
const ip = () => `192.0.2.${(n++ % 250) + 1}`;

beforeAll(async () => {
  process.env.CHAT_ROOM_LIMIT_IP_MAX = "1000";
  process.env.CHAT_MESSAGE_LIMIT_IP_MAX = "1000";
  database = await createTestDatabase({ useAsAppDatabase: true });
  registerListeners();
  const db = database.db;
  agent = await makeUser(db, "agent", { name: "Ayşe Agent" });
  await ensureChatOrg(db, "DOWELL12345", { allowedOrigins: ["*"], greeting: { en: "How may I help you", tr: "Size nasıl yardımcı olabilirim?" } });
  const shop = await ensureChatOrg(db, "SHOPORG", { allowedOrigins: [SHOP], products: ["WORKFLOWAI"] });
  await addQrCode(db, { orgId: (await ensureChatOrg(db, "DOWELL12345")).id, productName: "WORKFLOWAI", qrKey: "g6tWCp5trVRO" });
  await addQrCode(db, { orgId: shop.id, productName: "WORKFLOWAI", qrKey: "SHOPQR000001" });
  key = (await createApiCredential(db, { kind: "chat", name: "back office", scopes: ["chat.rooms.view", "chat.rooms.manage"], userId: agent.id })).apiKey;
  viewKey = (await createApiCredential(db, { kind: "chat", name: "viewer", scopes: ["chat.rooms.view"], userId: agent.id })).apiKey;
});
afterAll(async () => {
  await database.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  chatApi("POST", path, { body, headers: { "x-forwarded-for": ip(), ...headers } });
const get = (path: string, headers: Record<string, string> = {}) => chatApi("GET", path, { headers: { "x-forwarded-for": ip(), ...headers } });

async function openRoom(overrides: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await post(
    "/api/v2/room-control/",
    { user_id: `U${n++}x`, org_id: "DOWELL12345", portfolio_name: "umair", product_name: "WIFIQRCODE", ...overrides },
    headers,
  );
  const body = await jsonOf<Json>(response);
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body;
}

const messagesOf = async (room: string, headers: Record<string, string> = {}) => {
  const response = await get(`/api/v2/room-service/?type=get_messages&room_id=${room}`, headers);
  expect(response.status).toBe(200);
  const body = await jsonOf<Json>(response);
  return { response, body, data: body.response.data as Json[] };
};

describe("room-control/", () => {
  it("creates a room (the spec's example), then finds the same active one", async () => {
    const body = { user_id: "ABCD12345", org_id: "DOWELL12345", portfolio_name: "umair", product_name: "WIFIQRCODE" };
    const first = await jsonOf<Json>(await post("/api/v2/room-control/", body));
    expect(first).toMatchObject({ success: true, message: "Room created successfully" });
    expect(first.inserted_id).toMatch(/^[0-9a-f]{24}$/);
    expect(first.response).toMatchObject({
      _id: first.inserted_id,
      user_id: "ABCD12345",
      org_id: "DOWELL12345",
      portfolio_name: "umair",
      product_name: "WIFIQRCODE",
      is_active: true,
    });
    expect(first.response.eventId).toMatch(/^FB1010000000\d+#\d+$/);
    expect(first.response.room_room_id).toMatch(/^\d+-ABCD12345$/);
    // Without the trailing slash, the same room.
    const again = await jsonOf<Json>(await post("/api/v2/room-control", body));
    expect(again).toMatchObject({ success: true, message: "Room filter successfully", inserted_id: first.inserted_id });
  });

  it("takes what the WORKFLOWAI widget sends (user_id = its organization id), as JSON or a form", async () => {
    const json = await jsonOf<Json>(await post("/api/v2/room-control/", { user_id: "DOWELL12345", org_id: "DOWELL12345", product_name: "WORKFLOWAI" }));
    expect(json.success).toBe(true);
    const form = await chatApi("POST", "/api/v2/room-control/", {
      body: "user_id=F1&org_id=DOWELL12345&product_name=WORKFLOWAI&portfolio_name=p",
      headers: { "x-forwarded-for": ip() },
    });
    expect((await jsonOf<Json>(form)).message).toBe("Room created successfully");
  });

  it("refuses invalid data with the fields, an unknown organization and a product it does not offer", async () => {
    const missing = await post("/api/v2/room-control/", { org_id: "DOWELL12345" });
    expect(missing.status).toBe(400);
    const body = await jsonOf<Json>(missing);
    expect(body).toMatchObject({ success: false, message: "Invalid data" });
    expect(Object.keys(body.errors)).toEqual(expect.arrayContaining(["user_id", "product_name"]));
    const org = await post("/api/v2/room-control/", { user_id: "a", org_id: "NOPE", product_name: "WORKFLOWAI" });
    expect(org.status).toBe(400);
    expect((await jsonOf<Json>(org)).errors.org_id).toBeDefined();
    const product = await post("/api/v2/room-control/", { user_id: "a", org_id: "SHOPORG", product_name: "LOGOSCAN" });
    expect((await jsonOf<Json>(product)).errors.product_name).toBeDefined();
    const notJson = await chatApi("POST", "/api/v2/room-control/", { body: "{oops", headers: { "content-type": "application/json" } });
    expect(notJson.status).toBe(400);
    expect((await jsonOf<Json>(notJson)).success).toBe(false);
  });

  it("answers 405 for GET", async () => {
    expect((await get("/api/v2/room-control/")).status).toBe(405);
  });
});

describe("room-service/", () => {
  it("create_message as the spec shows it, get_messages as response.data (empty first), get_room_by_id as a list", async () => {
    const room = (await openRoom()).inserted_id as string;
    expect((await messagesOf(room)).data).toEqual([]);
    const sent = await post("/api/v2/room-service/", {
      type: "create_message",
      room_id: room,
      message_data: "message",
      side: true,
      author: "client",
      message_type: "text",
    });
    expect(await jsonOf<Json>(sent)).toMatchObject({ success: true, message: "Message updated successfully", response: { isSuccess: true } });
    const { data } = await messagesOf(room);
    expect(data).toHaveLength(1);
    expect(Object.keys(data[0]!)).toEqual(expect.arrayContaining(["_id", "room_id", "message_data", "side", "author", "message_type", "read", "created_at"]));
    expect(data[0]).toMatchObject({ room_id: room, message_data: "message", side: true, author: "client", message_type: "text", read: false });
    const byId = await jsonOf<Json>(await get(`/api/v2/room-service/?type=get_room_by_id&room_id=${room}`));
    expect(byId.success).toBe(true);
    expect(byId.response).toEqual([expect.objectContaining({ _id: room, is_active: true, product_name: "WIFIQRCODE" })]);
  });

  it("keeps the WIRE-NOTES quirks: TEXT and IMAGE, side false from the widget, an object message_data", async () => {
    const room = (await openRoom({ product_name: "WORKFLOWAI", user_id: "DOWELL12345" })).inserted_id as string;
    await post("/api/v2/room-service/", { type: "create_message", room_id: room, message_data: "Hi", side: false, author: "client", message_type: "TEXT" });
    await post("/api/v2/room-service/", {
      type: "create_message",
      room_id: room,
      message_data: "https://cdn.example/a.png",
      side: "false",
      author: "client",
      message_type: "IMAGE",
    });
    await post("/api/v2/room-service/", {
      type: "create_message",
      room_id: room,
      message_data: { text: "order", items: [1, 2] },
      side: true,
      author: "client",
      message_type: "text",
    });
    const { data } = await messagesOf(room);
    expect(data.map((m) => [m.message_type, m.side, m.message_data])).toEqual([
      ["TEXT", false, "Hi"],
      ["IMAGE", false, "https://cdn.example/a.png"],
      ["text", true, { text: "order", items: [1, 2] }],
    ]);
    // The inbox sees them as the customer's messages.
    const [detail] = await database.db.select().from(chatDetails).where(eq(chatDetails.roomKey, room));
    const rows = await database.db.select().from(messages).where(eq(messages.threadId, detail!.threadId));
    expect(rows.map((r) => r.authorRole)).toEqual(["customer", "customer", "customer"]);
    expect(rows[2]!.body).toContain('"order"');
  });

  it("answers get_messages with an ETag and 304 for If-None-Match, and a new ETag after a message", async () => {
    const room = (await openRoom()).inserted_id as string;
    const first = await messagesOf(room);
    const etag = first.response.headers.get("etag")!;
    expect(etag).toMatch(/^W\/".+"$/);
    const cached = await get(`/api/v2/room-service/?type=get_messages&room_id=${room}`, { "if-none-match": etag });
    expect(cached.status).toBe(304);
    expect(await cached.text()).toBe("");
    await post("/api/v2/room-service/", { type: "create_message", room_id: room, message_data: "new", author: "client" });
    const after = await get(`/api/v2/room-service/?type=get_messages&room_id=${room}`, { "if-none-match": etag });
    expect(after.status).toBe(200);
    expect((await jsonOf<Json>(after)).response.data).toHaveLength(1);
  });

  it("takes the type and room from a POST body, a query string, or both", async () => {
    const room = (await openRoom()).inserted_id as string;
    const viaPost = await jsonOf<Json>(await post("/api/v2/room-service/", { type: "get_messages", room_id: room }));
    expect(viaPost.response.data).toEqual([]);
    const mixed = await jsonOf<Json>(await post(`/api/v2/room-service?type=get_room_by_id`, { room_id: room }));
    expect(mixed.response[0]._id).toBe(room);
  });

  it("refuses an unknown or missing type with 400 Invalid request type", async () => {
    for (const type of ["nope", ""]) {
      const response = await post("/api/v2/room-service/", { type, room_id: "x" });
      expect(response.status).toBe(400);
      expect(await jsonOf<Json>(response)).toEqual({ success: false, message: "Invalid request type" });
    }
    expect((await get("/api/v2/room-service/?type=bogus")).status).toBe(400);
  });

  it("answers 200 success false for an unknown room, and Invalid data for a message without data", async () => {
    const unknown = await get("/api/v2/room-service/?type=get_messages&room_id=64ed7d75a57293efb539eb19");
    expect(unknown.status).toBe(200);
    expect(await jsonOf<Json>(unknown)).toEqual({ success: false, message: "Room not found" });
    const room = (await openRoom()).inserted_id as string;
    const empty = await post("/api/v2/room-service/", { type: "create_message", room_id: room });
    expect(empty.status).toBe(400);
    expect((await jsonOf<Json>(empty)).errors.message_data).toBeDefined();
    const nul = await post("/api/v2/room-service/", { type: "create_message", room_id: room, message_data: "a\u0000b" });
    expect(nul.status).toBe(400);
  });

  it("delete_room (the spec's example, and as a query string) makes the room inactive, keeps its history and refuses new messages; the visitor's next room is a new one for the same customer", async () => {
    const opened = await openRoom({ user_id: "RETURNING1" });
    const room = opened.inserted_id as string;
    await post("/api/v2/room-service/", { type: "create_message", room_id: room, message_data: "first chat", author: "client" });
    const deleted = await post("/api/v2/room-service/", { type: "delete_room", room_id: room, is_active: false });
    expect(await jsonOf<Json>(deleted)).toEqual({ success: true, message: "Room deleted successfully", response: { isSuccess: true } });
    expect((await jsonOf<Json>(await get(`/api/v2/room-service/?type=get_room_by_id&room_id=${room}`))).response[0].is_active).toBe(false);
    expect((await messagesOf(room)).data).toHaveLength(1);
    const refused = await post("/api/v2/room-service/", { type: "create_message", room_id: room, message_data: "again", author: "client" });
    expect(refused.status).toBe(409);
    expect((await jsonOf<Json>(refused)).success).toBe(false);
    // Twice is fine, by query string too.
    expect((await jsonOf<Json>(await get(`/api/v2/room-service/?type=delete_room&room_id=${room}`))).success).toBe(true);
    const next = await openRoom({ user_id: "RETURNING1" });
    expect(next.message).toBe("Room created successfully");
    expect(next.inserted_id).not.toBe(room);
    const [a, b] = await Promise.all(
      [room, next.inserted_id as string].map(async (k) => {
        const [d] = await database.db.select({ threadId: chatDetails.threadId }).from(chatDetails).where(eq(chatDetails.roomKey, k));
        const [t] = await database.db.select().from(threads).where(eq(threads.id, d!.threadId));
        return t!;
      }),
    );
    expect(a.status).toBe("closed");
    expect(a.channelState).toBe("deleted");
    expect(b.customerId).toBe(a.customerId);
  });

  it("closing the thread in the inbox is delete_room for the widget; reopening it makes the room active again", async () => {
    const room = (await openRoom()).inserted_id as string;
    const [d] = await database.db.select({ threadId: chatDetails.threadId }).from(chatDetails).where(eq(chatDetails.roomKey, room));
    await changeThreadStatus(database.db, { threadId: d!.threadId, status: "closed" }, agent.actor as never);
    await expect
      .poll(async () => (await jsonOf<Json>(await get(`/api/v2/room-service/?type=get_room_by_id&room_id=${room}`))).response[0].is_active)
      .toBe(false);
    await expect.poll(async () => (await database.db.select().from(chatDetails).where(eq(chatDetails.roomKey, room)))[0]!.isActive).toBe(false);
    await changeThreadStatus(database.db, { threadId: d!.threadId, status: "open" }, agent.actor as never);
    await expect
      .poll(async () => (await jsonOf<Json>(await get(`/api/v2/room-service/?type=get_room_by_id&room_id=${room}`))).response[0].is_active)
      .toBe(true);
  });

  it("our side answers through create_message with a chat key (author agent); a view-only key or none may not", async () => {
    const room = (await openRoom()).inserted_id as string;
    const reply = await post(
      "/api/v2/room-service/",
      { type: "create_message", room_id: room, message_data: "Hello from support", side: false, author: "agent" },
      { authorization: `Bearer ${key}` },
    );
    expect((await jsonOf<Json>(reply)).success).toBe(true);
    const viewOnly = await post(
      "/api/v2/room-service/",
      { type: "create_message", room_id: room, message_data: "x", author: "agent" },
      { authorization: `Bearer ${viewKey}` },
    );
    expect(viewOnly.status).toBe(403);
    const wrong = await post(
      "/api/v2/room-service/",
      { type: "create_message", room_id: room, message_data: "x", author: "agent" },
      { "x-api-key": "sb_chat_nope.secret" },
    );
    expect(wrong.status).toBe(401);
    // Without any credential an "agent" author is still the visitor: nobody speaks for us anonymously.
    await post("/api/v2/room-service/", { type: "create_message", room_id: room, message_data: "I am not an agent", author: "agent" });
    const { data } = await messagesOf(room);
    expect(data.map((m) => [m.author, m.side, m.message_data])).toEqual([
      ["agent", false, "Hello from support"],
      ["client", true, "I am not an agent"],
    ]);
    const [d] = await database.db.select({ threadId: chatDetails.threadId }).from(chatDetails).where(eq(chatDetails.roomKey, room));
    const rows = await database.db.select().from(messages).where(eq(messages.threadId, d!.threadId)).orderBy(messages.id);
    expect(rows.map((r) => r.authorRole)).toEqual(["agent", "customer"]);
  });

  it("takes an image as multipart (type decided by the bytes) and serves it to the room only", async () => {
    const room = (await openRoom()).inserted_id as string;
    const form = new FormData();
    form.set("type", "create_message");
    form.set("room_id", room);
    form.set("message_data", "");
    form.set("message_type", "IMAGE");
    form.set("side", "true");
    form.set("author", "client");
    form.set("file", new File([makePng(8, 8) as BlobPart], "photo.txt"));
    const sent = await chatApi("POST", "/api/v2/room-service/", { body: form, headers: { "x-forwarded-for": ip() } });
    const sentText = await sent.text();
    expect(JSON.parse(sentText).success, sentText).toBe(true);
    const { data } = await messagesOf(room);
    expect(data[0]).toMatchObject({ message_type: "IMAGE" });
    const url = new URL(data[0]!.message_data as string);
    expect(url.pathname).toMatch(new RegExp(`^/api/widget/rooms/${room}/files/\\d+$`));
    const file = await get(url.pathname);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/png");
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    const other = (await openRoom()).inserted_id as string;
    expect((await get(url.pathname.replace(room, other))).status).toBe(404);
    const html = new FormData();
    html.set("type", "create_message");
    html.set("room_id", room);
    html.set("message_data", "");
    html.set("file", new File(["<html><script>alert(1)</script></html>"], "x.png"));
    expect((await chatApi("POST", "/api/v2/room-service/", { body: html, headers: { "x-forwarded-for": ip() } })).status).toBe(415);
  });
});

describe("a live conversation in the inbox", () => {
  it("a reply is not held back by the visitor's new messages, only by a colleague's changes", async () => {
    const room = (await openRoom()).inserted_id as string;
    const [d] = await database.db.select({ threadId: chatDetails.threadId }).from(chatDetails).where(eq(chatDetails.roomKey, room));
    const [opened] = await database.db.select().from(threads).where(eq(threads.id, d!.threadId));
    const since = new Date(Date.now() - 1000).toISOString();
    await post("/api/v2/room-service/", { type: "create_message", room_id: room, message_data: "are you there?", author: "client" });
    const reply = await postReply(database.db, { threadId: d!.threadId, kind: "reply", body: "Yes!", expectedVersion: opened!.version, since }, agent.actor);
    const colleague = await makeUser(database.db, "agent", { name: "Sam Colleague" });
    const afterReply = new Date(Date.now() - 5).toISOString();
    await postReply(database.db, { threadId: d!.threadId, kind: "note", body: "I take this one" }, colleague.actor);
    await expect(
      postReply(database.db, { threadId: d!.threadId, kind: "reply", body: "again", expectedVersion: reply.version, since: afterReply }, agent.actor),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("the other ways in", () => {
  it("openChatRoom/ finds the organization by the product (the spec's example)", async () => {
    const body = await jsonOf<Json>(await post("/api/v2/openChatRoom/", { user_id: "ABCD12345", product_name: "SALESAGENT" }));
    expect(body).toMatchObject({ success: true, response: { org_id: "DOWELL12345", product_name: "SALESAGENT", user_id: "ABCD12345", is_active: true } });
  });

  it("login/ opens a signed-in room with the greeting; extension/ finds or opens one", async () => {
    const login = await jsonOf<Json>(await post("/api/v2/login", { user_id: "ABCD12345", org_id: "DOWELL12345" }));
    expect(login).toMatchObject({
      success: true,
      message: "Room created successfully",
      response: { isLogin: true, is_active: true, message: { receiver: "How may I help you" } },
    });
    expect(login.response.room_id).toBe(login.inserted_id);
    const ext = { user_id: "EXT1", org_id: "DOWELL12345", portfolio_name: "umair", product_name: "WIFIQRCODE" };
    const first = await jsonOf<Json>(await post("/api/v2/extension/", ext));
    const second = await jsonOf<Json>(await post("/api/v2/extension/", ext));
    expect(first.response).toMatchObject({ isLogin: true, message: { receiver: "How may I help you" } });
    expect(second).toMatchObject({ message: "Room filter successfully", inserted_id: first.inserted_id });
  });

  it("init/<org>/<product>/<qr>/ opens a public room for a known QR code, greeting in the visitor's language", async () => {
    const body = await jsonOf<Json>(await get("/api/v2/init/DOWELL12345/WORKFLOWAI/g6tWCp5trVRO/", { "accept-language": "tr-TR,tr;q=0.9" }));
    expect(body.room).toMatchObject({
      success: true,
      message: "Room created successfully",
      response: {
        user_id: "g6tWCp5trVRO",
        org_id: "DOWELL12345",
        portfolio_name: "g6tWCp5trVRO",
        product_name: "WORKFLOWAI",
        message: { receiver: "Size nasıl yardımcı olabilirim?" },
        isLogin: false,
        is_active: true,
      },
    });
    expect(body.room.response.room_room_id).toMatch(/^\d+-g6tWCp5trVRO$/);
    expect(body.room.inserted_id).toMatch(/^[0-9a-f]{24}$/);
    expect((await get("/api/v2/init/DOWELL12345/WORKFLOWAI/unknownQR/")).status).toBe(404);
    expect((await get("/api/v2/init/NOPE/WORKFLOWAI/g6tWCp5trVRO")).status).toBe(404);
  });
});

describe("CORS", () => {
  it("answers a preflight from an allowed origin, never with credentials, and refuses another", async () => {
    const allowed = await chatApi("OPTIONS", "/api/v2/room-control/", {
      headers: { origin: SHOP, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(SHOP);
    expect(allowed.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("content-type");
    expect(allowed.headers.get("access-control-allow-credentials")).toBeNull();
    // The demo organization allows any origin.
    const any = await chatApi("OPTIONS", "/api/v2/room-service/", { headers: { origin: OTHER, "access-control-request-method": "POST" } });
    expect(any.status).toBe(204);
    // An organization's own list decides where the path names it.
    const refused = await chatApi("OPTIONS", "/api/v2/init/SHOPORG/WORKFLOWAI/SHOPQR000001/", {
      headers: { origin: OTHER, "access-control-request-method": "GET" },
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    const ok = await chatApi("OPTIONS", "/api/v2/init/SHOPORG/WORKFLOWAI/SHOPQR000001/", { headers: { origin: SHOP, "access-control-request-method": "GET" } });
    expect(ok.status).toBe(204);
  });

  it("checks the request itself against its organization: the allowed origin reads the answer, another is refused before anything is written", async () => {
    const opened = await post("/api/v2/room-control/", { user_id: "C1", org_id: "SHOPORG", product_name: "WORKFLOWAI" }, { origin: SHOP });
    expect(opened.headers.get("access-control-allow-origin")).toBe(SHOP);
    expect(opened.headers.get("access-control-allow-credentials")).toBeNull();
    const room = (await jsonOf<Json>(opened)).inserted_id as string;
    const evil = await post("/api/v2/room-service/", { type: "create_message", room_id: room, message_data: "hi", author: "client" }, { origin: OTHER });
    expect(evil.status).toBe(403);
    expect(evil.headers.get("access-control-allow-origin")).toBeNull();
    const reads = await get(`/api/v2/room-service/?type=get_messages&room_id=${room}`, { origin: SHOP });
    expect(reads.headers.get("access-control-allow-origin")).toBe(SHOP);
    expect((await jsonOf<Json>(reads)).response.data).toEqual([]);
    const refusedRoom = await post("/api/v2/room-control/", { user_id: "C2", org_id: "SHOPORG", product_name: "WORKFLOWAI" }, { origin: OTHER });
    expect(refusedRoom.status).toBe(403);
    // Server to server (no Origin) needs no CORS.
    expect((await post("/api/v2/room-service/", { type: "get_messages", room_id: room })).headers.get("access-control-allow-origin")).toBeNull();
  });

  it("lets an allowed origin read an answer given before the organization is known (bad input, an unknown room or type)", async () => {
    const bad = await post("/api/v2/room-control/", { org_id: "DOWELL12345" }, { origin: OTHER });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("access-control-allow-origin")).toBe(OTHER);
    const type = await post("/api/v2/room-service/", { type: "nope" }, { origin: SHOP });
    expect(type.headers.get("access-control-allow-origin")).toBe(SHOP);
  });

  it("the staff endpoints answer no CORS", async () => {
    const response = await get("/api/v2/room-list/?org_id=DOWELL12345", { origin: SHOP, authorization: `Bearer ${key}` });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("throttles", () => {
  it("refuses a creator over the per-address room limit with 429 success false, but not their existing room", async () => {
    const address = "203.0.113.99";
    await reset(database.db, `chat:room:ip:${address}`);
    process.env.CHAT_ROOM_LIMIT_IP_MAX = "2";
    try {
      const make = (i: number) =>
        post("/api/v2/room-control/", { user_id: `T${i}`, org_id: "DOWELL12345", product_name: "WORKFLOWAI" }, { "x-forwarded-for": address });
      expect((await make(1)).status).toBe(200);
      expect((await make(2)).status).toBe(200);
      const third = await make(3);
      expect(third.status).toBe(429);
      expect(third.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(await jsonOf<Json>(third)).toMatchObject({ success: false });
      // Finding an active room is not creating one.
      expect((await make(1)).status).toBe(200);
    } finally {
      process.env.CHAT_ROOM_LIMIT_IP_MAX = "1000";
    }
  });

  it("refuses messages over the per-room limit", async () => {
    const room = (await openRoom()).inserted_id as string;
    process.env.CHAT_MESSAGE_LIMIT_ROOM_MAX = "3";
    try {
      for (let i = 0; i < 3; i++)
        expect((await post("/api/v2/room-service/", { type: "create_message", room_id: room, message_data: `m${i}` })).status).toBe(200);
      const over = await post("/api/v2/room-service/", { type: "create_message", room_id: room, message_data: "too many" });
      expect(over.status).toBe(429);
      expect((await jsonOf<Json>(over)).success).toBe(false);
    } finally {
      delete process.env.CHAT_MESSAGE_LIMIT_ROOM_MAX;
    }
  });
});

describe("staff endpoints", () => {
  it("room-list/ needs a staff session or a chat key: anonymous is 401", async () => {
    const anonymous = await get("/api/v2/room-list/?org_id=DOWELL12345&product_name=WORKFLOWAI");
    expect(anonymous.status).toBe(401);
    expect(await jsonOf<Json>(anonymous)).toMatchObject({ success: false });
    expect((await get("/api/v2/room-list/?org_id=DOWELL12345", { authorization: "Bearer sb_chat_x.nope" })).status).toBe(401);
  });

  it("room-list/ lists an organization's rooms by product, or says none were found", async () => {
    const made = (await openRoom({ product_name: "LOGOSCAN", user_id: "LISTED" })).inserted_id;
    const list = await jsonOf<Json>(await get("/api/v2/room-list/?org_id=DOWELL12345&product_name=LOGOSCAN", { authorization: `Bearer ${viewKey}` }));
    expect(list.rooms.map((r: Json) => r._id)).toContain(made);
    expect(list.rooms.every((r: Json) => r.product_name === "LOGOSCAN")).toBe(true);
    const none = await jsonOf<Json>(await get("/api/v2/room-list/?org_id=EMPTYORG", { "x-api-key": viewKey }));
    expect(none).toEqual({ success: false, message: "Room not found on org_id" });
  });

  it("get_QR_Id/<org_id>/ lists the organization's QR ids (GET or POST), for a key only", async () => {
    expect((await get("/api/v2/get_QR_Id/DOWELL12345/")).status).toBe(401);
    const list = await jsonOf<Json>(await chatApi("POST", "/api/v2/get_QR_Id/DOWELL12345/", { headers: { authorization: `Bearer ${key}` } }));
    expect(list.qr_id_list).toEqual(["g6tWCp5trVRO"]);
  });
});

describe("the widget's room stream", () => {
  /** Reads a stream's events until `until` says stop (or the time runs out). */
  async function readEvents(response: Response, until: (events: { id: number; event: string; data: Json }[]) => boolean, ms = 5000) {
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    const events: { id: number; event: string; data: Json }[] = [];
    let buffer = "";
    const deadline = Date.now() + ms;
    while (Date.now() < deadline && !until(events)) {
      const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), 200))]);
      if (!chunk || chunk.done) continue;
      buffer += decoder.decode(chunk.value);
      let at: number;
      while ((at = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        const fields = Object.fromEntries(
          block
            .split("\n")
            .filter((l) => !l.startsWith(":") && l.includes(": "))
            .map((l) => [l.slice(0, l.indexOf(": ")), l.slice(l.indexOf(": ") + 2)]),
        );
        if (fields.event) events.push({ id: Number(fields.id), event: fields.event, data: JSON.parse(fields.data ?? "{}") });
      }
    }
    await reader.cancel();
    return events;
  }

  it("hears the room's public messages and an agent typing, never an internal note, another room or a visitor's typing; resumes after Last-Event-ID", async () => {
    const room = (await openRoom()).inserted_id as string;
    const other = (await openRoom()).inserted_id as string;
    const [d] = await database.db.select({ threadId: chatDetails.threadId }).from(chatDetails).where(eq(chatDetails.roomKey, room));
    const [o] = await database.db.select({ threadId: chatDetails.threadId }).from(chatDetails).where(eq(chatDetails.roomKey, other));
    const controller = new AbortController();
    const stream = await chatApi("GET", `/api/widget/rooms/${room}/events`, { headers: { origin: SHOP } });
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    expect(stream.headers.get("access-control-allow-origin")).toBe(SHOP);
    const note = await postReply(database.db, { threadId: d!.threadId, kind: "note", body: "internal: refund fraud check" }, agent.actor);
    await postReply(database.db, { threadId: o!.threadId, kind: "reply", body: "other room" }, agent.actor);
    await chatApi("POST", `/api/widget/rooms/${room}/typing`, { body: { typing: true } });
    const typingAgent = await import("./service").then((m) =>
      m.signalTyping(database.db, { threadId: d!.threadId, side: "agent", typing: true, name: "Ayşe" }),
    );
    void typingAgent;
    const reply = await postReply(database.db, { threadId: d!.threadId, kind: "reply", body: "public answer" }, agent.actor);
    const events = await readEvents(stream, (list) => list.some((e) => e.event === "message.created" && e.data.messageId === reply.message.id));
    controller.abort();
    const created = events.filter((e) => e.event === "message.created");
    expect(created.map((e) => e.data.messageId)).toEqual([reply.message.id]);
    expect(JSON.stringify(events)).not.toContain(String(note.message.id) + ",");
    expect(events.filter((e) => e.event === "typing").map((e) => e.data.side)).toEqual(["agent"]);
    // A reconnect after the typing event gets the reply it missed.
    const typingId = events.find((e) => e.event === "typing")!.id;
    const resumed = await chatApi("GET", `/api/widget/rooms/${room}/events`, { headers: { "last-event-id": String(typingId) } });
    const replay = await readEvents(resumed, (list) => list.some((e) => e.event === "message.created"));
    expect(replay.filter((e) => e.event === "message.created").map((e) => e.data.messageId)).toEqual([reply.message.id]);
    // And the note never shows in get_messages either.
    expect((await messagesOf(room)).data.map((m) => m.message_data)).toEqual(["public answer"]);
  });

  it("refuses an unknown room and another organization's origin", async () => {
    expect((await chatApi("GET", "/api/widget/rooms/000000000000000000000000/events")).status).toBe(404);
    const room = (await jsonOf<Json>(await post("/api/v2/room-control/", { user_id: "S1", org_id: "SHOPORG", product_name: "WORKFLOWAI" }))).inserted_id;
    expect((await chatApi("GET", `/api/widget/rooms/${room}/events`, { headers: { origin: OTHER } })).status).toBe(403);
  });
});
