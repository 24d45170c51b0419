// Contact mail against a real SMTP server (smtp-server on loopback), on PGlite and PostgreSQL:
// a submission reaches its routed recipient with the attachment; a staff reply added the way the
// inbox adds it (addMessage inside inTransaction) reaches the customer, threaded; internal notes
// and customer messages never leave; a failed send is retried, then recorded on the thread.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { contactDetails, messages, settings, threadEvents } from "@/db/schema";
import { makePdf } from "@/db/seed/files";
import { inTransaction } from "@/lib/events";
import { registerListeners } from "@/lib/listeners";
import { createTestDatabase } from "@/e2e/support/test-db";
import { startSmtpSink, type SmtpSink } from "@/e2e/support/smtp-sink";
import { makeUser } from "@/e2e/support/factories";
import { addMessage } from "@/lib/threads/service";
import { resendContactMail, sweepContactMail } from "./mail";
import { findContactPanel } from "./queries";
import { submitContact } from "./service";
import { seedContactReference } from "@/e2e/support/api-clients";

let sink: SmtpSink;
let database: Database;
let agent: Awaited<ReturnType<typeof makeUser>>;
let ids: Awaited<ReturnType<typeof seedContactReference>>;

beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.FILES_DIR = await fs.mkdtemp(path.join(os.tmpdir(), "sb-contact-mail-"));
  process.env.CONTACT_MAIL_RETRY_MS = "0,20,20";
  database = await createTestDatabase({ useAsAppDatabase: true });
  ids = await seedContactReference(database.db);
  agent = await makeUser(database.db, "agent", { name: "Ayşe Agent" });
  await database.db
    .insert(settings)
    .values({ key: "contact.routing", value: { default: "desk@shop.example", operations: { franchise: "franchise@shop.example" } } });
  registerListeners();
});
afterAll(async () => {
  await sink.close();
  await database.close();
  delete process.env.SMTP_URL;
});
beforeEach(() => {
  process.env.SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
  sink.clear();
});

async function waitFor<T>(fn: () => T | undefined | Promise<T | undefined>, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 25));
  }
}

let n = 0;
async function submit(extra: Record<string, unknown> = {}, file?: { name: string; bytes: Uint8Array }) {
  const result = await submitContact(database.db, {
    form: { subject: ids.technical, full_name: "Deniz Kaya", email: "deniz@mail.example", message: `Kargom nerede? ${++n}`, ...extra },
    ip: `10.0.0.${n}`,
    locale: "tr",
    file,
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.threadId;
}

const reply = (threadId: number, body: string, isInternal = false) =>
  inTransaction(database.db, (tx, emit) =>
    addMessage(tx, emit, threadId, { authorRole: "agent", authorUserId: agent.id, authorName: agent.name, body, isInternal }),
  );

/** A header's value: unfolded, with RFC 2047 encoded words decoded. */
function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
  const value = new RegExp(`^${name}: (.+)$`, "mi").exec(head)?.[1]?.trim();
  return value?.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toLowerCase() === "b"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(
          text.replace(/_/g, " ").replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
          "latin1",
        ).toString("utf8"),
  );
}

describe("contact mail", () => {
  it("sends the submission to the routed recipient with the attachment, Reply-To the customer", async () => {
    const threadId = await submit({ operation: "franchise" }, { name: "teklif.pdf", bytes: makePdf("Teklif") });
    const mail = await waitFor(() => sink.received.find((m) => m.to.includes("franchise@shop.example")));
    const [first] = await database.db.select().from(messages).where(eq(messages.threadId, threadId));
    expect(header(mail.raw, "Message-ID")).toBe(first!.emailMessageId);
    expect(header(mail.raw, "Reply-To")).toBe("deniz@mail.example");
    expect(header(mail.raw, "Subject")).toBe(`[Contact #${threadId}] Technical support — Deniz Kaya`);
    expect(mail.raw).toMatch(/Content-Type: application\/pdf; name=teklif\.pdf/);
    const panel = await findContactPanel(database.db, threadId, "en");
    expect(panel!.files.map((f) => f.fileName)).toEqual(["teklif.pdf"]);
    expect(panel!.details).toMatchObject({ fullName: "Deniz Kaya", operation: "franchise", routedTo: "franchise@shop.example", locale: "tr" });
    expect(panel!.lastMailFailure).toBeUndefined();
  });

  it("e-mails a staff reply to the customer, threaded, and stores its Message-ID; notes stay inside", async () => {
    const threadId = await submit();
    await waitFor(() => sink.received.find((m) => m.to.includes("desk@shop.example")));
    const [first] = await database.db.select().from(messages).where(eq(messages.threadId, threadId));

    await reply(threadId, "Internal: check with the warehouse first.", true);
    const answer = await reply(threadId, "Merhaba Deniz, kargonuz yarın teslim edilecek.");
    const mail = await waitFor(() => sink.received.find((m) => m.to.includes("deniz@mail.example")));
    const [stored] = await database.db.select().from(messages).where(eq(messages.id, answer.id));
    expect(stored!.emailMessageId).toMatch(/^<.+@.+>$/);
    expect(header(mail.raw, "Message-ID")).toBe(stored!.emailMessageId);
    expect(header(mail.raw, "In-Reply-To")).toBe(first!.emailMessageId);
    expect(header(mail.raw, "References")).toBe(first!.emailMessageId);
    expect(header(mail.raw, "Subject")).toBe(`Re: Teknik destek [#${threadId}]`); // in the customer's language
    expect(mail.raw).not.toContain("warehouse");

    // The second reply references both earlier mails.
    sink.clear();
    const second = await reply(threadId, "Teslim edildi mi?");
    const next = await waitFor(() => sink.received.find((m) => m.to.includes("deniz@mail.example")));
    const [secondStored] = await database.db.select().from(messages).where(eq(messages.id, second.id));
    expect(header(next.raw, "Message-ID")).toBe(secondStored!.emailMessageId);
    expect(header(next.raw, "In-Reply-To")).toBe(stored!.emailMessageId);
    expect(header(next.raw, "References")).toBe(`${first!.emailMessageId} ${stored!.emailMessageId}`);
    await new Promise((r) => setTimeout(r, 200));
    expect(sink.received.filter((m) => m.to.includes("deniz@mail.example"))).toHaveLength(1);
  });

  it("does not mail customer messages, internal notes, or replies on other channels' threads", async () => {
    const threadId = await submit();
    await waitFor(() => sink.received.find((m) => m.to.includes("desk@shop.example")));
    sink.clear();
    const note = await reply(threadId, "Only for us.", true);
    await inTransaction(database.db, (tx, emit) => addMessage(tx, emit, threadId, { authorRole: "customer", body: "Any news?" }));
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.received).toEqual([]);
    const [stored] = await database.db.select().from(messages).where(eq(messages.id, note.id));
    expect(stored!.emailMessageId).toBeNull();
  });

  it("retries a failed reply, then records the failure on the thread and leaves the reply in place", async () => {
    const threadId = await submit();
    await waitFor(() => sink.received.find((m) => m.to.includes("desk@shop.example")));
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    const answer = await reply(threadId, "This one will not go out.");
    const event = await waitFor(async () => {
      const [row] = await database.db
        .select()
        .from(threadEvents)
        .where(and(eq(threadEvents.threadId, threadId), eq(threadEvents.type, "mail.failed")));
      return row;
    });
    expect(event.data).toMatchObject({ messageId: answer.id, kind: "reply", to: "deniz@mail.example" });
    const [stored] = await database.db.select().from(messages).where(eq(messages.id, answer.id));
    expect(stored).toMatchObject({ body: "This one will not go out.", emailMessageId: null });
    const [details] = await database.db.select().from(contactDetails).where(eq(contactDetails.threadId, threadId));
    expect(details!.email).toBe("deniz@mail.example");
    // What the inbox shows beside the thread says so.
    const panel = await findContactPanel(database.db, threadId, "en");
    expect(panel!.lastMailFailure!.data).toMatchObject({ kind: "reply" });
    expect(panel!.subject).toMatchObject({ text: "Technical support", isActive: true });
  });

  it("marks mail the SMTP server took as sent", async () => {
    const threadId = await submit();
    await waitFor(() => sink.received.find((m) => m.to.includes("desk@shop.example")));
    const answer = await reply(threadId, "Yarın teslim edilecek.");
    await waitFor(() => sink.received.find((m) => m.to.includes("deniz@mail.example")));
    const rows = await waitFor(async () => {
      const list = await database.db.select().from(messages).where(eq(messages.threadId, threadId));
      return list.every((m) => m.emailSentAt) ? list : undefined;
    });
    expect(rows.map((m) => m.id)).toContain(answer.id);
  });

  it("sends mail a stopped server committed but never sent, once, and leaves given-up mail to the agent", async () => {
    // A reply committed without any listener (as if the process stopped right after the commit),
    // and one claimed by a process that stopped mid-send: both are a few minutes old.
    const threadId = await submit();
    await waitFor(() => sink.received.find((m) => m.to.includes("desk@shop.example")));
    const lost = await inTransaction(database.db, (tx) =>
      addMessage(tx, () => {}, threadId, { authorRole: "agent", authorUserId: agent.id, authorName: agent.name, body: "Lost on the way." }),
    );
    const claimed = await inTransaction(database.db, (tx) =>
      addMessage(tx, () => {}, threadId, { authorRole: "agent", authorUserId: agent.id, authorName: agent.name, body: "Claimed, then the server stopped." }),
    );
    await database.db.update(messages).set({ emailMessageId: "<stale@switchboard.test>" }).where(eq(messages.id, claimed.id));
    await database.db.execute(sql`update messages set created_at = now() - interval '10 minutes' where id in (${lost.id}, ${claimed.id})`);
    sink.clear();

    expect(await sweepContactMail(database.db)).toBe(2);
    expect(
      sink.received.filter((m) => m.to.includes("deniz@mail.example")).map((m) => m.raw.includes("Lost on the way") || m.raw.includes("Claimed, then")),
    ).toEqual([true, true]);
    const stored = await database.db.select().from(messages).where(eq(messages.threadId, threadId));
    for (const id of [lost.id, claimed.id]) {
      const row = stored.find((m) => m.id === id)!;
      expect(row.emailSentAt).not.toBeNull();
      expect(row.emailMessageId).toMatch(/^<.+@.+>$/);
      expect(row.emailMessageId).not.toBe("<stale@switchboard.test>");
    }
    // Nothing twice.
    expect(await sweepContactMail(database.db)).toBe(0);

    // A reply whose sending failed is the agent's call: the sweep leaves it, "Send again" sends it.
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    const failed = await reply(threadId, "This one fails first.");
    await waitFor(async () => {
      const [row] = await database.db
        .select()
        .from(threadEvents)
        .where(and(eq(threadEvents.threadId, threadId), eq(threadEvents.type, "mail.failed"), sql`${threadEvents.data}->>'messageId' = ${String(failed.id)}`));
      return row;
    });
    process.env.SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
    await database.db.execute(sql`update messages set created_at = now() - interval '10 minutes' where id = ${failed.id}`);
    sink.clear();
    expect(await sweepContactMail(database.db)).toBe(0);
    expect((await findContactPanel(database.db, threadId, "en"))!.lastMailFailure).toBeDefined();
    expect(await resendContactMail(database.db, threadId, failed.id)).toBe(true);
    expect(sink.received.find((m) => m.raw.includes("This one fails first."))).toBeDefined();
    expect((await findContactPanel(database.db, threadId, "en"))!.lastMailFailure).toBeUndefined();
    // Sent is sent: a second resend does nothing.
    expect(await resendContactMail(database.db, threadId, failed.id)).toBe(false);
  });
});
