// What a conversation looks like to the customer side (the portal, the public question page) and
// the facts every surface shares. Plain JSON types, browser-safe. The seller side of a
// conversation is always the seller: our agents answer as the seller, so nothing here ever
// carries an agent's name (lib/conversations/present.ts draws that line).

export const CONVERSATION_TYPES = ["message", "question", "review"] as const;
export type ConversationType = (typeof CONVERSATION_TYPES)[number];
/** The types a customer can start from a shop's link (a review comes from the review flow). */
export const STARTABLE_TYPES = ["message", "question"] as const satisfies readonly ConversationType[];

export const ITEM_CONTENTS = ["product", "orderitem"] as const;
export type ItemContent = (typeof ITEM_CONTENTS)[number];

export interface ItemImageView {
  id: number;
  productId: number;
  /** The path under /media/ (the API's `image`). */
  path: string;
  url: string;
  width: number;
  height: number;
  position: number;
}

/** A product, or an order item with its product: what a conversation is about. */
export interface ItemView {
  kind: ItemContent;
  /** The product's id, or the order item's. */
  id: number;
  productId: number;
  sku: string;
  name: string;
  images: ItemImageView[];
  orderNumber: string | null;
  quantity: number | null;
}

export interface SellerRef {
  id: number;
  title: string;
}

export interface CustomerAttachmentView {
  id: number;
  fileName: string;
  contentType: string;
  size: number;
  isImage: boolean;
}

/** One message as the customer sees it: from them, or from the seller (by the seller's name). */
export interface CustomerMessageView {
  id: number;
  from: "customer" | "seller";
  name: string;
  body: string;
  createdAt: string;
  attachments: CustomerAttachmentView[];
}

/** A row of "My messages". */
export interface PortalConversationSummary {
  id: number;
  type: ConversationType;
  subject: string;
  seller: SellerRef | null;
  item: ItemView | null;
  isPublic: boolean;
  /** The seller answered the customer's last message. */
  isAnswered: boolean;
  status: "open" | "closed";
  /** The seller wrote since the customer last read it. */
  unread: boolean;
  lastMessageAt: string;
  lastMessagePreview: string;
  lastFrom: "customer" | "seller";
}

export interface PortalConversationView extends PortalConversationSummary {
  messages: CustomerMessageView[];
  upload: { kinds: string[]; maxFiles: number; maxTotalBytes: number; description: string };
}

/** A public question on a product's question page: the asker by first name and initial only. */
export interface PublicQuestionView {
  id: number;
  asker: string;
  subject: string;
  askedAt: string;
  messages: { id: number; from: "customer" | "seller"; name: string; body: string; createdAt: string }[];
}
