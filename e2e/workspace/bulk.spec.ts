// Bulk actions as two agents see them: Ayşe picks rows (a click, a shift-click for a range, x for
// the current row) and closes them in one go; Sam's list on the other instance loses them live;
// Undo puts them back for both. Then a tag in bulk.
import { expect, test } from "../support/test";
import { signIn } from "../support/auth";
import { E2E } from "../support/env";
import { closeWorkspaceDb, listReady, makeCustomerThread, makeTag, row, sql, tag } from "./helpers";

test.use({ viewport: { width: 1440, height: 900 } });
test.afterAll(async () => {
  await closeWorkspaceDb();
});

test("pick with click, shift-click and x; close in bulk, seen live by another agent; undo; tag in bulk", async ({ page, browser }) => {
  const t = tag();
  const threads = [];
  for (let i = 0; i < 4; i++) threads.push(await makeCustomerThread({ subject: `Bulk ${t} ${i}`, name: `Bulk Customer ${i}` }));
  const ids = threads.map((x) => x.id);
  const q = `q=${encodeURIComponent(`Bulk ${t}`)}&status=open`;

  await signIn(page, "agent");
  await page.goto(`/inbox?${q}`);
  await listReady(page);
  await expect(page.getByTestId("thread-row")).toHaveCount(4);
  const sam = await (await browser.newContext({ baseURL: E2E.secondURL, viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(sam, "agent2", E2E.secondURL);
  await sam.goto(`/inbox?${q}`);
  await expect(sam.getByTestId("thread-row")).toHaveCount(4);

  // The rows in the list's order: pick the first, shift-pick the third (the range), x the fourth.
  const order = await page.getByTestId("thread-row").evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-id"))));
  expect(order.sort()).toEqual([...ids].sort());
  const listed = await page.getByTestId("thread-row").evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-id"))));
  await row(page, listed[0]!).getByTestId("row-pick").click();
  await row(page, listed[2]!)
    .getByTestId("row-pick")
    .click({ modifiers: ["Shift"] });
  await expect(page.getByTestId("bulk-count")).toHaveText("3 selected");
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await expect(page.getByTestId("bulk-count")).toHaveText("4 selected");
  await row(page, listed[3]!).getByTestId("row-pick").click();
  await expect(page.getByTestId("bulk-count")).toHaveText("3 selected");
  await page.screenshot({ path: `${E2E.dataDir}/workspace-bulk.png` });

  await page.getByTestId("bulk-status").click();
  await expect(page.getByTestId("bulk-toast")).toContainText("Closed: 3 conversations");
  const closed = await sql<{ id: string }>("select id from threads where id = any($1) and status = 'closed'", [ids]);
  expect(closed.map((r) => Number(r.id)).sort()).toEqual(listed.slice(0, 3).sort());
  // Sam's list (an open-only search) loses them, live, on the other instance.
  await expect(sam.getByTestId("thread-row")).toHaveCount(1);
  await expect(row(sam, listed[3]!)).toBeVisible();

  // Undo, for a few seconds: they are back for both.
  await page.getByTestId("bulk-undo").click();
  await expect(page.getByTestId("bulk-toast")).toContainText("Undone");
  await expect(sam.getByTestId("thread-row")).toHaveCount(4);
  expect(await sql("select id from threads where id = any($1) and status = 'closed'", [ids])).toHaveLength(0);

  // A tag on all four at once.
  const name = `bulk${t}`;
  await makeTag(name, "green");
  await page.reload();
  await listReady(page);
  for (const id of ids) await row(page, id).getByTestId("row-pick").click();
  await page.getByTestId("bulk-tag").click();
  await page.getByTestId(`bulk-tag-${name}`).click();
  await expect(page.getByTestId("bulk-toast")).toContainText(`Tagged ${name}: 4 conversations`);
  for (const id of ids) await expect(row(sam, id).getByTestId("row-tags")).toContainText(name);
  await sam.context().close();
});
