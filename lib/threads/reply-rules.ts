// What an agent may send in a thread, per channel: which kinds (reply to the customer side or an
// internal note) and, for a marketplace discussion, to whom. One small interface so a channel's
// own API (e.g. the discussions API) can reuse the same rules:
//   replyOptions(thread, details) → what the composer offers
//   validateReply(options, input)  → the receivers to store, or why not
import type { Channel, Thread } from "@/db/schema";
import { eligibleInboxReceivers, type InboxReceiver } from "@/lib/discussions/receivers";

export type ReplyKind = "reply" | "note";

/** A receiver the agent can pick, with the userType stored in messages.receivers. */
export interface ReceiverOption {
  value: InboxReceiver;
  label: string;
  userType: "Customer" | "GrcOperator";
}

export interface ReplyOptions {
  kinds: ReplyKind[];
  /** Non-empty when a reply must name its receivers (discussions). */
  receivers: ReceiverOption[];
  /** How the reply reaches the other side, shown under the composer. */
  delivery: string;
  /** Why replies are not offered, when only notes are. */
  replyUnavailable?: string;
}

/** The parts of a channel's detail row the rules read; each is optional so callers pass what they have. */
export interface ReplyDetails {
  /** discussion_details.receivers */
  receivers?: { userId?: string; userType: string }[];
  /** chat_details.is_active */
  isActive?: boolean;
  /** contact_details.email */
  email?: string | null;
}

const RECEIVERS: Record<InboxReceiver, ReceiverOption> = {
  customer: { value: "customer", label: "Customer", userType: "Customer" },
  customer_service: { value: "customer_service", label: "Customer service", userType: "GrcOperator" },
};

const noteOnly = (why: string): ReplyOptions => ({ kinds: ["note"], receivers: [], delivery: "", replyUnavailable: why });

export function replyOptions(thread: Pick<Thread, "channel" | "customerEmail">, details: ReplyDetails | null): ReplyOptions {
  const channel: Channel = thread.channel;
  switch (channel) {
    case "call_request":
      return noteOnly("A call-back request is answered by phone: record what was said as a note.");
    case "contact": {
      const email = details?.email || thread.customerEmail;
      if (!email) return noteOnly("This contact form left no e-mail address to answer.");
      return { kinds: ["reply", "note"], receivers: [], delivery: `Sent by e-mail to ${email}.` };
    }
    case "discussion": {
      // The same eligibility the seller API checks its replies against.
      const receivers = eligibleInboxReceivers(details?.receivers).map((value) => RECEIVERS[value]);
      if (receivers.length === 0) return noteOnly("This discussion has no eligible receiver for a reply.");
      return { kinds: ["reply", "note"], receivers, delivery: "Posted to the marketplace discussion." };
    }
    case "chat":
      if (details?.isActive === false) return noteOnly("The chat room was closed by the customer.");
      return { kinds: ["reply", "note"], receivers: [], delivery: "Shown in the customer's chat window." };
    case "conversation":
      return { kinds: ["reply", "note"], receivers: [], delivery: "Posted to the customer's conversation." };
  }
}

export interface ReplyInput {
  kind: ReplyKind;
  /** Receiver values picked in the composer ("customer", "customer_service"). */
  receivers?: string[];
}

export type ReplyCheck =
  | { ok: true; receivers: { userType: string }[] | null }
  | { ok: false; field: "kind" | "receivers"; error: string };

export function validateReply(options: ReplyOptions, input: ReplyInput): ReplyCheck {
  if (!options.kinds.includes(input.kind)) {
    return { ok: false, field: "kind", error: options.replyUnavailable ?? "This thread does not take that kind of message." };
  }
  if (input.kind === "note" || options.receivers.length === 0) {
    if (input.kind === "reply" && input.receivers?.length) {
      return { ok: false, field: "receivers", error: "This channel's replies have no receivers to pick." };
    }
    return { ok: true, receivers: null };
  }
  const picked = [...new Set(input.receivers ?? [])];
  if (picked.length === 0) return { ok: false, field: "receivers", error: "Pick who receives this reply." };
  const out: { userType: string }[] = [];
  for (const value of picked) {
    const option = options.receivers.find((r) => r.value === value);
    if (!option) return { ok: false, field: "receivers", error: `${value} is not an eligible receiver of this discussion.` };
    out.push({ userType: option.userType });
  }
  return { ok: true, receivers: out };
}
