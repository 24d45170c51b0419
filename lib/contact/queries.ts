// Reads for the contact channel: the subjects as a visitor sees them (in one language), as the
// admin edits them (every language), the routing setting, and a contact thread's details.
import "server-only";
import { and, asc, desc, eq, isNotNull, sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { attachments, contactDetails, contactSubjects, contactSubjectTranslations, messages, settings, threadEvents, threads } from "@/db/schema";
import type { ContactRouting } from "./schemas";

export const ROUTING_KEY = "contact.routing";

export interface PublicSubject {
  id: number;
  text: string;
  isOrderNeeded: boolean;
}

/**
 * Active subjects in their order, each in `locale`, else in `fallback`, else in any language it
 * has (an admin may have filled in only one), else its code.
 */
export async function findActiveSubjects(db: Db, locale: string, fallback: string): Promise<PublicSubject[]> {
  return queryRows<PublicSubject>(
    db,
    sql`select s.id::int as id, s.is_order_needed as "isOrderNeeded",
          coalesce(
            (select t.text from contact_subject_translations t where t.subject_id = s.id and t.locale = ${locale}),
            (select t.text from contact_subject_translations t where t.subject_id = s.id and t.locale = ${fallback}),
            (select t.text from contact_subject_translations t where t.subject_id = s.id order by t.locale limit 1),
            s.code) as text
        from contact_subjects s
        where s.is_active
        order by s.position, s.id`,
  );
}

/** One subject in `locale` (falling back like findActiveSubjects), active or not. */
export async function findSubject(db: Db, id: number, locale: string, fallback: string) {
  const [row] = await queryRows<PublicSubject & { isActive: boolean; code: string }>(
    db,
    sql`select s.id::int as id, s.is_order_needed as "isOrderNeeded", s.is_active as "isActive", s.code,
          coalesce(
            (select t.text from contact_subject_translations t where t.subject_id = s.id and t.locale = ${locale}),
            (select t.text from contact_subject_translations t where t.subject_id = s.id and t.locale = ${fallback}),
            (select t.text from contact_subject_translations t where t.subject_id = s.id order by t.locale limit 1),
            s.code) as text
        from contact_subjects s where s.id = ${id}`,
  );
  return row;
}

export interface AdminSubject {
  id: number;
  code: string;
  position: number;
  isOrderNeeded: boolean;
  isActive: boolean;
  translations: Record<string, string>;
}

/** Every subject, active or not, with all its translations: the admin list. */
export async function findSubjectsForAdmin(db: Db): Promise<AdminSubject[]> {
  const rows = await db.select().from(contactSubjects).orderBy(asc(contactSubjects.position), asc(contactSubjects.id));
  const translations = await db.select().from(contactSubjectTranslations);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    position: r.position,
    isOrderNeeded: r.isOrderNeeded,
    isActive: r.isActive,
    translations: Object.fromEntries(translations.filter((t) => t.subjectId === r.id).map((t) => [t.locale, t.text])),
  }));
}

/** Where submissions go: an operation's address, else the default. Env fallback for a fresh desk. */
export async function getRouting(db: Db): Promise<ContactRouting> {
  const [row] = await db.select().from(settings).where(eq(settings.key, ROUTING_KEY));
  const value = (row?.value ?? {}) as Partial<ContactRouting>;
  return {
    default: typeof value.default === "string" && value.default ? value.default : (process.env.CONTACT_DEFAULT_RECIPIENT ?? "support@switchboard.localhost"),
    operations: value.operations && typeof value.operations === "object" ? value.operations : {},
  };
}

export function recipientFor(routing: ContactRouting, operation: string | null | undefined): string {
  if (operation) {
    const exact = routing.operations[operation] ?? routing.operations[operation.toLowerCase()];
    if (exact) return exact;
  }
  return routing.default;
}

/** A contact thread's form fields (what the inbox shows beside the messages). */
export async function findContactDetails(db: Db, threadId: number) {
  const [row] = await db
    .select({ details: contactDetails, thread: threads })
    .from(contactDetails)
    .innerJoin(threads, eq(threads.id, contactDetails.threadId))
    .where(eq(contactDetails.threadId, threadId));
  return row;
}

/** The thread's e-mail Message-IDs, oldest first: the References of the next mail. */
export async function findThreadMessageIds(db: Db, threadId: number, beforeMessageId: number): Promise<string[]> {
  const rows = await db
    .select({ id: messages.emailMessageId })
    .from(messages)
    .where(and(eq(messages.threadId, threadId), isNotNull(messages.emailMessageId), sql`${messages.id} < ${beforeMessageId}`))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  return rows.map((r) => r.id!).filter(Boolean);
}

/**
 * Everything the inbox shows beside a contact thread: the form's fields, the subject as filed
 * (also when it has since been deactivated), the attachments and the last mail failure, if any.
 */
export async function findContactPanel(db: Db, threadId: number, locale: string) {
  const found = await findContactDetails(db, threadId);
  if (!found) return undefined;
  const subject = found.details.subjectId ? await findSubject(db, found.details.subjectId, locale, locale) : undefined;
  // The form's own file: attachments of the customer's messages (never an agent's drafts or replies).
  const files = await db
    .select({ id: attachments.id, fileName: attachments.fileName, size: attachments.size })
    .from(attachments)
    .innerJoin(messages, eq(messages.id, attachments.messageId))
    .where(and(eq(attachments.threadId, threadId), eq(messages.authorRole, "customer")))
    .orderBy(asc(attachments.id));
  const [failure] = await db
    .select()
    .from(threadEvents)
    .where(and(eq(threadEvents.threadId, threadId), eq(threadEvents.type, "mail.failed")))
    .orderBy(desc(threadEvents.id))
    .limit(1);
  // A failure an agent has since resent successfully is no longer news.
  let lastMailFailure: typeof failure | undefined = failure;
  const failedMessageId = Number(failure?.data?.messageId);
  if (failure && Number.isSafeInteger(failedMessageId)) {
    const [message] = await db.select({ emailSentAt: messages.emailSentAt }).from(messages).where(eq(messages.id, failedMessageId));
    if (message?.emailSentAt) lastMailFailure = undefined;
  }
  return { ...found, subject, files, lastMailFailure };
}
