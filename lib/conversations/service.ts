// Writes for customer↔seller conversations: a conversation is a `conversation` thread between a
// customer and a seller (a private message, a question about a product or an order item, or a
// review), its facts in conversation_details, the customer's first message in the same
// transaction. Replies from our side go through the one reply path (lib/channels/reply.ts:
// postReply — an agent in the inbox, or the seller's own API with a seller scope); the customer's
// next messages through postInbound there. Answered / not answered is the thread's waiting state
// (the catalog's waitingStates keep channel_state with it).
//
// Every customer operation takes the customer's id and every seller operation the seller's: the
// scope rides into the WHERE of each statement (lib/conversations/queries.ts), so another's
// conversation is simply not found.
import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { conversationDetails, customers, orderItems, products, sellers, threads, type Message, type Thread } from "@/db/schema";
import { actorName, actorUserId, authorRoleOf, type Actor } from "@/lib/auth/actor";
import { createAttachments } from "@/lib/attachments/service";
import { CHANNEL_CATALOG } from "@/lib/channels/catalog";
import { postInbound, postReply, type InboundResult, type ReplyResult } from "@/lib/channels/reply";
import { findOrCreateCustomer, type CustomerInput } from "@/lib/customers/service";
import { AppError } from "@/lib/errors";
import { inTransaction, type Emit } from "@/lib/events";
import { checkUploads, type CheckedFile, type IncomingFile } from "@/lib/storage/file-types";
import { getStore, type FileStore } from "@/lib/storage/store";
import { addMessage, createThread, logThreadEvent, setMessagesRead } from "@/lib/threads/service";
import { findSameConversation, getConversation, scopeCondition, type ConversationScope } from "./queries";
import type { ConversationType, ItemContent } from "./views";

const NOT_FOUND = "Conversation not found.";

/** How long a retried message (the same text from the same customer) counts as the one already written. */
export function conversationDedupeSeconds(): number {
  const n = Number(process.env.CONVERSATION_DEDUPE_SECONDS);
  return Number.isFinite(n) && n >= 0 ? n : 600;
}

export interface StartConversation {
  customer: CustomerInput;
  sellerId?: number | null;
  conversationType?: ConversationType;
  itemContent?: ItemContent | null;
  itemId?: string | null;
  itemName?: string | null;
  /** The stored product or order item (item_object), when it is one we know. */
  productId?: number | null;
  orderItemId?: number | null;
  titleId?: number | null;
  isPublic?: boolean;
  saleCode?: string | null;
  /** SOAP's USER | SYSTEM. */
  messageType?: string;
  userType?: "guest" | "registered";
  subject: string;
  body: string;
  files?: IncomingFile[];
  locale?: string | null;
  /** When it was written (imports and the seed); never from a client. */
  at?: Date;
  store?: FileStore;
}

/**
 * Inside a transaction: the thread, its detail row and the first message with its files — the
 * customer's, or (`fromSeller`) the seller side's, when a seller opens the conversation.
 */
async function writeConversation(
  tx: Tx,
  emit: Emit,
  input: StartConversation & { customerId?: number; fromSeller?: boolean },
  files: CheckedFile[],
  actor: Actor,
): Promise<{ thread: Thread; message: Message }> {
  const [known] = input.customerId ? await tx.select().from(customers).where(eq(customers.id, input.customerId)).limit(1) : [];
  const customer = known ?? (await findOrCreateCustomer(tx, input.customer));
  const thread = await createThread(
    tx,
    emit,
    {
      channel: "conversation",
      subject: input.subject,
      customerId: customer.id,
      customerName: customer.name,
      customerEmail: customer.email,
      sellerId: input.sellerId ?? null,
      locale: input.locale ?? customer.locale ?? null,
      channelState: "not_answered",
      createdAt: input.at,
      searchKeys: [input.itemId, input.saleCode],
    },
    actor,
  );
  await tx.insert(conversationDetails).values({
    threadId: thread.id,
    conversationType: input.conversationType ?? "message",
    userType: input.userType ?? "registered",
    isPublic: input.isPublic ?? false,
    itemContent: input.itemContent ?? null,
    itemId: input.itemId ?? null,
    itemName: input.itemName ?? null,
    productId: input.productId ?? null,
    orderItemId: input.orderItemId ?? null,
    titleId: input.titleId ?? null,
    saleCode: input.saleCode ?? null,
    messageType: input.messageType ?? "USER",
  });
  const message = await addMessage(
    tx,
    emit,
    thread.id,
    input.fromSeller
      ? { authorRole: authorRoleOf(actor), authorUserId: actorUserId(actor), authorName: actorName(actor), body: input.body, createdAt: input.at }
      : {
          authorRole: "customer",
          authorUserId: actor.kind === "customer" ? (actor.userId ?? null) : null,
          authorName: customer.name,
          body: input.body,
          createdAt: input.at,
        },
  );
  await createAttachments(tx, input.store ?? getStore(), { threadId: thread.id, messageId: message.id, files });
  return { thread, message };
}

/** A new conversation with the customer's first message (the seed, imports, a seller opening one). */
export async function startConversation(db: Db, input: StartConversation, actor: Actor): Promise<{ thread: Thread; message: Message }> {
  const files = await checkUploads(CHANNEL_CATALOG.conversation.upload, input.files ?? [], "files");
  return inTransaction(db, (tx, emit) => writeConversation(tx, emit, input, files, actor));
}

// ---------------------------------------------------------------------------------------------
// The customer's side (the portal and the storefront API)

export interface OpenConversation {
  /** The signed-in customer's record. */
  customerId: number;
  sellerId: number;
  type: ConversationType;
  itemContent?: ItemContent | null;
  itemId?: number | null;
  subject?: string | null;
  body: string;
  /** Asked for a public question about a product (its question page); ignored for anything else. */
  isPublic?: boolean;
  userType?: "guest" | "registered";
  files?: IncomingFile[];
  filesField?: string;
  locale?: string | null;
  /**
   * The same seller, item and type again: "refuse" (the API answers "Conversation already
   * exists") or "append" (the portal adds the message to the conversation the customer has).
   */
  ifExists: "refuse" | "append";
  store?: FileStore;
}

export interface OpenedConversation {
  threadId: number;
  messageId: number;
  /** A new conversation (false: the message went into the existing one). */
  created: boolean;
  /** The message was a retry of one already written. */
  duplicate: boolean;
}

/** The refusal of a field of the customer's request: the message is a code (lib/conversations/texts.ts words it). */
const fieldError = (field: string, code: string) => new AppError("invalid", code, { [field]: [code] });

/** Thrown when the customer already has this conversation and asked not to add to it. */
export class ConversationExistsError extends AppError {
  constructor(readonly threadId: number) {
    super("invalid", "conversation_exists");
  }
}

/** What the customer's request points at, checked: an active seller, and an item of theirs (an order item) or of the desk (a product). */
async function resolveTarget(db: Db, input: OpenConversation) {
  const [seller] = await db.select({ id: sellers.id, isActive: sellers.isActive }).from(sellers).where(eq(sellers.id, input.sellerId)).limit(1);
  if (!seller || !seller.isActive) throw fieldError("datasource", `does_not_exist:${input.sellerId}`);
  const kind = input.itemContent ?? null;
  const id = input.itemId ?? null;
  if (kind && !id) throw fieldError("item_id", "required");
  if (id && !kind) throw fieldError("item_content", "required");
  if (kind === "product") {
    const [p] = await db.select({ id: products.id, name: products.name }).from(products).where(eq(products.id, id!)).limit(1);
    if (!p) throw fieldError("item_id", `does_not_exist:${id}`);
    return { itemContent: kind, itemId: String(p.id), itemName: p.name, productId: p.id, orderItemId: null };
  }
  if (kind === "orderitem") {
    // An order item is the customer's own: another customer's is as unknown as a missing one.
    const [line] = await db
      .select({ id: orderItems.id, sellerId: orderItems.sellerId, productId: orderItems.productId, name: products.name })
      .from(orderItems)
      .innerJoin(products, eq(products.id, orderItems.productId))
      .where(and(eq(orderItems.id, id!), eq(orderItems.customerId, input.customerId)))
      .limit(1);
    if (!line) throw fieldError("item_id", `does_not_exist:${id}`);
    if (line.sellerId && line.sellerId !== seller.id) throw fieldError("datasource", "item_other_seller");
    return { itemContent: kind, itemId: String(line.id), itemName: line.name, productId: line.productId, orderItemId: line.id };
  }
  return { itemContent: null, itemId: null, itemName: null, productId: null, orderItemId: null };
}

/**
 * The signed-in customer starts a conversation with a seller (or, when the same seller, item and
 * type already has one and `ifExists` is "append", writes in that one). Two starts of the same
 * conversation at once are serialized on a lock of its key, so there is only ever one.
 */
export async function openCustomerConversation(db: Db, input: OpenConversation, actor: Extract<Actor, { kind: "customer" }>): Promise<OpenedConversation> {
  if (actor.customerId !== input.customerId) throw new AppError("forbidden", "A customer writes only as themselves.");
  const target = await resolveTarget(db, input);
  const files = await checkUploads(CHANNEL_CATALOG.conversation.upload, input.files ?? [], input.filesField ?? "files");
  const isPublic = !!input.isPublic && input.type === "question" && target.itemContent === "product";
  const key = { customerId: input.customerId, sellerId: input.sellerId, type: input.type, itemContent: target.itemContent, itemId: target.itemId };
  const outcome = await inTransaction(db, async (tx, emit) => {
    await tx.execute(sql`select pg_advisory_xact_lock(13013, hashtext(${JSON.stringify(key)}))`);
    const existing = await findSameConversation(tx, key);
    if (existing) {
      if (input.ifExists === "refuse") throw new ConversationExistsError(existing);
      return { existing };
    }
    const { thread, message } = await writeConversation(
      tx,
      emit,
      {
        customer: { name: actor.name, userId: actor.userId ?? null },
        customerId: input.customerId,
        sellerId: input.sellerId,
        conversationType: input.type,
        ...target,
        isPublic,
        userType: input.userType ?? "registered",
        subject: input.subject?.trim() || target.itemName || "",
        body: input.body,
        locale: input.locale ?? null,
        store: input.store,
      },
      files,
      actor,
    );
    return { thread, message };
  });
  if ("existing" in outcome) {
    const sent = await postCustomerMessage(db, { threadId: outcome.existing!, customerId: input.customerId, body: input.body, files: input.files }, actor);
    return { threadId: outcome.existing!, messageId: sent.message.id, created: false, duplicate: sent.duplicate };
  }
  await markCustomerRead(db, { threadId: outcome.thread.id, customerId: input.customerId });
  return { threadId: outcome.thread.id, messageId: outcome.message.id, created: true, duplicate: false };
}

/**
 * The customer writes in one of their conversations: it waits for the seller again (not
 * answered), a closed one opens again, and the same text sent again within the retry window is
 * the message already written.
 */
export async function postCustomerMessage(
  db: Db,
  input: { threadId: number; customerId: number; body: string; files?: IncomingFile[]; filesField?: string; store?: FileStore },
  actor: Actor,
): Promise<InboundResult> {
  const result = await postInbound(
    db,
    {
      threadId: input.threadId,
      body: input.body,
      files: input.files,
      filesField: input.filesField,
      scope: { channel: "conversation", customerId: input.customerId },
      notFound: NOT_FOUND,
      dedupeSeconds: conversationDedupeSeconds() || undefined,
      reopen: true,
      store: input.store,
    },
    actor,
  );
  await markCustomerRead(db, { threadId: input.threadId, customerId: input.customerId });
  return result;
}

/** The customer has read their conversation up to now (the portal's "unread" mark goes). */
export async function markCustomerRead(db: Db, input: { threadId: number; customerId: number }): Promise<boolean> {
  const rows = await db
    .update(conversationDetails)
    .set({ customerReadAt: new Date() })
    .where(
      and(
        eq(conversationDetails.threadId, input.threadId),
        inArray(
          conversationDetails.threadId,
          db
            .select({ id: threads.id })
            .from(threads)
            .innerJoin(conversationDetails, eq(conversationDetails.threadId, threads.id))
            .where(and(eq(threads.id, input.threadId), scopeCondition({ customerId: input.customerId }))),
        ),
      ),
    )
    .returning({ id: conversationDetails.threadId });
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------
// The seller's side (the seller's own API): one seller's conversations only

/** The seller (or an agent for it, through the seller's API) answers: the conversation becomes answered. */
export async function postSellerReply(
  db: Db,
  input: { threadId: number; sellerId: number; body: string; files?: IncomingFile[]; filesField?: string; store?: FileStore },
  actor: Actor,
): Promise<ReplyResult> {
  return postReply(
    db,
    {
      threadId: input.threadId,
      kind: "reply",
      body: input.body,
      files: input.files,
      filesField: input.filesField,
      scope: { channel: "conversation", sellerId: input.sellerId },
      notFound: NOT_FOUND,
      store: input.store,
    },
    actor,
  );
}

/** The seller marks what the customer wrote read or unread (the inbox's read state: one truth for both). */
export async function markSellerRead(db: Db, input: { threadId: number; sellerId: number; read: boolean }, actor: Actor): Promise<{ unreadCount: number }> {
  await getConversation(db, { sellerId: input.sellerId }, input.threadId);
  return inTransaction(db, async (tx, emit) => {
    const { unreadCount } = await setMessagesRead(tx, emit, input.threadId, input.read, actor);
    return { unreadCount };
  });
}

export interface OpenSellerConversation {
  sellerId: number;
  /** The customer the seller writes to (resolved by nick or sale code: lib/conversations/seller-queries.ts). */
  customerId: number;
  subject: string;
  body: string;
  titleId?: number | null;
  messageType?: "USER" | "SYSTEM";
  /** A sale (order line) of this seller's: the conversation is about it. */
  orderItemId?: number | null;
  saleCode?: string | null;
  /** A product of this seller's. */
  productId?: number | null;
  itemName?: string | null;
  locale?: string | null;
}

/**
 * The seller starts a conversation with a customer (SOAP postConversation): the seller side's
 * first message, so it is answered from the start; the customer sees it live in the portal.
 */
export async function openSellerConversation(db: Db, input: OpenSellerConversation, actor: Actor): Promise<{ thread: Thread; message: Message }> {
  if (actor.kind === "api" && actor.sellerId !== input.sellerId) throw new AppError("forbidden", "A seller writes only as itself.");
  const [seller] = await db.select({ isActive: sellers.isActive }).from(sellers).where(eq(sellers.id, input.sellerId)).limit(1);
  if (!seller?.isActive) throw new AppError("invalid", "This seller takes no new conversations.");
  if (!input.body.trim()) throw new AppError("invalid", "Write a message.", { body: ["Write a message."] });
  const item = input.orderItemId
    ? { itemContent: "orderitem" as const, itemId: String(input.orderItemId), orderItemId: input.orderItemId, productId: input.productId ?? null }
    : input.productId
      ? { itemContent: "product" as const, itemId: String(input.productId), orderItemId: null, productId: input.productId }
      : { itemContent: null, itemId: null, orderItemId: null, productId: null };
  return inTransaction(db, (tx, emit) =>
    writeConversation(
      tx,
      emit,
      {
        customer: { name: "" },
        customerId: input.customerId,
        fromSeller: true,
        sellerId: input.sellerId,
        conversationType: "message",
        ...item,
        itemName: input.itemName ?? null,
        titleId: input.titleId ?? null,
        saleCode: input.saleCode ?? null,
        messageType: input.messageType ?? "USER",
        subject: input.subject,
        body: input.body,
        locale: input.locale ?? null,
      },
      [],
      actor,
    ),
  );
}

/**
 * The seller hides several conversations from its own lists at once: all of them or none (one
 * that is not the seller's, or already hidden, is not found).
 */
export async function hideConversationsForSeller(db: Db, input: { threadIds: number[]; sellerId: number }, actor: Actor): Promise<number> {
  const ids = [...new Set(input.threadIds)];
  if (!ids.length) return 0;
  return inTransaction(db, async (tx) => {
    const scope: ConversationScope = { sellerId: input.sellerId };
    const rows = await tx
      .update(conversationDetails)
      .set({ sellerHiddenAt: new Date() })
      .where(
        and(
          inArray(conversationDetails.threadId, ids),
          isNull(conversationDetails.sellerHiddenAt),
          inArray(
            conversationDetails.threadId,
            tx
              .select({ id: threads.id })
              .from(threads)
              .innerJoin(conversationDetails, eq(conversationDetails.threadId, threads.id))
              .where(and(inArray(threads.id, ids), scopeCondition(scope))),
          ),
        ),
      )
      .returning({ id: conversationDetails.threadId });
    if (rows.length !== ids.length) throw new AppError("not_found", NOT_FOUND);
    for (const row of rows) await logThreadEvent(tx, row.id, "hidden_by_seller", actor);
    return rows.length;
  });
}

/** The seller hides a conversation from its own lists; the customer and the inbox keep it. */
export async function hideForSeller(db: Db, input: { threadId: number; sellerId: number }, actor: Actor): Promise<void> {
  await inTransaction(db, async (tx) => {
    const scope: ConversationScope = { sellerId: input.sellerId };
    const rows = await tx
      .update(conversationDetails)
      .set({ sellerHiddenAt: new Date() })
      .where(
        and(
          eq(conversationDetails.threadId, input.threadId),
          isNull(conversationDetails.sellerHiddenAt),
          inArray(
            conversationDetails.threadId,
            tx
              .select({ id: threads.id })
              .from(threads)
              .innerJoin(conversationDetails, eq(conversationDetails.threadId, threads.id))
              .where(and(eq(threads.id, input.threadId), scopeCondition(scope))),
          ),
        ),
      )
      .returning({ id: conversationDetails.threadId });
    if (!rows.length) throw new AppError("not_found", NOT_FOUND);
    await logThreadEvent(tx, input.threadId, "hidden_by_seller", actor);
  });
}

// ---------------------------------------------------------------------------------------------
// Staff

/** An agent takes a public question off the product page (its conversation stays, private). */
export async function setConversationPublic(db: Db, input: { threadId: number; isPublic: boolean }, actor: Actor): Promise<void> {
  await inTransaction(db, async (tx, emit) => {
    const [row] = await tx
      .update(conversationDetails)
      .set({ isPublic: input.isPublic })
      .where(eq(conversationDetails.threadId, input.threadId))
      .returning({ id: conversationDetails.threadId });
    if (!row) throw new AppError("not_found", NOT_FOUND);
    const [thread] = await tx
      .update(threads)
      .set({ version: sql`${threads.version} + 1`, updatedAt: new Date() })
      .where(eq(threads.id, input.threadId))
      .returning({ channel: threads.channel });
    await logThreadEvent(tx, input.threadId, input.isPublic ? "made_public" : "made_private", actor);
    emit("thread.updated", { threadId: input.threadId, channel: thread!.channel });
  });
}
