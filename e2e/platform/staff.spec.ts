// Staff management in the browser: an admin invites an agent by a one-time link, the agent chooses
// a password and signs in; disabling signs them out at once; a reset link replaces a password;
// everyone changes their own password (the other sessions end); /admin warns while demo sign-ins
// with published passwords still work.
import { type Browser } from "@playwright/test";
import { expect, test } from "../support/test";
import { hashPassword } from "../../lib/auth/password";
import { apiSignIn, signIn } from "../support/auth";
import { sql } from "../support/db";

const unique = () => `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

async function freshContext(browser: Browser, baseURL?: string) {
  return browser.newContext({ baseURL });
}

test("an admin invites an agent, who sets a password through the one-time link and signs in; disabling ends the session at once", async ({
  page,
  browser,
  baseURL,
}) => {
  const email = `invited-${unique()}@e2e.example`;
  await signIn(page, "admin");
  await page.goto("/admin/users");
  const invite = page.getByTestId("invite-form");
  await invite.getByLabel("Name").fill("Invited Agent");
  await invite.getByLabel("E-mail").fill(email);
  await invite.getByRole("button", { name: "Send invitation" }).click();
  const link = (await invite.getByTestId("one-time-link").locator("code").textContent())!;
  expect(link).toMatch(/\/password\/[A-Za-z0-9_-]{30,}$/);
  await expect(page.getByTestId(`staff-${email}`).getByTestId("staff-state")).toHaveText("Invited");

  const invitee = await freshContext(browser, baseURL);
  const tab = await invitee.newPage();
  await tab.goto(new URL(link).pathname);
  await expect(tab.getByRole("heading", { name: "Welcome, Invited Agent" })).toBeVisible();
  await tab.getByLabel("New password (at least 10 characters)").fill("invited agent password");
  await tab.getByLabel("New password again").fill("invited agent password");
  await tab.getByRole("button", { name: /Set password/ }).click();
  await expect(tab).toHaveURL(/\/login\?password=set/);
  await tab.getByLabel("E-mail").fill(email);
  await tab.getByLabel("Password").fill("invited agent password");
  await tab.getByRole("button", { name: "Sign in" }).click();
  await expect(tab).toHaveURL(/\/inbox$/);
  // The link worked once.
  await tab.goto(new URL(link).pathname);
  await expect(tab.getByRole("alert").filter({ hasText: "no longer valid" })).toBeVisible();

  // Disabled: signed out on the very next request.
  await page.reload();
  const row = page.getByTestId(`staff-${email}`);
  await expect(row.getByTestId("staff-state")).toHaveText("Active");
  page.once("dialog", (d) => void d.accept());
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row.getByTestId("staff-state")).toHaveText("Disabled");
  expect((await tab.request.get("/api/inbox/counts")).status()).toBe(401);
  await tab.goto("/inbox");
  await expect(tab).toHaveURL(/\/login/);
  await invitee.close();
});

test("a password reset stops the old password and signs its owner out; the link sets a new one", async ({ page, browser, baseURL, playwright }) => {
  const email = `reset-${unique()}@e2e.example`;
  await sql("insert into users (email, name, role, password_hash) values ($1, 'Reset Agent', 'agent', $2)", [email, await hashPassword("old password 123")]);
  const owner = await playwright.request.newContext({ baseURL });
  await apiSignIn(owner, { email, password: "old password 123" }, baseURL);
  expect((await owner.get("/api/inbox/counts")).status()).toBe(200);

  await signIn(page, "admin");
  await page.goto("/admin/users");
  const row = page.getByTestId(`staff-${email}`);
  page.once("dialog", (d) => void d.accept());
  await row.getByRole("button", { name: "Reset password" }).click();
  const link = (await row.getByTestId("one-time-link").locator("code").textContent())!;
  expect((await owner.get("/api/inbox/counts")).status()).toBe(401);

  const context = await freshContext(browser, baseURL);
  const tab = await context.newPage();
  await tab.goto(new URL(link).pathname);
  await tab.getByLabel("New password (at least 10 characters)").fill("switchboard-agent");
  await tab.getByLabel("New password again").fill("switchboard-agent");
  await tab.getByRole("button", { name: /Set password/ }).click();
  await expect(tab.getByRole("alert").filter({ hasText: "published" })).toBeVisible();
  await tab.getByLabel("New password (at least 10 characters)").fill("a fresh password 456");
  await tab.getByLabel("New password again").fill("a fresh password 456");
  await tab.getByRole("button", { name: /Set password/ }).click();
  await expect(tab).toHaveURL(/\/login\?password=set/);
  const again = await playwright.request.newContext({ baseURL });
  await apiSignIn(again, { email, password: "a fresh password 456" }, baseURL);
  await again.dispose();
  await owner.dispose();
  await context.close();
});

test("anyone changes their own password with the current one; their other sessions end, this one stays", async ({ page, playwright, baseURL }) => {
  const email = `own-${unique()}@e2e.example`;
  await sql("insert into users (email, name, role, password_hash) values ($1, 'Own Customer', 'customer', $2)", [
    email,
    await hashPassword("first password 1"),
  ]);
  const elsewhere = await playwright.request.newContext({ baseURL });
  await apiSignIn(elsewhere, { email, password: "first password 1" }, baseURL);
  await apiSignIn(page.request, { email, password: "first password 1" }, baseURL);
  await page.goto("/account");
  await page.getByRole("link", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/account\/password$/);
  const form = page.getByTestId("own-password-form");
  await form.getByLabel("Current password").fill("not it");
  await form.getByLabel("New password (at least 10 characters)").fill("second password 2");
  await form.getByLabel("New password again").fill("second password 2");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("alert")).toContainText("current password");
  await form.getByLabel("Current password").fill("first password 1");
  await form.getByLabel("New password (at least 10 characters)").fill("second password 2");
  await form.getByLabel("New password again").fill("second password 2");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toContainText("1 other session(s) signed out");
  // This session stays; the other one is over.
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: /Hello, Own Customer/ })).toBeVisible();
  expect((await elsewhere.get("/account", { maxRedirects: 0 })).status()).toBe(307);
  await elsewhere.dispose();
});

test("the admin overview warns while demo sign-ins with published passwords still work; agents cannot open the staff page", async ({
  page,
  browser,
  baseURL,
}) => {
  await signIn(page, "admin");
  await page.goto("/admin");
  const warning = page.getByTestId("demo-warning");
  await expect(warning).toBeVisible();
  await expect(warning).toContainText("admin@example.com");
  await expect(warning).toContainText("sb_seller_demo0000");
  const agent = await browser.newContext({ baseURL });
  await apiSignIn(agent.request, "agent", baseURL);
  expect((await agent.request.get("/admin/users", { maxRedirects: 0 })).status()).toBe(403);
  await agent.close();
});
