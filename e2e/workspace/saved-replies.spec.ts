// Saved replies: an admin adds one for the team (English and Turkish), an agent adds their own;
// in a thread "/" opens the picker, typing searches, Enter inserts it in the thread's language
// with its variables filled in.
import { expect, test } from "../support/test";
import { signIn } from "../support/auth";
import { E2E } from "../support/env";
import { closeWorkspaceDb, makeCustomerThread, sql, tag } from "./helpers";

test.use({ viewport: { width: 1440, height: 900 } });
test.afterAll(async () => {
  await closeWorkspaceDb();
});

test("team and own saved replies, searched from the composer with /, variables filled in, per language", async ({ page, browser }) => {
  const t = tag();
  // The admin adds a team reply in both languages.
  const admin = await (await browser.newContext({ baseURL: E2E.baseURL })).newPage();
  await signIn(admin, "admin");
  await admin.goto("/inbox/saved-replies");
  const add = admin.getByTestId("new-saved-reply-form");
  await add.getByLabel("Title").fill(`Refund sent ${t}`);
  await add.getByLabel("English (default)").fill("Hi {{customer.first_name}}, your refund is on its way. — {{agent.first_name}} ({{thread.reference}})");
  await add.getByLabel("Türkçe").fill("Merhaba {{customer.first_name}}, iadeniz yolda. — {{agent.first_name}}");
  await add.getByLabel("For the whole team").check();
  await add.getByRole("button", { name: "Add saved reply" }).click();
  await expect(admin.locator(`[data-testid="saved-reply-row"][data-title="Refund sent ${t}"]`)).toBeVisible();
  await admin.context().close();

  // The agent adds their own, and sees the team's (not editable).
  await signIn(page, "agent");
  await page.goto("/inbox/saved-replies");
  const mine = page.getByTestId("new-saved-reply-form");
  await mine.getByLabel("Title").fill(`Sign-off ${t}`);
  await mine.getByLabel("English (default)").fill("Kind regards, {{agent.name}}");
  await mine.getByRole("button", { name: "Add saved reply" }).click();
  await expect(page.locator(`[data-testid="saved-reply-row"][data-title="Sign-off ${t}"]`).getByTestId("saved-reply-editor")).toBeVisible();
  await expect(page.locator(`[data-testid="saved-reply-row"][data-title="Refund sent ${t}"]`).getByTestId("saved-reply-editor")).toHaveCount(0);

  // In an English thread: "/" in the empty box, search, Enter.
  const thread = await makeCustomerThread({ channel: "conversation", name: "Sofia Taylor" });
  await page.goto(`/inbox/${thread.id}`);
  const box = page.getByTestId("composer-body");
  await box.click();
  await page.keyboard.press("/");
  await expect(page.getByTestId("saved-reply-picker")).toBeVisible();
  await page.keyboard.type(`refund sent ${t}`);
  await expect(page.getByTestId("saved-reply-option")).toHaveCount(1);
  await page.keyboard.press("Enter");
  await expect(box).toHaveValue(`Hi Sofia, your refund is on its way. — Ayşe (#${thread.id})`);

  // The button opens it too; a second reply goes in at the caret.
  await box.press("End");
  await box.press("Enter");
  await page.getByTestId("saved-replies-open").click();
  await page.getByTestId("saved-reply-search").fill(`sign-off ${t}`);
  await page.keyboard.press("Enter");
  await expect(box).toHaveValue(`Hi Sofia, your refund is on its way. — Ayşe (#${thread.id})\nKind regards, Ayşe Yılmaz`);

  // In a Turkish thread the Turkish text.
  const tr = await makeCustomerThread({ channel: "contact", name: "Elif Demir" });
  await sql("update threads set locale = 'tr' where id = $1", [tr.id]);
  await page.goto(`/inbox/${tr.id}`);
  await page.getByTestId("composer-body").click();
  await page.keyboard.press("/");
  await expect(page.getByTestId("saved-reply-picker")).toBeVisible();
  await page.keyboard.type(`refund sent ${t}`);
  // Enter picks the first match once the matches are there (they load as the picker opens).
  await expect(page.getByTestId("saved-reply-option")).toHaveCount(1);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("composer-body")).toHaveValue("Merhaba Elif, iadeniz yolda. — Ayşe");
});
