// The default set-up: a fresh embedded database, created, migrated and seeded by the start script.
import { expect, test } from "../support/test";
import { signIn } from "../support/auth";

test("the embedded desk starts with demo data and the agent sees all five channels", async ({ page, baseURL }) => {
  await signIn(page, "agent", baseURL);
  await page.goto("/inbox?status=all");
  await expect(page.getByTestId("thread-row").first()).toBeVisible();
  for (const channel of ["contact", "conversation", "discussion", "call_request", "chat"]) {
    await page.goto(`/inbox?channel=${channel}&status=all`);
    await expect(page.locator(`[data-testid="thread-row"][data-channel="${channel}"]`).first()).toBeVisible();
  }
});
