// The SOAP user-messages service end to end, on the two app instances sharing one PostgreSQL: an
// admin creates a SOAP credential at /admin/api-keys (its four values shown once); a stock SOAP
// client (the `soap` npm package) loads the WSDL from the first instance with HTTP Basic; a
// customer writes to the seller in the portal; the seller's back office answers with putMessage —
// it appears live in the customer's "My messages" and in the agent's inbox on the other instance;
// the customer's reply shows up in getMessages unread, and markAsRead clears it.
import { type Page } from "@playwright/test";
import { expect, test } from "../support/test";
import * as soap from "soap";
import { signIn } from "../support/auth";
import { sql } from "../support/db";
import { E2E } from "../support/env";
import { signed } from "../support/soap";

const SOAP_PATH = "/listingapi/ws/IndividualUserConversationService";

function collectErrors(page: Page) {
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(`${m.text()} ${m.location().url}`));
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

test("a SOAP putMessage reaches the customer live and the inbox; the customer's reply is unread in getMessages until markAsRead", async ({ browser }) => {
  const tag = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const [seller] = await sql<{ id: string; title: string }>("select id, title from sellers where slug = 'northwind'");

  // The admin creates the credential; the page shows role name, role password, apiKey and secret once.
  const admin = await (await browser.newContext({ baseURL: E2E.baseURL })).newPage();
  const adminErrors = collectErrors(admin);
  await signIn(admin, "admin");
  await admin.goto("/admin/api-keys");
  const form = admin.getByTestId("create-soap");
  await form.getByLabel("Name").fill(`Back office ${tag}`);
  await form.locator('select[name="sellerId"]').selectOption(seller!.id);
  await form.getByLabel(/Send messages, mark read/).check();
  await form.getByRole("button", { name: "Create" }).click();
  const created = form.getByTestId("created-key");
  await expect(created).toBeVisible();
  const value = async (id: string) => (await form.getByTestId(id).textContent())!.trim();
  const cred = {
    roleName: await value("created-role-name"),
    rolePassword: await value("created-role-password"),
    apiKey: await value("created-apikey"),
    secret: await value("created-secret"),
  };
  expect(cred.apiKey).toMatch(/^[A-Za-z0-9]{32}$/);
  await admin.reload();
  await expect(admin.locator(`[data-testid="api-key-row"][data-prefix="${cred.apiKey}"]`)).toContainText(cred.roleName);
  await expect(admin.getByTestId("api-keys")).not.toContainText(cred.secret);

  // A customer signs up and writes to the seller.
  const customer = await (await browser.newContext({ baseURL: E2E.baseURL })).newPage();
  const customerErrors = collectErrors(customer);
  await customer.goto(`/account/signup?next=${encodeURIComponent(`/account/messages/new?datasource=${seller!.id}`)}`);
  await customer.getByLabel("First name").fill("Ece");
  await customer.getByLabel("Last name").fill("Sarı");
  await customer.getByLabel("E-mail", { exact: true }).fill(`soap-${tag}@mail.example`);
  await customer.getByLabel("Password", { exact: true }).fill("ece-password-1");
  await customer.getByRole("button", { name: "Create account" }).click();
  await expect(customer.getByRole("heading", { name: `Write to ${seller!.title}` })).toBeVisible();
  await customer.getByLabel("Subject", { exact: true }).fill(`Delivery ${tag}`);
  await customer.getByLabel("Your message").fill(`Kargom ne zaman gelir? (${tag})`);
  await customer.getByRole("button", { name: "Send to the seller" }).click();
  await expect(customer).toHaveURL(/\/account\/messages\/\d+$/);
  const threadId = Number(new URL(customer.url()).pathname.split("/").pop());
  await customer.goto("/account/messages");
  const row = customer.locator(`[data-testid="portal-conversation"][data-id="${threadId}"]`);
  await expect(row).toHaveAttribute("data-answered", "false");
  await customer.evaluate(() => ((window as unknown as { __marker: string }).__marker = "no-reload"));

  // The seller's back office: a stock SOAP client from our WSDL, with Basic auth.
  const authorization = `Basic ${Buffer.from(`${cred.roleName}:${cred.rolePassword}`).toString("base64")}`;
  const client = await soap.createClientAsync(`${E2E.baseURL}${SOAP_PATH}?wsdl`, { wsdl_headers: { Authorization: authorization } });
  client.setSecurity(new soap.BasicAuthSecurity(cred.roleName, cred.rolePassword));
  expect(client.getEndpoint?.() ?? `${E2E.baseURL}${SOAP_PATH}`).toContain(SOAP_PATH);
  const listed = async () =>
    (
      await client.getConversationsAsync({ ...signed(cred.apiKey, cred.secret), getConversationsRequest: { rowCount: 50, lang: "tr" } })
    )[0].return.conversations.conversation.find((c: { conversationId: string }) => c.conversationId === String(threadId));
  expect(await listed()).toMatchObject({ unreadMessageCount: 1, read: false, answered: false });

  // An agent opens the conversation on the other instance: that reads it for the seller side (one
  // read state for the inbox and the back office), and it stays open for what follows.
  const agent = await (await browser.newContext({ baseURL: E2E.secondURL })).newPage();
  await signIn(agent, "agent", E2E.secondURL);
  await agent.goto(`/inbox/${threadId}`);
  await expect(agent.getByTestId("message").first()).toContainText(`(${tag})`);
  await expect.poll(async () => (await listed()).unreadMessageCount).toBe(0);

  const [put] = await client.putMessageAsync({
    ...signed(cred.apiKey, cred.secret),
    putMessageRequest: { conversationId: String(threadId), message: `Yarın kargoda. (${tag}-seller)`, sendCopy: false, lang: "tr" },
  });
  expect(put.return.conversationId).toBe(String(threadId));

  // Live for the customer (no reload): answered, the seller's answer.
  await expect(row).toHaveAttribute("data-answered", "true");
  await expect(row).toContainText(`(${tag}-seller)`);
  expect(await customer.evaluate(() => (window as unknown as { __marker?: string }).__marker)).toBe("no-reload");
  // And for the agent, as the seller's message.
  await expect(agent.getByTestId("message").filter({ hasText: `(${tag}-seller)` })).toBeVisible();

  // The customer replies from the portal.
  await row.getByRole("link").click();
  await expect(customer.locator('[data-testid="portal-message"][data-from="seller"]')).toContainText(`(${tag}-seller)`);
  await customer.getByLabel("Your reply").fill(`Teşekkürler! (${tag}-reply)`);
  await customer.getByRole("button", { name: "Send" }).click();
  await expect(customer.locator('[data-testid="portal-message"][data-from="customer"]').last()).toContainText(`(${tag}-reply)`);

  // getMessages: the reply is there, unread; markAsRead clears it.
  const messages = async () =>
    (
      await client.getMessagesAsync({
        ...signed(cred.apiKey, cred.secret),
        getMessagesRequest: { conversationId: String(threadId), rowCount: 50, startOffset: 0, lang: "tr" },
      })
    )[0].return;
  let page = await messages();
  const reply = page.messages.message.at(-1);
  expect(reply).toMatchObject({ messageText: `Teşekkürler! (${tag}-reply)`, read: false, outgoing: false });
  expect(page.messageCount).toBe(3);
  const [marked] = await client.markAsReadAsync({ ...signed(cred.apiKey, cred.secret), markAsReadRequest: { conversationId: [String(threadId)], lang: "tr" } });
  expect(marked.return.unreadMessageCount).toBe(0);
  page = await messages();
  expect(page.messages.message.at(-1)).toMatchObject({ read: true });
  expect(page.unreadMessageCount).toBe(0);

  const [stored] = await sql<{ author_role: string }>("select author_role from messages where thread_id = $1 and body like $2", [threadId, `%${tag}-seller%`]);
  expect(stored!.author_role).toBe("seller");
  expect(adminErrors).toEqual([]);
  expect(customerErrors).toEqual([]);
});
