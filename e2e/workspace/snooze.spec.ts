// Snooze: a thread snoozed until a time leaves the open list (on both instances), is in Snoozed,
// and comes back by itself when its time comes (the database's clock decides; the sweep records
// it in the timeline); snoozed until the customer replies, a message from them wakes it.
import { expect, test } from "../support/test";
import { signIn } from "../support/auth";
import { E2E } from "../support/env";
import { closeWorkspaceDb, customerWrites, listReady, makeCustomerThread, row, sql, tag } from "./helpers";

test.use({ viewport: { width: 1440, height: 900 } });
test.afterAll(async () => {
  await closeWorkspaceDb();
});

test("snoozed until a time: out of the open views, back by itself; until the customer replies: woken by their message", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const t = tag();
  const thread = await makeCustomerThread({ subject: `Snooze ${t}` });
  const q = `q=${encodeURIComponent(`Snooze ${t}`)}&status=open`;
  await signIn(page, "agent");
  await page.goto(`/inbox/${thread.id}?${q}`);
  await expect(row(page, thread.id)).toBeVisible();
  const sam = await (await browser.newContext({ baseURL: E2E.secondURL, viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(sam, "agent2", E2E.secondURL);
  await sam.goto(`/inbox?${q}`);
  await listReady(sam);
  await expect(row(sam, thread.id)).toBeVisible();

  // Snooze for an hour from the thread.
  await page.getByTestId("snooze").click();
  await page
    .getByTestId("snooze-menu")
    .getByRole("menuitem", { name: /In 1 hour/ })
    .click();
  await expect(page.getByTestId("thread-snoozed")).toContainText("Snoozed until");
  for (const p of [page, sam]) await expect(row(p, thread.id)).toHaveCount(0);
  await page.goto("/inbox?snoozed=1");
  await expect(row(page, thread.id)).toBeVisible();
  await expect(row(page, thread.id).getByTestId("row-snoozed")).toBeVisible();

  // Its time comes: moved a second into the past here, as a clock would. Sam's list shows it again
  // once the sweep (every few seconds, one instance) records the wake-up.
  await sql("update threads set snooze_until = now() - interval '1 second' where id = $1", [thread.id]);
  await expect(row(sam, thread.id)).toBeVisible({ timeout: 40_000 });
  await expect.poll(async () => (await sql("select snoozed_at from threads where id = $1", [thread.id]))[0]!.snoozed_at, { timeout: 40_000 }).toBeNull();
  await page.goto(`/inbox/${thread.id}`);
  await expect(page.locator('[data-testid="timeline-event"][data-type="woke"]')).toContainText("The snooze ended");

  // Until the customer replies.
  await page.getByTestId("snooze").click();
  await page.getByTestId("snooze-menu").getByRole("menuitem", { name: "Until the customer replies" }).click();
  await expect(page.getByTestId("thread-snoozed")).toContainText("until the customer replies");
  await expect(row(sam, thread.id)).toHaveCount(0);
  await customerWrites(thread.id, "Hello? Any news?");
  await expect(row(sam, thread.id)).toBeVisible();
  await expect(page.getByTestId("thread")).toHaveAttribute("data-snoozed", "false");
  await sam.context().close();
});
