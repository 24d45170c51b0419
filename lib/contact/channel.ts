// The contact channel's entry: a contact-form submission answered by e-mail. Its panel shows the
// form's fields and the last mail failure with "Send again"; a reply leaves by e-mail
// (lib/contact/mail.ts), and a new submission is e-mailed to the recipient its operation routes to.
import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { contactDetails } from "@/db/schema";
import { id } from "@/lib/validation";
import { defineChannel, type ChannelEntry } from "@/lib/channels/types";
import { assertReply, noteOnly } from "@/lib/channels/rules";
import type { PanelNotice, PanelRow } from "@/lib/channels/views";
import { getDb } from "@/db/client";
import { resendContactMail, sendReplyMail, sendSubmissionMail, startContactMailSweeper } from "./mail";
import { findContactPanel } from "./queries";
import { CONTACT_PANEL_LABELS, textLocale } from "./texts";

type Details = { email: string | null };

const optionsFor: ChannelEntry<Details>["replyOptions"] = (thread, details) => {
  const email = details?.email || thread.customerEmail;
  if (!email) return noteOnly("This contact form left no e-mail address to answer.");
  return { kinds: ["reply", "note"], receivers: [], delivery: `Sent by e-mail to ${email}.` };
};

export const contactChannel = defineChannel<Details>({
  name: "contact",

  async loadDetails(db, thread) {
    const [row] = await db.select({ email: contactDetails.email }).from(contactDetails).where(eq(contactDetails.threadId, thread.id));
    return row ?? null;
  },

  replyOptions: optionsFor,

  checkReply: ({ thread, details, kind, receivers }) => ({ receivers: assertReply(optionsFor(thread, details), { kind, receivers }) }),

  async describe(db, thread, { locale }) {
    // Labels in the agent's language; the subject in the thread's own (as its title and messages are).
    const l = CONTACT_PANEL_LABELS[textLocale(locale)];
    const panel = await findContactPanel(db, thread.id, thread.locale ?? locale);
    const rows: PanelRow[] = [];
    const notices: PanelNotice[] = [];
    if (panel) {
      const d = panel.details;
      rows.push(
        { label: l.subject, value: panel.subject ? `${panel.subject.text}${panel.subject.isActive ? "" : ` (${l.inactive})`}` : "—" },
        { label: l.name, value: d.fullName },
        { label: l.email, value: d.email, href: `mailto:${d.email}` },
        { label: l.phone, value: d.phone ?? "—" },
        { label: l.order, value: d.orderNumber ?? "—" },
        { label: l.operation, value: d.operation ?? "—" },
        { label: l.sentTo, value: d.routedTo ?? "—" },
        { label: l.language, value: d.locale ?? "—" },
        {
          label: l.attachment,
          value: panel.files.length ? "" : "—",
          links: panel.files.map((f) => ({ label: `${f.fileName} (${Math.max(1, Math.round(f.size / 1024))} KB)`, href: `/api/attachments/${f.id}` })),
        },
      );
      const failure = panel.lastMailFailure;
      if (failure) {
        const messageId = failure.data.messageId ? String(failure.data.messageId) : null;
        notices.push({
          tone: "warning",
          testId: "mail-failure",
          text: `An e-mail to ${String(failure.data.to ?? "the customer")} could not be sent (${String(failure.data.error ?? "unknown error")}).`,
          action: messageId ? { id: "resend-mail", label: "Send again", input: { messageId } } : undefined,
        });
      }
    }
    return { panel: { testId: "contact-panel", label: l.panel, rows, notices }, details: panel ? { email: panel.details.email } : null };
  },

  deliver: (db, { threadId, messageId }) => sendReplyMail(db, threadId, messageId),

  actions: {
    // "Send again" beside a contact thread whose mail failed (staff who may reply).
    "resend-mail": {
      permission: "thread.reply",
      input: z.object({ messageId: id() }),
      run: async (db, thread, input) => {
        await resendContactMail(db, thread.id, Number(input.messageId));
      },
    },
  },

  listen(on) {
    on("contact.submitted", async (data) => {
      await sendSubmissionMail(await getDb(), data.threadId, data.messageId);
    });
  },

  start: startContactMailSweeper,
});
