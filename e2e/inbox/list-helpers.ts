// Set-up for the inbox list's browser tests: threads and messages written through the same service
// the channels use, on the e2e database, so their events reach both app instances by NOTIFY.
import { expect, type Page } from "@playwright/test";
import { sql } from "drizzle-orm";
import { openDatabase, type Database } from "../../db/client";
import { inTransaction } from "../../lib/events";
import { addMessage, assignThread, createThread, setThreadStatus } from "../../lib/threads/service";
import { E2E } from "../support/env";

let database: Promise<Database> | undefined;
const db = async () => (await (database ??= openDatabase({ url: E2E.databaseUrl, poolSize: 2 }))).db;

export async function closeHelpersDb() {
  if (database) await (await database).close();
  database = undefined;
}

export async function makeCustomerThread(input: { subject: string; body: string; customerName: string; channel?: "contact" | "chat" | "discussion" }) {
  return inTransaction(await db(), async (tx, emit) => {
    const thread = await createThread(tx, emit, { channel: input.channel ?? "contact", subject: input.subject, customerName: input.customerName, customerEmail: `${input.customerName.toLowerCase().replace(/\W+/g, ".")}@e2e.example` });
    await addMessage(tx, emit, thread.id, { authorRole: "customer", authorName: input.customerName, body: input.body });
    return thread;
  });
}

export async function addCustomerMessage(threadId: number, body: string) {
  return inTransaction(await db(), (tx, emit) => addMessage(tx, emit, threadId, { authorRole: "customer", body }));
}

export async function assignTo(threadId: number, email: string) {
  const database = await db();
  const { rows } = (await database.execute(sql`select id from users where email = ${email}`)) as unknown as { rows: { id: string }[] };
  return inTransaction(database, (tx, emit) => assignThread(tx, emit, threadId, Number(rows[0]!.id), { label: "e2e" }));
}

export async function closeThread(threadId: number) {
  return inTransaction(await db(), (tx, emit) => setThreadStatus(tx, emit, threadId, "closed", { label: "e2e" }));
}

/** The list paints from the server; keys and the search box work once it has hydrated. */
export async function listReady(page: Page) {
  await expect(page.getByTestId("inbox-list-pane")).toHaveAttribute("data-hydrated", "true");
}
