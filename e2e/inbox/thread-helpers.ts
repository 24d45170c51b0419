// Set-up for the thread browser tests: fresh threads made by each channel's own service (the shared
// factories) on the e2e database, small real files, and a direct read of a thread's state.
import { makePdf, makePng } from "../../db/seed/files";
import { openDatabase, type Database } from "../../db/client";
import type { Channel } from "../../db/schema";
import { makeThread as makeChannelThread } from "../support/factories";
import { E2E } from "../support/env";
import { sql } from "../support/db";

export { sql };

let database: Promise<Database> | undefined;
const db = async () => (await (database ??= openDatabase({ url: E2E.databaseUrl, poolSize: 2 }))).db;

/** Each channel's facts as the thread tests expect to see them in the side panel. */
const DETAILS: Partial<Record<Channel, Record<string, unknown>>> = {
  contact: { order: "ORD-77" },
  discussion: { orderReference: "ORD-88", typologyCode: "product", subTypologyCode: "productIsDamaged" },
  call_request: { timeFrom: "10:00", timeTo: "12:00" },
};

/** A new open, unassigned thread with one unread customer message, made by its channel's service. */
export async function makeThread(channel: Channel, options: { subject?: string; body?: string; email?: string } = {}) {
  const tag = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const email = options.email ?? `e2e-${tag}@mail.example`;
  const subject = options.subject ?? `E2E ${channel} ${tag}`;
  const body = options.body ?? `Hello, this is customer message ${tag}.`;
  const { thread } = await makeChannelThread(await db(), {
    channel,
    subject,
    messages: [body],
    customerEmail: email,
    customerName: "Emma E2E",
    details: DETAILS[channel],
  });
  return { id: thread.id, subject: thread.subject, body, email };
}

export async function threadRow(id: number) {
  const [row] = await sql<{ status: string; assignee_id: string | null; unread_count: number; version: number }>(
    "select status, assignee_id, unread_count, version from threads where id = $1",
    [id],
  );
  return row!;
}

export async function userId(email: string) {
  const [row] = await sql<{ id: string }>("select id from users where lower(email) = lower($1)", [email]);
  return Number(row!.id);
}

export const files = {
  png: { name: "damaged-box.png", mimeType: "image/png", buffer: Buffer.from(makePng(64, 48, [220, 90, 60])) },
  pdf: { name: "receipt.pdf", mimeType: "application/pdf", buffer: Buffer.from(makePdf("Receipt #42")) },
};
