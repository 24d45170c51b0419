"use server";
// Server actions for call requests: the public form (anyone, throttled per IP) and the agents'
// queue (staff with callRequest.work). Thin: check the caller, parse, call one service.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { actorOf } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { formObject, formOf, runAction } from "@/lib/http/action";
import { isCallbackLocale } from "./texts";
import { outcomeSchema, takeSchema, type CallbackErrorCode } from "./schemas";
import { recordCallOutcome, submitCallbackRequest, takeCallRequest } from "./service";

export interface CallbackFormState {
  error?: "invalid" | "rate_limited";
  fields?: Partial<Record<string, CallbackErrorCode[]>>;
  retryAfterSeconds?: number;
  /** What was typed, to fill the form again when it comes back (also without JavaScript). */
  values?: Record<string, string>;
}

const FORM_FIELDS = ["name", "phone", "email", "date", "time_zone", "time_from", "time_to", "note", "product_id", "product", "order_id"] as const;

export async function submitCallbackAction(_state: CallbackFormState, formData: FormData): Promise<CallbackFormState> {
  formData = formOf(formData);
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
  formData = formOf(formData);
  return runAction(
    { permission: "callRequest.work", schema: takeSchema, input: formObject(formData), revalidate: "/inbox/calls" },
    async ({ id }, { db, user }) => {
      await takeCallRequest(db, { id }, actorOf(user));
      return { id };
    },
  );
}

export async function recordOutcomeAction(_state: ActionResult<{ id: number }> | null, formData: FormData): Promise<ActionResult<{ id: number }>> {
  formData = formOf(formData);
  const input = { note: "", ...formObject(formData) };
  return runAction({ permission: "callRequest.work", schema: outcomeSchema, input, revalidate: "/inbox/calls" }, async (v, { db, user }) => {
    await recordCallOutcome(db, v, actorOf(user));
    return { id: v.id };
  });
}
