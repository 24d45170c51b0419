// Drafts that survive (defect 1): what Ayşe types — text, the Note tab, a file — is kept on the
// server, there again after opening another thread and after a reload, marked "Draft" in the
// list, and gone once sent; meanwhile Sam, on the other instance, sees "Ayşe Yılmaz is replying…".
import { expect, test } from "../support/test";
import { signIn } from "../support/auth";
import { E2E } from "../support/env";
import { files } from "../inbox/thread-helpers";
import { closeWorkspaceDb, makeCustomerThread, row, sql } from "./helpers";

test.use({ viewport: { width: 1440, height: 900 } });
test.afterAll(async () => {
  await closeWorkspaceDb();
});

test("a draft survives another thread and a reload, with its file; colleagues see who is replying", async ({ page, browser }) => {
  const first = await makeCustomerThread({ channel: "conversation", name: "Draft Customer" });
  const second = await makeCustomerThread({ channel: "conversation", name: "Other Customer" });
  await signIn(page, "agent");
  await page.goto(`/inbox/${first.id}`);
  const sam = await (await browser.newContext({ baseURL: E2E.secondURL, viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(sam, "agent2", E2E.secondURL);
  await sam.goto(`/inbox/${first.id}`);
  await expect(sam.getByTestId("thread")).toBeVisible();

  const box = page.getByTestId("composer-body");
  await box.click();
  await page.keyboard.type("Dear customer, I looked into your order and");
  await expect(sam.getByTestId("is-replying")).toContainText("Ayşe Yılmaz is replying");
  await page.getByTestId("file-input").setInputFiles([files.pdf]);
  await expect(page.getByTestId("composer-files").locator('[data-uploaded="true"]')).toHaveCount(1);
  await expect(page.getByTestId("draft-status")).toHaveText(/^Draft saved/);
  await expect(row(page, first.id).getByTestId("row-draft")).toBeVisible();

  // Another thread, then back: the text and the file are there.
  await row(page, second.id).locator("a").click();
  await expect(page.getByTestId("thread")).toHaveAttribute("data-thread-id", String(second.id));
  await expect(page.getByTestId("composer-body")).toHaveValue("");
  await row(page, first.id).locator("a").click();
  await expect(page.getByTestId("thread")).toHaveAttribute("data-thread-id", String(first.id));
  await expect(page.getByTestId("composer-body")).toHaveValue("Dear customer, I looked into your order and");
  await expect(page.getByTestId("composer-files")).toContainText("receipt.pdf");

  // A note, and a reload: still there, in the Note tab.
  await page.getByRole("tab", { name: "Note" }).click();
  await page.getByTestId("composer-body").fill("Internal: check with the warehouse first.");
  await expect(page.getByTestId("draft-status")).toHaveText(/^Draft saved/);
  await page.reload();
  await expect(page.getByTestId("composer")).toHaveAttribute("data-mode", "note");
  await expect(page.getByTestId("composer-body")).toHaveValue("Internal: check with the warehouse first.");
  await expect(page.getByTestId("composer-files")).toContainText("receipt.pdf");
  // Sam has no draft here: drafts are per agent.
  await sam.reload();
  await expect(sam.getByTestId("composer-body")).toHaveValue("");

  // Sent: the draft is gone, here and in the list.
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.locator('[data-testid="message"][data-internal="true"]').last()).toContainText("check with the warehouse");
  await expect(page.getByTestId("composer-body")).toHaveValue("");
  await expect.poll(async () => (await sql("select count(*)::int as n from drafts where thread_id = $1", [first.id]))[0]!.n).toBe(0);
  await expect(row(page, first.id).getByTestId("row-draft")).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("composer-body")).toHaveValue("");
  await sam.context().close();
});
