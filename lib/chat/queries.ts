// Reads for live chat: organizations and their QR codes, rooms by their key, a room's public
// messages (the polled get_messages: one indexed lookup decides a 304 before any message is read).
import "server-only";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attachments, chatDetails, chatMessages, chatOrgs, chatQrCodes, messages, threads, type AuthorRole, type ChatOrg } from "@/db/schema";

export async function findOrgByKey(db: Db, orgKey: string): Promise<ChatOrg | undefined> {
  const [row] = await db
    .select()
    .from(chatOrgs)
    .where(and(eq(chatOrgs.orgKey, orgKey), eq(chatOrgs.isActive, true)))
    .limit(1);
  return row;
}

/** The active organization that offers `product` (openChatRoom/ names no organization). */
export async function findOrgForProduct(db: Db, product: string): Promise<ChatOrg | undefined> {
  const [row] = await db
    .select()
    .from(chatOrgs)
    .where(and(eq(chatOrgs.isActive, true), sql`${product} = any(${chatOrgs.products})`))
    .orderBy(asc(chatOrgs.id))
    .limit(1);
  return row;
}

/** Whether an origin may call for this organization (its list, or `*`). */
export const originAllowed = (org: Pick<ChatOrg, "allowedOrigins">, origin: string) => org.allowedOrigins.includes("*") || org.allowedOrigins.includes(origin);

/** Whether any active organization allows `origin` (a preflight names no organization). */
export async function isOriginAllowedAnywhere(db: Db, origin: string): Promise<boolean> {
  const [row] = await db
    .select({ id: chatOrgs.id })
    .from(chatOrgs)
    .where(and(eq(chatOrgs.isActive, true), sql`(${origin} = any(${chatOrgs.allowedOrigins}) or '*' = any(${chatOrgs.allowedOrigins}))`))
    .limit(1);
  return !!row;
}

const roomColumns = {
  threadId: chatDetails.threadId,
  roomKey: chatDetails.roomKey,
  roomCode: chatDetails.roomCode,
  eventId: chatDetails.eventId,
  userExternalId: chatDetails.userExternalId,
  orgKey: chatDetails.orgId,
  productName: chatDetails.productName,
  portfolioName: chatDetails.portfolioName,
  qrId: chatDetails.qrId,
  isLogin: chatDetails.isLogin,
  roomActive: chatDetails.isActive,
  pageUrl: chatDetails.pageUrl,
  language: chatDetails.language,
  status: threads.status,
  version: threads.version,
  customerId: threads.customerId,
  createdAt: chatDetails.createdAt,
  /** The room's organization's allowed origins (null when it has none any more). */
  orgOrigins: chatOrgs.allowedOrigins,
};

export type Room = Awaited<ReturnType<typeof findRoomRows>>[number] & { isActive: boolean };

function findRoomRows(db: Db, where: ReturnType<typeof and>, limit = 1) {
  return db
    .select(roomColumns)
    .from(chatDetails)
    .innerJoin(threads, eq(threads.id, chatDetails.threadId))
    .leftJoin(chatOrgs, eq(chatOrgs.orgKey, chatDetails.orgId))
    .where(and(where, isNull(threads.deletedAt)))
    .orderBy(desc(chatDetails.threadId))
    .limit(limit);
}

/** A room is active until it is deleted (delete_room) or its thread is closed. */
const withActive = <R extends { roomActive: boolean; status: string }>(row: R) => ({ ...row, isActive: row.roomActive && row.status === "open" });

/** The room behind a key clients keep (`inserted_id`), or undefined. */
export async function findRoom(db: Db, roomKey: string): Promise<Room | undefined> {
  const [row] = await findRoomRows(db, and(eq(chatDetails.roomKey, roomKey)));
  return row ? withActive(row) : undefined;
}

export async function findRoomByThread(db: Db, threadId: number): Promise<Room | undefined> {
  const [row] = await findRoomRows(db, and(eq(chatDetails.threadId, threadId)));
  return row ? withActive(row) : undefined;
}

/** The visitor's active room for the same user, organization, portfolio and product (room-control/). */
export async function findActiveRoomFor(
  db: Db,
  key: { userExternalId: string; orgKey: string; portfolioName: string | null; productName: string },
): Promise<Room | undefined> {
  const [row] = await findRoomRows(
    db,
    and(
      eq(chatDetails.userExternalId, key.userExternalId),
      eq(chatDetails.orgId, key.orgKey),
      key.portfolioName === null ? isNull(chatDetails.portfolioName) : eq(chatDetails.portfolioName, key.portfolioName),
      eq(chatDetails.productName, key.productName),
      eq(chatDetails.isActive, true),
      eq(threads.status, "open"),
    ),
  );
  return row ? withActive(row) : undefined;
}

/** An organization's rooms, newest first (room-list/). */
export async function findRoomsForOrg(db: Db, orgKey: string, productName?: string, limit = 500): Promise<Room[]> {
  const rows = await findRoomRows(db, and(eq(chatDetails.orgId, orgKey), productName ? eq(chatDetails.productName, productName) : undefined), limit);
  return rows.map(withActive);
}

export interface RoomMessage {
  id: number;
  body: string;
  authorRole: AuthorRole;
  authorName: string;
  readAt: Date | null;
  createdAt: Date;
  messageType: string | null;
  side: boolean | null;
  author: string | null;
  data: unknown;
  attachments: { id: number; fileName: string; contentType: string; size: number }[];
}

/** A room's public messages, oldest first, with their files (never an internal note). Two statements. */
export async function findRoomMessages(db: Db, threadId: number): Promise<RoomMessage[]> {
  const rows = await db
    .select({
      id: messages.id,
      body: messages.body,
      authorRole: messages.authorRole,
      authorName: messages.authorName,
      readAt: messages.readAt,
      createdAt: messages.createdAt,
      messageType: chatMessages.messageType,
      side: chatMessages.side,
      author: chatMessages.author,
      data: chatMessages.data,
    })
    .from(messages)
    .leftJoin(chatMessages, eq(chatMessages.messageId, messages.id))
    .where(and(eq(messages.threadId, threadId), eq(messages.isInternal, false), isNull(messages.deletedAt)))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  const files = rows.length
    ? await db
        .select({
          id: attachments.id,
          messageId: attachments.messageId,
          fileName: attachments.fileName,
          contentType: attachments.contentType,
          size: attachments.size,
        })
        .from(attachments)
        .where(
          and(
            eq(attachments.threadId, threadId),
            inArray(
              attachments.messageId,
              rows.map((r) => r.id),
            ),
          ),
        )
        .orderBy(asc(attachments.id))
    : [];
  return rows.map((r) => ({ ...r, attachments: files.filter((f) => f.messageId === r.id) }));
}

/** A file of one of the room's public messages (what the widget may show), or undefined. */
export async function findRoomAttachment(db: Db, threadId: number, attachmentId: number) {
  const [row] = await db
    .select({
      id: attachments.id,
      storageKey: attachments.storageKey,
      fileName: attachments.fileName,
      contentType: attachments.contentType,
      size: attachments.size,
    })
    .from(attachments)
    .innerJoin(messages, eq(messages.id, attachments.messageId))
    .where(and(eq(attachments.id, attachmentId), eq(attachments.threadId, threadId), eq(messages.isInternal, false), isNull(messages.deletedAt)));
  return row;
}

/** An organization's QR ids, oldest first (get_QR_Id/). */
export async function findQrKeys(db: Db, orgKey: string): Promise<string[]> {
  const rows = await db
    .select({ qrKey: chatQrCodes.qrKey })
    .from(chatQrCodes)
    .innerJoin(chatOrgs, eq(chatOrgs.id, chatQrCodes.orgId))
    .where(eq(chatOrgs.orgKey, orgKey))
    .orderBy(asc(chatQrCodes.id));
  return rows.map((r) => r.qrKey);
}

export async function findQrCode(db: Db, orgKey: string, qrKey: string) {
  const [row] = await db
    .select({ id: chatQrCodes.id, qrKey: chatQrCodes.qrKey, productName: chatQrCodes.productName, label: chatQrCodes.label })
    .from(chatQrCodes)
    .innerJoin(chatOrgs, eq(chatOrgs.id, chatQrCodes.orgId))
    .where(and(eq(chatOrgs.orgKey, orgKey), eq(chatQrCodes.qrKey, qrKey)));
  return row;
}

/** Every organization with its QR codes, for /admin/chat. */
export async function findOrgsWithQrCodes(db: Db) {
  const orgs = await db.select().from(chatOrgs).orderBy(asc(chatOrgs.orgKey));
  const codes = orgs.length ? await db.select().from(chatQrCodes).orderBy(asc(chatQrCodes.id)) : [];
  return orgs.map((org) => ({ ...org, qrCodes: codes.filter((c) => c.orgId === org.id) }));
}
