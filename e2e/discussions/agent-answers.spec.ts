// An agent answers a discussion to customer service with an attachment and closes it in the
// inbox; the seller API then reports it closed with the message present.
import { expect, test } from "../support/test";
import { signIn } from "../support/auth";
import { files } from "../inbox/thread-helpers";
import { createDiscussion, expectAnsweredToCustomerServiceAndClosed, sellerToken } from "./helpers";

test("an agent answers a discussion to customer service with an attachment and closes it; the API sees both", async ({ page, request }) => {
  const token = await sellerToken(request);
  const d = await createDiscussion(request, token);
  await signIn(page, "agent");
  await page.goto(`/inbox/${d.discussionId}`);
  await expect(page.getByText(/My order arrived damaged/).first()).toBeVisible();
  await expect(page.getByTestId("discussion-panel")).toBeVisible();

  const body = `Answer to customer service ${Date.now()}`;
  const receivers = page.getByTestId("receivers");
  await receivers.getByLabel("Customer", { exact: true }).uncheck();
  await receivers.getByLabel("Customer service").check();
  await page.getByRole("textbox", { name: "Reply" }).fill(body);
  await page.getByTestId("file-input").setInputFiles([files.png]);
  await expect(page.getByTestId("composer-files").getByRole("listitem")).toHaveCount(1);
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.locator('[data-testid="message"][data-role="agent"]:not([data-pending])')).toContainText(body);
  await page.getByRole("button", { name: "Close", exact: true }).click();
  await expect(page.getByTestId("thread")).toHaveAttribute("data-status", "closed");

  await expectAnsweredToCustomerServiceAndClosed(request, token, d.discussionId, body);
});
