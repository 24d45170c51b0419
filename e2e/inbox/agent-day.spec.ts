// The whole loop an agent runs many times a day, through the list and the thread together: filter,
// search by a word in a message body, open the hit, reply, and see the list row follow.
import { expect, test } from "../support/test";
import { signIn } from "../support/auth";
import { closeHelpersDb, listReady, makeCustomerThread } from "./list-helpers";

test.use({ viewport: { width: 1280, height: 800 } });
test.afterAll(async () => {
  await closeHelpersDb();
});

test("filter, search by a body word, open the hit, reply; the row shows the reply and the filters stay", async ({ page }) => {
  const word = `kettle${Date.now().toString(36)}`;
  const t = await makeCustomerThread({
    subject: "Lid does not close",
    body: `The ${word} lid will not close properly.`,
    customerName: "Deniz Kaya",
    channel: "contact",
  });

  await signIn(page, "agent");
  await page.goto("/inbox");
  await listReady(page);
  await page.getByTestId("channel-contact").click();
  await expect(page).toHaveURL(/channel=contact/);
  const row = page.locator(`[data-testid="thread-row"][data-id="${t.id}"]`);
  await expect(row).toBeVisible();

  await page.getByTestId("inbox-search").fill(word);
  await page.getByTestId("inbox-search").press("Enter");
  await expect(page.getByTestId("thread-row")).toHaveCount(1);
  await expect(row.locator("mark")).toContainText(word);

  await row.click();
  await expect(page).toHaveURL(new RegExp(`/inbox/${t.id}\\?`));
  await expect(page.getByTestId("thread").getByText(`The ${word} lid`)).toBeVisible();
  await page.getByRole("textbox", { name: "Reply" }).fill("Sorry about that: a new lid is on its way.");
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.locator('[data-testid="message"][data-role="agent"]:not([data-pending])')).toContainText("a new lid");

  // Back to the plain contact view: the row now previews our reply and is no longer unread.
  await page.getByTestId("inbox-search").fill("");
  await page.getByTestId("inbox-search").press("Enter");
  await expect(row.getByTestId("row-preview")).toContainText("a new lid is on its way");
  await expect(row).toHaveAttribute("data-unread", "false");
  await expect(page).toHaveURL(/channel=contact/);
});
