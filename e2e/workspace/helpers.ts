// Set-up for the agent-workspace browser tests (issue 16): threads through the channels' own
// services (the shared factories), tags and saved replies through their services, and the
// customer's messages through the inbound path — on the e2e database, so both app instances hear
// every change by NOTIFY.
import { expect, type Page } from "@playwright/test";
import { openDatabase, type Database } from "../../db/client";
import type { Channel } from "../../db/schema";
import { postInbound } from "../../lib/channels/reply";
import { changeAssignee } from "../../lib/inbox/service";
import { saveTag } from "../../lib/tags/service";
import { makeThread, TEST_ACTOR } from "../support/factories";
import { E2E } from "../support/env";
import { sql } from "../support/db";

export { sql };

let database: Promise<Database> | undefined;
export const db = async () => (await (database ??= openDatabase({ url: E2E.databaseUrl, poolSize: 2 }))).db;

export async function closeWorkspaceDb() {
  if (database) await (await database).close();
  database = undefined;
}

export const tag = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

export async function userId(email: string): Promise<number> {
  const [row] = await sql<{ id: string }>("select id from users where lower(email) = lower($1)", [email]);
  return Number(row!.id);
}

export async function makeCustomerThread(
  options: { channel?: Channel; subject?: string; body?: string; name?: string; email?: string; details?: Record<string, unknown>; messages?: string[] } = {},
) {
  const t = tag();
  // A contact thread's subject is one of the form's subjects: a fixed one, not one more per test.
  const channel = options.channel ?? "conversation";
  const { thread, customer, messages } = await makeThread(await db(), {
    channel,
    subject: options.subject ?? (channel === "contact" ? "Workspace test" : `Workspace ${t}`),
    messages: options.messages ?? [options.body ?? `Hello from the workspace test ${t}.`],
    customerName: options.name ?? "Wren Workspace",
    customerEmail: options.email ?? `ws-${t}@mail.example`,
    details: options.details,
  });
  return { id: thread.id, subject: thread.subject, customerId: customer.id, email: customer.email ?? "", messages };
}

export async function customerWrites(threadId: number, body: string) {
  const [row] = await sql<{ customer_id: string }>("select customer_id from threads where id = $1", [threadId]);
  return postInbound(await db(), { threadId, body }, { kind: "customer", customerId: Number(row!.customer_id), name: "Customer" });
}

export async function assign(threadId: number, email: string) {
  return changeAssignee(await db(), { threadId, assigneeId: await userId(email) }, TEST_ACTOR);
}

export async function makeTag(name: string, color = "amber") {
  return saveTag(await db(), { name, color }, TEST_ACTOR);
}

/** The list paints from the server; keys and the search box work once it has hydrated. */
export async function listReady(page: Page) {
  await expect(page.getByTestId("inbox-list-pane")).toHaveAttribute("data-hydrated", "true");
}

export const row = (page: Page, id: number) => page.locator(`[data-testid="thread-row"][data-id="${id}"]`);
