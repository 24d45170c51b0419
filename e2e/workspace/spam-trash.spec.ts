// Spam and the trash: marking a thread as spam takes it out of every view into Spam and blocks
// its sender from the contact form (by e-mail); "not spam" undoes both. Deleting moves a thread
// to the trash, where an admin restores it.
import { expect, test } from "../support/test";
import { signIn } from "../support/auth";
import { closeWorkspaceDb, listReady, makeCustomerThread, row, sql, tag } from "./helpers";

test.use({ viewport: { width: 1440, height: 900 } });
test.afterAll(async () => {
  await closeWorkspaceDb();
});

test("spam: out of the views, sender blocked on the contact form; not spam undoes it", async ({ page, browser }) => {
  const email = `spammer-${tag()}@spam.example`;
  const thread = await makeCustomerThread({ email, name: "Cheap Watches" });
  await signIn(page, "agent");
  await page.goto(`/inbox/${thread.id}`);
  await page.getByTestId("thread-more").click();
  await page.getByTestId("spam-toggle").click();
  await expect(page.getByTestId("spam-banner")).toBeVisible();
  await expect(row(page, thread.id)).toHaveCount(0);
  await page.goto("/inbox?status=all&spam=1");
  await listReady(page);
  await expect(row(page, thread.id)).toBeVisible();

  // The sender, on the public form.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`${new URL(page.url()).origin}/contact?lang=en`);
  await visitor.getByLabel("Subject").selectOption({ label: "Technical support" });
  await visitor.getByLabel("Full name").fill("Cheap Watches");
  await visitor.getByLabel("E-mail").fill(email);
  await visitor.getByLabel("Your message").fill("Best prices, click here");
  await visitor.getByRole("button", { name: "Send message" }).click();
  await expect(visitor.getByText("Messages from this address are not accepted.")).toBeVisible();

  // Not spam: back in the views, and the sender may write again.
  await page.goto(`/inbox/${thread.id}`);
  await page.getByTestId("thread-more").click();
  await page.getByTestId("spam-toggle").click();
  await expect(page.getByTestId("spam-banner")).toHaveCount(0);
  await expect.poll(async () => (await sql("select blocked_at from customers where lower(email) = lower($1)", [email]))[0]!.blocked_at).toBeNull();
  await visitor.getByRole("button", { name: "Send message" }).click();
  await expect(visitor.getByTestId("contact-reference")).toBeVisible();
  await visitor.context().close();
});

test("delete moves a thread to the trash; an admin restores it", async ({ page, browser }) => {
  const thread = await makeCustomerThread({ subject: `Trash me ${tag()}` });
  await signIn(page, "agent");
  await page.goto(`/inbox/${thread.id}`);
  page.once("dialog", (d) => void d.accept());
  await page.getByTestId("thread-more").click();
  await page.getByTestId("delete-thread").click();
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(row(page, thread.id)).toHaveCount(0);
  expect((await page.request.get(`/api/threads/${thread.id}`)).status()).toBe(404);
  // Agents have no trash to restore from.
  expect((await page.request.post(`/api/threads/${thread.id}/restore`)).status()).toBe(403);

  const admin = await (await browser.newContext({ baseURL: new URL(page.url()).origin })).newPage();
  await signIn(admin, "admin");
  await admin.goto("/admin/trash");
  const trashed = admin.locator(`[data-testid="trash-row"][data-id="${thread.id}"]`);
  await expect(trashed).toContainText(thread.subject);
  await expect(trashed).toContainText("by Ayşe Yılmaz");
  await trashed.getByRole("button", { name: "Restore" }).click();
  await expect(trashed).toHaveCount(0);
  await admin.context().close();
  await page.goto(`/inbox/${thread.id}`);
  await expect(page.getByTestId("thread")).toBeVisible();
});
