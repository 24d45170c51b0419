// Optimistic changes roll back, with a visible error, when the server refuses them; and the
// thread page itself is not served to a customer.
import { expect, test } from "../support/test";
import { hashPassword } from "../../lib/auth/password";
import { apiSignIn, signIn } from "../support/auth";
import { makeThread, sql, threadRow } from "./thread-helpers";

test("a close the server refuses is rolled back and explained", async ({ page }) => {
  const t = await makeThread("conversation");
  const email = `rollback-${Date.now()}@e2e.example`;
  const [row] = await sql<{ id: string }>("insert into users (email, name, role, password_hash) values ($1, 'Rollback Agent', 'agent', $2) returning id", [
    email,
    await hashPassword("e2e-password-123"),
  ]);
  await apiSignIn(page.request, { email, password: "e2e-password-123" });
  await page.goto(`/inbox/${t.id}`);
  const thread = page.getByTestId("thread");
  await expect(thread).toHaveAttribute("data-status", "open");

  // The agent loses the role while the page is open: the server now refuses.
  await sql("update users set role = 'customer' where id = $1", [row!.id]);
  await page.keyboard.press("e");
  await expect(page.getByTestId("thread-error")).toContainText("You are not allowed to do this.");
  await expect(thread).toHaveAttribute("data-status", "open");
  await expect(page.getByRole("button", { name: "Close" })).toBeVisible();
  await page.keyboard.press("a");
  await expect(page.getByTestId("thread-error")).toContainText("Assigning failed");
  await expect(page.getByTestId("assignee")).toHaveValue("");
  expect(await threadRow(t.id)).toMatchObject({ status: "open", assignee_id: null });
});

test("a customer asking for a thread page is refused, and sees nothing of the thread", async ({ page }) => {
  const t = await makeThread("conversation");
  await signIn(page, "customer");
  const response = await page.goto(`/inbox/${t.id}`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "This page is not for your account" })).toBeVisible(); // the 403 is a page (issue 16, defect 10)
  await expect(page.getByTestId("thread")).toHaveCount(0);
  await expect(page.getByText(t.body)).toHaveCount(0);
});
