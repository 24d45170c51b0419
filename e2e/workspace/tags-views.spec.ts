// Tags and team views: an admin adds a tag with its colour; an agent tags a thread from the thread;
// the list shows it, the sidebar and the search box filter by it; the agent saves the filtered
// list as a view shared with the team, which a colleague on the other instance sees with its count.
import { expect, test } from "../support/test";
import { signIn } from "../support/auth";
import { E2E } from "../support/env";
import { closeWorkspaceDb, listReady, makeCustomerThread, row, tag } from "./helpers";

test.use({ viewport: { width: 1440, height: 900 } });
test.afterAll(async () => {
  await closeWorkspaceDb();
});

test("an admin's tag, applied from the thread, shown and filtered in the list; a shared view with its count", async ({ page, browser }) => {
  const name = `vip${tag()}`;
  const admin = await (await browser.newContext({ baseURL: E2E.baseURL })).newPage();
  await signIn(admin, "admin");
  await admin.goto("/admin/tags");
  const form = admin.getByTestId("new-tag-form");
  await form.getByPlaceholder("e.g. vip").fill(name);
  await form.locator("select").selectOption("violet");
  await form.getByRole("button", { name: "Add tag" }).click();
  await expect(admin.locator(`[data-testid="tag-row"][data-name="${name}"]`)).toBeVisible();
  await admin.context().close();

  const tagged = await makeCustomerThread({ subject: `Tag me ${name}` });
  const other = await makeCustomerThread({ subject: `Leave me ${name}` });
  await signIn(page, "agent");
  await page.goto(`/inbox/${tagged.id}`);
  await page.getByTestId("tag-picker").click();
  await page.getByTestId(`tag-option-${name}`).click();
  await expect(page.getByTestId("thread-tags").getByTestId("tag-chip")).toHaveAttribute("data-tag", name);
  await expect(row(page, tagged.id).getByTestId("row-tags")).toContainText(name);
  await expect(row(page, other.id).getByTestId("row-tags")).toHaveCount(0);

  // The sidebar's tag filter and the search box's tag:.
  await page.getByTestId(`tag-filter-${name}`).click();
  await expect(page).toHaveURL(/tag=\d+/);
  await expect(page.getByTestId("thread-row")).toHaveCount(1);
  await expect(row(page, tagged.id)).toBeVisible();
  await page.getByTestId("inbox-search").fill(`tag:${name} status:all`);
  await expect(page.getByTestId("thread-row")).toHaveCount(1);
  await page.getByTestId("inbox-search").fill("");
  await expect(page).not.toHaveURL(/q=/);

  // Save the tag-filtered list as a view for the team.
  await page.getByTestId("save-view").click();
  await page.getByLabel("View name").fill(`Tagged ${name}`);
  await page.getByLabel("Share with the team").check();
  await page.getByTestId("save-view-form").getByRole("button", { name: "Save view" }).click();
  const saved = page.getByTestId("saved-view").filter({ hasText: `Tagged ${name}` });
  await expect(saved).toBeVisible();
  await expect(saved.getByTestId("nav-count")).toHaveText("1");

  // A colleague on the other instance sees the shared view and its count, and opens it.
  const sam = await (await browser.newContext({ baseURL: E2E.secondURL, viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(sam, "agent2", E2E.secondURL);
  await sam.goto("/inbox");
  await listReady(sam);
  const theirs = sam.getByTestId("saved-view").filter({ hasText: `Tagged ${name}` });
  await expect(theirs.getByTestId("nav-count")).toHaveText("1");
  await theirs.getByRole("link").click();
  await expect(sam.getByTestId("thread-row")).toHaveCount(1);
  await expect(row(sam, tagged.id)).toBeVisible();
  await sam.context().close();

  // The sidebar's other filters a view can keep: part of the subject, waiting or answered.
  await page.goto("/inbox");
  await page.getByText("More filters").click();
  await page.getByTestId("filter-subject").fill(`leave me ${name}`);
  await page.getByTestId("filter-waiting").selectOption("yes");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/subject=/);
  await expect(page.getByTestId("thread-row")).toHaveCount(1);
  await expect(row(page, other.id)).toBeVisible();

  // Untagging from the chip takes it out of the view.
  await page.goto(`/inbox/${tagged.id}`);
  await page.getByRole("button", { name: `Remove tag ${name}` }).click();
  await expect(page.getByTestId("thread-tags").getByTestId("tag-chip")).toHaveCount(0);
});
