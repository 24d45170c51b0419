// Customer↔seller conversations end to end, on two app instances sharing one PostgreSQL: a visitor
// follows a shop's "ask the seller" link, signs up on the way, asks a public question; an agent
// answers from the inbox (on the other instance) as the seller; the answer appears live in the
// customer's "My messages" and conversation; the customer replies with a picture and the agent
// sees it live. The public question page shows the question and answer with the asker's first
// name and initial only, and another customer cannot open the conversation by its URL.
import { type Page } from "@playwright/test";
import { expect, test } from "../support/test";
import { apiSignIn, signIn } from "../support/auth";
import { sql } from "../support/db";
import { E2E } from "../support/env";
import { files } from "../inbox/thread-helpers";
import { mailText } from "../support/smtp-sink";

async function ids() {
  const [seller] = await sql<{ id: string; title: string }>("select id, title from sellers where slug = 'northwind'");
  const [product] = await sql<{ id: string; name: string }>("select id, name from products where sku = 'NW-SHOE-02'");
  return { sellerId: Number(seller!.id), sellerTitle: seller!.title, productId: Number(product!.id), productName: product!.name };
}

function collectErrors(page: Page, options: { filesElsewhere?: boolean } = {}) {
  const errors: string[] = [];
  // The browser tests' two instances keep files on their own disks (several instances in
  // production share S3): the second instance cannot serve what the first stored.
  const elsewhere = (url: string) => !!options.filesElsewhere && /\/(media|api\/attachments)\//.test(url);
  page.on("console", (m) => m.type() === "error" && !elsewhere(m.location().url) && errors.push(`${m.text()} ${m.location().url}`));
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

test("a visitor signs up from a product link, asks a seller; the agent answers live as the seller; the customer replies live", async ({ browser }) => {
  const { sellerId, sellerTitle, productId, productName } = await ids();
  const tag = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const email = `visitor-${tag}@mail.example`;

  // The shop's link, for an anonymous visitor: sign in first (the link kept), or sign up.
  const customer = await (await browser.newContext({ baseURL: E2E.baseURL })).newPage();
  const customerErrors = collectErrors(customer);
  const link = `/account/messages/new?item_content=product&item_id=${productId}&datasource=${sellerId}`;
  await customer.goto(link);
  await expect(customer).toHaveURL(/\/account\/login\?next=/);
  await customer.getByTestId("sign-up-link").click();
  await expect(customer).toHaveURL(/\/account\/signup\?next=/);
  await customer.getByLabel("First name").fill("Leyla");
  await customer.getByLabel("Last name").fill("Çınar");
  await customer.getByLabel("E-mail", { exact: true }).fill(email);
  await customer.getByLabel("Password", { exact: true }).fill("leyla-password-1");
  await customer.getByRole("button", { name: "Create account" }).click();

  // Back on the link's page, signed in: the seller and the product, the question form.
  await expect(customer).toHaveURL(new RegExp(`/account/messages/new\\?item_content=product&item_id=${productId}&datasource=${sellerId}`));
  await expect(customer.getByRole("heading", { name: `Write to ${sellerTitle}` })).toBeVisible();
  await expect(customer.getByTestId("portal-item")).toContainText(productName);
  await expect
    .poll(() =>
      customer
        .getByTestId("portal-item")
        .locator("img")
        .evaluate((el) => (el as HTMLImageElement).naturalWidth),
    )
    .toBe(96);
  await expect(customer.getByLabel("Question", { exact: true })).toBeChecked();
  await customer.getByLabel("Subject", { exact: true }).fill("Sizing");
  await customer.getByLabel("Your message").fill(`Do the ${productName} run small? (${tag})`);
  await customer.getByLabel("Show my question and the seller's answer on the product page").check();
  await customer.getByRole("button", { name: "Send to the seller" }).click();
  await expect(customer).toHaveURL(/\/account\/messages\/\d+$/);
  const threadId = Number(new URL(customer.url()).pathname.split("/").pop());
  const [stored] = await sql<{ channel: string; seller_id: string; channel_state: string }>(
    "select channel, seller_id, channel_state from threads where id = $1",
    [threadId],
  );
  expect(stored).toEqual({ channel: "conversation", seller_id: String(sellerId), channel_state: "not_answered" });

  // "My messages": the new conversation, waiting for the seller.
  await customer.goto("/account/messages");
  const row = customer.locator(`[data-testid="portal-conversation"][data-id="${threadId}"]`);
  await expect(row).toHaveAttribute("data-answered", "false");
  await expect(row).toContainText("Waiting for the seller");
  await customer.evaluate(() => ((window as unknown as { __marker: string }).__marker = "no-reload"));

  // The agent, on the other instance, answers from the inbox.
  const agent = await (await browser.newContext({ baseURL: E2E.secondURL })).newPage();
  const agentErrors = collectErrors(agent, { filesElsewhere: true });
  await signIn(agent, "agent", E2E.secondURL);
  await agent.goto(`/inbox/${threadId}`);
  const panel = agent.getByTestId("conversation-panel");
  await expect(panel).toContainText(productName);
  await expect(panel).toContainText(sellerTitle);
  await expect(panel).toContainText("Public");
  await expect(panel.getByTestId("panel-image")).toBeVisible();
  await expect(agent.getByTestId("message").first()).toContainText(`(${tag})`);
  await agent.getByRole("textbox", { name: "Reply" }).fill("They run true to size: take your usual one.");
  await agent.getByRole("button", { name: "Send reply" }).click();
  await expect(agent.locator('[data-testid="message"][data-role="agent"]:not([data-pending])')).toHaveCount(1);

  // The customer's list shows it without a reload: answered, a new answer.
  await expect(row).toHaveAttribute("data-unread", "true");
  await expect(row).toContainText("New answer");
  await expect(row).toContainText("They run true to size");
  expect(await customer.evaluate(() => (window as unknown as { __marker?: string }).__marker)).toBe("no-reload");

  // The conversation: the answer is the seller's, by the seller's name — never the agent's.
  await row.getByRole("link").click();
  const seller = customer.locator('[data-testid="portal-message"][data-from="seller"]');
  await expect(seller).toContainText("They run true to size");
  await expect(seller.getByTestId("portal-message-author")).toHaveText(sellerTitle);
  await expect(customer.getByTestId("portal-conversation-view")).not.toContainText("Ayşe");

  // The customer replies with a picture; the agent sees it arrive live.
  await customer.getByLabel("Your reply").fill("Thanks! Ordering my usual size.");
  await customer.getByTestId("portal-reply-files").setInputFiles([files.png]);
  await customer.getByRole("button", { name: "Send" }).click();
  const mine = customer.locator('[data-testid="portal-message"][data-from="customer"]');
  await expect(mine).toHaveCount(2);
  await expect(mine.last()).toContainText("Ordering my usual size");
  await expect(mine.last().locator("img")).toBeVisible();
  await expect
    .poll(() =>
      mine
        .last()
        .locator("img")
        .evaluate((el) => (el as HTMLImageElement).naturalWidth),
    )
    .toBe(64);
  await expect(customer.getByLabel("Your reply")).toHaveValue("");
  const inbound = agent.locator('[data-testid="message"][data-role="customer"]');
  await expect(inbound).toHaveCount(2);
  await expect(inbound.last()).toContainText("Ordering my usual size");
  await expect(inbound.last().getByTestId("attachment-image")).toBeVisible();
  await expect
    .poll(async () => (await sql<{ channel_state: string }>("select channel_state from threads where id = $1", [threadId]))[0]!.channel_state)
    .toBe("not_answered");

  // The seller's answer arrived while the customer was reading: no notification mail for it.
  // (The public question page, for anyone: first name and initial, no e-mail.)
  const visitor = await (await browser.newContext({ baseURL: E2E.baseURL })).newPage();
  await visitor.goto(`/questions/${sellerId}/${productId}`);
  const question = visitor.getByTestId("public-question").filter({ hasText: `(${tag})` });
  await expect(question).toContainText("Asked by Leyla Ç.");
  await expect(question).toContainText("They run true to size");
  await expect(question).toContainText(sellerTitle);
  const html = await visitor.content();
  expect(html).not.toContain(email);
  expect(html).not.toContain("Çınar");
  expect(html).not.toContain("Ayşe");

  // Another customer cannot open it by its URL.
  const other = await (await browser.newContext({ baseURL: E2E.baseURL })).newPage();
  await apiSignIn(other.request, "customer");
  const page404 = await other.goto(`/account/messages/${threadId}`);
  expect(page404?.status()).toBe(404);
  await expect(other.locator("body")).not.toContainText("Ordering my usual size");
  expect((await other.request.get(`/api/portal/conversations/${threadId}`)).status()).toBe(404);
  const [attachment] = await sql<{ id: string }>("select id from attachments where thread_id = $1", [threadId]);
  expect((await other.request.get(`/api/portal/attachments/${attachment!.id}`)).status()).toBe(404);
  expect((await customer.request.get(`/api/portal/attachments/${attachment!.id}`)).status()).toBe(200);

  expect(customerErrors).toEqual([]);
  expect(agentErrors).toEqual([]);
});

test("the customer pages speak Turkish, and the forgotten-password link works once", async ({ page }) => {
  // The switch keeps the choice (a cookie) for the pages that follow.
  await page.goto("/account/login");
  await page.getByRole("link", { name: "Türkçe" }).click();
  await expect(page.getByRole("heading", { name: "Giriş yap" })).toBeVisible();
  await page.getByRole("link", { name: "Parolanızı mı unuttunuz?" }).click();
  await expect(page.getByRole("heading", { name: "Parolanızı mı unuttunuz?" })).toBeVisible();
  await page.getByLabel("E-posta", { exact: true }).fill("customer2@example.com");
  await page.getByRole("button", { name: "Bağlantıyı gönder" }).click();
  await expect(page.getByRole("status")).toContainText("Bu adresle bir hesap varsa");
  // The link arrives by mail (the SMTP sink of the test servers).
  let link = "";
  await expect
    .poll(
      async () => {
        const mails = (await (await fetch(`${E2E.smtpListURL}/messages`)).json()) as { to: string[]; raw: string }[];
        const mail = mails.filter((m) => m.to.includes("customer2@example.com")).at(-1);
        link = /https?:\/\/[^\s]+\/account\/reset-password\?token=[0-9a-f]{48}/.exec(mailText(mail?.raw ?? ""))?.[0] ?? "";
        return link;
      },
      { timeout: 20_000 },
    )
    .not.toBe("");
  await page.goto(new URL(link).pathname + new URL(link).search);
  await page.getByLabel("Parola", { exact: true }).fill("switchboard-customer");
  await page.getByLabel("Yeni parolayı tekrarlayın").fill("switchboard-customer");
  await page.getByRole("button", { name: "Yeni parolayı kaydet" }).click();
  await expect(page.getByRole("status")).toContainText("Parolanız değiştirildi");
  await page.goto(new URL(link).pathname + new URL(link).search);
  await expect(page.getByTestId("reset-invalid")).toBeVisible();
});
