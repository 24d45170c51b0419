// Assignment settings as an admin sets them: an agent's reply to an unassigned thread makes it
// theirs; round-robin gives new threads to the agents who are online (an inbox tab open), in turn.
import { expect, test } from "../support/test";
import { signIn } from "../support/auth";
import { E2E } from "../support/env";
import { closeWorkspaceDb, makeCustomerThread, sql, userId } from "./helpers";

test.use({ viewport: { width: 1440, height: 900 } });
test.afterAll(async () => {
  // Every other test expects new threads unassigned.
  await sql("delete from settings where key = 'inbox.assignment'");
  await closeWorkspaceDb();
});

test("assign on reply, then round-robin among the agents online", async ({ page, browser }) => {
  const admin = await (await browser.newContext({ baseURL: E2E.baseURL })).newPage();
  await signIn(admin, "admin");
  await admin.goto("/admin/settings");
  const form = admin.getByTestId("assignment-form");
  await form.getByLabel(/Assign on reply/).check();
  await form.getByRole("button", { name: "Save assignment" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");

  const ayse = await userId("agent@example.com");
  const sam = await userId("sam@example.com");
  const thread = await makeCustomerThread({ name: "Una Assigned" });
  await signIn(page, "agent");
  await page.goto(`/inbox/${thread.id}`);
  await expect(page.getByTestId("assignee")).toHaveValue("");
  await page.getByTestId("composer-body").fill("I will take care of it.");
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByTestId("assignee")).toHaveValue(String(ayse));

  // Round-robin: Ayşe and Sam have the inbox open (on two instances); the admin stays off it.
  await form.getByLabel(/Round-robin/).check();
  await form.getByRole("button", { name: "Save assignment" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
  await admin.context().close();
  await sql("delete from agent_presence");
  const samPage = await (await browser.newContext({ baseURL: E2E.secondURL })).newPage();
  await signIn(samPage, "agent2", E2E.secondURL);
  await samPage.goto("/inbox");
  await page.goto("/inbox");
  // Only these two: the admin's tab is closed, but a beat it sent as it closed may still land.
  await expect
    .poll(async () => {
      await sql("delete from agent_presence where user_id not in ($1, $2)", [ayse, sam]);
      return (await sql("select user_id from agent_presence where seen_at > now() - interval '1 minute'")).length;
    })
    .toBe(2);
  const given: number[] = [];
  for (let i = 0; i < 4; i++) {
    const t = await makeCustomerThread({ name: `Round Robin ${i}` });
    given.push(Number((await sql<{ assignee_id: string }>("select assignee_id from threads where id = $1", [t.id]))[0]!.assignee_id));
  }
  expect(new Set(given)).toEqual(new Set([ayse, sam]));
  expect(given[0]).not.toBe(given[1]);
  expect(given[2]).toBe(given[0]);
  await samPage.context().close();
});
