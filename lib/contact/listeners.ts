// E-mail for the contact channel, after commit:
// - `contact.submitted`: the submission goes to the recipient its operation routes to (with the
//   attachment; Reply-To the customer).
// - `message.created` on a contact thread by staff, not internal: the reply goes to the customer,
//   threaded (Message-ID stored on the message; In-Reply-To / References from the thread's earlier
//   mails). Internal notes never leave.
// A failed send is retried a few times in this process; if it still fails, the message keeps no
// Message-ID and the thread's timeline gets a `mail.failed` event (the inbox shows it, an agent
// can resend or call). Mail never rolls back the reply: it is recorded either way.
import { and, eq, isNull } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { contactSubjectTranslations, messages } from "@/db/schema";
import { findAttachmentsForMessages } from "@/lib/attachments/queries";
import { inTransaction, onCommitted } from "@/lib/events";
import { newMessageId, sendMail, type OutgoingMail } from "@/lib/mail";
import { getStore } from "@/lib/storage/store";
import { logThreadEvent } from "@/lib/threads/service";
import { findThreadMessageIds, getContactDetails } from "./queries";

/** Delays before each attempt; CONTACT_MAIL_RETRY_MS="0,50" in tests. */
function retryDelays(): number[] {
  const env = process.env.CONTACT_MAIL_RETRY_MS;
  if (env) return env.split(",").map(Number).filter((n) => Number.isFinite(n) && n >= 0);
  return [0, 2_000, 10_000, 30_000];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function sendWithRetry(mail: OutgoingMail): Promise<{ ok: true } | { ok: false; error: string }> {
  let last = "";
  for (const delay of retryDelays()) {
    if (delay) await sleep(delay);
    try {
      await sendMail(mail);
      return { ok: true };
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
  }
  return { ok: false, error: last };
}

async function attachmentsOf(db: Db, messageId: number) {
  const rows = await findAttachmentsForMessages(db, [messageId]);
  const store = getStore();
  const out: NonNullable<OutgoingMail["attachments"]> = [];
  for (const a of rows) {
    const bytes = await store.get(a.storageKey);
    if (bytes) out.push({ filename: a.fileName, content: bytes, contentType: a.contentType });
  }
  return out;
}

async function recordFailure(db: Db, threadId: number, data: Record<string, unknown>) {
  console.error("[contact] mail failed", threadId, data);
  await inTransaction(db, async (tx, emit) => {
    await logThreadEvent(tx, threadId, "mail.failed", { label: "Mail" }, data);
    emit("thread.updated", { threadId, channel: "contact", mailFailed: true });
  });
}

/** E-mails a new submission to the recipient it is routed to. */
export async function sendSubmissionMail(db: Db, threadId: number, messageId: number): Promise<boolean> {
  const found = await getContactDetails(db, threadId);
  const [message] = await db.select().from(messages).where(eq(messages.id, messageId));
  if (!found || !message || !found.details.routedTo) return false;
  const d = found.details;
  const lines = [
    `Subject: ${found.thread.subject}`,
    `Name: ${d.fullName}`,
    `E-mail: ${d.email}`,
    d.phone ? `Phone: ${d.phone}` : null,
    d.orderNumber ? `Order: ${d.orderNumber}` : null,
    d.operation ? `Operation: ${d.operation}` : null,
    `Thread: #${threadId}`,
    "",
    message.body,
  ].filter((l) => l !== null);
  const result = await sendWithRetry({
    to: d.routedTo!,
    subject: `[Contact #${threadId}] ${found.thread.subject} — ${d.fullName}`,
    text: lines.join("\n"),
    replyTo: d.email,
    messageId: message.emailMessageId ?? undefined,
    attachments: await attachmentsOf(db, messageId),
  });
  if (!result.ok) await recordFailure(db, threadId, { messageId, to: d.routedTo, kind: "submission", error: result.error });
  return result.ok;
}

/** E-mails a staff reply on a contact thread to the customer, threaded under the earlier mails. */
export async function sendReplyMail(db: Db, threadId: number, messageId: number): Promise<boolean> {
  const found = await getContactDetails(db, threadId);
  if (!found) return false;
  // Claim the message: the Message-ID is written before sending, so a second delivery of the
  // event (or a second listener) never mails the same reply twice.
  const id = newMessageId();
  const [claimed] = await db
    .update(messages)
    .set({ emailMessageId: id })
    .where(and(eq(messages.id, messageId), eq(messages.threadId, threadId), eq(messages.isInternal, false), isNull(messages.emailMessageId)))
    .returning();
  if (!claimed) return false;
  const references = await findThreadMessageIds(db, threadId, messageId);
  const d = found.details;
  let subjectText = found.thread.subject;
  if (d.subjectId && d.locale) {
    const [t] = await db
      .select({ text: contactSubjectTranslations.text })
      .from(contactSubjectTranslations)
      .where(and(eq(contactSubjectTranslations.subjectId, d.subjectId), eq(contactSubjectTranslations.locale, d.locale)));
    if (t) subjectText = t.text;
  }
  const result = await sendWithRetry({
    to: d.email,
    subject: `Re: ${subjectText} [#${threadId}]`,
    text: claimed.body,
    messageId: id,
    inReplyTo: references.at(-1),
    references: references.length ? references : undefined,
    attachments: await attachmentsOf(db, messageId),
  });
  if (!result.ok) {
    await db.update(messages).set({ emailMessageId: null }).where(eq(messages.id, messageId));
    await recordFailure(db, threadId, { messageId, to: d.email, kind: "reply", error: result.error });
  }
  return result.ok;
}

const STAFF_AUTHORS = new Set(["agent"]);

export function registerContactListeners(): void {
  onCommitted("contact.submitted", async (data) => {
    await sendSubmissionMail(await getDb(), Number(data.threadId), Number(data.messageId));
  });
  onCommitted("message.created", async (data) => {
    if (data.channel !== "contact" || data.isInternal || !STAFF_AUTHORS.has(String(data.authorRole))) return;
    await sendReplyMail(await getDb(), Number(data.threadId), Number(data.messageId));
  });
}
