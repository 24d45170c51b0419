// The portal's reads: a signed-in customer's own conversations ("My messages") as plain JSON, the
// same shape from the server page and from GET /api/portal/conversations. The customer's id is in
// every WHERE (lib/conversations/queries.ts); the seller side shows as the seller.
import "server-only";
import type { Db } from "@/db/client";
import { CHANNEL_CATALOG, describePolicy } from "@/lib/channels/catalog";
import { customerMessageView } from "@/lib/conversations/present";
import { findConversation, findConversations, findItems, findVisibleMessages, itemKey, type ConversationRecord } from "@/lib/conversations/queries";
import { PORTAL_TEXTS, type PortalLocale } from "@/lib/conversations/texts";
import type { ConversationType, ItemView, PortalConversationSummary, PortalConversationView } from "@/lib/conversations/views";
import { isInbound } from "@/lib/threads/service";

export const PORTAL_PAGE_SIZE = 20;

function summaryOf(r: ConversationRecord, item: ItemView | null): PortalConversationSummary {
  const t = r.thread;
  const lastAt = t.lastVisibleAt ?? t.createdAt;
  const fromSeller = !!t.lastMessageRole && !isInbound(t.lastMessageRole);
  return {
    id: t.id,
    type: r.details.conversationType as ConversationType,
    subject: t.subject,
    seller: r.seller ? { id: r.seller.id, title: r.seller.title } : null,
    item,
    isPublic: r.details.isPublic,
    isAnswered: t.channelState === "answered",
    status: t.status,
    unread: fromSeller && (!r.details.customerReadAt || lastAt > r.details.customerReadAt),
    lastMessageAt: lastAt.toISOString(),
    lastMessagePreview: t.lastMessagePreview,
    lastFrom: fromSeller ? "seller" : "customer",
  };
}

export async function findPortalConversations(
  db: Db,
  input: { customerId: number; page?: number },
): Promise<{ count: number; page: number; pages: number; rows: PortalConversationSummary[] }> {
  const page = Math.max(1, input.page ?? 1);
  const { count, rows } = await findConversations(db, { customerId: input.customerId }, { offset: (page - 1) * PORTAL_PAGE_SIZE, limit: PORTAL_PAGE_SIZE });
  const items = await findItems(
    db,
    rows.map((r) => r.details),
  );
  return { count, page, pages: Math.max(1, Math.ceil(count / PORTAL_PAGE_SIZE)), rows: rows.map((r) => summaryOf(r, items.get(itemKey(r.details)) ?? null)) };
}

/** One of the customer's conversations with its messages, or undefined (not theirs, deleted, not a conversation). */
export async function findPortalConversation(
  db: Db,
  input: { customerId: number; threadId: number; locale: PortalLocale },
): Promise<PortalConversationView | undefined> {
  const record = await findConversation(db, { customerId: input.customerId }, input.threadId);
  if (!record) return undefined;
  const [items, visible] = await Promise.all([findItems(db, [record.details]), findVisibleMessages(db, [record.thread.id])]);
  const faces = { sellerName: record.seller?.title ?? PORTAL_TEXTS[input.locale].seller, customerName: record.customer?.name ?? record.thread.customerName };
  const policy = CHANNEL_CATALOG.conversation.upload;
  return {
    ...summaryOf(record, items.get(itemKey(record.details)) ?? null),
    messages: (visible.get(record.thread.id) ?? []).map(({ message, attachments }) => customerMessageView(message, faces, attachments)),
    upload: { kinds: [...policy.kinds], maxFiles: policy.maxFiles, maxTotalBytes: policy.maxTotalBytes, description: describePolicy(policy) },
  };
}
