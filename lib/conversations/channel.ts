// The conversation channel's entry: a customer↔seller conversation (a private message, a question
// about a product or an order item, or a review). Our agents answer as the seller: the customer
// sees the seller's name on the reply (lib/conversations/present.ts), never the agent's. Its panel
// shows the type, the item (name, SKU, picture), the seller, public or private (with "Make
// private" for a public question) and answered or not; a reply reaches the customer's portal live
// and, when they are not reading it, by e-mail (lib/conversations/mail.ts).
import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { conversationDetails, conversationTitles, conversationTitleTranslations, sellers } from "@/db/schema";
import { assertReply } from "@/lib/channels/rules";
import { defineChannel, type ChannelEntry } from "@/lib/channels/types";
import type { PanelNotice, PanelRow, ReplyOptions } from "@/lib/channels/views";
import { notifyCustomerOfReply } from "./mail";
import { findItems, itemKey } from "./queries";
import { setConversationPublic } from "./service";

type Details = { sellerName: string | null; isPublic: boolean };

const optionsFor: ChannelEntry<Details>["replyOptions"] = (_thread, details) => {
  const as = details?.sellerName ? `as ${details.sellerName}` : "as the seller";
  const where = details?.isPublic ? "Public answer: also shown on the product's question page." : "Posted to the customer's messages.";
  const options: ReplyOptions = { kinds: ["reply", "note"], receivers: [], delivery: `${where} The customer sees it ${as}, not your name.` };
  return options;
};

const TYPE_LABEL: Record<string, string> = { message: "Message", question: "Question", review: "Review" };

export const conversationChannel = defineChannel<Details>({
  name: "conversation",

  async loadDetails(db, thread) {
    const [row] = await db
      .select({ isPublic: conversationDetails.isPublic, sellerName: sellers.title })
      .from(conversationDetails)
      .leftJoin(sellers, eq(sellers.id, thread.sellerId ?? -1))
      .where(eq(conversationDetails.threadId, thread.id));
    return row ? { isPublic: row.isPublic, sellerName: row.sellerName ?? null } : null;
  },

  replyOptions: optionsFor,

  checkReply: ({ thread, details, kind, receivers }) => ({ receivers: assertReply(optionsFor(thread, details), { kind, receivers }) }),

  async describe(db, thread, { locale }) {
    const [row] = await db
      .select({ d: conversationDetails, titleCode: conversationTitles.code, titleText: conversationTitleTranslations.text, seller: sellers })
      .from(conversationDetails)
      .leftJoin(conversationTitles, eq(conversationTitles.id, conversationDetails.titleId))
      .leftJoin(
        conversationTitleTranslations,
        and(eq(conversationTitleTranslations.titleId, conversationDetails.titleId), eq(conversationTitleTranslations.locale, locale)),
      )
      .leftJoin(sellers, eq(sellers.id, thread.sellerId ?? -1))
      .where(eq(conversationDetails.threadId, thread.id));
    const rows: PanelRow[] = [];
    const notices: PanelNotice[] = [];
    const add = (label: string, value: unknown, extra: Partial<PanelRow> = {}) => {
      if (value !== null && value !== undefined && value !== "") rows.push({ label, value: String(value), ...extra });
    };
    if (row) {
      const d = row.d;
      const item = (await findItems(db, [d])).get(itemKey(d));
      add("Type", TYPE_LABEL[d.conversationType] ?? d.conversationType);
      add("Title", row.titleText ?? row.titleCode);
      const itemLabel = d.itemContent === "orderitem" ? "Order item" : "Product";
      if (item) {
        const picture = item.images[0];
        add(itemLabel, item.name, {
          hint: `SKU ${item.sku}${item.orderNumber ? ` · order ${item.orderNumber}` : ""}`,
          image: picture ? { src: picture.url, alt: item.name, width: picture.width, height: picture.height } : undefined,
        });
      } else add(itemLabel, [d.itemName, d.itemId && `#${d.itemId}`].filter(Boolean).join(" "));
      add("Seller", row.seller?.title, { hint: row.seller?.slug });
      add("Visibility", d.isPublic ? "Public (product question page)" : "Private");
      add("Answered", thread.channelState === "answered" ? "yes" : "no");
      add("Sale code", d.saleCode);
      add("User", d.userType);
      if (d.isPublic && d.productId && thread.sellerId) {
        notices.push({
          tone: "info",
          testId: "conversation-public",
          text: "Anyone can read this question and our answers on the product's question page (the customer as first name and initial).",
          action: { id: "make-private", label: "Make private", input: {} },
        });
        rows.push({ label: "Question page", value: `/questions/${thread.sellerId}/${d.productId}`, href: `/questions/${thread.sellerId}/${d.productId}` });
      }
    }
    return {
      panel: { testId: "conversation-panel", label: "Conversation", rows, notices },
      details: row ? { isPublic: row.d.isPublic, sellerName: row.seller?.title ?? null } : null,
    };
  },

  deliver: async (db, { threadId, messageId }) => notifyCustomerOfReply(db, threadId, messageId),

  actions: {
    // Take a public question off the product page (an agent moderating; it stays a private conversation).
    "make-private": {
      permission: "thread.reply",
      input: z.object({}),
      run: async (db, thread, _input, actor) => setConversationPublic(db, { threadId: thread.id, isPublic: false }, actor),
    },
  },
});
