// An agent in another time zone and language: the server renders times in UTC, the browser shows
// them in the agent's zone, and the page hydrates without a mismatch.
import { expect, test } from "../support/test";
import { signIn } from "../support/auth";
import { listReady } from "./list-helpers";
import { makeThread, sql } from "./thread-helpers";

test.use({ locale: "tr-TR", timezoneId: "Europe/Istanbul" });

test("message times are shown in the agent's time zone, and the thread and list hydrate cleanly", async ({ page }) => {
  const t = await makeThread("contact");
  await sql("update messages set created_at = '2026-03-02T09:05:00Z' where thread_id = $1", [t.id]);
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));

  await signIn(page, "agent");
  const html = await (await page.request.get(`/inbox/${t.id}`)).text();
  expect(html).toContain("2 Mar, 09:05 UTC"); // what the server can know
  await page.goto(`/inbox/${t.id}`);
  await listReady(page);
  const message = page.getByTestId("message").first();
  await expect(message.locator("time")).toHaveText("2 Mar, 12:05 GMT+3"); // Istanbul is UTC+3, and says so
  await expect(message.locator("time")).toHaveAttribute("datetime", "2026-03-02T09:05:00.000Z");
  expect(errors).toEqual([]);
});
