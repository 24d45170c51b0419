// Merging two threads of one customer (the messages interleaved by time, the other closed and
// pointing to the merged one), and the customer profile: name and notes edited, every thread in
// every channel listed, another record of the same person merged in.
import { expect, test } from "../support/test";
import { signIn } from "../support/auth";
import { closeWorkspaceDb, customerWrites, makeCustomerThread, sql, tag } from "./helpers";

test.use({ viewport: { width: 1440, height: 900 } });
test.afterAll(async () => {
  await closeWorkspaceDb();
});

test("merge a thread into another of the same customer; the messages interleave, the other points to it", async ({ page }) => {
  const email = `merge-${tag()}@mail.example`;
  const target = await makeCustomerThread({ channel: "contact", email, name: "Mira Merge", body: "1 — first, in the older thread" });
  const source = await makeCustomerThread({ channel: "contact", email, name: "Mira Merge", body: "2 — second, in the newer thread" });
  await customerWrites(target.id, "3 — third, in the older thread again");
  await signIn(page, "agent");
  await page.goto(`/inbox/${source.id}`);
  await page.getByTestId("thread-more").click();
  await page.getByTestId("merge-open").click();
  await page.getByTestId(`merge-into-${target.id}`).click();
  await expect(page).toHaveURL(new RegExp(`/inbox/${target.id}$`));
  await expect(page.locator('[data-testid="message"][data-role="customer"]')).toHaveText([/1 — first/, /2 — second/, /3 — third/]);
  await expect(page.locator('[data-testid="timeline-event"][data-type="merged_from"]')).toContainText(`merged #${source.id} into this thread`);
  await page.goto(`/inbox/${source.id}`);
  await expect(page.getByTestId("thread-status")).toHaveText("Closed");
  await expect(page.getByTestId("merged-banner")).toContainText(`#${target.id}`);
  await page.getByTestId("merged-banner").getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/inbox/${target.id}$`));
});

test("the customer profile: edit name and notes, every thread in every channel, merge another record in", async ({ page }) => {
  const t = tag();
  const email = `profile-${t}@mail.example`;
  const contact = await makeCustomerThread({ channel: "contact", email, name: "Deniz K" });
  const chat = await makeCustomerThread({ channel: "chat", email, name: "Deniz K" });
  const elsewhere = await makeCustomerThread({ channel: "call_request", email: `deniz.other-${t}@mail.example`, name: `Deniz Other ${t}` });
  await signIn(page, "agent");
  await page.goto(`/inbox/${contact.id}`);
  await page.getByTestId("customer-link").click();
  await expect(page.getByTestId("customer-profile")).toBeVisible();
  await expect(page.getByTestId("customer-thread")).toHaveCount(2);
  for (const id of [contact.id, chat.id]) await expect(page.locator(`[data-testid="customer-thread"][data-id="${id}"]`)).toBeVisible();

  const editor = page.getByTestId("customer-editor");
  await editor.getByLabel("Name").fill("Deniz Kaya");
  await editor.getByLabel(/Notes/).fill("Prefers phone calls after 18:00.");
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(editor.getByRole("status")).toHaveText("Saved.");
  await page.reload();
  await expect(page.getByTestId("customer-name")).toHaveText("Deniz Kaya");
  await expect(page.getByTestId("customer-editor").getByLabel(/Notes/)).toHaveValue("Prefers phone calls after 18:00.");
  expect((await sql<{ customer_name: string }>("select customer_name from threads where id = $1", [chat.id]))[0]!.customer_name).toBe("Deniz Kaya");

  // Another record of the same person (another e-mail), found by name, merged in.
  page.once("dialog", (d) => void d.accept());
  await page.getByTestId("customer-merge-search").fill(`Deniz Other ${t}`);
  await page.getByTestId("merge-candidate").first().getByRole("button", { name: "Merge here" }).click();
  await expect(page.getByTestId("customer-thread")).toHaveCount(3);
  await expect(page.locator(`[data-testid="customer-thread"][data-id="${elsewhere.id}"]`)).toBeVisible();
});
