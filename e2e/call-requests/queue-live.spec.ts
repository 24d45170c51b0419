// The queue updates live for every agent: a request POSTed to the SECOND app instance appears in
// the queue open on the FIRST (they share one PostgreSQL; NOTIFY carries the event across), and
// an API change or another agent's take shows up without a reload.
import { expect, test } from "../support/test";
import { signIn } from "../support/auth";
import { E2E } from "../support/env";
import { createViaApi, demoAuth } from "./helpers";

test("a call request POSTed through the API to the second instance appears in the first instance's queue without reload", async ({
  page,
  request,
  baseURL,
}) => {
  expect(baseURL).toBe(E2E.baseURL);
  await signIn(page, "agent");
  await page.goto("/inbox/calls?status=all");
  await expect(page.getByTestId("call-row").first()).toBeVisible();
  // Prove the page is not reloaded: a marker on window survives only in the same document.
  await page.evaluate(() => ((window as unknown as { __marker: string }).__marker = "same-page"));

  const name = `Live From B ${Date.now()}`;
  const id = await createViaApi(request, E2E.secondURL, { phone: "+90 212 555 00 11", name, time_from: "00:00", time_to: "00:15" });
  const row = page.locator(`[data-testid="call-row"][data-id="${id}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId("call-name")).toHaveText(name);
  await expect(row).toHaveAttribute("data-status", "new");

  // A change through the API (again on the second instance) shows up too.
  const put = await request.put(`${E2E.secondURL}/api/4.0/call_requests/${id}/`, {
    headers: { authorization: demoAuth },
    data: { status: "no_answer", notes: "Line busy (API)" },
  });
  expect(put.status()).toBe(200);
  await expect(row).toHaveAttribute("data-status", "no_answer");
  await expect(row.getByTestId("call-notes")).toHaveText("Line busy (API)");

  expect(await page.evaluate(() => (window as unknown as { __marker?: string }).__marker)).toBe("same-page");
});

test("when one agent takes a request, another agent's open queue shows it taken, live", async ({ browser, request }) => {
  const name = `Shared ${Date.now()}`;
  const id = await createViaApi(request, E2E.baseURL, { phone: "+90 212 555 00 22", name, time_from: "00:00", time_to: "00:30" });

  const ayse = await (await browser.newContext()).newPage();
  await signIn(ayse, "agent");
  await ayse.goto("/inbox/calls");
  const seenByAyse = ayse.locator(`[data-testid="call-row"][data-id="${id}"]`);
  await expect(seenByAyse).toHaveAttribute("data-status", "new");

  // Sam works on the second instance.
  const samContext = await browser.newContext({ baseURL: E2E.secondURL });
  const sam = await samContext.newPage();
  await signIn(sam, "agent2", E2E.secondURL);
  await sam.goto("/inbox/calls");
  await sam.locator(`[data-testid="call-row"][data-id="${id}"]`).getByRole("button", { name: "Take" }).click();
  await expect(sam.locator(`[data-testid="call-row"][data-id="${id}"]`)).toHaveAttribute("data-status", "in_progress");

  await expect(seenByAyse).toHaveAttribute("data-status", "in_progress");
  await expect(seenByAyse).toContainText("Sam Carter is calling");
  await expect(seenByAyse.getByRole("button", { name: "Take" })).toHaveCount(0);
});
