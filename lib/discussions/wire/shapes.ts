// The seller API's output shapes: our discussion, message and attachment rows in the field names
// and types its clients read (ids as strings, userType, processStatus, …).
import "server-only";
import type { Attachment } from "@/db/schema";
import { processStatusOf, type DiscussionRow, type MessageRow } from "../queries";
import { eligibleReceivers, userTypeOfRole } from "../receivers";

export function messageToWire(m: MessageRow) {
  const userType = userTypeOfRole(m.authorRole);
  return {
    messageId: String(m.id),
    discussionId: String(m.threadId),
    body: m.body,
    sender: { userId: m.externalId ?? (m.authorUserId ? String(m.authorUserId) : null), userType, name: m.authorName || null },
    userType,
    receivers: m.receivers ?? [],
    hasRead: m.readAt !== null,
    attachmentCount: m.attachmentCount,
    createdAt: m.createdAt.toISOString(),
  };
}

export function discussionToWire(row: DiscussionRow, messages: MessageRow[]) {
  const { thread: t, detail: d } = row;
  return {
    discussionId: String(t.id),
    salesChannelExternalDiscussionReference: d.externalReference,
    subject: t.subject,
    salesChannel: d.salesChannel,
    sellerId: row.sellerExternalId,
    customerId: d.customerExternalId,
    orderReference: d.orderReference,
    orderId: d.orderId,
    orderStatus: d.orderStatus,
    offerId: d.offerId,
    productId: d.productId,
    typologyId: d.typologyId,
    typologyCode: d.typologyCode,
    subTypologyCode: d.subTypologyCode,
    graduationCode: d.graduationCode,
    isOpen: t.status === "open",
    processStatus: processStatusOf(t),
    status: processStatusOf(t),
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    receivers: eligibleReceivers(d.receivers),
    messages: messages.map(messageToWire),
  };
}

const FORMAT: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/bmp": "bmp",
  "image/tiff": "tif",
  "application/pdf": "pdf",
  "application/msword": "doc",
  "application/vnd.ms-excel": "xls",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
};

export function attachmentToWire(a: Attachment, bytes: Uint8Array | null) {
  return {
    discussionId: String(a.threadId),
    messageId: a.messageId ? String(a.messageId) : null,
    attachmentId: String(a.id),
    attachmentName: a.fileName,
    fileFormat: FORMAT[a.contentType] ?? a.contentType,
    size: a.size,
    content: bytes ? Buffer.from(bytes).toString("base64") : null,
  };
}
