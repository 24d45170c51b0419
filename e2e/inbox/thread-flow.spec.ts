// An agent works one thread end to end: reply with two attachments, note, close, reopen, unread,
// assign — by buttons and by keyboard; a second agent on the second app instance sees it live.
import { expect, test } from "../support/test";
import path from "node:path";
import { signIn, USERS } from "../support/auth";
import { E2E } from "../support/env";
import { files, makeThread, threadRow, userId } from "./thread-helpers";

test("reply with two attachments, note, close, reopen, unread, assign; the other agent sees it live", async ({ page, browser }) => {
  const t = await makeThread("conversation");
  const consoleErrors: string[] = [];
  page.on("console", (m) => m.type() === "error" && consoleErrors.push(`${m.text()} ${m.location().url}`));
  page.on("pageerror", (e) => consoleErrors.push(e.message));
  page.on("response", (r) => r.status() >= 400 && consoleErrors.push(`${r.status()} ${r.url()}`));
  await signIn(page, "agent");
  await page.goto(`/inbox/${t.id}`);
  const thread = page.getByTestId("thread");
  await expect(thread).toBeVisible();
  await expect(page.getByRole("heading", { name: t.subject })).toBeVisible();
  await expect(page.getByTestId("message").first()).toContainText(t.body);
  await expect(page.getByTestId("message").first()).toHaveAttribute("data-role", "customer");
  // Opening reads it.
  await expect(thread).toHaveAttribute("data-unread", "false");
  await expect.poll(async () => (await threadRow(t.id)).unread_count).toBe(0);
  // The side panel shows the channel's details.
  await expect(page.getByTestId("channel-details")).toContainText("Ceramic Vase");
  await page.evaluate(() => ((window as unknown as { __marker: string }).__marker = "same-page"));

  // Sam opens the same thread on the second instance: each sees the other.
  const samContext = await browser.newContext({ baseURL: E2E.secondURL });
  const sam = await samContext.newPage();
  await signIn(sam, "agent2", E2E.secondURL);
  await sam.goto(`/inbox/${t.id}`);
  await expect(sam.getByTestId("thread")).toBeVisible();
  await expect(page.getByTestId("also-viewing")).toContainText("Sam Carter");
  await expect(sam.getByTestId("also-viewing")).toContainText("Ayşe Yılmaz");

  // r → reply, with two files attached through the picker.
  await page.keyboard.press("r");
  await expect(page.getByRole("textbox", { name: "Reply" })).toBeFocused();
  await expect(page.getByTestId("upload-limits")).toContainText("at most 5 files, 10 MB in all");
  await page.keyboard.type("Thanks Emma, a replacement is on its way.");
  await page.getByTestId("file-input").setInputFiles([files.png, files.pdf]);
  await expect(page.getByTestId("composer-files").getByRole("listitem")).toHaveCount(2);
  await page.getByRole("button", { name: "Send reply" }).click();
  const reply = page.locator('[data-testid="message"][data-role="agent"][data-internal="false"]:not([data-pending])');
  await expect(reply).toHaveCount(1);
  await expect(reply).toContainText("a replacement is on its way");
  const img = reply.getByTestId("attachment-image").locator("img");
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(64);
  await expect(reply.getByTestId("attachment-file")).toContainText("receipt.pdf");
  await expect(page.getByRole("textbox", { name: "Reply" })).toHaveValue("");

  // Sam sees the new message arrive without a reload.
  await sam.evaluate(() => ((window as unknown as { __marker: string }).__marker = "sam-page"));
  await expect(sam.locator('[data-testid="message"][data-role="agent"]')).toContainText("a replacement is on its way");
  expect(await sam.evaluate(() => (window as unknown as { __marker?: string }).__marker)).toBe("sam-page");

  // n → internal note, yellow and marked internal.
  await page.keyboard.press("Escape"); // leave the textarea: shortcuts are ignored while typing
  await page.keyboard.press("n");
  await expect(page.getByRole("textbox", { name: "Internal note" })).toBeFocused();
  await page.keyboard.type("Replacement ordered from the warehouse.");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.locator('[data-testid="message"][data-internal="true"]:not([data-pending])')).toContainText("Replacement ordered");
  await expect(sam.locator('[data-testid="message"][data-internal="true"]')).toContainText("Replacement ordered");

  // e closes, e reopens (keyboard), and the change reaches Sam live.
  await page.getByRole("textbox", { name: "Internal note" }).press("Escape");
  await page.keyboard.press("e");
  await expect(thread).toHaveAttribute("data-status", "closed");
  await expect.poll(async () => (await threadRow(t.id)).status).toBe("closed");
  await expect(sam.getByTestId("thread")).toHaveAttribute("data-status", "closed");
  await page.getByRole("button", { name: "Reopen" }).click();
  await expect(thread).toHaveAttribute("data-status", "open");
  await expect.poll(async () => (await threadRow(t.id)).status).toBe("open");

  // u marks unread, then a assigns to me.
  await page.keyboard.press("u");
  await expect(thread).toHaveAttribute("data-unread", "true");
  await expect.poll(async () => (await threadRow(t.id)).unread_count).toBe(1); // the customer's message, not our reply or note
  await expect(page.locator('[data-testid="message"][data-unread="true"]')).toHaveCount(1);
  await page.keyboard.press("a");
  const me = await userId(USERS.agent.email);
  await expect(page.getByTestId("assignee")).toHaveValue(String(me));
  await expect.poll(async () => Number((await threadRow(t.id)).assignee_id)).toBe(me);
  await expect(sam.getByTestId("assignee")).toHaveValue(String(me));
  await expect(page.getByTestId("timeline-event")).toHaveCount(3); // closed, reopened, assigned

  // One message read state: mark the customer's message read again.
  const first = page.getByTestId("message").first();
  await first.hover();
  await first.getByTestId("message-toggle-read").click();
  await expect(first).toHaveAttribute("data-unread", "false");

  // Sam leaves: Ayşe no longer sees him.
  await sam.goto("/inbox");
  await expect(page.getByTestId("also-viewing")).toHaveCount(0);

  expect(await page.evaluate(() => (window as unknown as { __marker?: string }).__marker)).toBe("same-page");
  await page.screenshot({ path: path.join(E2E.dataDir, "thread.png"), fullPage: true });
  expect(consoleErrors, "no errors in the page (hydration included)").toEqual([]);
  await samContext.close();
});

test("files dropped on the composer are attached; the channel's limits are explained, and the server's refusal shown", async ({ page }) => {
  const t = await makeThread("contact"); // contact: one file at most
  await signIn(page, "agent");
  await page.goto(`/inbox/${t.id}`);
  await expect(page.getByTestId("upload-limits")).toContainText("at most 1 file");
  const drop = async (list: { name: string; mimeType: string; buffer: Buffer }[]) => {
    const dt = await page.evaluateHandle(
      (items) => {
        const transfer = new DataTransfer();
        for (const f of items) transfer.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.mimeType }));
        return transfer;
      },
      list.map((f) => ({ name: f.name, mimeType: f.mimeType, bytes: [...f.buffer] })),
    );
    await page.getByTestId("composer").dispatchEvent("drop", { dataTransfer: dt });
  };
  await drop([files.png, files.pdf]);
  await expect(page.getByTestId("composer-error")).toContainText("At most 1 file");
  await drop([files.pdf]);
  await expect(page.getByTestId("composer-files").getByRole("listitem")).toHaveCount(1);

  await expect(page.getByTestId("composer-files").locator('[data-uploaded="true"]')).toHaveCount(1);

  // A file that lies about its type passes the page's name check but not the server's byte check.
  await page.getByRole("button", { name: `Remove ${files.pdf.name}` }).click();
  await drop([{ name: "fake.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html><script>alert(1)</script></html>") }]);
  await expect(page.getByTestId("composer-error")).toContainText("fake.pdf is not an accepted file type");
  await expect(page.getByTestId("composer-files")).toHaveCount(0);
});

test("a call-back request takes notes only; a discussion reply names its receivers", async ({ page }) => {
  await signIn(page, "agent");
  const call = await makeThread("call_request");
  await page.goto(`/inbox/${call.id}`);
  await expect(page.getByRole("tab", { name: "Reply" })).toBeDisabled();
  await expect(page.getByTestId("composer")).toHaveAttribute("data-mode", "note");
  await expect(page.getByTestId("channel-details")).toContainText("10:00–12:00"); // on its day, in the agent's zone (defect 3)

  const disc = await makeThread("discussion");
  await page.goto(`/inbox/${disc.id}`);
  await expect(page.getByTestId("channel-details")).toContainText("ORD-88");
  const receivers = page.getByTestId("receivers");
  await receivers.getByLabel("Customer", { exact: true }).uncheck();
  await page.getByRole("textbox", { name: "Reply" }).fill("Customer service: the parcel left on Monday.");
  // No receiver: the server refuses; the optimistic message goes away, the draft stays.
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByTestId("composer-error")).toContainText("Pick who receives this reply.");
  await expect(page.locator('[data-testid="message"][data-role="agent"]')).toHaveCount(0);
  await expect(page.getByRole("textbox", { name: "Reply" })).toHaveValue("Customer service: the parcel left on Monday.");
  await receivers.getByLabel("Customer service").check();
  await page.getByRole("button", { name: "Send reply" }).click();
  const sent = page.locator('[data-testid="message"][data-role="agent"]:not([data-pending])');
  await expect(sent).toContainText("to customer service");
  await page.screenshot({ path: path.join(E2E.dataDir, "thread-discussion.png") });
});
