// The defects an agent trips on (issue 16, part two: 3, 5, 6, 7, 9, 10, 11, 12), each as it was
// reproduced, in Chromium against the built app.
import path from "node:path";
import { type Page } from "@playwright/test";
import { expect, test } from "../support/test";
import { makePdf } from "../../db/seed/files";
import { sendMail } from "../../lib/mail";
import { addDays, dayIn } from "../../lib/i18n/zones";
import { signIn } from "../support/auth";
import { E2E } from "../support/env";
import { listReady } from "../inbox/list-helpers";
import { closeWorkspaceDb, makeCustomerThread, sql, tag } from "./helpers";

test.afterAll(closeWorkspaceDb);

const box = async (page: Page, testId: string) => (await page.getByTestId(testId).boundingBox())!;

test("defect 3: a call-back window has a day and the visitor's zone; one already over is refused; agents see it in their own zone", async ({ browser }) => {
  const zone = "Europe/Istanbul";
  const visitorContext = await browser.newContext({ timezoneId: zone, locale: "tr-TR", extraHTTPHeaders: { "accept-language": "tr-TR,tr;q=0.9" } });
  const visitor = await visitorContext.newPage();
  const name = `Pencere ${tag()}`;
  await visitor.goto("/callback");
  const today = dayIn(new Date(), zone);
  await expect(visitor.getByLabel("Gün")).toHaveValue(today); // filled from the visitor's own calendar
  await visitor.getByLabel("Adınız").fill(name);
  await visitor.getByLabel("Telefon").fill("+90 532 555 12 34");
  // Yesterday: refused, on the day.
  await visitor.getByLabel("Gün").fill(addDays(today, -1));
  await visitor.getByLabel("Başlangıç").fill("09:00");
  await visitor.getByLabel("Bitiş").fill("10:00");
  await visitor.getByRole("button", { name: "Beni arayın" }).click();
  await expect(visitor.getByText("Bu saat geçti: daha geç bir saat veya başka bir gün seçin.")).toBeVisible();
  await expect(visitor.getByLabel("Gün")).toHaveAttribute("aria-invalid", "true");
  await expect(visitor.getByLabel("Adınız")).toHaveValue(name);
  // Tomorrow morning: accepted.
  await visitor.getByLabel("Gün").fill(addDays(today, 1));
  await visitor.getByRole("button", { name: "Beni arayın" }).click();
  await expect(visitor.getByRole("heading", { name: /Teşekkürler/ })).toBeVisible();
  const id = Number((await visitor.getByTestId("callback-reference").innerText()).match(/#(\d+)/)![1]);
  await visitorContext.close();

  const [stored] = await sql<{ window_date: string; window_zone: string; starts: string }>(
    "select window_date::text, window_zone, window_starts_at::text as starts from call_request_details where thread_id = $1",
    [id],
  );
  expect(stored).toMatchObject({ window_date: addDays(today, 1), window_zone: zone });
  const [first] = await sql<{ body: string }>("select body from messages where thread_id = $1 order by id limit 1", [id]);
  expect(first!.body).toMatch(/^Lütfen beni \+90 532 555 12 34 üzerinden arayın, \d{4}-\d{2}-\d{2} 09:00–10:00 \(Europe\/Istanbul\)\./); // in the visitor's language

  // An agent in London sees the window in their time, with the customer's beside it, not "passed".
  const agentContext = await browser.newContext({ timezoneId: "Europe/London" });
  const agent = await agentContext.newPage();
  await signIn(agent, "agent");
  await agent.goto("/inbox/calls?status=all");
  const row = agent.locator(`[data-testid="call-row"][data-id="${id}"]`);
  await expect(row.getByTestId("time-span")).toHaveAttribute("data-state", "upcoming");
  await expect(row.getByTestId("time-span")).toContainText("06:00–07:00"); // 09:00 Istanbul is 06:00 in London in winter
  await expect(row.getByTestId("time-span-theirs")).toContainText("09:00–10:00, Europe/Istanbul");
  // And in the thread's panel.
  await agent.goto(`/inbox/${id}`);
  await expect(agent.getByTestId("call-request-panel").getByTestId("time-span")).toContainText("06:00–07:00");

  // A month-old request (the API sends only times) is "passed" on its own day, not today.
  const old = await agent.request.post("/api/call_requests", {
    headers: { authorization: `Basic ${Buffer.from("admin@example.com:sb_cr_demo0000.demo-call-requests-secret-0001").toString("base64")}` },
    data: { phone: "+90 555 111 22 33", name: `Eski ${tag()}`, time_from: "9:00", time_to: "10:00", timestamp: Math.floor(Date.now() / 1000) - 31 * 86400 },
  });
  expect(old.status()).toBe(201);
  const oldId = ((await old.json()) as { request_id: number }).request_id;
  await agent.goto("/inbox/calls?status=all");
  const oldRow = agent.locator(`[data-testid="call-row"][data-id="${oldId}"]`);
  await expect(oldRow.getByTestId("time-span")).toHaveAttribute("data-state", "passed");
  await expect(oldRow).not.toContainText("passed today");
  await agentContext.close();
});

test("defect 5: /contact names only the wrong field, and keeps the chosen file after a refusal", async ({ page }) => {
  const stamp = tag();
  await page.goto("/contact?lang=en");
  await page.getByLabel("Subject").selectOption({ label: "Refund" });
  await page.getByLabel("Full name").fill("Ada Lovelace");
  await page.getByLabel("E-mail").fill("a@b");
  await page.getByLabel("Order number").fill("12345");
  await page.getByLabel("Your message").fill(`Where is my refund? (${stamp})`);
  await page.getByLabel(/Attachment/).setInputFiles({ name: "receipt.pdf", mimeType: "application/pdf", buffer: Buffer.from(makePdf("receipt")) });
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByTestId("contact-form").getByRole("alert")).toBeVisible();
  await expect(page.getByLabel("E-mail")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Order number")).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("An order is required for this subject", { exact: false })).toHaveCount(0);
  await expect(page.getByLabel("Order number")).toHaveValue("12345");
  expect(await page.getByLabel(/Attachment/).evaluate((el: HTMLInputElement) => [...(el.files ?? [])].map((f) => f.name))).toEqual(["receipt.pdf"]);

  await page.getByLabel("E-mail").fill(`ada-${stamp}@mail.example`);
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByRole("heading", { name: /Thank you/ })).toBeVisible();
  const files = await sql<{ file_name: string }>(
    `select a.file_name from attachments a join messages m on m.id = a.message_id join threads t on t.id = m.thread_id
      where t.customer_email = $1`,
    [`ada-${stamp}@mail.example`],
  );
  expect(files.map((f) => f.file_name)).toEqual(["receipt.pdf"]);
});

test("defect 6: /admin/outbox shows decoded subjects and bodies, and pages", async ({ page }) => {
  // The browser tests' servers send through SMTP; mail written before that stays in the outbox folder.
  process.env.MAIL_OUTBOX_DIR = path.join(E2E.dataDir, "pg-a", "outbox");
  const stamp = tag();
  for (let i = 0; i < 26; i++) await sendMail({ to: "a@mail.example", subject: `Outbox ${stamp} ${i}`, text: "x" });
  await sendMail({ to: "Zeynep Şahin <z@mail.example>", subject: `Yanıt: İade talebiniz ${stamp}`, text: "İadeniz onaylandı." });
  delete process.env.MAIL_OUTBOX_DIR;
  await signIn(page, "admin");
  await page.goto("/admin/outbox");
  const first = page.getByTestId("outbox-mail").first();
  await expect(first.getByTestId("outbox-subject")).toHaveText(`Yanıt: İade talebiniz ${stamp}`);
  await expect(page.getByTestId("outbox-list")).not.toContainText("=?UTF-8?");
  await first.locator("summary").click();
  await expect(first.getByTestId("outbox-body")).toHaveText("İadeniz onaylandı.");
  await expect(page.getByTestId("outbox-mail")).toHaveCount(25);
  await page.getByRole("link", { name: "Older →" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId("outbox-list")).toContainText(`Outbox ${stamp} 0`);
});

test("defect 7: a slow thread says it is opening; a slow send says so; offline is said before sending", async ({ page, context }) => {
  const t = await makeCustomerThread({ subject: `Slow ${tag()}` });
  await signIn(page, "agent");
  await page.goto("/inbox?status=all");
  await listReady(page);
  let slow = true;
  await page.route(`**/inbox/${t.id}**`, async (route) => {
    if (slow) await new Promise((r) => setTimeout(r, 1500));
    await route.continue().catch(() => undefined);
  });
  await page.locator(`[data-testid="thread-row"][data-id="${t.id}"]`).click();
  await expect(page.getByTestId("thread-loading").or(page.getByTestId("row-opening")).first()).toBeVisible({ timeout: 1000 });
  await expect(page.getByTestId("thread")).toBeVisible();
  slow = false;

  await page.route(`**/api/threads/${t.id}/messages`, async (route) => {
    await new Promise((r) => setTimeout(r, 9500));
    await route.continue().catch(() => undefined);
  });
  await page.getByRole("textbox", { name: "Reply" }).fill("A reply on a slow line");
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByRole("button", { name: "Sending…" })).toBeVisible();
  await expect(page.getByTestId("still-sending")).toBeVisible({ timeout: 12_000 });
  await expect(page.getByTestId("still-sending")).toHaveCount(0, { timeout: 15_000 });

  await context.setOffline(true);
  await expect(page.getByTestId("offline")).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByTestId("offline")).toHaveCount(0);
});

test("defect 9: the thread header keeps one line at 1280 px (unassigned) and 1440 px (someone also viewing); composer buttons stay on one line", async ({
  browser,
}) => {
  const t = await makeCustomerThread({ subject: `Header ${tag()}` });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await signIn(page, "agent");
  await page.goto(`/inbox/${t.id}`);
  await expect(page.getByTestId("assignee")).toBeVisible();
  const oneLine = async () => {
    const assignee = await box(page, "assignee");
    const close = (await page.getByRole("button", { name: "Close", exact: true }).boundingBox())!;
    expect(Math.abs(close.y - assignee.y)).toBeLessThan(8);
  };
  await oneLine();
  for (const name of ["Attach files", "Saved replies", "Send reply"]) {
    const b = (await page.getByRole("button", { name, exact: true }).boundingBox())!;
    expect(b.height, name).toBeLessThan(36);
  }

  await page.setViewportSize({ width: 1440, height: 900 });
  const other = await browser.newContext();
  const sam = await other.newPage();
  await signIn(sam, "agent2");
  await sam.goto(`/inbox/${t.id}`);
  await expect(page.getByTestId("also-viewing")).toBeVisible({ timeout: 30_000 });
  await oneLine();
  await other.close();
  await context.close();
});

test("defect 10: sign-in keeps the e-mail; 403 and unknown threads are pages; titles, 'took it', Ctrl+Enter, the search box", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("E-mail").fill("agent@example.com");
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong e-mail or password.");
  await expect(page.getByLabel("E-mail")).toHaveValue("agent@example.com");

  await signIn(page, "agent");
  const forbidden = await page.goto("/admin");
  expect(forbidden!.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "This page is not for your account" })).toBeVisible();
  await page.goto("/inbox/987654321");
  await expect(page.getByRole("heading", { name: "There is no such conversation" })).toBeVisible();

  const t = await makeCustomerThread({ subject: `Titled ${tag()}` });
  await page.goto(`/inbox/${t.id}`);
  await expect(page).toHaveTitle(new RegExp(`${t.subject} · Switchboard$`));
  await page.getByRole("button", { name: "Assign to me" }).click();
  await expect(page.getByTestId("timeline-event").filter({ hasText: "took it" })).toContainText("Ayşe Yılmaz took it");

  await page.getByTestId("messages-pane").click();
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toContainText("Ctrl+Enter");
  await page.keyboard.press("Escape");

  // The search box's hint fits; a search covers every status, and the sidebar says "All".
  const search = page.getByTestId("inbox-search");
  const fits = await search.evaluate((el: HTMLInputElement) => {
    const style = getComputedStyle(el);
    const ctx = document.createElement("canvas").getContext("2d")!;
    ctx.font = `${style.fontSize} ${style.fontFamily}`;
    return ctx.measureText(el.placeholder).width <= el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  });
  expect(fits).toBe(true);
  await page.goto("/inbox?q=refund");
  await expect(page.getByTestId("view-all")).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("view-open")).not.toHaveAttribute("aria-current", "page");
  await context.close();
});

test("defect 10: a revoked key's secret leaves the screen; secrets have a Copy button", async ({ browser }) => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await signIn(page, "admin");
  await page.goto("/admin/api-keys");
  const name = `Leaky ${tag()}`;
  const form = page.getByTestId("create-call_requests");
  await form.getByLabel("Name").fill(name);
  await form.getByRole("button", { name: /Create/ }).click();
  const secret = await page.getByTestId("created-api-key").innerText();
  await page.getByTestId("copy-api-key").click();
  await expect(page.getByTestId("copy-api-key")).toContainText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  page.once("dialog", (d) => d.accept());
  await page.getByTestId("api-key-row").filter({ hasText: name }).getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId("api-key-row").filter({ hasText: name }).getByTestId("api-key-revoked")).toBeVisible();
  await expect(page.getByTestId("created-key")).toHaveCount(0);
  await context.close();
});

test("defect 11: an agent switches the screens to Turkish and to the dark theme; the choice follows them", async ({ browser }) => {
  const t = await makeCustomerThread({ subject: `Dil ${tag()}` });
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "agent2");
  await page.goto(`/inbox/${t.id}`);
  await page.getByTestId("preferences").click();
  await page.getByTestId("pref-locale").selectOption("tr");
  await expect(page.getByRole("link", { name: "Gelen kutusu" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("view-open")).toContainText("Açık");
  await expect(page.getByRole("button", { name: "Kapat", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Yanıtı gönder" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "tr");
  await page.getByTestId("preferences").click();
  await page.getByTestId("pref-theme").selectOption("dark");
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.keyboard.press("Escape");
  const background = await page.getByTestId("thread").evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).not.toMatch(/rgb\(248, 250, 252\)/);

  // Another browser: the same choices, from the server.
  const again = await browser.newContext();
  const second = await again.newPage();
  await signIn(second, "agent2");
  await second.goto("/inbox");
  await expect(second.getByRole("link", { name: "Gelen kutusu" })).toBeVisible();
  await expect(second.locator("html")).toHaveClass(/dark/);
  // Back to English and the system's theme, for the other tests.
  await second.getByTestId("preferences").click();
  await second.getByTestId("pref-locale").selectOption("en");
  await expect(second.getByRole("link", { name: "Inbox", exact: true })).toBeVisible();
  await second.keyboard.press("Escape");
  await second.getByTestId("preferences").click();
  await second.getByTestId("pref-theme").selectOption("system");
  await expect(second.locator("html")).not.toHaveClass(/dark/);
  await again.close();
  await context.close();
});

test("defect 12: list → thread → back works at 390 px without sideways scrolling", async ({ browser }) => {
  const t = await makeCustomerThread({ subject: `Phone ${tag()}` });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signIn(page, "agent");
  await page.goto("/inbox?status=all");
  await listReady(page);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.locator(`[data-testid="thread-row"][data-id="${t.id}"]`).click();
  await expect(page.getByTestId("thread")).toBeVisible();
  await expect(page.getByTestId("inbox-list-pane")).toBeHidden();
  expect(await overflow()).toBeLessThanOrEqual(0);
  // Polled: a thread opened from the browser's cache is replaced by the server's page a moment later.
  const composerRight = async () => {
    const box = await page.getByRole("button", { name: "Send reply" }).boundingBox();
    return box ? box.x + box.width : Infinity;
  };
  await expect.poll(composerRight).toBeLessThanOrEqual(390);
  await page.getByTestId("thread-back").click();
  await expect(page.getByTestId("inbox-list-pane")).toBeVisible();
  await expect(page).toHaveURL(/\/inbox\?status=all$/);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await context.close();
});
