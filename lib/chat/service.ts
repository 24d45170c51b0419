// Writes for live chat: a chat room is a `chat` thread, its room facts in chat_details (the opaque
// room id clients keep is `room_key`). The visitor's messages go through postInbound, ours through
// the one reply path (lib/channels/reply.ts); closing a room is the thread's status. Room creation
// and visitor messages are throttled per address and per room (lib/throttle).
import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { chatDetails, chatMessages, chatOrgs, chatQrCodes, type ChatOrg, type Message, type Thread } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { postInbound, postReply } from "@/lib/channels/reply";
import { findOrCreateCustomer, type CustomerInput } from "@/lib/customers/service";
import { AppError } from "@/lib/errors";
import { inTransaction, publish } from "@/lib/events";
import type { IncomingFile } from "@/lib/storage/file-types";
import { envLimit, hit } from "@/lib/throttle";
import { createThread, setChannelState, setThreadStatus } from "@/lib/threads/service";
import { typingAudience, type TypingSide } from "./events";
import { findActiveRoomFor, findOrgByKey, findRoom, type Room } from "./queries";
import type { SaveOrgInput } from "./schemas";

export const CHAT_ROOM_LIMIT_IP = () => envLimit("CHAT_ROOM_LIMIT_IP", { max: 30, windowSeconds: 600 });
export const CHAT_MESSAGE_LIMIT_IP = () => envLimit("CHAT_MESSAGE_LIMIT_IP", { max: 120, windowSeconds: 60 });
export const CHAT_MESSAGE_LIMIT_ROOM = () => envLimit("CHAT_MESSAGE_LIMIT_ROOM", { max: 30, windowSeconds: 60 });

export interface OpenChatRoom {
  customer: CustomerInput;
  /** The visitor's id in the widget's system (`user_id`). */
  userExternalId: string;
  orgId: string;
  productName: string;
  portfolioName?: string | null;
  qrId?: string | null;
  isLogin?: boolean;
  subject?: string;
  locale?: string | null;
  /** The page the widget runs on and the visitor's language. */
  pageUrl?: string | null;
  language?: string | null;
  /** When it was opened (imports and the seed); never from a client. */
  at?: Date;
}

/** A new, active chat room. */
export async function openChatRoom(db: Db, input: OpenChatRoom, actor: Actor): Promise<{ thread: Thread; roomKey: string }> {
  return inTransaction(db, async (tx, emit) => {
    const customer = await findOrCreateCustomer(tx, input.customer);
    const thread = await createThread(
      tx,
      emit,
      {
        channel: "chat",
        subject: input.subject ?? `Chat with ${customer.name}`,
        customerId: customer.id,
        customerName: customer.name,
        customerEmail: customer.email,
        locale: input.locale ?? customer.locale ?? null,
        channelState: "active",
        createdAt: input.at,
      },
      actor,
    );
    const roomKey = randomBytes(12).toString("hex");
    const at = input.at ?? new Date();
    await tx.insert(chatDetails).values({
      threadId: thread.id,
      roomKey,
      roomCode: `${thread.id}-${input.userExternalId}`,
      eventId: `FB1010000000${Math.floor(at.getTime() / 1000)}#${thread.id}`,
      userExternalId: input.userExternalId,
      orgId: input.orgId,
      productName: input.productName,
      portfolioName: input.portfolioName ?? null,
      qrId: input.qrId ?? null,
      isLogin: input.isLogin ?? false,
      pageUrl: input.pageUrl ?? null,
      language: input.language ?? null,
    });
    return { thread, roomKey };
  });
}

/** Closes a room (the spec's delete_room): inactive, history kept. */
export async function closeChatRoom(db: Db, input: { threadId: number }, actor: Actor): Promise<void> {
  await inTransaction(db, async (tx, emit) => {
    await markRoom(tx, emit, input.threadId, false, actor);
    await setThreadStatus(tx, emit, input.threadId, "closed", actor);
  });
}

async function markRoom(tx: Tx, emit: Parameters<typeof setChannelState>[1], threadId: number, active: boolean, actor: Actor) {
  const rows = await tx.update(chatDetails).set({ isActive: active }).where(eq(chatDetails.threadId, threadId)).returning({ id: chatDetails.threadId });
  if (!rows.length) throw new AppError("not_found", "Room not found.");
  await setChannelState(tx, emit, threadId, active ? "active" : "deleted", actor);
}

/** The room follows its thread: closed in the inbox is deleted for the widget, reopened is active again. */
export async function syncRoomWithThread(db: Db, input: { threadId: number; open: boolean }, actor: Actor): Promise<void> {
  await inTransaction(db, async (tx, emit) => {
    const [row] = await tx.select({ isActive: chatDetails.isActive }).from(chatDetails).where(eq(chatDetails.threadId, input.threadId));
    if (!row || row.isActive === input.open) return;
    await markRoom(tx, emit, input.threadId, input.open, actor);
  });
}

// ---------------------------------------------------------------------------------------------
// The visitor side

/** How a visitor is named until they say who they are: their portfolio, or their id in the widget. */
const visitorName = (portfolioName: string | null | undefined, userExternalId: string) => portfolioName || `Visitor ${userExternalId.slice(0, 24)}`;

async function throttle(db: Db, key: string, limit: ReturnType<typeof envLimit>, message: string) {
  const result = await hit(db, key, limit);
  if (!result.allowed) throw new AppError("rate_limited", message, undefined, result.retryAfterSeconds);
}

export interface EnterRoom {
  org: ChatOrg;
  userExternalId: string;
  productName: string;
  portfolioName?: string | null;
  qrId?: string | null;
  isLogin?: boolean;
  pageUrl?: string | null;
  language?: string | null;
  /** Find the visitor's active room first (room-control/, extension/); false always opens a new one (init/, login/). */
  reuse: boolean;
  ip: string;
}

/**
 * The visitor's room: their active one with the same user, organization, portfolio and product, or
 * a new one (counted against the address's room limit). A visitor who comes back after a room was
 * closed gets a new room for the same customer, so their earlier chats stay together.
 */
export async function enterRoom(db: Db, input: EnterRoom, actor: Actor): Promise<{ room: Room; created: boolean }> {
  const { org } = input;
  if (!org.products.includes(input.productName))
    throw new AppError("invalid", "Invalid data", { product_name: [`${input.productName} is not a product of ${org.orgKey}.`] });
  const portfolioName = input.portfolioName ?? null;
  if (input.reuse) {
    const found = await findActiveRoomFor(db, { userExternalId: input.userExternalId, orgKey: org.orgKey, portfolioName, productName: input.productName });
    if (found) return { room: found, created: false };
  }
  await throttle(db, `chat:room:ip:${input.ip}`, CHAT_ROOM_LIMIT_IP(), "Too many rooms opened from this address. Try again later.");
  const name = visitorName(portfolioName, input.userExternalId);
  const { thread, roomKey } = await openChatRoom(
    db,
    {
      customer: { name, externalId: `chat:${org.orgKey}:${input.userExternalId}`, locale: input.language ? input.language.slice(0, 2).toLowerCase() : null },
      userExternalId: input.userExternalId,
      orgId: org.orgKey,
      productName: input.productName,
      portfolioName,
      qrId: input.qrId ?? null,
      isLogin: input.isLogin ?? false,
      subject: `Chat with ${name} · ${input.productName}`,
      locale: input.language ? input.language.slice(0, 2).toLowerCase() : null,
      pageUrl: input.pageUrl ?? null,
      language: input.language ?? null,
    },
    actor,
  );
  const room = await findRoom(db, roomKey);
  if (!room) throw new Error(`room ${thread.id} vanished`);
  return { room, created: true };
}

/** The organization a client names, or an "Invalid data" refusal. */
export async function getOrg(db: Db, orgKey: string): Promise<ChatOrg> {
  const org = await findOrgByKey(db, orgKey);
  if (!org) throw new AppError("invalid", "Invalid data", { org_id: [`Unknown organization ${orgKey}.`] });
  return org;
}

export interface ChatMessageInput {
  room: Room;
  body: string;
  /** What the client said about the message, kept so get_messages answers it back. */
  wire?: { messageType: string; side?: boolean | null; author?: string | null; data?: unknown };
  files?: IncomingFile[];
  ip: string;
}

const recordWire = (wire: ChatMessageInput["wire"]) =>
  wire
    ? async (tx: Tx, message: Message) => {
        await tx
          .insert(chatMessages)
          .values({ messageId: message.id, messageType: wire.messageType, side: wire.side ?? null, author: wire.author ?? null, data: wire.data ?? null });
      }
    : undefined;

/** A visitor's message: throttled per address and per room; a closed room refuses it (the channel's checkInbound). */
export async function postVisitorMessage(db: Db, input: ChatMessageInput): Promise<Message> {
  const { room } = input;
  if (!room.customerId) throw new AppError("not_found", "Room not found");
  if (!room.isActive) throw new AppError("conflict", "This chat room is closed.");
  await throttle(db, `chat:msg:ip:${input.ip}`, CHAT_MESSAGE_LIMIT_IP(), "Too many messages from this address. Wait a moment.");
  await throttle(db, `chat:msg:room:${room.threadId}`, CHAT_MESSAGE_LIMIT_ROOM(), "Too many messages in this room. Wait a moment.");
  const actor: Actor = { kind: "customer", customerId: room.customerId, name: visitorName(room.portfolioName, room.userExternalId) };
  const { message } = await postInbound(
    db,
    {
      threadId: room.threadId,
      body: input.body,
      files: input.files,
      scope: { channel: "chat" },
      notFound: "Room not found",
      onMessage: recordWire(input.wire),
    },
    actor,
  );
  return message;
}

/** A reply from our side through the chat API (a staff session or a chat key): the one reply path. */
export async function postAgentChatMessage(db: Db, input: Omit<ChatMessageInput, "ip">, actor: Actor): Promise<Message> {
  const { message } = await postReply(
    db,
    {
      threadId: input.room.threadId,
      kind: "reply",
      body: input.body,
      files: input.files,
      scope: { channel: "chat" },
      notFound: "Room not found",
      onMessage: recordWire(input.wire),
    },
    actor,
  );
  return message;
}

/** Someone is typing (or stopped): an event only, nothing stored with the room. */
export async function signalTyping(db: Db, input: { threadId: number; side: TypingSide; typing: boolean; name?: string }): Promise<void> {
  await publish(
    db,
    "typing",
    { threadId: input.threadId, side: input.side, typing: input.typing, name: input.name },
    typingAudience(input.threadId, input.side),
  );
}

// ---------------------------------------------------------------------------------------------
// Administration (/admin/chat)

export async function saveChatOrg(db: Db, input: SaveOrgInput): Promise<ChatOrg> {
  const values = {
    orgKey: input.orgKey,
    name: input.name,
    products: [...new Set(input.products)],
    allowedOrigins: [...new Set(input.allowedOrigins)],
    greeting: Object.fromEntries(Object.entries({ en: input.greetingEn, tr: input.greetingTr }).filter(([, v]) => v)),
    isActive: input.isActive,
    updatedAt: new Date(),
  };
  try {
    if (input.id) {
      const [row] = await db.update(chatOrgs).set(values).where(eq(chatOrgs.id, input.id)).returning();
      if (!row) throw new AppError("not_found", "Organization not found.");
      return row;
    }
    const [row] = await db.insert(chatOrgs).values(values).returning();
    return row!;
  } catch (error) {
    if (String((error as { cause?: { code?: string }; code?: string })?.cause?.code ?? (error as { code?: string }).code) === "23505") {
      throw new AppError("conflict", "An organization with this id exists.", { orgKey: ["An organization with this id exists."] });
    }
    throw error;
  }
}

/** A new QR code for one of the organization's products; its id is random, like the original's. */
export async function addQrCode(db: Db, input: { orgId: number; productName: string; label?: string; qrKey?: string }) {
  const [org] = await db.select().from(chatOrgs).where(eq(chatOrgs.id, input.orgId));
  if (!org) throw new AppError("not_found", "Organization not found.");
  if (!org.products.includes(input.productName))
    throw new AppError("invalid", "Choose one of the organization's products.", { productName: ["Choose one of the organization's products."] });
  const qrKey = input.qrKey ?? randomBytes(9).toString("base64url").replace(/[-_]/g, "x").slice(0, 12);
  const [row] = await db
    .insert(chatQrCodes)
    .values({ orgId: org.id, qrKey, productName: input.productName, label: input.label ?? "" })
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function deleteQrCode(db: Db, input: { id: number }): Promise<void> {
  await db.delete(chatQrCodes).where(eq(chatQrCodes.id, input.id));
}
