// The reply rules shared by channel entries: a reply checked against what the composer offers.
// Pure: no database.
import { AppError } from "@/lib/errors";
import type { ReplyKind, ReplyOptions } from "./views";

export const noteOnly = (why: string): ReplyOptions => ({ kinds: ["note"], receivers: [], delivery: "", replyUnavailable: why });

export interface ReplyInput {
  kind: ReplyKind;
  /** Receiver values picked in the composer ("customer", "customer_service"). */
  receivers?: string[];
}

export type ReplyCheck = { ok: true; receivers: { userType: string }[] | null } | { ok: false; field: "kind" | "receivers"; error: string };

/** A reply against the options the composer was given: the kind, and the receivers where it must pick. */
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

/** validateReply as a refusal: an AppError naming the field. */
export function assertReply(options: ReplyOptions, input: { kind: ReplyKind; receivers: readonly unknown[] }): { userType: string }[] | null {
  const strings = input.receivers.filter((r): r is string => typeof r === "string");
  if (strings.length !== input.receivers.length) {
    throw new AppError("invalid", "This channel's replies have no receivers to pick.", { receivers: ["This channel's replies have no receivers to pick."] });
  }
  const check = validateReply(options, { kind: input.kind, receivers: strings });
  if (!check.ok) throw new AppError("invalid", check.error, { [check.field]: [check.error] });
  return check.receivers;
}
