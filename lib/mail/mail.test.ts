// Mail against a real SMTP server (smtp-server, on loopback), and the outbox fallback.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { makePdf } from "@/db/seed/files";
import { startSmtpSink, type SmtpSink } from "@/e2e/support/smtp-sink";
import { findOutboxPage, readOutbox, sendMail } from "./index";

let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
});

afterAll(async () => {
  await sink.close();
});

afterEach(() => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_OUTBOX_DIR;
});

describe("sendMail over SMTP", () => {
  it("delivers with threading headers and the attachment", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
    const sent = await sendMail({
      to: "customer@mail.example",
      subject: "Re: Sipariş 123",
      text: "Merhaba, siparişiniz yolda.",
      inReplyTo: "<first@switchboard.localhost>",
      references: ["<first@switchboard.localhost>"],
      attachments: [{ filename: "fatura.pdf", content: makePdf(), contentType: "application/pdf" }],
    });
    expect(sent.via).toBe("smtp");
    const mail = sink.received.at(-1)!;
    expect(mail.to).toEqual(["customer@mail.example"]);
    expect(mail.raw).toContain(`Message-ID: ${sent.messageId}`);
    expect(mail.raw).toContain("In-Reply-To: <first@switchboard.localhost>");
    expect(mail.raw).toContain("References: <first@switchboard.localhost>");
    expect(mail.raw).toMatch(/Content-Type: application\/pdf; name=fatura\.pdf/);
  });

  it("fails loudly when the SMTP server is not there", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    await expect(sendMail({ to: "x@mail.example", subject: "x", text: "x" })).rejects.toThrow();
  });
});

describe("sendMail without SMTP_URL", () => {
  it("writes the message to the outbox folder", async () => {
    process.env.MAIL_OUTBOX_DIR = await fs.mkdtemp(path.join(os.tmpdir(), "sb-outbox-"));
    const sent = await sendMail({ to: "a@mail.example", subject: "Outbox test", text: "Body text" });
    expect(sent.via.startsWith(process.env.MAIL_OUTBOX_DIR)).toBe(true);
    const [first] = await readOutbox();
    expect(first.raw).toContain("Subject: Outbox test");
    expect(first.raw).toContain(`Message-ID: ${sent.messageId}`);
  });
});

describe("the outbox as the admin page reads it (defect 6)", () => {
  it("decodes RFC 2047 subjects and MIME bodies, lists files, and pages newest first", async () => {
    process.env.MAIL_OUTBOX_DIR = await fs.mkdtemp(path.join(os.tmpdir(), "sb-outbox-"));
    await sendMail({
      to: "Zeynep Şahin <zeynep@mail.example>",
      subject: "Yanıt: İade talebiniz — sipariş #12345",
      text: "Merhaba Zeynep,\nİadeniz onaylandı. Teşekkürler!",
      attachments: [{ filename: "fatura.pdf", content: makePdf("fatura"), contentType: "application/pdf" }],
    });
    const raw = (await readOutbox())[0]!.raw;
    expect(raw).toMatch(/Subject: =\?UTF-8\?/); // what the page used to print
    const { mails, total, pages } = await findOutboxPage(1);
    expect(total).toBe(1);
    expect(pages).toBe(1);
    expect(mails[0]).toMatchObject({
      subject: "Yanıt: İade talebiniz — sipariş #12345",
      to: "Zeynep Şahin <zeynep@mail.example>",
      text: "Merhaba Zeynep,\nİadeniz onaylandı. Teşekkürler!",
      attachments: [{ filename: "fatura.pdf", mimeType: "application/pdf" }],
    });
    for (let i = 0; i < 30; i++) await sendMail({ to: "a@mail.example", subject: `Mail ${i}`, text: "x" });
    const first = await findOutboxPage(1, 25);
    const second = await findOutboxPage(2, 25);
    expect([first.total, first.pages, first.mails.length, second.mails.length]).toEqual([31, 2, 25, 6]);
    expect(first.mails[0]!.subject).toBe("Mail 29");
    expect(second.mails.at(-1)!.subject).toBe("Yanıt: İade talebiniz — sipariş #12345");
    expect((await findOutboxPage(99, 25)).page).toBe(2);
  });
});
