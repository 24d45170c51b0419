// Defects 2 and 4 of issue 16: a thread opens at its end even when an image loads after the first
// paint, and your own new reply is brought into view; a call request's card links to its thread and
// the customer's history, and Take / Completed / No answer are in the thread's panel too.
import { type Page } from "@playwright/test";
import { expect, test } from "../support/test";
import { postInbound } from "../../lib/channels/reply";
import { DiskStore } from "../../lib/storage/store";
import { E2E } from "../support/env";
import { signIn } from "../support/auth";
import { files } from "../inbox/thread-helpers";
import { closeWorkspaceDb, db, makeCustomerThread, sql } from "./helpers";

test.use({ viewport: { width: 1280, height: 800 } });
test.afterAll(async () => {
  await closeWorkspaceDb();
});

const atEnd = (page: Page) => page.getByTestId("messages-pane").evaluate((el) => Math.abs(el.scrollHeight - el.scrollTop - el.clientHeight) < 4);

test("defect 2: opens at the end after its image loads, and brings my own reply into view", async ({ page }) => {
  const lines = Array.from({ length: 14 }, (_, i) => `Message ${i + 1}: ${"a long line of text that takes room. ".repeat(4)}`);
  const thread = await makeCustomerThread({ channel: "conversation", messages: lines });
  // The last message carries an image (it loads after the first paint).
  const [row] = await sql<{ customer_id: string }>("select customer_id from threads where id = $1", [thread.id]);
  await postInbound(
    await db(),
    // Stored where the first app instance (the one this page uses) reads its files.
    {
      threadId: thread.id,
      body: "And here is the photo.",
      files: [{ name: "box.png", bytes: new Uint8Array(files.png.buffer) }],
      store: new DiskStore(`${E2E.dataDir}/pg-a/files`),
    },
    { kind: "customer", customerId: Number(row!.customer_id), name: "Wren Workspace" },
  );
  // Slow the image down, so it arrives well after the first scroll.
  await page.route("**/api/attachments/**", async (route) => {
    await new Promise((r) => setTimeout(r, 1200));
    await route.continue();
  });
  await signIn(page, "agent");
  await page.goto(`/inbox/${thread.id}`);
  const img = page.getByTestId("attachment-image").locator("img");
  await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0)).toBe(true);
  await expect.poll(() => atEnd(page)).toBe(true);
  await expect(page.getByTestId("messages").getByText("And here is the photo.")).toBeInViewport();

  // Scrolled up to read: a new reply of mine brings the end back into view.
  await page.getByTestId("messages-pane").evaluate((el) => (el.scrollTop = 0));
  await page.getByTestId("composer-body").fill("Thanks for the photo, a new one is on its way.");
  await page.getByRole("button", { name: "Send reply" }).click();
  const mine = page.locator('[data-testid="message"][data-role="agent"]:not([data-pending])').last();
  await expect(mine).toContainText("a new one is on its way");
  await expect(mine).toBeInViewport();
  await expect.poll(() => atEnd(page)).toBe(true);

  // A note too.
  await page.getByTestId("messages-pane").evaluate((el) => (el.scrollTop = 0));
  await page.getByRole("tab", { name: "Note" }).click();
  await page.getByTestId("composer-body").fill("Replacement sent by express.");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.locator('[data-testid="message"][data-internal="true"]').last()).toBeInViewport();
});

test("defect 4: the call card links to its thread and history; Take, then No answer and Completed, from the thread", async ({ page }) => {
  // A window early in the day, so the card sorts first in the queue.
  const call = await makeCustomerThread({ channel: "call_request", name: "Callum Caller", details: { timeFrom: "00:01", timeTo: "00:02" } });
  await signIn(page, "agent");
  await page.goto("/inbox/calls?status=all");
  const card = page.locator(`[data-testid="call-row"][data-id="${call.id}"]`);
  await expect(card.getByTestId("call-history-link")).toHaveAttribute("href", `/inbox/customers/${call.customerId}`);
  await card.getByTestId("call-thread-link").click();
  await expect(page).toHaveURL(new RegExp(`/inbox/${call.id}$`));

  const panel = page.getByTestId("call-request-panel");
  await panel.getByTestId("panel-action-take").click();
  await expect(panel.getByTestId("panel-action-completed")).toBeVisible();
  await expect(page.getByTestId("assignee")).toHaveValue(String((await sql<{ id: string }>("select id from users where email = 'agent@example.com'"))[0]!.id));
  await panel.getByLabel("Call notes").fill("Voicemail, will try again at 3pm.");
  await panel.getByTestId("panel-action-no_answer").click();
  await expect(panel.getByTestId("panel-action-take")).toHaveText("Retry call");
  await expect(page.locator('[data-testid="message"][data-internal="true"]').last()).toContainText(
    "Call attempt 1: no answer. Voicemail, will try again at 3pm.",
  );
  await panel.getByTestId("panel-action-take").click();
  await panel.getByLabel("Call notes").fill("Reached them, sorted.");
  await panel.getByTestId("panel-action-completed").click();
  await expect(page.getByTestId("thread-status")).toHaveText("Closed");
  await expect
    .poll(async () => (await sql<{ channel_state: string }>("select channel_state from threads where id = $1", [call.id]))[0]!.channel_state)
    .toBe("completed");

  // The queue agrees.
  await page.goto("/inbox/calls?status=completed");
  await expect(page.locator(`[data-testid="call-row"][data-id="${call.id}"]`).getByTestId("call-status")).toHaveText("Completed");
  // The card's history link opens the customer's profile.
  await page.locator(`[data-testid="call-row"][data-id="${call.id}"]`).getByTestId("call-history-link").click();
  await expect(page.getByTestId("customer-profile")).toBeVisible();
  await expect(page.locator(`[data-testid="customer-thread"][data-id="${call.id}"]`)).toBeVisible();
});
