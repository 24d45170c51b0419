// Outgoing mail: SMTP through nodemailer when SMTP_URL is set, otherwise .eml files in an outbox
// folder under .data/ that an admin can read.
import "server-only";
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import PostalMime from "postal-mime";
import nodemailer, { type Transporter } from "nodemailer";
import { dataDir } from "@/db/client";

export interface OutgoingMail {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
  replyTo?: string;
  /** Our own Message-ID for this mail (without angle brackets it is added). */
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  attachments?: { filename: string; content: Uint8Array; contentType: string }[];
}

export interface SentMail {
  messageId: string;
  /** Where it went: "smtp" or the outbox file. */
  via: string;
}

export function mailFrom(): string {
  return process.env.MAIL_FROM ?? "Switchboard <support@switchboard.localhost>";
}

/** A Message-ID in our own domain, so replies can be matched to threads. */
export function newMessageId(): string {
  const domain = (mailFrom().match(/@([^>\s]+)/)?.[1] ?? "switchboard.localhost").toLowerCase();
  return `<${randomUUID()}@${domain}>`;
}

export function outboxDir(): string {
  return process.env.MAIL_OUTBOX_DIR ?? path.join(dataDir(), "outbox");
}

const g = globalThis as typeof globalThis & { __switchboardSmtp?: { url: string; transport: Transporter } };

function smtpTransport(url: string): Transporter {
  if (g.__switchboardSmtp?.url !== url) g.__switchboardSmtp = { url, transport: nodemailer.createTransport(url) };
  return g.__switchboardSmtp.transport;
}

export async function sendMail(mail: OutgoingMail): Promise<SentMail> {
  const messageId = mail.messageId ?? newMessageId();
  const message = {
    from: mailFrom(),
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    replyTo: mail.replyTo,
    messageId,
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    attachments: mail.attachments?.map((a) => ({ filename: a.filename, content: Buffer.from(a.content), contentType: a.contentType })),
  };
  const url = process.env.SMTP_URL;
  if (url) {
    await smtpTransport(url).sendMail(message);
    return { messageId, via: "smtp" };
  }
  const built = await nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" }).sendMail(message);
  const dir = outboxDir();
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomUUID().slice(0, 8)}.eml`);
  await fs.writeFile(file, built.message as Buffer);
  return { messageId, via: file };
}

/** The outbox's newest mails, for the admin page and for tests. */
export async function readOutbox(limit = 50): Promise<{ file: string; raw: string }[]> {
  const dir = outboxDir();
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((n) => n.endsWith(".eml"));
  } catch {
    return [];
  }
  names.sort().reverse();
  return Promise.all(names.slice(0, limit).map(async (file) => ({ file, raw: await fs.readFile(path.join(dir, file), "utf8") })));
}

export interface OutboxMail {
  file: string;
  from: string;
  to: string;
  subject: string;
  date: string | null;
  /** The plain-text body (decoded: quoted-printable, base64, any charset), or the HTML's text. */
  text: string;
  attachments: { filename: string; mimeType: string; size: number }[];
}

const addressList = (list: { name?: string; address?: string; group?: { name?: string; address?: string }[] }[] | undefined) =>
  (list ?? [])
    .flatMap((a) => a.group ?? [a])
    .map((a) => (a.name ? `${a.name} <${a.address}>` : (a.address ?? "")))
    .join(", ");

/** One page of the outbox, newest first, each mail decoded (RFC 2047 headers, MIME parts) for reading. */
export async function findOutboxPage(page: number, perPage = 25): Promise<{ mails: OutboxMail[]; total: number; page: number; pages: number }> {
  const dir = outboxDir();
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((n) => n.endsWith(".eml"));
  } catch {
    names = [];
  }
  names.sort().reverse();
  const pages = Math.max(1, Math.ceil(names.length / perPage));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
  const mails = await Promise.all(
    names.slice((current - 1) * perPage, current * perPage).map(async (file): Promise<OutboxMail> => {
      const parsed = await PostalMime.parse(await fs.readFile(path.join(dir, file)), { attachmentEncoding: "arraybuffer" });
      const html = parsed.html
        ?.replace(/<(script|style)[\s\S]*?<\/\1>/gi, "")
        .replace(/<br\s*\/?>|<\/p>/gi, "\n")
        .replace(/<[^>]+>/g, "");
      return {
        file,
        from: addressList(parsed.from ? [parsed.from] : []),
        to: addressList(parsed.to),
        subject: parsed.subject ?? "",
        date: parsed.date ?? null,
        text: (parsed.text ?? html ?? "").trimEnd().slice(0, 20_000),
        attachments: parsed.attachments.map((a) => ({
          filename: a.filename ?? "(unnamed)",
          mimeType: a.mimeType,
          size: typeof a.content === "string" ? a.content.length : a.content.byteLength,
        })),
      };
    }),
  );
  return { mails, total: names.length, page: current, pages };
}
