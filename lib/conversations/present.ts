// Where the seller side gets its face: every message of a conversation, as the customer (the
// portal, the storefront API, the public question page) sees it. A message from our side —
// an agent answering in the inbox, or the seller's own API — is the seller's, by the seller's
// name; the agent's name and user never leave the desk.
import "server-only";
import type { Message } from "@/db/schema";
import { isInbound } from "@/lib/threads/service";
import type { CustomerAttachmentView, CustomerMessageView } from "./views";

export interface MessageFaces {
  /** The seller's title, shown on everything our side wrote. */
  sellerName: string;
  /** The customer's own name (their messages). */
  customerName: string;
}

export function sideOf(message: Pick<Message, "authorRole">): "customer" | "seller" {
  return isInbound(message.authorRole) ? "customer" : "seller";
}

/** A message for the customer's eyes. Internal notes never get here (the queries leave them out); refuse one anyway. */
export function customerMessageView(
  message: Pick<Message, "id" | "authorRole" | "authorName" | "body" | "createdAt" | "isInternal">,
  faces: MessageFaces,
  attachments: CustomerAttachmentView[] = [],
): CustomerMessageView {
  if (message.isInternal) throw new Error(`Message ${message.id} is an internal note.`);
  const from = sideOf(message);
  return {
    id: message.id,
    from,
    name: from === "seller" ? faces.sellerName : message.authorName || faces.customerName,
    body: message.body,
    createdAt: message.createdAt.toISOString(),
    attachments,
  };
}

/** How an asker appears in public: first name and the last name's initial ("Deniz K."), never more. */
export function publicName(firstName: string | null | undefined, lastName: string | null | undefined, fallback: string): string {
  const first = firstName?.trim().split(/\s+/)[0];
  // A record named after its e-mail address (a guest without a name) shows as the fallback.
  if (!first || first.includes("@")) return fallback;
  const initial = lastName?.trim().charAt(0);
  return initial ? `${first} ${initial.toLocaleUpperCase("tr")}.` : first;
}
