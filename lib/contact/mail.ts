// E-mail for the contact channel, after commit (lib/contact/channel.ts wires it in):
// - a new submission (`contact.submitted`) goes to the recipient its operation routes to (with the
//   attachment; Reply-To the customer);
// - a staff reply (the channel's `deliver`) goes to the customer, threaded (Message-ID stored on the
//   message; In-Reply-To / References from the thread's earlier mails). Internal notes never leave.
// A failed send is retried a few times in this process; if it still fails, the message keeps no
// Message-ID and the thread's timeline gets a `mail.failed` event (the inbox shows it, and an agent
// can resend from there). Mail never rolls back the reply: it is recorded either way.
// `messages.email_sent_at` records that the SMTP server took the mail. A mail the process never got
// to send (it stopped between the commit and the send) is found by `sweepContactMail`, which every
// server runs each minute (one instance at a time), and sent then.
import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDatabase, queryRows, type Db } from "@/db/client";
import { contactSubjectTranslations, messages } from "@/db/schema";
import { findAttachmentsForMessages } from "@/lib/attachments/queries";
import { systemActor } from "@/lib/auth/actor";
import { inTransaction } from "@/lib/events";
import { newMessageId, sendMail, type OutgoingMail } from "@/lib/mail";
import { getStore } from "@/lib/storage/store";
import { logThreadEvent } from "@/lib/threads/service";
import { findThreadMessageIds, findContactDetails } from "./queries";

/** Delays before each attempt; CONTACT_MAIL_RETRY_MS="0,50" in tests. */
function retryDelays(): number[] {
  const env = process.env.CONTACT_MAIL_RETRY_MS;
  if (env)
    return env
      .split(",")
      .map(Number)
      .filter((n) => Number.isFinite(n) && n >= 0);
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
    await logThreadEvent(tx, threadId, "mail.failed", systemActor("Mail"), data);
    emit("thread.updated", { threadId, channel: "contact", mailFailed: true });
  });
}

async function markSent(db: Db, messageId: number) {
  await db.update(messages).set({ emailSentAt: new Date() }).where(eq(messages.id, messageId));
}

/** E-mails a new submission to the recipient it is routed to. */
export async function sendSubmissionMail(db: Db, threadId: number, messageId: number): Promise<boolean> {
  const found = await findContactDetails(db, threadId);
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
  if (result.ok) await markSent(db, messageId);
  else await recordFailure(db, threadId, { messageId, to: d.routedTo, kind: "submission", error: result.error });
  return result.ok;
}

/**
 * E-mails a staff reply on a contact thread to the customer, threaded under the earlier mails.
 * `staleClaim`: the Message-ID a stopped process claimed the reply with (the sweep takes it over).
 */
export async function sendReplyMail(db: Db, threadId: number, messageId: number, staleClaim?: string): Promise<boolean> {
  const found = await findContactDetails(db, threadId);
  if (!found) return false;
  // Claim the message: the Message-ID is written before sending, so a second delivery of the
  // event (or a second listener) never mails the same reply twice.
  const id = newMessageId();
  const [claimed] = await db
    .update(messages)
    .set({ emailMessageId: id })
    .where(
      and(
        eq(messages.id, messageId),
        eq(messages.threadId, threadId),
        eq(messages.isInternal, false),
        isNull(messages.emailSentAt),
        staleClaim ? eq(messages.emailMessageId, staleClaim) : isNull(messages.emailMessageId),
      ),
    )
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
  if (result.ok) await markSent(db, messageId);
  else {
    await db.update(messages).set({ emailMessageId: null }).where(eq(messages.id, messageId));
    await recordFailure(db, threadId, { messageId, to: d.email, kind: "reply", error: result.error });
  }
  return result.ok;
}

/** Minutes a mail may stay unsent before the sweep takes it (the live path is done long before). */
const SWEEP_AFTER_MINUTES = 5;

/**
 * Sends the contact mail that was committed but never went out: a submission's notification or a
 * staff reply, younger than a day, older than a few minutes, not already given up on (those wait
 * for an agent's resend). Returns how many went out.
 */
export async function sweepContactMail(db: Db, options: { afterMinutes?: number } = {}): Promise<number> {
  const after = options.afterMinutes ?? SWEEP_AFTER_MINUTES;
  const rows = await queryRows<{ id: string | number; thread_id: string | number; author_role: string; email_message_id: string | null }>(
    db,
    sql`select m.id, m.thread_id, m.author_role, m.email_message_id
          from messages m
          join threads t on t.id = m.thread_id
         where t.channel = 'contact'
           and m.email_sent_at is null and not m.is_internal and m.deleted_at is null
           and m.created_at > now() - interval '1 day'
           and m.created_at <= now() - make_interval(mins => ${after}::int)
           and (m.author_role = 'agent'
                or (m.author_role = 'customer' and m.id = (select min(f.id) from messages f where f.thread_id = m.thread_id)))
           and not exists (select 1 from thread_events e
                            where e.thread_id = m.thread_id and e.type = 'mail.failed' and e.data->>'messageId' = m.id::text)
         order by m.id
         limit 100`,
  );
  let sent = 0;
  for (const row of rows) {
    const threadId = Number(row.thread_id);
    const messageId = Number(row.id);
    const ok =
      row.author_role === "agent"
        ? await sendReplyMail(db, threadId, messageId, row.email_message_id ?? undefined)
        : await sendSubmissionMail(db, threadId, messageId);
    if (ok) sent++;
  }
  return sent;
}

/** Runs the sweep now in one instance only (a PostgreSQL advisory lock; PGlite is one process). */
export async function sweepContactMailOnce(): Promise<number> {
  const database = await getDatabase();
  if (!database.pool) return sweepContactMail(database.db);
  const client = await database.pool.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>("select pg_try_advisory_lock(hashtext('switchboard.contact-mail-sweep')) as locked");
    if (!rows[0]?.locked) return 0;
    try {
      return await sweepContactMail(database.db);
    } finally {
      await client.query("select pg_advisory_unlock(hashtext('switchboard.contact-mail-sweep'))");
    }
  } finally {
    client.release();
  }
}

/** Started once per server (instrumentation.ts): a sweep each CONTACT_MAIL_SWEEP_SECONDS (0: never). */
export function startContactMailSweeper(): void {
  const seconds = Number(process.env.CONTACT_MAIL_SWEEP_SECONDS ?? 60);
  if (!Number.isFinite(seconds) || seconds <= 0) return;
  const run = () =>
    sweepContactMailOnce().then(
      (sent) => sent && console.log(`[contact] sent ${sent} mail left unsent`),
      (error) => console.error("[contact] mail sweep failed", error),
    );
  setTimeout(run, 10_000).unref();
  setInterval(run, seconds * 1000).unref();
}

/** An agent's "send again" after a failure: the reply (or the submission's notification) once more. */
export async function resendContactMail(db: Db, threadId: number, messageId: number): Promise<boolean> {
  const [message] = await db
    .select({ authorRole: messages.authorRole, isInternal: messages.isInternal, emailSentAt: messages.emailSentAt })
    .from(messages)
    .where(and(eq(messages.id, messageId), eq(messages.threadId, threadId)));
  if (!message || message.isInternal || message.emailSentAt) return false;
  return message.authorRole === "agent" ? sendReplyMail(db, threadId, messageId) : sendSubmissionMail(db, threadId, messageId);
}
