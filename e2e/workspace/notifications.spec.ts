// Notifications: the unread count in the tab title; opted in from the bell, a desktop notification
// and a sound for a new message in my thread, an assignment to me and an @mention in a note —
// written on the other app instance.
import { expect, test } from "../support/test";
import { signIn } from "../support/auth";
import { E2E } from "../support/env";
import { assign, closeWorkspaceDb, customerWrites, makeCustomerThread, sql } from "./helpers";

test.use({ viewport: { width: 1440, height: 900 } });
test.afterAll(async () => {
  await closeWorkspaceDb();
});

test("tab title count, desktop notifications and sound for my threads, assignments and mentions", async ({ page, browser, context }) => {
  await context.grantPermissions(["notifications"], { origin: E2E.baseURL });
  // Desktop notifications, as the page creates them.
  await page.addInitScript(() => {
    const shown: { title: string; body?: string }[] = [];
    (window as unknown as { __shown: typeof shown }).__shown = shown;
    class FakeNotification {
      static permission = "granted";
      static requestPermission = async () => "granted";
      onclick: (() => void) | null = null;
      constructor(title: string, options?: { body?: string }) {
        shown.push({ title, body: options?.body });
      }
    }
    (window as unknown as { Notification: unknown }).Notification = FakeNotification;
  });
  await sql("delete from user_settings where user_id = (select id from users where email = 'agent@example.com')");
  await signIn(page, "agent");
  await page.goto("/inbox");
  // The tab title carries the unread count.
  await expect(page).toHaveTitle(/^\(\d+\+?\) /);

  await page.getByTestId("notifications").click();
  await page.getByTestId("notify-desktop").check();
  await page.getByTestId("notify-sound").check();
  await expect
    .poll(
      async () =>
        (
          await sql<{ notify_desktop: boolean; notify_sound: boolean }>(
            "select notify_desktop, notify_sound from user_settings s join users u on u.id = s.user_id where u.email = 'agent@example.com'",
          )
        )[0],
    )
    .toEqual({ notify_desktop: true, notify_sound: true });
  await page.keyboard.press("Escape");

  const shown = () =>
    page.evaluate(() => (window as unknown as { __shown: { title: string; body?: string }[] }).__shown.map((n) => `${n.title} | ${n.body ?? ""}`));
  const chimes = () => page.evaluate(() => (window as unknown as { __switchboardChimes?: number }).__switchboardChimes ?? 0);

  // Assigned to me by someone else (a change on the other instance reaches this one by NOTIFY).
  const thread = await makeCustomerThread({ subject: "Notify me please" });
  await assign(thread.id, "agent@example.com");
  await expect.poll(shown).toContainEqual(expect.stringContaining("Assigned to you"));
  // A new message from the customer in my thread.
  await customerWrites(thread.id, "Is anyone looking at this?");
  await expect.poll(shown).toContainEqual("New message: Notify me please | Is anyone looking at this?");
  expect(await chimes()).toBeGreaterThanOrEqual(2);

  // Sam mentions me in a note, from the second instance.
  const sam = await (await browser.newContext({ baseURL: E2E.secondURL })).newPage();
  await signIn(sam, "agent2", E2E.secondURL);
  await sam.goto(`/inbox/${thread.id}`);
  await sam.getByRole("tab", { name: "Note" }).click();
  await sam.getByTestId("composer-body").click();
  await sam.keyboard.type("@ays");
  await expect(sam.getByTestId("mention-suggestions")).toContainText("@Ayşe Yılmaz");
  await sam.keyboard.press("Enter");
  await sam.keyboard.type("can you take this one?");
  await expect(sam.getByTestId("composer-body")).toHaveValue("@Ayşe Yılmaz can you take this one?");
  await sam.getByRole("button", { name: "Add note" }).click();
  await expect.poll(shown).toContainEqual("Sam Carter mentioned you | @Ayşe Yılmaz can you take this one?");
  await sam.context().close();

  // The bell lists them.
  await page.getByTestId("notifications").click();
  await expect(page.getByTestId("notification").first()).toContainText("Sam Carter mentioned you");
  await expect(page.getByTestId("notification")).toHaveCount(3);
});
