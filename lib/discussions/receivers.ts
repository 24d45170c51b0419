// Who a reply to a discussion may go to. The discussion names its receivers (customer, the
// marketplace's customer service, or both); a reply must address only those. Used by the seller
// API (POST /messages) and by the inbox composer.
import type { AuthorRole } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { UserType } from "./schemas";

export interface Receiver {
  userId?: string;
  userType: string;
}

/** The two parties a seller may write to. */
export const REPLY_USER_TYPES = ["Customer", "GrcOperator"] as const;
export type ReplyUserType = (typeof REPLY_USER_TYPES)[number];

/** The inbox's names for them. */
export type InboxReceiver = "customer" | "customer_service";
export const INBOX_TO_USER_TYPE: Record<InboxReceiver, ReplyUserType> = { customer: "Customer", customer_service: "GrcOperator" };
export const USER_TYPE_TO_INBOX: Record<ReplyUserType, InboxReceiver> = { Customer: "customer", GrcOperator: "customer_service" };

/** A message author's role as the API's userType. */
export function userTypeOfRole(role: AuthorRole): UserType {
  switch (role) {
    case "customer":
      return "Customer";
    case "customer_service":
      return "GrcOperator";
    case "system":
      return "Automatic";
    default:
      return "Seller";
  }
}

/** The API's userType as a message author role (a seller's own message is `seller`). */
export function roleOfUserType(userType: UserType): AuthorRole {
  return userType === "Customer" ? "customer" : userType === "GrcOperator" ? "customer_service" : userType === "Automatic" ? "system" : "seller";
}

/**
 * The receivers a reply may name, from the discussion's own list: only Customer and GrcOperator,
 * once each, in that order. Empty when the list names neither: then no reply is possible.
 */
export function eligibleReceivers(discussionReceivers: readonly Receiver[] | null | undefined): { userId?: string; userType: ReplyUserType }[] {
  const out: { userId?: string; userType: ReplyUserType }[] = [];
  for (const type of REPLY_USER_TYPES) {
    const found = (discussionReceivers ?? []).find((r) => r.userType.toLowerCase() === type.toLowerCase());
    if (found) out.push(found.userId ? { userId: found.userId, userType: type } : { userType: type });
  }
  return out;
}

/**
 * Checks a reply's receivers against the discussion's: every userType must be one of the
 * eligible ones (and none twice). Returns them in the stored shape; throws AppError("invalid").
 */
export function validateReceivers(
  discussionReceivers: readonly Receiver[] | null | undefined,
  requested: readonly (Receiver | InboxReceiver)[],
): { userId?: string; userType: ReplyUserType }[] {
  const eligible = eligibleReceivers(discussionReceivers);
  if (eligible.length === 0) {
    throw new AppError("invalid", "This discussion has no eligible receiver for a reply.", { receivers: ["no eligible receiver"] });
  }
  if (requested.length === 0) throw new AppError("invalid", "Choose who receives the reply.", { receivers: ["at least one receiver is required"] });
  const out: { userId?: string; userType: ReplyUserType }[] = [];
  for (const r of requested) {
    const type = typeof r === "string" ? INBOX_TO_USER_TYPE[r] : r.userType;
    const match = eligible.find((e) => e.userType.toLowerCase() === String(type ?? "").toLowerCase());
    if (!match) {
      const msg = `The receiver userType ${String(type)} does not match the discussion's receivers (${eligible.map((e) => e.userType).join(", ")}).`;
      throw new AppError("invalid", msg, { receivers: [msg] });
    }
    if (out.some((o) => o.userType === match.userType)) continue;
    const userId = typeof r === "string" ? match.userId : (r.userId ?? match.userId);
    out.push(userId ? { userId, userType: match.userType } : { userType: match.userType });
  }
  return out;
}

/** How the inbox names a message's sender in a discussion. */
export const SENDER_LABELS: Record<AuthorRole, string> = {
  customer: "Customer",
  customer_service: "Customer service",
  agent: "Seller (us)",
  seller: "Seller (us, via API)",
  system: "Marketplace (automatic)",
};

/** The composer's choices for a discussion: `customer` and/or `customer_service`. */
export const eligibleInboxReceivers = (discussionReceivers: readonly Receiver[] | null | undefined): InboxReceiver[] =>
  eligibleReceivers(discussionReceivers).map((r) => USER_TYPE_TO_INBOX[r.userType]);
