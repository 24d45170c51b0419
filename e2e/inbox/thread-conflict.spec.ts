// Replying to a thread that changed since it was opened warns first and shows what changed;
// the agent then sends anyway or cancels — never a duplicated answer by accident.
import path from "node:path";
import { expect, test } from "../support/test";
import { signIn } from "../support/auth";
import { E2E } from "../support/env";
import { makeThread, sql } from "./thread-helpers";

test("a reply to a thread another agent answered meanwhile is held back with what changed", async ({ page, browser }) => {
  const t = await makeThread("conversation");
  await signIn(page, "agent");
  await page.goto(`/inbox/${t.id}`);
  await page.getByRole("textbox", { name: "Reply" }).fill("Your refund is on its way.");

  // Sam answers first, on the other instance, and closes the thread.
  const samContext = await browser.newContext({ baseURL: E2E.secondURL });
  await signIn(await samContext.newPage(), "agent2", E2E.secondURL);
  const posted = await samContext.request.post(`/api/threads/${t.id}/messages`, { multipart: { kind: "reply", body: "Refund sent this morning." } });
  expect(posted.status()).toBe(201);
  expect((await samContext.request.patch(`/api/threads/${t.id}`, { data: { action: "status", status: "closed" } })).status()).toBe(200);

  await page.getByRole("button", { name: "Send reply" }).click();
  const conflict = page.getByTestId("conflict");
  await expect(conflict).toContainText("This thread changed since you opened it");
  await expect(conflict).toContainText("Sam Carter wrote: “Refund sent this morning.”");
  await expect(conflict).toContainText("Sam Carter closed the thread");
  await page.screenshot({ path: path.join(E2E.dataDir, "thread-conflict.png") });
  const mine = () => sql("select id from messages where thread_id = $1 and body = 'Your refund is on its way.'", [t.id]);
  expect(await mine()).toHaveLength(0);

  // Cancel keeps the draft; a second try goes through (the agent has now seen the changes).
  await conflict.getByRole("button", { name: "Cancel and review" }).click();
  await expect(conflict).toHaveCount(0);
  await expect(page.getByRole("textbox", { name: "Reply" })).toHaveValue("Your refund is on its way.");
  await expect(page.locator('[data-testid="message"][data-role="agent"]')).toContainText("Refund sent this morning.");
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByRole("textbox", { name: "Reply" })).toHaveValue("");
  expect(await mine()).toHaveLength(1);
  await samContext.close();
});

test("send anyway posts once; a double click sends once", async ({ page, browser }) => {
  const t = await makeThread("chat");
  await signIn(page, "agent");
  await page.goto(`/inbox/${t.id}`);
  const samContext = await browser.newContext();
  await signIn(await samContext.newPage(), "agent2");
  expect((await samContext.request.post(`/api/threads/${t.id}/messages`, { multipart: { kind: "note", body: "I am on it" } })).status()).toBe(201);
  await samContext.close();

  await page.getByRole("textbox", { name: "Reply" }).fill("Hello from Ayşe");
  await page.getByRole("button", { name: "Send reply" }).dblclick();
  await expect(page.getByTestId("conflict")).toContainText("Sam Carter added a note: “I am on it”");
  await page.getByTestId("conflict").getByRole("button", { name: "Send anyway" }).dblclick();
  await expect(page.getByRole("textbox", { name: "Reply" })).toHaveValue("");
  await expect(page.locator('[data-testid="message"][data-role="agent"][data-internal="false"]:not([data-pending])')).toHaveCount(1);
  expect(await sql("select id from messages where thread_id = $1 and body = 'Hello from Ayşe'", [t.id])).toHaveLength(1);
});
