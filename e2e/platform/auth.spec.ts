// Sign-in and the guarded areas, as a browser sees them — and the same denials straight at the server.
import { expect, test } from "../support/test";
import { signIn, USERS } from "../support/auth";

test("an agent signs in through the form and sees threads of all five channels", async ({ page }) => {
  await page.goto("/inbox");
  await expect(page).toHaveURL(/\/login\?next=%2Finbox/);
  await page.getByLabel("E-mail").fill(USERS.agent.email);
  await page.getByLabel("Password").fill(USERS.agent.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByTestId("current-user")).toContainText("Ayşe Yılmaz");
  for (const channel of ["contact", "conversation", "discussion", "call_request", "chat"]) {
    await page.goto(`/inbox?channel=${channel}&status=all`);
    await expect(page.locator(`[data-testid="thread-row"][data-channel="${channel}"]`).first()).toBeVisible();
  }
});

test("a wrong password is refused with a message, and no session", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(USERS.agent.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong" })).toHaveText("Wrong e-mail or password.");
  const session = await page.request.get("/api/auth/session");
  expect(await session.json()).toBeNull();
});

test.describe("denials", () => {
  test("no session: pages send to sign-in, our API answers 401", async ({ request }) => {
    for (const path of ["/inbox", "/admin", "/account"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(307);
      expect(response.headers()["location"]).toContain("/login");
    }
    expect((await request.get("/api/events")).status()).toBe(401);
    expect((await request.get("/api/attachments/1")).status()).toBe(401);
  });

  test("a customer cannot reach the inbox, the admin area or staff endpoints", async ({ page }) => {
    await signIn(page, "customer");
    expect((await page.request.get("/inbox", { maxRedirects: 0 })).status()).toBe(403);
    expect((await page.request.get("/admin", { maxRedirects: 0 })).status()).toBe(403);
    expect((await page.request.get("/api/events")).status()).toBe(403);
    expect((await page.request.get("/api/attachments/1")).status()).toBe(403);
    await page.goto("/account");
    await expect(page.getByRole("heading", { name: /Hello, Deniz Kaya/ })).toBeVisible();
  });

  test("an agent cannot reach the admin area", async ({ page }) => {
    await signIn(page, "agent");
    const response = await page.request.get("/admin", { maxRedirects: 0 });
    expect(response.status()).toBe(403);
    expect((await page.request.get("/inbox", { maxRedirects: 0 })).status()).toBe(200);
  });

  test("an admin reaches the admin area", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto("/admin");
    await expect(page.getByRole("heading", { name: "Administration" })).toBeVisible();
  });
});

test("staff receive the event stream", async ({ page }) => {
  await signIn(page, "agent");
  await page.goto("/inbox");
  const first = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const source = new EventSource("/api/events");
        source.onopen = () => {
          source.close();
          resolve("open");
        };
        source.onerror = () => reject(new Error("stream failed"));
      }),
  );
  expect(first).toBe("open");
});
