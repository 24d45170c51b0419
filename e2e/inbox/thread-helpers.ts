// Set-up for the thread browser tests: fresh threads written straight into the e2e database (no
// UI creates them), small real files, and a direct read of a thread's state.
import { makePdf, makePng } from "../../db/seed/files";
import { sql } from "../support/db";

export { sql };


type Channel = "contact" | "conversation" | "discussion" | "call_request" | "chat";

/** A new open, unassigned thread with one unread customer message, and its channel's detail row. */
export async function makeThread(channel: Channel, options: { subject?: string; body?: string; email?: string } = {}) {
  const tag = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const email = options.email ?? `e2e-${tag}@mail.example`;
  const subject = options.subject ?? `E2E ${channel} ${tag}`;
  const body = options.body ?? `Hello, this is customer message ${tag}.`;
  const [thread] = await sql<{ id: string }>(
    `insert into threads (channel, subject, customer_name, customer_email, last_message_preview, last_message_role, message_count, unread_count, waiting_since)
     values ($1, $2, 'Emma E2E', $3, $4, 'customer', 1, 1, now()) returning id`,
    [channel, subject, email, body],
  );
  const id = Number(thread!.id);
  await sql(`insert into messages (thread_id, author_role, author_name, body) values ($1, 'customer', 'Emma E2E', $2)`, [id, body]);
  if (channel === "contact") await sql(`insert into contact_details (thread_id, full_name, email, order_number) values ($1, 'Emma E2E', $2, 'ORD-77')`, [id, email]);
  if (channel === "discussion")
    await sql(`insert into discussion_details (thread_id, sales_channel, order_reference, typology_code, sub_typology_code, receivers) values ($1, 'CDISFR', 'ORD-88', 'product', 'productIsDamaged', '[{"userType":"Customer"},{"userType":"GrcOperator"}]')`, [id]);
  if (channel === "call_request") await sql(`insert into call_request_details (thread_id, name, phone, time_from, time_to) values ($1, 'Emma E2E', '+90 555 000 00 00', '10:00', '12:00')`, [id]);
  if (channel === "conversation") await sql(`insert into conversation_details (thread_id, item_content, item_id, item_name) values ($1, 'product', '4242', 'Ceramic Vase')`, [id]);
  return { id, subject, body, email };
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
