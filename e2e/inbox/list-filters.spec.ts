// The inbox list: filters live in the URL (bookmarkable), rows open threads with the same filters,
// j/k/Enter and / work, and the list endpoints refuse anyone but staff.
import { expect, test } from "../support/test";
import { apiSignIn, signIn } from "../support/auth";
import { E2E } from "../support/env";
import { listReady } from "./list-helpers";

test.use({ viewport: { width: 1280, height: 800 } });

test("an agent filters the list by channel, state and view; the URL holds the filters and a reload keeps them", async ({ page }) => {
  await signIn(page, "agent");
  // The first page comes with the HTML: rows are there before any script runs, and the browser
  // does not fetch the list again on load.
  const listFetches: string[] = [];
  page.on("request", (r) => r.url().includes("/api/inbox/threads") && listFetches.push(r.url()));
  const html = await (await page.request.get("/inbox?channel=discussion")).text();
  expect(html).toContain('data-testid="thread-row"');
  expect(html).toContain('data-channel="discussion"');
  await page.goto("/inbox");
  await expect(page.getByTestId("thread-row").first()).toBeVisible();
  await expect(page.getByTestId("view-open")).toHaveAttribute("aria-current", "page");
  await page.waitForLoadState("networkidle");
  expect(listFetches).toEqual([]);
  await page.screenshot({ path: `${E2E.dataDir}/inbox-list.png` });

  await page.getByTestId("channel-discussion").click();
  await expect(page).toHaveURL(/[?&]channel=discussion/);
  await expect(page.getByTestId("thread-row").first()).toBeVisible();
  for (const channel of await page.getByTestId("thread-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-channel")))) {
    expect(channel).toBe("discussion");
  }

  await page.getByTestId("state-to_treat").click();
  await expect(page).toHaveURL(/state=to_treat/);
  await expect(page).toHaveURL(/channel=discussion/);

  await page.getByTestId("view-unassigned").click();
  await expect(page).toHaveURL(/assignee=none/);
  await page.getByTestId("sort-waiting").click();
  await expect(page).toHaveURL(/sort=waiting/);

  // Bookmarkable: a fresh load of the URL shows the same view.
  const url = page.url();
  await page.goto(url);
  await expect(page.getByTestId("view-unassigned")).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("state-to_treat")).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("sort-waiting")).toHaveAttribute("aria-current", "true");

  // The list endpoint applies the same filters.
  const api = await page.request.get(`/api/inbox/threads?channel=discussion&state=to_treat&assignee=none`);
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { threads: { channel: string; channelState: string; assigneeId: number | null }[] };
  for (const t of body.threads) expect(t).toMatchObject({ channel: "discussion", channelState: "to_treat", assigneeId: null });

  // Opening a row keeps the filters in the URL, and the list stays.
  const rows = page.getByTestId("thread-row");
  if ((await rows.count()) > 0) {
    const id = await rows.first().getAttribute("data-id");
    await rows.first().click();
    await expect(page).toHaveURL(new RegExp(`/inbox/${id}\\?.*channel=discussion`));
    await expect(page.getByTestId("thread-list")).toBeVisible();
  }
});

test("j/k move the selection, Enter opens the thread, / focuses search, ? lists the shortcuts", async ({ page }) => {
  await signIn(page, "agent");
  await page.goto("/inbox?status=all");
  const rows = page.getByTestId("thread-row");
  await expect(rows.nth(2)).toBeVisible();
  await listReady(page);
  await page.keyboard.press("j");
  await expect(rows.nth(0)).toHaveAttribute("data-selected", "true");
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await expect(rows.nth(2)).toHaveAttribute("data-selected", "true");
  await page.keyboard.press("k");
  await expect(rows.nth(1)).toHaveAttribute("data-selected", "true");
  const id = await rows.nth(1).getAttribute("data-id");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/inbox/${id}\\?status=all$`));
  await expect(rows.nth(1)).toHaveAttribute("data-selected", "true");

  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toContainText("Next conversation");
  await expect(dialog).toContainText("Search");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  await page.keyboard.press("/");
  await expect(page.getByTestId("inbox-search")).toBeFocused();
});

test("the list and counts endpoints refuse a visitor (401) and a customer (403)", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const path of ["/api/inbox/threads", "/api/inbox/counts", "/api/inbox/threads?q=hello"]) {
    const response = await anonymous.get(path);
    expect(response.status(), path).toBe(401);
    expect(await response.json()).toMatchObject({ code: "unauthenticated" });
  }
  await anonymous.dispose();

  const customer = await playwright.request.newContext({ baseURL });
  await apiSignIn(customer, "customer");
  for (const path of ["/api/inbox/threads", "/api/inbox/counts", "/api/inbox/threads?q=hello"]) {
    const response = await customer.get(path);
    expect(response.status(), path).toBe(403);
    expect(await response.json()).toMatchObject({ code: "forbidden" });
  }
  await customer.dispose();

  const agent = await playwright.request.newContext({ baseURL });
  await apiSignIn(agent, "agent");
  expect((await agent.get("/api/inbox/threads?status=bogus")).status()).toBe(400);
  expect((await agent.get("/api/inbox/threads?cursor=not-a-cursor")).status()).toBe(400);
  const counts = await agent.get("/api/inbox/counts");
  expect(counts.status()).toBe(200);
  expect(await counts.json()).toMatchObject({ counts: { open: expect.any(Number), channels: { contact: expect.any(Number) } }, views: expect.any(Array) });
  await agent.dispose();
});
