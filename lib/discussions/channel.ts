// The discussion channel's entry: a marketplace order discussion, answered to the customer and/or
// the marketplace's customer service — only those the discussion names, and only while it is
// open (a closed one takes notes only). The other side reads replies through the seller API, so a
// reply needs no delivery.
import "server-only";
import { eq } from "drizzle-orm";
import { discussionDetails } from "@/db/schema";
import { assertReply, noteOnly } from "@/lib/channels/rules";
import { defineChannel, type ChannelEntry } from "@/lib/channels/types";
import { AppError } from "@/lib/errors";
import { findDiscussionPanel } from "./queries";
import { eligibleInboxReceivers, eligibleReceivers, validateReceivers, type Receiver } from "./receivers";

type Details = { receivers: Receiver[] };

const RECEIVER_OPTIONS = {
  customer: { value: "customer", label: "Customer", userType: "Customer" },
  customer_service: { value: "customer_service", label: "Customer service", userType: "GrcOperator" },
} as const;

export const CLOSED_DISCUSSION = "The discussion is closed; reopen it before replying.";

const CLAIM_LEVELS: Record<string, string> = { Discussion: "Discussion", Claim: "Claim", Level_1: "Claim, level 1" };

const optionsFor: ChannelEntry<Details>["replyOptions"] = (thread, details) => {
  // The same eligibility the seller API checks its replies against.
  const receivers = eligibleInboxReceivers(details?.receivers).map((value) => RECEIVER_OPTIONS[value]);
  if (receivers.length === 0) return noteOnly("This discussion has no eligible receiver for a reply.");
  if (thread.status === "closed") return { ...noteOnly(CLOSED_DISCUSSION), receivers: [] };
  return { kinds: ["reply", "note"], receivers: [...receivers], delivery: "Posted to the marketplace discussion." };
};

export const discussionChannel = defineChannel<Details>({
  name: "discussion",

  async loadDetails(db, thread) {
    const [row] = await db.select({ receivers: discussionDetails.receivers }).from(discussionDetails).where(eq(discussionDetails.threadId, thread.id));
    return row ?? null;
  },

  replyOptions: optionsFor,

  checkReply({ thread, details, kind, receivers }) {
    if (kind === "note") return { receivers: null };
    // The inbox picks receivers by name; an API names their userType. Both are checked against the
    // discussion's own receivers, then against its status: a closed discussion takes no reply.
    if (receivers.every((r) => typeof r === "string")) assertReply(optionsFor({ ...thread, status: "open" }, details), { kind, receivers });
    const checked = validateReceivers(details?.receivers, receivers as (Receiver | "customer" | "customer_service")[]);
    if (thread.status === "closed") throw new AppError("conflict", CLOSED_DISCUSSION);
    return { receivers: checked };
  },

  async describe(db, thread, { locale }) {
    const panel = await findDiscussionPanel(db, thread.id, locale);
    if (!panel) return { panel: { testId: "discussion-panel", label: "Discussion", rows: [], notices: [] }, details: null };
    const d = panel.detail;
    const receivers = eligibleReceivers(d.receivers);
    return {
      details: { receivers: d.receivers },
      panel: {
        testId: "discussion-panel",
        label: "Discussion",
        notices: [],
        rows: [
          { label: "Reason", value: panel.typologyDescription ?? d.subTypologyCode ?? "—", hint: d.typologyCode ?? undefined },
          { label: "Sub-typology", value: d.subTypologyCode ?? "—" },
          { label: "Order", value: d.orderReference ?? d.orderId ?? "—", hint: d.orderStatus ?? undefined },
          { label: "Offer / product", value: `${d.offerId ?? "—"} / ${d.productId ?? "—"}` },
          { label: "Sales channel", value: d.salesChannel },
          { label: "Claim level", value: CLAIM_LEVELS[d.graduationCode] ?? d.graduationCode },
          {
            label: "Participants",
            value: "",
            items: [
              `Customer: ${thread.customerName || d.customerExternalId || "—"}`,
              `Seller: ${panel.sellerTitle ?? "—"}${panel.sellerExternalId ? ` (${panel.sellerExternalId})` : ""}`,
              ...(receivers.some((r) => r.userType === "GrcOperator") ? ["Marketplace customer service"] : []),
            ],
          },
        ],
      },
    };
  },
});
