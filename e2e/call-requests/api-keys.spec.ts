// /admin/api-keys: an admin creates keys of both kinds (secret shown once), sees last use, revokes;
// nobody else gets in — not by the page, and not by posting the server action.
import { expect, test } from "../support/test";
import { apiSignIn, signIn } from "../support/auth";
import { E2E } from "../support/env";
import { basic, createViaApi, formFields, makeStaff, postForm, sql } from "./helpers";

test("an admin creates a view-only call-requests key, sees it used, and revokes it", async ({ page, request }) => {
  await signIn(page, "admin");
  await page.goto("/admin/api-keys");
  const name = `CRM ${Date.now()}`;
  const form = page.getByTestId("create-call_requests");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Acts as staff user").selectOption({ label: "Ayşe Yılmaz <agent@example.com>" });
  // Read only: the first permission is ticked by default, manage is not.
  await expect(form.getByRole("checkbox", { name: /Read call requests/ })).toBeChecked();
  await expect(form.getByRole("checkbox", { name: /Create, change and delete/ })).not.toBeChecked();
  await form.getByRole("button", { name: "Create" }).click();
  await expect(form.getByTestId("created-key")).toBeVisible();
  await expect(form.getByTestId("created-basic-user")).toHaveText("agent@example.com");
  const apiKey = await form.getByTestId("created-api-key").innerText();
  expect(apiKey).toMatch(/^sb_cr_[0-9a-f]{12}\.[\w-]{20,}$/);
  const prefix = apiKey.split(".")[0]!;

  // Listed, never used, secret nowhere on the page after a reload.
  await page.reload();
  const row = page.locator(`[data-testid="api-key-row"][data-prefix="${prefix}"]`);
  await expect(row).toContainText(name);
  await expect(row.getByTestId("api-key-last-used")).toHaveText("never");
  expect(await page.content()).not.toContain(apiKey.split(".")[1]!);

  // It reads; it may not write (403); the last use shows up.
  const auth = basic("agent@example.com", apiKey);
  expect((await request.get("/api/call_requests?items_per_page=1", { headers: { authorization: auth } })).status()).toBe(200);
  const put = await request.put("/api/call_requests/4", { headers: { authorization: auth }, data: { status: "completed" } });
  expect(put.status()).toBe(403);
  expect(await put.json()).toMatchObject({ status: 403, message: expect.stringMatching(/^Forbidden: /) });
  await page.reload();
  await expect(row.getByTestId("api-key-last-used")).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

  // Revoke: the key stops at once.
  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row.getByTestId("api-key-revoked")).toBeVisible();
  const after = await request.get("/api/call_requests", { headers: { authorization: auth } });
  expect(after.status()).toBe(401);
  expect(after.headers()["www-authenticate"]).toBe('Basic realm="User email/API key"');
});

test("an admin creates a seller credential for the discussions API: client id, secret and SellerId shown once", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/api-keys");
  const form = page.getByTestId("create-seller");
  await form.getByLabel("Name").fill(`Seller app ${Date.now()}`);
  await form.getByLabel("Seller").selectOption({ label: "Northwind Outfitters (SELLER-1001)" });
  await form.getByRole("checkbox", { name: /Answer, open and close/ }).check();
  await form.getByRole("button", { name: "Create" }).click();
  await expect(form.getByTestId("created-sellerid")).toHaveText("SELLER-1001");
  const clientId = await form.getByTestId("created-client-id").innerText();
  expect(clientId).toMatch(/^sb_seller_[0-9a-f]{12}$/);
  expect(await form.getByTestId("created-client-secret").innerText()).toMatch(/^[\w-]{20,}$/);
  const [row] = await sql<{ kind: string; scopes: string[]; seller: string }>(
    "select c.kind, c.scopes, s.external_id as seller from api_credentials c join sellers s on s.id = c.seller_id where c.key_prefix = $1",
    [clientId],
  );
  expect(row).toEqual({ kind: "seller", scopes: ["discussions.view", "discussions.manage"], seller: "SELLER-1001" });
});

test.describe("denials", () => {
  test("agents, customers and visitors cannot open the page", async ({ browser }) => {
    for (const who of ["agent", "customer"] as const) {
      const context = await browser.newContext();
      await apiSignIn(context.request, who);
      expect((await context.request.get("/admin/api-keys", { maxRedirects: 0 })).status(), who).toBe(403);
      await context.close();
    }
    const anonymous = await browser.newContext();
    const response = await anonymous.request.get("/admin/api-keys", { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers()["location"]).toContain("/login");
    await anonymous.close();
  });

  test("the server actions check the role themselves: an admin demoted mid-session cannot create or revoke", async ({ browser }) => {
    const user = await makeStaff("admin", "demoted");
    const context = await browser.newContext();
    const page = await context.newPage();
    await apiSignIn(context.request, user);
    await page.goto("/admin/api-keys");

    // Control: the same no-JS post works while the user is an admin.
    const fields = await formFields(page, '[data-testid="create-call_requests"]');
    const allowedName = `allowed ${Date.now()}`;
    expect((await postForm(context.request, "/admin/api-keys", { ...fields, name: allowedName })).status()).toBe(200);
    expect(await sql("select 1 from api_credentials where name = $1", [allowedName])).toHaveLength(1);
    const [target] = await sql<{ id: string; key_prefix: string }>("select id, key_prefix from api_credentials where name = $1", [allowedName]);
    await page.reload();
    const revokeFields = await formFields(page, `[data-testid="api-key-row"][data-prefix="${target!.key_prefix}"] form`);

    // Demoted in the database; the session cookie still says admin, so the page gate lets it through.
    await sql("update users set role = 'agent' where id = $1", [user.id]);
    const deniedName = `denied ${Date.now()}`;
    await postForm(context.request, "/admin/api-keys", { ...fields, name: deniedName });
    expect(await sql("select 1 from api_credentials where name = $1", [deniedName])).toHaveLength(0);
    await postForm(context.request, "/admin/api-keys", revokeFields);
    expect(await sql("select revoked_at from api_credentials where id = $1", [target!.id])).toEqual([{ revoked_at: null }]);
    await context.close();
  });

  test("the queue's actions refuse a user who is no longer staff", async ({ browser, request }) => {
    const user = await makeStaff("agent", "queue-demoted");
    // Window from midnight: first in the queue.
    const thread = {
      id: await createViaApi(request, E2E.baseURL, { phone: "+90 212 555 00 33", name: "Denial target", time_from: "00:00", time_to: "00:05" }),
    };
    const context = await browser.newContext();
    const page = await context.newPage();
    await apiSignIn(context.request, user);
    await page.goto("/inbox/calls?status=new&assignee=none");
    const takeFields = await formFields(page, `[data-testid="call-row"][data-id="${thread!.id}"] form`);
    await sql("update users set role = 'customer' where id = $1", [user.id]);
    await postForm(context.request, "/inbox/calls", takeFields);
    expect(await sql("select channel_state, assignee_id from threads where id = $1", [thread!.id])).toEqual([{ channel_state: "new", assignee_id: null }]);
    // Sanity: the take form was the real thing — posted by a staff member it takes the request.
    await sql("update users set role = 'agent' where id = $1", [user.id]);
    await postForm(context.request, "/inbox/calls", takeFields);
    expect(await sql("select channel_state, assignee_id from threads where id = $1", [thread!.id])).toEqual([
      { channel_state: "in_progress", assignee_id: String(user.id) },
    ]);
    await context.close();
  });
});
