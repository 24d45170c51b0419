// Set-up for the inbox list's browser tests: threads and messages written through the same
// services the channels use (the shared factories), on the e2e database, so their events reach
// both app instances by NOTIFY.
import { expect, type Page } from "@playwright/test";
import { sql } from "drizzle-orm";
import { openDatabase, type Database } from "../../db/client";
import { postInbound } from "../../lib/channels/reply";
import { changeAssignee, changeThreadStatus } from "../../lib/inbox/service";
import { makeThread, TEST_ACTOR } from "../support/factories";
import { E2E } from "../support/env";

let database: Promise<Database> | undefined;
const db = async () => (await (database ??= openDatabase({ url: E2E.databaseUrl, poolSize: 2 }))).db;

export async function closeHelpersDb() {
  if (database) await (await database).close();
  database = undefined;
}

export async function makeCustomerThread(input: { subject: string; body: string; customerName: string; channel?: "contact" | "chat" | "discussion" }) {
  const { thread } = await makeThread(await db(), {
    channel: input.channel ?? "contact",
    subject: input.subject,
    messages: [input.body],
    customerName: input.customerName,
    customerEmail: `${input.customerName.toLowerCase().replace(/\W+/g, ".")}@e2e.example`,
  });
  return thread;
}

export async function addCustomerMessage(threadId: number, body: string) {
  return postInbound(await db(), { threadId, body }, TEST_ACTOR);
}

export async function assignTo(threadId: number, email: string) {
  const database = await db();
  const { rows } = (await database.execute(sql`select id from users where email = ${email}`)) as unknown as { rows: { id: string }[] };
  return changeAssignee(database, { threadId, assigneeId: Number(rows[0]!.id) }, TEST_ACTOR);
}

export async function closeThread(threadId: number) {
  return changeThreadStatus(await db(), { threadId, status: "closed" }, TEST_ACTOR);
}

/** The list paints from the server; keys and the search box work once it has hydrated. */
export async function listReady(page: Page) {
  await expect(page.getByTestId("inbox-list-pane")).toHaveAttribute("data-hydrated", "true");
}
