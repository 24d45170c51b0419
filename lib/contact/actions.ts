"use server";
// Server actions for the contact channel: the public /contact form (anyone, throttled per IP) and
// the admin pages (subjects.manage, settings.manage, checked here in the server). Thin adapters.
import { headers } from "next/headers";
import { z } from "zod";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import { clientIp } from "@/lib/throttle";
import { contactErrorText, isContactLocale } from "./messages";
import { subjectActiveSchema, subjectMoveSchema } from "./schemas";
import { resendContactMail } from "./listeners";
import { moveSubject, saveRouting, saveSubject, setSubjectActive, submitContact } from "./service";

export interface ContactFormState {
  error?: "invalid" | "rate_limited";
  /** Field → messages, already in the visitor's language. */
  fields?: Record<string, string[]>;
  retryAfterSeconds?: number;
  /** What was typed, to fill the form again (also without JavaScript). A file cannot come back. */
  values?: Record<string, string>;
}

const FORM_FIELDS = ["subject", "full_name", "email", "phone", "order", "message"] as const;

export async function submitContactAction(_state: ContactFormState, formData: FormData): Promise<ContactFormState> {
  const values: Record<string, string> = {};
  for (const key of FORM_FIELDS) {
    const v = formData.get(key);
    if (typeof v === "string") values[key] = v;
  }
  const lang = formData.get("lang");
  const locale = isContactLocale(lang) ? lang : "en";
  const upload = formData.get("file");
  const file = upload && typeof upload !== "string" && upload.size > 0 ? { name: upload.name, bytes: new Uint8Array(await upload.arrayBuffer()) } : null;
  const result = await submitContact(await getDb(), values, { ip: clientIp(await headers()), locale, file });
  if (!result.ok) {
    if (result.error === "rate_limited") return { error: "rate_limited", retryAfterSeconds: result.retryAfterSeconds, values };
    const fields: Record<string, string[]> = {};
    for (const [field, errors] of Object.entries(result.fields)) fields[field] = errors.map((e) => contactErrorText(locale, e.code, e));
    return { error: "invalid", fields, values };
  }
  redirect(`/contact?sent=${result.threadId}&lang=${locale}`);
}

// ---------------------------------------------------------------------------------------------
// Admin.

function translationsOf(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("text_") && typeof value === "string") out[key.slice(5)] = value;
  }
  return out;
}

export async function saveSubjectAction(_state: ActionResult<{ id: number }> | null, formData: FormData): Promise<ActionResult<{ id: number }>> {
  try {
    await requirePermission("subjects.manage");
    const id = await saveSubject(await getDb(), {
      id: formData.get("id") || undefined,
      isOrderNeeded: formData.get("isOrderNeeded"),
      translations: translationsOf(formData),
    });
    revalidatePath("/admin/subjects");
    return { ok: true, data: { id } };
  } catch (error) {
    return toActionError(error);
  }
}

export async function moveSubjectAction(formData: FormData): Promise<void> {
  await requirePermission("subjects.manage");
  const parsed = subjectMoveSchema.safeParse({ id: formData.get("id"), direction: formData.get("direction") });
  if (parsed.success) await moveSubject(await getDb(), parsed.data.id, parsed.data.direction);
  revalidatePath("/admin/subjects");
}

export async function setSubjectActiveAction(formData: FormData): Promise<void> {
  await requirePermission("subjects.manage");
  const parsed = subjectActiveSchema.safeParse({ id: formData.get("id"), active: formData.get("active") });
  if (parsed.success) await setSubjectActive(await getDb(), parsed.data.id, parsed.data.active);
  revalidatePath("/admin/subjects");
}

export async function saveRoutingAction(_state: ActionResult | null, formData: FormData): Promise<ActionResult> {
  try {
    await requirePermission("settings.manage");
    const operations: Record<string, string> = {};
    const names = formData.getAll("operation").map(String);
    const emails = formData.getAll("recipient").map(String);
    names.forEach((name, i) => {
      const email = emails[i]?.trim() ?? "";
      if (name.trim() || email) operations[name.trim()] = email;
    });
    await saveRouting(await getDb(), { default: String(formData.get("default") ?? ""), operations });
    revalidatePath("/admin/settings");
    return { ok: true, data: undefined };
  } catch (error) {
    return toActionError(error);
  }
}

const resendSchema = z.object({ threadId: z.coerce.number().int().positive(), messageId: z.coerce.number().int().positive() });

/** "Send again" beside a contact thread whose mail failed (staff who may reply: thread.reply). */
export async function resendContactMailAction(formData: FormData): Promise<void> {
  await requirePermission("thread.reply");
  const parsed = resendSchema.safeParse({ threadId: formData.get("threadId"), messageId: formData.get("messageId") });
  if (!parsed.success) return;
  await resendContactMail(await getDb(), parsed.data.threadId, parsed.data.messageId);
  revalidatePath(`/inbox/${parsed.data.threadId}`);
}
