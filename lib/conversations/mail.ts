// The reply notification: when the seller side answers (an agent in the inbox, or the seller's
// API) and the customer is not reading the portal at that moment, a customer account that asked
// for it ("e-mail me on replies") gets the answer by e-mail with a link to the conversation. It
// names the seller, never the agent. Sent after commit by the channel's `deliver`.
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { customers, messages, sellers, threads } from "@/db/schema";
import { systemActor } from "@/lib/auth/actor";
import { inTransaction } from "@/lib/events";
import { deskOrigin } from "@/lib/http/url";
import { sendMail } from "@/lib/mail";
import { isInbound, logThreadEvent } from "@/lib/threads/service";
import { PORTAL_TEXTS, portalLocale } from "./texts";

/** A portal stream heartbeats every 15 s; a customer whose last beat is younger than this is reading. */
export const ONLINE_SECONDS = 45;

/** Sends the notification if it is due; says why not otherwise (for tests and the log). */
export async function notifyCustomerOfReply(db: Db, threadId: number, messageId: number): Promise<"sent" | "online" | "off" | "skipped"> {
  const [row] = await db
    .select({
      body: messages.body,
      authorRole: messages.authorRole,
      isInternal: messages.isInternal,
      subject: threads.subject,
      sellerTitle: sellers.title,
      customer: customers,
      online: sql<boolean>`coalesce(${customers.portalSeenAt} > now() - make_interval(secs => ${ONLINE_SECONDS}), false)`,
    })
    .from(messages)
    .innerJoin(threads, eq(threads.id, messages.threadId))
    .leftJoin(sellers, eq(sellers.id, threads.sellerId))
    .innerJoin(customers, eq(customers.id, threads.customerId))
    .where(and(eq(messages.id, messageId), eq(messages.threadId, threadId)))
    .limit(1);
  if (!row || row.isInternal || isInbound(row.authorRole) || row.authorRole === "system") return "skipped";
  const c = row.customer;
  // Only accounts read the portal the link leads to; guests' conversations are answered where they came from.
  if (!c.userId || !c.email) return "skipped";
  if (!c.notifyOnReply) return "off";
  if (row.online) return "online";
  const t = PORTAL_TEXTS[portalLocale(c.locale)];
  const seller = row.sellerTitle ?? t.seller;
  const link = `${deskOrigin()}/account/messages/${threadId}`;
  await sendMail({ to: c.email, subject: t.mail.subject(seller, row.subject), text: t.mail.body(c.firstName || c.name, seller, row.body, link) });
  await inTransaction(db, (tx) => logThreadEvent(tx, threadId, "customer_notified", systemActor("Reply notification"), { messageId, to: c.email }));
  return "sent";
}

/** SOAP's sendCopy: the seller gets a copy of what it wrote (to the seller's e-mail; none without one). */
export async function mailSellerCopy(db: Db, input: { messageId: number; lang: "tr" | "en" }): Promise<"sent" | "skipped"> {
  const [row] = await db
    .select({
      body: messages.body,
      subject: threads.subject,
      threadId: threads.id,
      email: sellers.email,
      title: sellers.title,
      customerName: threads.customerName,
    })
    .from(messages)
    .innerJoin(threads, eq(threads.id, messages.threadId))
    .innerJoin(sellers, eq(sellers.id, threads.sellerId))
    .where(eq(messages.id, input.messageId))
    .limit(1);
  if (!row?.email) return "skipped";
  const tr = input.lang === "tr";
  await sendMail({
    to: row.email,
    subject: tr ? `Mesajınızın kopyası: ${row.subject}` : `Copy of your message: ${row.subject}`,
    text: tr
      ? `${row.customerName} adlı kullanıcıya gönderdiğiniz mesaj (konuşma ${row.threadId}):\n\n${row.body}\n`
      : `Your message to ${row.customerName} (conversation ${row.threadId}):\n\n${row.body}\n`,
  });
  await inTransaction(db, (tx) =>
    logThreadEvent(tx, row.threadId, "seller_copy_sent", systemActor("SOAP sendCopy"), { messageId: input.messageId, to: row.email }),
  );
  return "sent";
}
