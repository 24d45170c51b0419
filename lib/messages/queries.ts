// Reads for one open thread: its messages with attachments, the channel's details, the customer's
// other threads, the timeline events and who else is looking at it. Everything is returned as
// plain JSON (ISO dates) so the server page and GET /api/threads/{id} hand the browser the same shape.
import { and, asc, desc, eq, gt, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  callRequestDetails,
  chatDetails,
  contactDetails,
  contactSubjects,
  contactSubjectTranslations,
  conversationDetails,
  conversationTitles,
  conversationTitleTranslations,
  customers,
  discussionDetails,
  discussionTypologies,
  discussionTypologyTranslations,
  messages,
  sellers,
  threadEvents,
  threadViewers,
  threads,
  users,
  type AuthorRole,
  type Channel,
  type Thread,
  type ThreadStatus,
} from "@/db/schema";
import { findAttachmentsForMessages } from "@/lib/attachments/queries";
import { describePolicy, INLINE_IMAGE_TYPES, UPLOAD_POLICIES } from "@/lib/storage/file-types";
import { replyOptions, type ReplyDetails, type ReplyOptions } from "@/lib/threads/reply-rules";
import { findStaff } from "@/lib/users/queries";

/** A viewer counts as present for this long after their last heartbeat. */
export const PRESENCE_TTL_SECONDS = 40;

export interface AttachmentView {
  id: number;
  fileName: string;
  contentType: string;
  size: number;
  isImage: boolean;
}

export interface MessageView {
  id: number;
  authorRole: AuthorRole;
  authorName: string;
  authorUserId: number | null;
  body: string;
  isInternal: boolean;
  receivers: { userId?: string; userType: string }[] | null;
  readAt: string | null;
  createdAt: string;
  attachments: AttachmentView[];
}

export interface TimelineEvent {
  id: number;
  type: string;
  actorName: string | null;
  data: Record<string, unknown>;
  createdAt: string;
}

export interface DetailFact {
  label: string;
  value: string;
}

export interface RelatedThread {
  id: number;
  channel: Channel;
  subject: string;
  status: ThreadStatus;
  lastMessageAt: string;
}

export interface ThreadView {
  thread: {
    id: number;
    channel: Channel;
    status: ThreadStatus;
    channelState: string | null;
    subject: string;
    customerId: number | null;
    customerName: string;
    customerEmail: string | null;
    sellerName: string | null;
    assigneeId: number | null;
    assigneeName: string | null;
    orderRef: string | null;
    version: number;
    unreadCount: number;
    createdAt: string;
  };
  messages: MessageView[];
  events: TimelineEvent[];
  details: DetailFact[];
  otherThreads: RelatedThread[];
  replyOptions: ReplyOptions;
  uploadPolicy: { kinds: string[]; maxFiles: number; maxTotalBytes: number; description: string };
  agents: { id: number; name: string }[];
  /** Server time of this snapshot: a reply sent later is checked for changes since then. */
  loadedAt: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The channel's detail row as facts for the side panel, plus what the reply rules need. */
export async function findChannelDetails(db: Db, thread: Pick<Thread, "id" | "channel">, locale = "en"): Promise<{ facts: DetailFact[]; rules: ReplyDetails | null }> {
  const facts: DetailFact[] = [];
  const add = (label: string, value: unknown) => {
    if (value !== null && value !== undefined && value !== "") facts.push({ label, value: String(value) });
  };
  switch (thread.channel) {
    case "contact": {
      const [row] = await db
        .select({ d: contactDetails, subjectCode: contactSubjects.code, subjectText: contactSubjectTranslations.text })
        .from(contactDetails)
        .leftJoin(contactSubjects, eq(contactSubjects.id, contactDetails.subjectId))
        .leftJoin(contactSubjectTranslations, and(eq(contactSubjectTranslations.subjectId, contactDetails.subjectId), eq(contactSubjectTranslations.locale, locale)))
        .where(eq(contactDetails.threadId, thread.id));
      if (!row) return { facts, rules: null };
      add("Subject", row.subjectText ?? row.subjectCode);
      add("Name", row.d.fullName);
      add("E-mail", row.d.email);
      add("Phone", row.d.phone);
      add("Order", row.d.orderNumber);
      add("Operation", row.d.operation);
      add("Routed to", row.d.routedTo);
      add("Language", row.d.locale);
      return { facts, rules: { email: row.d.email } };
    }
    case "conversation": {
      const [row] = await db
        .select({ d: conversationDetails, titleCode: conversationTitles.code, titleText: conversationTitleTranslations.text })
        .from(conversationDetails)
        .leftJoin(conversationTitles, eq(conversationTitles.id, conversationDetails.titleId))
        .leftJoin(conversationTitleTranslations, and(eq(conversationTitleTranslations.titleId, conversationDetails.titleId), eq(conversationTitleTranslations.locale, locale)))
        .where(eq(conversationDetails.threadId, thread.id));
      if (!row) return { facts, rules: null };
      add("Title", row.titleText ?? row.titleCode);
      add("Type", row.d.conversationType);
      add(row.d.itemContent === "orderitem" ? "Order item" : "Product", [row.d.itemName, row.d.itemId && `#${row.d.itemId}`].filter(Boolean).join(" "));
      add("Sale code", row.d.saleCode);
      add("User", row.d.userType);
      add("Answered", row.d.isAnswered ? "yes" : "no");
      return { facts, rules: {} };
    }
    case "discussion": {
      const [row] = await db
        .select({ d: discussionDetails, typology: discussionTypologyTranslations.description })
        .from(discussionDetails)
        .leftJoin(discussionTypologies, eq(discussionTypologies.id, discussionDetails.typologyId))
        .leftJoin(discussionTypologyTranslations, and(eq(discussionTypologyTranslations.typologyId, discussionDetails.typologyId), eq(discussionTypologyTranslations.locale, locale)))
        .where(eq(discussionDetails.threadId, thread.id));
      if (!row) return { facts, rules: null };
      add("Typology", row.typology ?? [row.d.typologyCode, row.d.subTypologyCode].filter(Boolean).join(" / "));
      add("Sub-typology", row.d.subTypologyCode);
      add("Order", row.d.orderReference ?? row.d.orderId);
      add("Order status", row.d.orderStatus);
      add("Offer", row.d.offerId);
      add("Product", row.d.productId);
      add("Sales channel", row.d.salesChannel);
      add("Level", row.d.graduationCode);
      add("Receivers", row.d.receivers.map((r) => (r.userType === "GrcOperator" ? "Customer service" : r.userType)).join(", "));
      return { facts, rules: { receivers: row.d.receivers } };
    }
    case "call_request": {
      const [d] = await db.select().from(callRequestDetails).where(eq(callRequestDetails.threadId, thread.id));
      if (!d) return { facts, rules: null };
      add("Name", d.name);
      add("Phone", d.phone);
      add("E-mail", d.email);
      add("Call window", d.timeFrom || d.timeTo ? `${d.timeFrom ?? "…"} – ${d.timeTo ?? "…"}` : "any time");
      add("Order", d.orderId);
      add("Order status", d.orderStatus);
      add("Product", [d.productName, d.productId && `#${d.productId}`].filter(Boolean).join(" "));
      add("Cart", d.cartProducts.map((p) => `${p.amount} × ${p.product}`).join(", "));
      add("Notes", d.notes);
      return { facts, rules: {} };
    }
    case "chat": {
      const [d] = await db.select().from(chatDetails).where(eq(chatDetails.threadId, thread.id));
      if (!d) return { facts, rules: null };
      add("Organisation", d.orgId);
      add("Product", d.productName);
      add("Portfolio", d.portfolioName);
      add("Room", d.roomCode);
      add("Signed in", d.isLogin ? "yes" : "no");
      add("Room state", d.isActive ? "active" : "closed");
      return { facts, rules: { isActive: d.isActive } };
    }
  }
}

/**
 * The same customer's other threads, in every channel: by the thread's customer and every customer
 * record sharing its e-mail (a guest form and an account are often two records). Both lookups ride
 * an index (customers by lower(email), threads by customer_id): no scan of all threads.
 */
export async function findOtherThreads(db: Db, thread: Pick<Thread, "id" | "customerId" | "customerEmail">, limit = 10): Promise<RelatedThread[]> {
  const ids = new Set<number>(thread.customerId ? [thread.customerId] : []);
  if (thread.customerEmail) {
    const same = await db
      .select({ id: customers.id })
      .from(customers)
      .where(sql`lower(${customers.email}) = ${thread.customerEmail.toLowerCase()}`)
      .limit(20);
    for (const c of same) ids.add(c.id);
  }
  if (ids.size === 0) return [];
  const rows = await db
    .select({ id: threads.id, channel: threads.channel, subject: threads.subject, status: threads.status, lastMessageAt: threads.lastMessageAt })
    .from(threads)
    .where(and(inArray(threads.customerId, [...ids]), ne(threads.id, thread.id), isNull(threads.deletedAt)))
    .orderBy(desc(threads.lastMessageAt), desc(threads.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, lastMessageAt: r.lastMessageAt.toISOString() }));
}

/** The thread as the agent sees it, or null when it does not exist (or was deleted). */
export async function getThreadView(db: Db, threadId: number, options: { locale?: string } = {}): Promise<ThreadView | null> {
  const loadedAt = new Date();
  const [row] = await db
    .select({ t: threads, assigneeName: users.name, sellerName: sellers.title })
    .from(threads)
    .leftJoin(users, eq(users.id, threads.assigneeId))
    .leftJoin(sellers, eq(sellers.id, threads.sellerId))
    .where(and(eq(threads.id, threadId), isNull(threads.deletedAt)));
  if (!row) return null;
  const t = row.t;
  const [messageRows, eventRows, details, otherThreads, staff] = await Promise.all([
    db
      .select()
      .from(messages)
      .where(and(eq(messages.threadId, threadId), isNull(messages.deletedAt)))
      .orderBy(asc(messages.createdAt), asc(messages.id)),
    db
      .select({ e: threadEvents, actorName: users.name })
      .from(threadEvents)
      .leftJoin(users, eq(users.id, threadEvents.actorUserId))
      .where(and(eq(threadEvents.threadId, threadId), inArray(threadEvents.type, ["closed", "reopened", "assigned", "state"])))
      .orderBy(asc(threadEvents.id)),
    findChannelDetails(db, t, options.locale),
    findOtherThreads(db, t),
    findStaff(db),
  ]);
  const files = await findAttachmentsForMessages(db, messageRows.map((m) => m.id));
  const byMessage = new Map<number, AttachmentView[]>();
  for (const f of files) {
    if (f.messageId === null) continue;
    const list = byMessage.get(f.messageId) ?? [];
    list.push({ id: f.id, fileName: f.fileName, contentType: f.contentType, size: f.size, isImage: INLINE_IMAGE_TYPES.has(f.contentType) });
    byMessage.set(f.messageId, list);
  }
  const staffName = new Map(staff.map((s) => [s.id, s.name]));
  const policy = UPLOAD_POLICIES[t.channel];
  return {
    thread: {
      id: t.id,
      channel: t.channel,
      status: t.status,
      channelState: t.channelState,
      subject: t.subject,
      customerId: t.customerId,
      customerName: t.customerName,
      customerEmail: t.customerEmail,
      sellerName: row.sellerName,
      assigneeId: t.assigneeId,
      assigneeName: row.assigneeName,
      orderRef: t.orderRef,
      version: t.version,
      unreadCount: t.unreadCount,
      createdAt: t.createdAt.toISOString(),
    },
    messages: messageRows.map((m) => ({
      id: m.id,
      authorRole: m.authorRole,
      authorName: m.authorName || (m.authorUserId ? (staffName.get(m.authorUserId) ?? "") : ""),
      authorUserId: m.authorUserId,
      body: m.body,
      isInternal: m.isInternal,
      receivers: m.receivers,
      readAt: iso(m.readAt),
      createdAt: m.createdAt.toISOString(),
      attachments: byMessage.get(m.id) ?? [],
    })),
    events: eventRows.map(({ e, actorName }) => ({
      id: e.id,
      type: e.type,
      actorName: actorName ?? e.actorLabel,
      data: e.type === "assigned" ? { ...e.data, toName: staffName.get(Number(e.data.to)) ?? null } : e.data,
      createdAt: e.createdAt.toISOString(),
    })),
    details: details.facts,
    otherThreads,
    replyOptions: replyOptions(t, details.rules),
    uploadPolicy: { kinds: [...policy.kinds], maxFiles: policy.maxFiles, maxTotalBytes: policy.maxTotalBytes, description: describePolicy(policy) },
    agents: staff.map((s) => ({ id: s.id, name: s.name })),
    loadedAt: loadedAt.toISOString(),
  };
}

export interface ThreadChange {
  kind: "message" | "note" | "closed" | "reopened" | "assigned";
  who: string | null;
  at: string;
  /** A message's first words, or the new assignee's name. */
  text: string | null;
}

/**
 * What other people changed in a thread after `since`: new messages and notes, status changes and
 * assignments. Read/unread changes are left out: they do not change what the answer should be.
 */
export async function findChangesSince(db: Db, threadId: number, since: Date, excludeUserId: number | null): Promise<ThreadChange[]> {
  const notMe = (col: typeof messages.authorUserId | typeof threadEvents.actorUserId) =>
    excludeUserId ? or(isNull(col), ne(col, excludeUserId)) : undefined;
  const [newMessages, events] = await Promise.all([
    db
      .select({ isInternal: messages.isInternal, authorName: messages.authorName, authorRole: messages.authorRole, body: messages.body, createdAt: messages.createdAt, userName: users.name })
      .from(messages)
      .leftJoin(users, eq(users.id, messages.authorUserId))
      .where(and(eq(messages.threadId, threadId), gt(messages.createdAt, since), isNull(messages.deletedAt), notMe(messages.authorUserId)))
      .orderBy(asc(messages.createdAt), asc(messages.id)),
    db
      .select({ type: threadEvents.type, data: threadEvents.data, createdAt: threadEvents.createdAt, actorName: users.name, actorLabel: threadEvents.actorLabel })
      .from(threadEvents)
      .leftJoin(users, eq(users.id, threadEvents.actorUserId))
      .where(and(eq(threadEvents.threadId, threadId), gt(threadEvents.createdAt, since), inArray(threadEvents.type, ["closed", "reopened", "assigned"]), notMe(threadEvents.actorUserId)))
      .orderBy(asc(threadEvents.id)),
  ]);
  const assigneeIds = events.filter((e) => e.type === "assigned" && e.data.to).map((e) => Number(e.data.to));
  const names = assigneeIds.length
    ? new Map((await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, assigneeIds))).map((u) => [u.id, u.name]))
    : new Map<number, string>();
  const changes: ThreadChange[] = [
    ...newMessages.map((m) => ({
      kind: (m.isInternal ? "note" : "message") as ThreadChange["kind"],
      who: m.authorName || m.userName || m.authorRole,
      at: m.createdAt.toISOString(),
      text: m.body.replace(/\s+/g, " ").trim().slice(0, 140),
    })),
    ...events.map((e) => ({
      kind: e.type as ThreadChange["kind"],
      who: e.actorName ?? e.actorLabel,
      at: e.createdAt.toISOString(),
      text: e.type === "assigned" ? (e.data.to ? (names.get(Number(e.data.to)) ?? "someone") : "nobody") : null,
    })),
  ];
  return changes.sort((a, b) => a.at.localeCompare(b.at));
}

/** Staff who had the thread open within the presence window. */
export async function findViewers(db: Db, threadId: number): Promise<{ userId: number; name: string }[]> {
  return db
    .select({ userId: threadViewers.userId, name: users.name })
    .from(threadViewers)
    .innerJoin(users, eq(users.id, threadViewers.userId))
    .where(and(eq(threadViewers.threadId, threadId), gt(threadViewers.seenAt, sql`now() - make_interval(secs => ${PRESENCE_TTL_SECONDS})`)))
    .orderBy(asc(users.name));
}
