"use server";
// Server actions for the contact channel: the public /contact form (anyone, throttled per IP) and
// the admin pages (subjects.manage, settings.manage, checked by runAction in the server). Thin
// adapters: parse, call one service, shape the result.
import { headers } from "next/headers";
import { z } from "zod";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { formObject, formOf, runAction } from "@/lib/http/action";
import type { ActionResult } from "@/lib/errors";
import { clientIp } from "@/lib/throttle";
import { contactErrorText, isContactLocale } from "./texts";
import { subjectActiveSchema, subjectMoveSchema } from "./schemas";
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
  formData = formOf(formData);
  const values: Record<string, string> = {};
  for (const key of FORM_FIELDS) {
    const v = formData.get(key);
    if (typeof v === "string") values[key] = v;
  }
  const lang = formData.get("lang");
  const locale = isContactLocale(lang) ? lang : "en";
  const upload = formData.get("file");
  const file = upload && typeof upload !== "string" && upload.size > 0 ? { name: upload.name, bytes: new Uint8Array(await upload.arrayBuffer()) } : null;
  const result = await submitContact(await getDb(), { form: values, ip: clientIp(await headers()), locale, file });
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

// The subject form's own schema runs in saveSubject (it needs the languages); here only the shape.
const subjectInputSchema = z.object({ id: z.unknown(), isOrderNeeded: z.unknown(), translations: z.record(z.string(), z.string()) });

export async function saveSubjectAction(_state: ActionResult<{ id: number }> | null, formData: FormData): Promise<ActionResult<{ id: number }>> {
  formData = formOf(formData);
  const input = { id: formData.get("id") || undefined, isOrderNeeded: formData.get("isOrderNeeded"), translations: translationsOf(formData) };
  return runAction({ permission: "subjects.manage", schema: subjectInputSchema, input, revalidate: "/admin/subjects" }, async (raw, { db }) => ({
    id: await saveSubject(db, raw),
  }));
}

export async function moveSubjectAction(formData: FormData): Promise<void> {
  formData = formOf(formData);
  await runAction({ permission: "subjects.manage", schema: subjectMoveSchema, input: formObject(formData), revalidate: "/admin/subjects" }, (input, { db }) =>
    moveSubject(db, input),
  );
}

export async function setSubjectActiveAction(formData: FormData): Promise<void> {
  formData = formOf(formData);
  await runAction({ permission: "subjects.manage", schema: subjectActiveSchema, input: formObject(formData), revalidate: "/admin/subjects" }, (input, { db }) =>
    setSubjectActive(db, input),
  );
}

const routingFormSchema = z.object({ default: z.string(), operations: z.record(z.string(), z.string()) });

export async function saveRoutingAction(_state: ActionResult | null, formData: FormData): Promise<ActionResult> {
  formData = formOf(formData);
  const operations: Record<string, string> = {};
  const names = formData.getAll("operation").map(String);
  const emails = formData.getAll("recipient").map(String);
  names.forEach((name, i) => {
    const email = emails[i]?.trim() ?? "";
    if (name.trim() || email) operations[name.trim()] = email;
  });
  const input = { default: String(formData.get("default") ?? ""), operations };
  return runAction({ permission: "settings.manage", schema: routingFormSchema, input, revalidate: "/admin/settings" }, async (raw, { db }) => {
    await saveRouting(db, raw);
  });
}
