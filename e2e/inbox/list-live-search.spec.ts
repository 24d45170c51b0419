// Live and search: a second agent's open list (on the second app instance) shows a new thread and
// a new message without reload; search finds a message by a word in its body, and hostile input
// gives results or a clear message, never an error page.
import { expect, test } from "../support/test";
import { signIn } from "../support/auth";
import { E2E } from "../support/env";
import { addCustomerMessage, assignTo, closeHelpersDb, closeThread, listReady, makeCustomerThread } from "./list-helpers";

test.use({ viewport: { width: 1280, height: 800 } });
test.afterAll(async () => {
  await closeHelpersDb();
});

test("a new thread and a new message appear live in two agents' lists, on both instances", async ({ browser }) => {
  const first = await (await browser.newContext({ baseURL: E2E.baseURL })).newPage();
  await signIn(first, "agent");
  await first.goto("/inbox");
  await expect(first.getByTestId("thread-row").first()).toBeVisible();

  const second = await (await browser.newContext({ baseURL: E2E.secondURL })).newPage();
  await signIn(second, "agent2", E2E.secondURL);
  await second.goto("/inbox?channel=contact");
  await expect(second.getByTestId("thread-row").first()).toBeVisible();
  for (const p of [first, second]) await p.evaluate(() => ((window as unknown as { __marker: string }).__marker = "same-page"));

  const name = `Live Customer ${Date.now()}`;
  const thread = await makeCustomerThread({ subject: "Arrived while you watched", body: "Is anyone there?", customerName: name });
  for (const p of [first, second]) {
    const row = p.locator(`[data-testid="thread-row"][data-id="${thread.id}"]`);
    await expect(row).toBeVisible();
    await expect(row.getByTestId("row-customer")).toHaveText(name);
    await expect(row).toHaveAttribute("data-unread", "true");
    await expect(p.getByTestId("thread-row").first()).toHaveAttribute("data-id", String(thread.id));
  }

  // An older thread gets a new message: it moves to the top with the new preview.
  const older = await makeCustomerThread({ subject: "Older one", body: "first", customerName: `Older ${Date.now()}` });
  await expect(second.getByTestId("thread-row").first()).toHaveAttribute("data-id", String(older.id));
  await addCustomerMessage(thread.id, "Second message, with the new preview");
  for (const p of [first, second]) {
    await expect(p.getByTestId("thread-row").first()).toHaveAttribute("data-id", String(thread.id));
    await expect(p.getByTestId("thread-row").first().getByTestId("row-preview")).toHaveText("Second message, with the new preview");
  }

  // Assignment and status changes show up too: the assignee's initials, then gone from "open".
  await assignTo(thread.id, "sam@example.com");
  for (const p of [first, second]) await expect(p.locator(`[data-testid="thread-row"][data-id="${thread.id}"]`).getByTestId("row-assignee")).toBeVisible();
  await closeThread(thread.id);
  for (const p of [first, second]) {
    await expect(p.locator(`[data-testid="thread-row"][data-id="${thread.id}"]`)).toHaveCount(0);
    expect(await p.evaluate(() => (window as unknown as { __marker?: string }).__marker)).toBe("same-page");
  }
});

test("search finds a message by a word in its body, highlighted; hostile input gives results or a clear message", async ({ page }) => {
  const word = `kumquat${Date.now().toString(36)}`;
  const thread = await makeCustomerThread({
    subject: "Kargo sorunu",
    body: `Siparişim gelmedi, ${word} kutusu hasarlı. Please help.`,
    customerName: "Ayşe Yılmaz",
  });
  await signIn(page, "agent");
  await page.goto("/inbox");
  await listReady(page); // shortcuts are registered
  await page.keyboard.press("/");
  await expect(page.getByTestId("inbox-search")).toBeFocused();
  await page.keyboard.type(word);
  await expect(page).toHaveURL(new RegExp(`q=${word}`));
  const row = page.locator(`[data-testid="thread-row"][data-id="${thread.id}"]`);
  await expect(row).toBeVisible();
  await expect(page.getByTestId("thread-row")).toHaveCount(1);
  await expect(row.locator("mark")).toHaveText(word);
  await page.screenshot({ path: `${E2E.dataDir}/inbox-search.png` });

  // Turkish word from the same message.
  await page.getByTestId("inbox-search").fill("siparişim " + word);
  await expect(page).toHaveURL(/q=sipari/);
  await expect(row).toBeVisible();

  const hostile = ["' OR 1=1 --", '"unclosed', "a & | ! ( ) :* <-> b", "\\\\ back\\slash \\", "<script>alert(1)</script>", "-- ;; DROP TABLE threads;"];
  for (const text of hostile) {
    await page.getByTestId("inbox-search").fill(text);
    await expect(page.getByTestId("search-summary")).toContainText(/\d+\+? results?/);
    await expect(page.getByTestId("list-error")).toHaveCount(0);
    const api = await page.request.get(`/api/inbox/threads?q=${encodeURIComponent(text)}`);
    expect(api.status(), text).toBe(200);
  }

  // 10 kB of text: a clear message, not an error page.
  await page.getByTestId("inbox-search").fill("şöyle böyle ".repeat(850));
  await expect(page.getByTestId("search-error")).toContainText("too long");
  await expect(page.getByTestId("list-error")).toHaveCount(0);
  const api = await page.request.get(`/api/inbox/threads?q=${"x".repeat(10_000)}`);
  expect(api.status()).toBe(400);
  expect(await api.json()).toMatchObject({ code: "invalid", error: expect.stringContaining("too long") });
});
