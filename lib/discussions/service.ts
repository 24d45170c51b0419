// Writes to marketplace discussions: open/close, read/unread, new discussions from the marketplace
// side, and the typologies admins manage. Each service is (db, input, actor) and opens its own
// transaction; inside, everything goes through the shared thread steps, so the inbox sees every
// change live. Replies — the inbox's and the seller API's — go through the one reply path
// (lib/channels/reply.ts). A discussion is a `discussion` thread; its process status
// (ToTreat/Treated) lives in threads.channel_state. Seller tokens live in lib/api-keys.
import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { discussionDetails, discussionTypologies, discussionTypologyTranslations, threads, type Message, type Seller, type Thread } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { MIN_YEAR } from "@/lib/validation";
import { createAttachments } from "@/lib/attachments/service";
import { CHANNEL_CATALOG } from "@/lib/channels/catalog";
import { findOrCreateCustomer } from "@/lib/customers/service";
import { AppError } from "@/lib/errors";
import { inTransaction, type Emit } from "@/lib/events";
import { getLocaleSettings } from "@/lib/i18n";
import { checkUploads, type CheckedFile } from "@/lib/storage/file-types";
import { getStore, type FileStore } from "@/lib/storage/store";
import { addMessage, createThread, setMessagesRead, setThreadStatus } from "@/lib/threads/service";
import { PROCESS_STATE } from "./queries";
import { roleOfUserType } from "./receivers";
import type { CreateDiscussionInput, ImportDiscussionInput, TypologyFormInput } from "./schemas";

// ---------------------------------------------------------------------------------------------
// Attachments given as base64

export interface Base64File {
  name: string;
  content: string;
}

/** Decodes and checks files against the discussion policy (3 files, 4 MB, formats by content). */
export async function checkDiscussionFiles(files: readonly (Base64File | { name: string; bytes: Uint8Array })[]): Promise<CheckedFile[]> {
  const policy = CHANNEL_CATALOG.discussion.upload;
  // Count first, so a fourth file is refused before anything is decoded.
  if (files.length > policy.maxFiles)
    return checkUploads(
      policy,
      files.map((f) => ({ name: f.name, bytes: new Uint8Array() })),
      "attachments",
    );
  const decoded = files.map((f) => ("bytes" in f ? f : { name: f.name, bytes: new Uint8Array(Buffer.from(f.content, "base64")) }));
  return checkUploads(policy, decoded, "attachments");
}

// ---------------------------------------------------------------------------------------------
// Open/close and read state (replies go through the one reply path, lib/channels/reply.ts)

async function lockDiscussion(tx: Tx, threadId: number, sellerId?: number): Promise<Thread> {
  const [row] = await tx
    .select({ thread: threads })
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
  return row.thread;
}

/** isOpen, the same status the inbox's open/close changes. `sellerId`: the discussion must be that seller's. */
export async function setDiscussionOpen(db: Db, input: { threadId: number; isOpen: boolean; sellerId?: number }, actor: Actor): Promise<Thread> {
  return inTransaction(db, async (tx, emit) => {
    await lockDiscussion(tx, input.threadId, input.sellerId);
    return setThreadStatus(tx, emit, input.threadId, input.isOpen ? "open" : "closed", actor);
  });
}

/** hasRead of one message, the same read state the inbox shows. */
export async function setDiscussionMessageRead(db: Db, input: { message: Pick<Message, "id" | "threadId">; hasRead: boolean }, actor: Actor) {
  return inTransaction(db, (tx, emit) => setMessagesRead(tx, emit, input.message.threadId, input.hasRead, actor, [input.message.id]));
}

// ---------------------------------------------------------------------------------------------
// New discussions (the marketplace side, imports, tests)

/** A discussion as the shared writer takes it: every message with its sender (history has any). */
type DiscussionToWrite = ImportDiscussionInput;

/**
 * A discussion a seller opens through its key (POST /seller/v2/discussions): the seller writes as
 * itself — every message is the seller's, dated when it arrives. Speaking for the customer or the
 * marketplace's customer service, or back-dating, is an admin import (importDiscussion).
 */
export async function createDiscussion(
  db: Db,
  params: { seller: Pick<Seller, "id" | "title">; discussion: CreateDiscussionInput; store?: FileStore },
  actor: Actor,
): Promise<{ thread: Thread; messages: Message[] }> {
  const input: DiscussionToWrite = {
    ...params.discussion,
    messages: params.discussion.messages.map((m) => ({
      ...m,
      sender: { userType: "Seller", userId: m.sender?.userId, name: m.sender?.name },
      createdAt: undefined,
    })),
  };
  return writeNewDiscussion(db, { ...params, discussion: input }, actor);
}

/** The oldest date an import may carry. */
const IMPORT_MIN_DATE = new Date(Date.UTC(MIN_YEAR, 0, 1));

/**
 * History brought in by an admin (/admin/import) or by the seed and tests (the system): messages
 * from any side, at their own dates — each between 1900 and now. Never a seller's key.
 */
export async function importDiscussion(
  db: Db,
  params: { seller: Pick<Seller, "id" | "title">; discussion: ImportDiscussionInput; store?: FileStore },
  actor: Actor,
): Promise<{ thread: Thread; messages: Message[] }> {
  const allowed = actor.kind === "system" || (actor.kind === "staff" && can(actor.role, "discussions.import"));
  if (!allowed) throw new AppError("forbidden", "Only an administrator may import discussion history.");
  const now = Date.now() + 60_000;
  params.discussion.messages.forEach((m, i) => {
    if (m.createdAt && (m.createdAt.getTime() > now || m.createdAt < IMPORT_MIN_DATE)) {
      throw new AppError("invalid", `Message ${i + 1} is dated outside ${MIN_YEAR} to now.`, { [`messages.${i}.createdAt`]: ["must be between 1900 and now"] });
    }
  });
  return writeNewDiscussion(db, params, actor);
}

async function writeNewDiscussion(
  db: Db,
  params: { seller: Pick<Seller, "id" | "title">; discussion: DiscussionToWrite; store?: FileStore },
  actor: Actor,
): Promise<{ thread: Thread; messages: Message[] }> {
  const { seller, discussion: input } = params;
  const store = params.store ?? getStore();
  // Decode and check every message's files before the transaction.
  const checkedPerMessage: CheckedFile[][] = [];
  for (const m of input.messages) checkedPerMessage.push(await checkDiscussionFiles(m.attachments));
  return inTransaction(db, (tx, emit) => writeDiscussion(tx, emit, { seller, input, store, checkedPerMessage }, actor));
}

async function writeDiscussion(
  tx: Tx,
  emit: Emit,
  {
    seller,
    input,
    store,
    checkedPerMessage,
  }: { seller: Pick<Seller, "id" | "title">; input: DiscussionToWrite; store: FileStore; checkedPerMessage: CheckedFile[][] },
  actor: Actor,
): Promise<{ thread: Thread; messages: Message[] }> {
  if (input.salesChannelExternalDiscussionReference) {
    // The reference is the sales channel's id of the discussion for this seller: unique per seller
    // (held by discussion_details_seller_ext_ref_key). Another seller's equal reference is no clash.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`discussion-ref:${seller.id}:${input.salesChannel}:${input.salesChannelExternalDiscussionReference}`}, 0))`,
    );
    const [existing] = await tx
      .select({ id: discussionDetails.threadId })
      .from(discussionDetails)
      .where(
        and(
          eq(discussionDetails.sellerId, seller.id),
          eq(discussionDetails.salesChannel, input.salesChannel),
          eq(discussionDetails.externalReference, input.salesChannelExternalDiscussionReference),
        ),
      );
    if (existing) throw new AppError("conflict", `You already have a discussion with this reference (${existing.id}).`);
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
    throw new AppError("invalid", `Unknown sub-typology ${input.subTypologyCode} for sales channel ${input.salesChannel}.`, {
      subTypologyCode: ["unknown sub-typology"],
    });
  }
  if (input.orderStatus && typology.orderStatuses.length && !typology.orderStatuses.includes(input.orderStatus)) {
    throw new AppError("invalid", `The sub-typology ${typology.subTypologyCode} may not be used at order status ${input.orderStatus}.`, {
      orderStatus: ["not allowed for this sub-typology"],
    });
  }
  const customer =
    input.customer.userId || input.customer.email
      ? await findOrCreateCustomer(tx, {
          name: input.customer.name ?? input.customer.email ?? `Customer ${input.customer.userId}`,
          email: input.customer.email,
          externalId: input.customer.userId,
        })
      : null;
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
      searchKeys: [input.orderId, input.offerId, input.productId, input.salesChannelExternalDiscussionReference, input.customer.userId],
    },
    actor,
  );
  await tx.insert(discussionDetails).values({
    threadId: thread.id,
    typologyId: typology.id,
    typologyCode: typology.typologyCode,
    subTypologyCode: typology.subTypologyCode,
    salesChannel: input.salesChannel,
    sellerId: seller.id,
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
      authorName:
        m.sender.name ??
        (role === "customer"
          ? (customer?.name ?? "Customer")
          : role === "customer_service"
            ? "Marketplace customer service"
            : role === "seller"
              ? seller.title
              : "Marketplace"),
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
export async function saveTypology(db: Db, raw: TypologyFormInput): Promise<number> {
  const { codes, defaultLocale } = await getLocaleSettings(db);
  // Descriptions only in the desk's languages.
  const input = { ...raw, descriptions: Object.fromEntries(Object.entries(raw.descriptions).filter(([locale]) => codes.includes(locale))) };
  if (!input.descriptions[defaultLocale]?.trim()) {
    throw new AppError("invalid", "Describe the typology in the default language.", { [`description_${defaultLocale}`]: ["Required."] });
  }
  const [clash] = await db
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
  return db.transaction((tx) => writeTypology(tx, input));
}

async function writeTypology(tx: Db, input: TypologyFormInput): Promise<number> {
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
      await tx
        .delete(discussionTypologyTranslations)
        .where(and(eq(discussionTypologyTranslations.typologyId, id), eq(discussionTypologyTranslations.locale, locale)));
    }
  }
  return id;
}
