"use server";
// Server actions for call requests: the public form (anyone, throttled per IP) and the agents'
// queue (staff with callRequest.work). Thin: check the caller, parse, call one service.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import { inTransaction } from "@/lib/events";
import { isCallbackLocale } from "./messages";
import { outcomeSchema, takeSchema, type CallbackErrorCode } from "./schemas";
import { recordCallOutcome, submitCallbackRequest, takeCallRequest } from "./service";

export interface CallbackFormState {
  error?: "invalid" | "rate_limited";
  fields?: Partial<Record<string, CallbackErrorCode[]>>;
  retryAfterSeconds?: number;
  /** What was typed, to fill the form again when it comes back (also without JavaScript). */
  values?: Record<string, string>;
}

const FORM_FIELDS = ["name", "phone", "email", "time_from", "time_to", "note", "product_id", "product", "order_id"] as const;

export async function submitCallbackAction(_state: CallbackFormState, formData: FormData): Promise<CallbackFormState> {
  const values: Record<string, string> = {};
  for (const key of FORM_FIELDS) {
    const v = formData.get(key);
    if (typeof v === "string") values[key] = v;
  }
  const lang = formData.get("lang");
  const locale = isCallbackLocale(lang) ? lang : "en";
  const result = await submitCallbackRequest(await getDb(), values, { headers: await headers(), locale });
  if (!result.ok) {
    return result.error === "invalid"
      ? { error: "invalid", fields: result.fields, values }
      : { error: "rate_limited", retryAfterSeconds: result.retryAfterSeconds, values };
  }
  redirect(`/callback?sent=${result.id}&lang=${locale}`);
}

export async function takeCallAction(_state: ActionResult<{ id: number }> | null, formData: FormData): Promise<ActionResult<{ id: number }>> {
  try {
    const user = await requirePermission("callRequest.work");
    const parsed = takeSchema.safeParse({ id: formData.get("id") });
    if (!parsed.success) return { ok: false, error: "Unknown call request." };
    await inTransaction(await getDb(), (tx, emit) => takeCallRequest(tx, emit, parsed.data.id, user));
    revalidatePath("/inbox/calls");
    return { ok: true, data: { id: parsed.data.id } };
  } catch (error) {
    return toActionError(error);
  }
}

export async function recordOutcomeAction(
  _state: ActionResult<{ id: number }> | null,
  formData: FormData,
): Promise<ActionResult<{ id: number }>> {
  try {
    const user = await requirePermission("callRequest.work");
    const parsed = outcomeSchema.safeParse({ id: formData.get("id"), outcome: formData.get("outcome"), note: formData.get("note") ?? "" });
    if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Check the form." };
    const { id, outcome, note } = parsed.data;
    await inTransaction(await getDb(), (tx, emit) => recordCallOutcome(tx, emit, id, user, outcome, note));
    revalidatePath("/inbox/calls");
    return { ok: true, data: { id } };
  } catch (error) {
    return toActionError(error);
  }
}
