"use server";
// The portal's server actions: the customer starts a conversation from a shop's link, replies
// with files, and marks a conversation read. Each checks the customer in the server (the
// permission map: account.view / account.reply) and scopes every write to their own conversations.
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { markCustomerRead, openCustomerConversation, postCustomerMessage } from "@/lib/conversations/service";
import { startConversationSchema, replySchema } from "@/lib/conversations/schemas";
import { CONVERSATION_ERRORS } from "@/lib/conversations/texts";
import { isAppError, type ErrorCode } from "@/lib/errors";
import { formObject } from "@/lib/http/action";
import type { IncomingFile } from "@/lib/storage/file-types";
import { drfErrors, fieldErrorText, fieldLocale } from "@/lib/validation/drf";
import { requirePortalCustomer } from "./session";

export interface PortalFormState {
  ok?: boolean;
  /** A refusal's kind (unauthenticated, forbidden, not_found, …), as runAction's results carry it. */
  code?: ErrorCode;
  error?: string;
  fields?: Record<string, string[]>;
  /** Bumped by each success, so the form can clear itself. */
  sent?: number;
}

async function filesOf(formData: FormData): Promise<IncomingFile[]> {
  const out: IncomingFile[] = [];
  for (const value of formData.getAll("files")) {
    // An empty file input still posts a part: no bytes is no file (as the contact form treats it).
    if (typeof value === "string" || value.size === 0) continue;
    out.push({ name: value.name || "file", bytes: new Uint8Array(await value.arrayBuffer()) });
  }
  return out;
}

function refused(error: unknown, locale: "en" | "tr"): PortalFormState {
  if (!isAppError(error)) throw error;
  const fields: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(error.fields ?? {})) fields[field] = messages.map((m) => fieldErrorText(locale, m, CONVERSATION_ERRORS));
  return { ok: false, code: error.code, error: fieldErrorText(locale, error.message, CONVERSATION_ERRORS), fields };
}

/** A reply in one of the customer's conversations (text and/or files); the conversation is the form's `thread`. */
export async function replyAction(state: PortalFormState, formData: FormData): Promise<PortalFormState> {
  const locale = fieldLocale(String(formData.get("locale") ?? ""));
  const raw = String(formData.get("thread") ?? "");
  const threadId = /^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : 0;
  try {
    const me = await requirePortalCustomer("account.reply");
    const parsed = replySchema.safeParse(formObject(formData));
    if (!parsed.success) return { fields: drfErrors(parsed.error.issues, locale, CONVERSATION_ERRORS) };
    const files = await filesOf(formData);
    if (!parsed.data.body && files.length === 0) return { fields: { body: [fieldErrorText(locale, "empty", CONVERSATION_ERRORS)] } };
    await postCustomerMessage(await getDb(), { threadId, customerId: me.customer.id, body: parsed.data.body ?? "", files }, me.actor);
    return { ok: true, sent: (state.sent ?? 0) + 1 };
  } catch (error) {
    return refused(error, locale);
  }
}

/** A new conversation from a shop's link (or a message added to the one the customer already has); then the conversation. */
export async function startConversationAction(_state: PortalFormState, formData: FormData): Promise<PortalFormState> {
  const locale = fieldLocale(String(formData.get("locale") ?? ""));
  let threadId: number;
  try {
    const me = await requirePortalCustomer("account.reply");
    const raw = formObject(formData);
    raw.is_public = formData.get("is_public") === "on";
    const parsed = startConversationSchema.safeParse(raw);
    if (!parsed.success) return { error: undefined, fields: drfErrors(parsed.error.issues, locale, CONVERSATION_ERRORS) };
    const v = parsed.data;
    const opened = await openCustomerConversation(
      await getDb(),
      {
        customerId: me.customer.id,
        sellerId: v.datasource,
        type: v.conversation_type,
        itemContent: v.item_content ?? null,
        itemId: v.item_id ?? null,
        subject: v.subject,
        body: v.message_content,
        isPublic: v.is_public,
        files: await filesOf(formData),
        locale,
        ifExists: "append",
      },
      me.actor,
    );
    threadId = opened.threadId;
  } catch (error) {
    return refused(error, locale);
  }
  redirect(`/account/messages/${threadId}`);
}

/** The customer saw the conversation (the unread mark goes). */
export async function markReadAction(threadId: number): Promise<{ ok: boolean; code?: ErrorCode }> {
  try {
    const me = await requirePortalCustomer("account.view");
    if (Number.isSafeInteger(threadId) && threadId > 0) await markCustomerRead(await getDb(), { threadId, customerId: me.customer.id });
    return { ok: true };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { ok: false, code: error.code };
  }
}
