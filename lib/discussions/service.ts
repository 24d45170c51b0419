// Writes to marketplace discussions: seller tokens, replies, open/close, read/unread, and new
// discussions from the marketplace side. Everything goes through the shared thread service inside
// the caller's transaction (inTransaction), so the inbox sees every change live. A discussion is
// a `discussion` thread; its process status (ToTreat/Treated) lives in threads.channel_state.
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  accessTokens,
  apiCredentials,
  discussionDetails,
  discussionTypologies,
  discussionTypologyTranslations,
  sellers,
  threads,
  type ApiCredential,
  type Attachment,
  type Message,
  type Seller,
  type Thread,
} from "@/db/schema";
import { verifyApiCredential } from "@/lib/api-keys/service";
import { createAttachments } from "@/lib/attachments/service";
import { findOrCreateCustomer } from "@/lib/customers/service";
import { AppError } from "@/lib/errors";
import { checkUploads, UPLOAD_POLICIES, type CheckedFile } from "@/lib/storage/file-types";
import type { FileStore } from "@/lib/storage/store";
import { addMessage, createThread, setMessagesRead, setThreadStatus, type Actor, type Emit } from "@/lib/threads/service";
import { PROCESS_STATE } from "./queries";
import { roleOfUserType, validateReceivers, type InboxReceiver, type Receiver } from "./receivers";
import type { CreateDiscussionInput, TypologyFormInput } from "./schemas";

// ---------------------------------------------------------------------------------------------
// Tokens: client credentials → a Bearer token that expires (stored as its sha256).

export const tokenTtlSeconds = () => {
  const n = Number(process.env.SELLER_TOKEN_TTL_SECONDS ?? 3600);
  return Number.isFinite(n) && n >= 30 ? Math.floor(n) : 3600;
};
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A token for the seller credential with this client id and secret, or null (all failures alike). */
export async function issueSellerToken(
  db: Db,
  clientId: string,
  clientSecret: string,
  ttlSeconds = tokenTtlSeconds(),
): Promise<{ token: string; expiresIn: number; credential: ApiCredential } | null> {
  const credential = await verifyApiCredential(db, "seller", clientId, clientSecret);
  if (!credential?.sellerId) return null;
  const [seller] = await db.select({ isActive: sellers.isActive }).from(sellers).where(eq(sellers.id, credential.sellerId));
  if (!seller?.isActive) return null;
  const token = randomBytes(32).toString("base64url");
  await db.transaction(async (tx) => {
    // Expired tokens are of no use to anyone: clear them as new ones are issued.
    await tx.delete(accessTokens).where(lt(accessTokens.expiresAt, sql`now() - interval '1 day'`));
    await tx.insert(accessTokens).values({ tokenHash: hashToken(token), credentialId: credential.id, expiresAt: new Date(Date.now() + ttlSeconds * 1000) });
  });
  return { token, expiresIn: ttlSeconds, credential };
}

export type TokenCheck =
  | { ok: true; credential: ApiCredential; seller: Seller }
  | { ok: false; reason: "invalid" | "expired" };

/** The live credential and seller behind a Bearer token. */
export async function checkSellerToken(db: Db, token: string): Promise<TokenCheck> {
  const [row] = await db
    .select({ credential: apiCredentials, seller: sellers, expiresAt: accessTokens.expiresAt })
    .from(accessTokens)
    .innerJoin(apiCredentials, eq(apiCredentials.id, accessTokens.credentialId))
    .innerJoin(sellers, eq(sellers.id, apiCredentials.sellerId))
    .where(and(eq(accessTokens.tokenHash, hashToken(token)), isNull(apiCredentials.revokedAt), eq(apiCredentials.kind, "seller")))
    .limit(1);
  if (!row || !row.seller.isActive) return { ok: false, reason: "invalid" };
  if (row.expiresAt.getTime() <= Date.now()) return { ok: false, reason: "expired" };
  return { ok: true, credential: row.credential, seller: row.seller };
}

// ---------------------------------------------------------------------------------------------
// Attachments given as base64

export interface Base64File {
  name: string;
  content: string;
}

/** Decodes and checks files against the discussion policy (3 files, 4 MB, formats by content). */
export async function checkDiscussionFiles(files: readonly (Base64File | { name: string; bytes: Uint8Array })[]): Promise<CheckedFile[]> {
  const policy = UPLOAD_POLICIES.discussion;
  // Count first, so a fourth file is refused before anything is decoded.
  if (files.length > policy.maxFiles) return checkUploads(policy, files.map((f) => ({ name: f.name, bytes: new Uint8Array() })), "attachments");
  const decoded = files.map((f) => ("bytes" in f ? f : { name: f.name, bytes: new Uint8Array(Buffer.from(f.content, "base64")) }));
  return checkUploads(policy, decoded, "attachments");
}

// ---------------------------------------------------------------------------------------------
// Replies

async function lockDiscussion(tx: Db, threadId: number, sellerId?: number): Promise<{ thread: Thread; receivers: Receiver[] }> {
  const [row] = await tx
    .select({ thread: threads, receivers: discussionDetails.receivers })
    .from(threads)
    .innerJoin(discussionDetails, eq(discussionDetails.threadId, threads.id))
    .where(
      and(
        eq(threads.id, threadId),
        eq(threads.channel, "discussion"),
        isNull(threads.deletedAt),
        sellerId === undefined ? undefined : eq(threads.sellerId, sellerId),
      ),
    )
    .for("update", { of: threads });
  if (!row) throw new AppError("not_found", "Discussion not found.");
  return row;
}

export interface DiscussionReply {
  threadId: number;
  body: string;
  /** API receivers or the inbox's names for them; checked against the discussion's receivers. */
  receivers: readonly (Receiver | InboxReceiver)[];
  files?: CheckedFile[];
  /** `seller` from the API, `agent` from the inbox. */
  authorRole: "seller" | "agent";
  authorUserId?: number | null;
  authorName?: string;
  /** Set for the API: the discussion must belong to this seller. */
  sellerId?: number;
}

/**
 * A reply from us (the seller) to a discussion: the receivers must be among the discussion's, the
 * discussion must be open. The discussion becomes Treated (addMessage keeps the process state).
 */
export async function replyToDiscussion(
  tx: Db,
  emit: Emit,
  store: FileStore,
  input: DiscussionReply,
): Promise<{ message: Message; attachments: Attachment[] }> {
  const { thread, receivers } = await lockDiscussion(tx, input.threadId, input.sellerId);
  const checked = validateReceivers(receivers, input.receivers);
  if (thread.status === "closed") throw new AppError("conflict", "The discussion is closed; reopen it before replying.");
  const message = await addMessage(tx, emit, thread.id, {
    authorRole: input.authorRole,
    authorUserId: input.authorUserId ?? null,
    authorName: input.authorName ?? "",
    body: input.body,
    receivers: checked,
  });
  const saved = await createAttachments(tx, store, { threadId: thread.id, messageId: message.id, uploadedBy: input.authorUserId ?? null, files: input.files ?? [] });
  return { message, attachments: saved };
}

/** isOpen, the same status the inbox's open/close changes. */
export async function setDiscussionOpen(tx: Db, emit: Emit, threadId: number, isOpen: boolean, actor: Actor, sellerId?: number): Promise<Thread> {
  await lockDiscussion(tx, threadId, sellerId);
  return setThreadStatus(tx, emit, threadId, isOpen ? "open" : "closed", actor);
}

/** hasRead of one message, the same read state the inbox shows. */
export async function setDiscussionMessageRead(tx: Db, emit: Emit, message: Pick<Message, "id" | "threadId">, hasRead: boolean, actor: Actor) {
  return setMessagesRead(tx, emit, message.threadId, hasRead, actor, [message.id]);
}

// ---------------------------------------------------------------------------------------------
// New discussions (the marketplace side, imports, tests)

export async function createDiscussion(
  tx: Db,
  emit: Emit,
  store: FileStore,
  seller: Pick<Seller, "id" | "title">,
  input: CreateDiscussionInput,
  actor: Actor,
): Promise<{ thread: Thread; messages: Message[] }> {
  if (input.salesChannelExternalDiscussionReference) {
    const [existing] = await tx
      .select({ id: discussionDetails.threadId })
      .from(discussionDetails)
      .where(and(eq(discussionDetails.salesChannel, input.salesChannel), eq(discussionDetails.externalReference, input.salesChannelExternalDiscussionReference)));
    if (existing) throw new AppError("conflict", `A discussion with this reference already exists (${existing.id}).`);
  }
  const [typology] = await tx
    .select()
    .from(discussionTypologies)
    .where(
      and(
        eq(discussionTypologies.subTypologyCode, input.subTypologyCode),
        input.typologyCode ? eq(discussionTypologies.typologyCode, input.typologyCode) : undefined,
        sql`(${discussionTypologies.salesChannel} is null or ${discussionTypologies.salesChannel} = ${input.salesChannel})`,
      ),
    )
    .orderBy(sql`${discussionTypologies.salesChannel} is null`)
    .limit(1);
  if (!typology) {
    throw new AppError("invalid", `Unknown sub-typology ${input.subTypologyCode} for sales channel ${input.salesChannel}.`, { subTypologyCode: ["unknown sub-typology"] });
  }
  if (input.orderStatus && typology.orderStatuses.length && !typology.orderStatuses.includes(input.orderStatus)) {
    throw new AppError("invalid", `The sub-typology ${typology.subTypologyCode} may not be used at order status ${input.orderStatus}.`, { orderStatus: ["not allowed for this sub-typology"] });
  }
  const customer =
    input.customer.userId || input.customer.email
      ? await findOrCreateCustomer(tx, { name: input.customer.name ?? input.customer.email ?? `Customer ${input.customer.userId}`, email: input.customer.email, externalId: input.customer.userId })
      : null;
  const checkedPerMessage = [];
  for (const m of input.messages) checkedPerMessage.push(await checkDiscussionFiles(m.attachments));

  const first = input.messages[0]!;
  const thread = await createThread(
    tx,
    emit,
    {
      channel: "discussion",
      subject: input.subject || typology.subTypologyCode,
      customerId: customer?.id ?? null,
      customerName: customer?.name ?? "",
      customerEmail: customer?.email ?? null,
      sellerId: seller.id,
      orderRef: input.orderReference ?? input.orderId ?? null,
      channelState: PROCESS_STATE.Treated,
      createdAt: first.createdAt,
    },
    actor,
  );
  await tx.insert(discussionDetails).values({
    threadId: thread.id,
    typologyId: typology.id,
    typologyCode: typology.typologyCode,
    subTypologyCode: typology.subTypologyCode,
    salesChannel: input.salesChannel,
    externalReference: input.salesChannelExternalDiscussionReference ?? null,
    orderReference: input.orderReference ?? null,
    orderId: input.orderId ?? null,
    orderStatus: input.orderStatus ?? null,
    offerId: input.offerId ?? null,
    productId: input.productId ?? null,
    customerExternalId: input.customer.userId ?? customer?.externalId ?? null,
    graduationCode: input.graduationCode,
    receivers: input.receivers.map((r) => (r.userId ? { userId: r.userId, userType: r.userType } : { userType: r.userType })),
  });
  const out: Message[] = [];
  for (const [i, m] of input.messages.entries()) {
    const role = roleOfUserType(m.sender.userType);
    const message = await addMessage(tx, emit, thread.id, {
      authorRole: role,
      authorName: m.sender.name ?? (role === "customer" ? (customer?.name ?? "Customer") : role === "customer_service" ? "Marketplace customer service" : role === "seller" ? seller.title : "Marketplace"),
      body: m.body,
      receivers: m.receivers?.map((r) => (r.userId ? { userId: r.userId, userType: r.userType } : { userType: r.userType })) ?? null,
      externalId: m.sender.userId ?? null,
      createdAt: m.createdAt,
      read: m.hasRead,
    });
    await createAttachments(tx, store, { threadId: thread.id, messageId: message.id, files: checkedPerMessage[i]! });
    out.push(message);
  }
  const final = input.isOpen ? thread : await setThreadStatus(tx, emit, thread.id, "closed", actor);
  return { thread: final, messages: out };
}

// ---------------------------------------------------------------------------------------------
// Typologies (admin)

/** Creates or updates a typology and its descriptions; the codes + sales channel stay unique. */
export async function saveTypology(tx: Db, input: TypologyFormInput, defaultLocale: string): Promise<number> {
  if (!input.descriptions[defaultLocale]?.trim()) {
    throw new AppError("invalid", "Describe the typology in the default language.", { [`description_${defaultLocale}`]: ["Required."] });
  }
  const [clash] = await tx
    .select({ id: discussionTypologies.id })
    .from(discussionTypologies)
    .where(
      and(
        eq(discussionTypologies.typologyCode, input.typologyCode),
        eq(discussionTypologies.subTypologyCode, input.subTypologyCode),
        input.salesChannel ? eq(discussionTypologies.salesChannel, input.salesChannel) : isNull(discussionTypologies.salesChannel),
        input.id ? sql`${discussionTypologies.id} <> ${input.id}` : undefined,
      ),
    )
    .limit(1);
  if (clash) throw new AppError("conflict", "This typology and sub-typology already exist for that sales channel.", { subTypologyCode: ["Already exists."] });
  const values = {
    typologyCode: input.typologyCode,
    subTypologyCode: input.subTypologyCode,
    salesChannel: input.salesChannel,
    orderStatuses: input.orderStatuses,
    userTypes: input.userTypes,
    isActive: input.isActive,
    position: input.position,
  };
  let id: number;
  if (input.id) {
    const [row] = await tx.update(discussionTypologies).set(values).where(eq(discussionTypologies.id, input.id)).returning({ id: discussionTypologies.id });
    if (!row) throw new AppError("not_found", "Typology not found.");
    id = row.id;
  } else {
    const [row] = await tx.insert(discussionTypologies).values(values).returning({ id: discussionTypologies.id });
    id = row!.id;
  }
  for (const [locale, description] of Object.entries(input.descriptions)) {
    if (description.trim()) {
      await tx
        .insert(discussionTypologyTranslations)
        .values({ typologyId: id, locale, description })
        .onConflictDoUpdate({ target: [discussionTypologyTranslations.typologyId, discussionTypologyTranslations.locale], set: { description } });
    } else {
      await tx.delete(discussionTypologyTranslations).where(and(eq(discussionTypologyTranslations.typologyId, id), eq(discussionTypologyTranslations.locale, locale)));
    }
  }
  return id;
}
