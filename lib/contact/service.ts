// Writes for the contact channel. A submission (the /contact form or the contact-us API) is a
// `contact` thread: the customer's message as its first message, the form's fields in
// contact_details, the file as the message's attachment, all in one transaction. After commit,
// `contact.submitted` makes the channel e-mail the routed recipient (lib/contact/channel.ts).
//
// A storefront retries failed calls up to three more times with the same body, so the same
// content from the same address within CONTACT_DEDUPE_SECONDS is one thread, not four.
import "server-only";
import { createHash } from "node:crypto";
import { and, asc, eq, gt, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contactDetails, contactSubjects, contactSubjectTranslations, languages, settings } from "@/db/schema";
import { createAttachments } from "@/lib/attachments/service";
import { findOrCreateCustomer, isSenderBlocked } from "@/lib/customers/service";
import { AppError, isAppError } from "@/lib/errors";
import { inTransaction } from "@/lib/events";
import { getLocaleSettings } from "@/lib/i18n";
import { newMessageId } from "@/lib/mail";
import { checkUploads, type CheckedFile, type IncomingFile } from "@/lib/storage/file-types";
import { getStore, type FileStore } from "@/lib/storage/store";
import { envLimit, hit } from "@/lib/throttle";
import { systemActor } from "@/lib/auth/actor";
import { CHANNEL_CATALOG } from "@/lib/channels/catalog";
import { addMessage, createThread } from "@/lib/threads/service";
import { getRouting, findSubject, recipientFor, ROUTING_KEY } from "./queries";
import { contactSubmissionSchema, FIELD_MAX, routingSchema, subjectFormSchema, type ContactErrorCode, type ContactRouting } from "./schemas";

/** What a valid submission holds (the schema's output; required fields present). */
export interface ContactSubmission {
  subject: number;
  full_name: string;
  email: string;
  phone?: string;
  message: string;
  order?: string;
  operation?: string;
}

declare module "@/lib/events/types" {
  interface EventMap {
    /** A new submission, committed: the channel e-mails it to the recipient it is routed to. */
    "contact.submitted": { threadId: number; messageId: number; channel: "contact" };
  }
}

export const CONTACT_LIMIT_IP = () => envLimit("CONTACT_LIMIT_IP", { max: 10, windowSeconds: 60 * 60 });

/** How long a resent identical submission is folded into the first one. */
export function dedupeWindowSeconds(): number {
  const n = Number(process.env.CONTACT_DEDUPE_SECONDS);
  return Number.isFinite(n) && n > 0 ? n : 10 * 60;
}

export interface FieldError {
  code: ContactErrorCode;
  max?: number;
  value?: string;
  types?: string;
  mb?: number;
}

export type ContactResult =
  | { ok: true; threadId: number; duplicate: boolean }
  | { ok: false; error: "invalid"; fields: Record<string, FieldError[]> }
  | { ok: false; error: "rate_limited"; retryAfterSeconds: number };

export interface SubmitContact {
  /** The form's fields as they came (the form, or the API's JSON or form body). */
  form: Record<string, unknown>;
  /** The caller's address, for the throttle (and the retry fold). */
  ip: string;
  /** The visitor's language: stored on the thread, used for the reply. */
  locale: string;
  file?: IncomingFile | null;
  /** When it was sent, for history the seed and imports write; never from a client. */
  at?: Date;
  /** A `file` that was sent but is not a file (e.g. a string in a multipart form). */
  fileNotAFile?: boolean;
  /** How many files were sent (the channel takes one). */
  fileCount?: number;
  store?: FileStore;
}

const MB = 1024 * 1024;

function fileError(error: AppError): FieldError {
  const policy = CHANNEL_CATALOG.contact.upload;
  const types = policy.kinds.map((k) => k.toUpperCase()).join(", ");
  if (error.code === "too_large") return { code: "file_too_large", mb: Math.round(policy.maxTotalBytes / MB) };
  if (error.code === "unsupported_type") return { code: "file_type", types };
  return { code: "file_empty" };
}

/**
 * Validates and stores one submission. Returns field errors (nothing stored), a rate limit, or the
 * thread (a new one, or the earlier one when this is a client's retry).
 */
export async function submitContact(db: Db, context: SubmitContact, actor = systemActor("Contact form")): Promise<ContactResult> {
  const raw = context.form;
  const fields: Record<string, FieldError[]> = {};
  const add = (field: string, error: FieldError) => (fields[field] ??= []).push(error);

  const parsed = contactSubmissionSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "non_field_errors");
      const code = issue.message as ContactErrorCode;
      add(field, code === "too_long" ? { code, max: FIELD_MAX[field] } : { code });
    }
  }

  const { codes, defaultLocale } = await getLocaleSettings(db);
  const subjectId = parsed.success ? parsed.data.subject : typeof raw.subject === "number" || typeof raw.subject === "string" ? Number(raw.subject) : NaN;
  const subject = Number.isSafeInteger(subjectId) && subjectId > 0 ? await findSubject(db, subjectId, defaultLocale, defaultLocale) : undefined;
  if (!fields.subject && (!subject || !subject.isActive)) add("subject", { code: "subject_invalid", value: String(raw.subject) });
  // The order rule: a subject that needs an order gets one (only said when the order is not otherwise wrong).
  // Read the order field on its own: another field's error (a bad e-mail) must not make a filled order look missing.
  const order = contactSubmissionSchema.shape.order.safeParse(raw.order);
  if (subject?.isActive && subject.isOrderNeeded && !fields.order && !(order.success && order.data)) {
    add("order", { code: "order_required" });
  }

  let files: CheckedFile[] = [];
  if (context.fileNotAFile) add("file", { code: "file_invalid" });
  else if ((context.fileCount ?? 0) > CHANNEL_CATALOG.contact.upload.maxFiles)
    add("file", { code: "file_too_many", max: CHANNEL_CATALOG.contact.upload.maxFiles });
  else if (context.file) {
    try {
      files = await checkUploads(CHANNEL_CATALOG.contact.upload, [context.file]);
    } catch (error) {
      if (!isAppError(error)) throw error;
      add("file", fileError(error));
    }
  }

  if (Object.keys(fields).length || !parsed.success || !subject) return { ok: false, error: "invalid", fields };
  const form = parsed.data as ContactSubmission;
  const locale = codes.includes(context.locale) ? context.locale : defaultLocale;
  const contentHash = createHash("sha256")
    .update(
      JSON.stringify([context.ip, form.subject, form.full_name, form.email.toLowerCase(), form.phone, form.message, form.order, form.operation, files[0]?.key]),
    )
    .digest("hex");

  return inTransaction(db, async (tx, emit): Promise<ContactResult> => {
    // Retries of one submission may race: the lock makes the second wait and then find the first.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${contentHash}, 0))`);
    const [earlier] = await tx
      .select({ threadId: contactDetails.threadId })
      .from(contactDetails)
      .where(and(eq(contactDetails.contentHash, contentHash), gt(contactDetails.createdAt, sql`now() - ${`${dedupeWindowSeconds()} seconds`}::interval`)))
      .limit(1);
    if (earlier) return { ok: true, threadId: earlier.threadId, duplicate: true };
    // A sender whose thread was marked as spam is refused (lib/customers).
    if (await isSenderBlocked(tx, { email: form.email })) return { ok: false, error: "invalid", fields: { email: [{ code: "sender_blocked" }] } };

    // Only new, valid submissions count: fixing a typo or a client's retry costs nothing.
    const limit = await hit(tx, `contact:ip:${context.ip}`, CONTACT_LIMIT_IP());
    if (!limit.allowed) return { ok: false, error: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };

    const routing = await getRouting(tx);
    const customer = await findOrCreateCustomer(tx, { name: form.full_name, email: form.email, phone: form.phone ?? null, locale });
    const thread = await createThread(
      tx,
      emit,
      {
        channel: "contact",
        subject: subject.text,
        customerId: customer.id,
        customerName: form.full_name,
        customerEmail: form.email,
        orderRef: form.order ?? null,
        locale,
        createdAt: context.at,
        searchKeys: [form.phone],
      },
      actor,
    );
    await tx.insert(contactDetails).values({
      threadId: thread.id,
      subjectId: subject.id,
      fullName: form.full_name,
      email: form.email,
      phone: form.phone ?? null,
      orderNumber: form.order ?? null,
      operation: form.operation ?? null,
      locale,
      routedTo: recipientFor(routing, form.operation),
      contentHash,
    });
    const message = await addMessage(tx, emit, thread.id, {
      authorRole: "customer",
      authorName: form.full_name,
      body: form.message,
      emailMessageId: newMessageId(),
      createdAt: context.at,
    });
    await createAttachments(tx, context.store ?? getStore(), { threadId: thread.id, messageId: message.id, files });
    emit("contact.submitted", { threadId: thread.id, messageId: message.id, channel: "contact" });
    return { ok: true, threadId: thread.id, duplicate: false };
  });
}

// ---------------------------------------------------------------------------------------------
// Admin: subjects and routing. The callers (server actions) check subjects.manage / settings.manage.

function slugOf(text: string): string {
  const base = text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ı/g, "i")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "")
    .slice(0, 40);
  return `${base || "subject"}_${Date.now().toString(36)}`;
}

/**
 * Creates or edits a subject with its translations. The default language must be filled; an
 * emptied translation is removed (the subject then shows in the default language there).
 */
export async function saveSubject(db: Db, raw: unknown): Promise<number> {
  const parsed = subjectFormSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("invalid", parsed.error.issues[0]?.message ?? "Check the form.");
  const { id, isOrderNeeded, translations } = parsed.data;
  const known = new Set((await db.select({ code: languages.code }).from(languages)).map((l) => l.code));
  const { defaultLocale } = await getLocaleSettings(db);
  const filled = Object.entries(translations).filter(([locale, text]) => known.has(locale) && text);
  if (!translations[defaultLocale]) {
    throw new AppError("invalid", "The subject needs a text in the default language.", { [`text_${defaultLocale}`]: ["Required."] });
  }
  return inTransaction(db, async (tx) => {
    // Two subjects a visitor cannot tell apart are refused: the same text in the same language (any case).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('contact_subjects.texts', 0))`);
    for (const [locale, text] of filled) {
      const [taken] = await tx
        .select({ id: contactSubjectTranslations.subjectId })
        .from(contactSubjectTranslations)
        .where(
          and(
            eq(contactSubjectTranslations.locale, locale),
            sql`lower(trim(${contactSubjectTranslations.text})) = lower(trim(${text}))`,
            id ? ne(contactSubjectTranslations.subjectId, id) : undefined,
          ),
        )
        .limit(1);
      if (taken)
        throw new AppError("conflict", `Another subject is already called “${text.trim()}”.`, { [`text_${locale}`]: ["Already used by another subject."] });
    }
    let subjectId = id;
    if (subjectId) {
      const [row] = await tx.update(contactSubjects).set({ isOrderNeeded }).where(eq(contactSubjects.id, subjectId)).returning();
      if (!row) throw new AppError("not_found", "Subject not found.");
    } else {
      const [{ next }] = (await tx.select({ next: sql<number>`coalesce(max(${contactSubjects.position}), -1)::int + 1` }).from(contactSubjects)) as [
        { next: number },
      ];
      const [row] = await tx
        .insert(contactSubjects)
        .values({ code: slugOf(translations[defaultLocale]!), position: next, isOrderNeeded })
        .returning();
      subjectId = row!.id;
    }
    await tx.delete(contactSubjectTranslations).where(eq(contactSubjectTranslations.subjectId, subjectId));
    if (filled.length) {
      await tx.insert(contactSubjectTranslations).values(filled.map(([locale, text]) => ({ subjectId: subjectId!, locale, text })));
    }
    return subjectId;
  });
}

/** Swaps a subject with its neighbour; positions are renumbered 0..n so gaps and ties disappear. */
export async function moveSubject(db: Db, input: { id: number; direction: "up" | "down" }): Promise<void> {
  const { id, direction } = input;
  await inTransaction(db, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('contact_subjects.order', 0))`);
    const rows = await tx.select({ id: contactSubjects.id }).from(contactSubjects).orderBy(asc(contactSubjects.position), asc(contactSubjects.id));
    const order = rows.map((r) => r.id);
    const at = order.indexOf(id);
    if (at < 0) throw new AppError("not_found", "Subject not found.");
    const to = direction === "up" ? at - 1 : at + 1;
    if (to < 0 || to >= order.length) return;
    [order[at], order[to]] = [order[to]!, order[at]!];
    for (const [position, subjectId] of order.entries()) {
      await tx.update(contactSubjects).set({ position }).where(eq(contactSubjects.id, subjectId));
    }
  });
}

/** Deactivated subjects are no longer offered; threads filed under them keep them. */
export async function setSubjectActive(db: Db, input: { id: number; active: boolean }): Promise<void> {
  const { id, active } = input;
  const [row] = await db.update(contactSubjects).set({ isActive: active }).where(eq(contactSubjects.id, id)).returning({ id: contactSubjects.id });
  if (!row) throw new AppError("not_found", "Subject not found.");
}

export async function saveRouting(db: Db, raw: unknown): Promise<ContactRouting> {
  const parsed = routingSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError("invalid", first ? `${first.path.join(".") || "routing"}: ${first.message}` : "Check the form.");
  }
  await db
    .insert(settings)
    .values({ key: ROUTING_KEY, value: parsed.data })
    .onConflictDoUpdate({ target: settings.key, set: { value: parsed.data, updatedAt: new Date() } });
  return parsed.data;
}
