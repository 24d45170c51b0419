// /admin/sellers: an admin adds a seller with its datasource fields and edits it; the conversations
// API answers those fields; agents, customers and visitors cannot open the page, and the save
// action checks the role itself. The portal's own endpoints refuse anyone but a signed-in customer.
import { expect, test } from "../support/test";
import { formFields, makeStaff, postForm, sql } from "../call-requests/helpers";
import { apiSignIn, signIn } from "../support/auth";

test("an admin adds a seller, edits it, and deactivates it", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/sellers");
  await expect(page.getByRole("heading", { name: "Sellers", exact: true })).toBeVisible();
  await expect(page.locator('[data-testid="seller-row"][data-slug="northwind"]')).toBeVisible();
  const slug = `e2e-seller-${Date.now()}`;
  const form = page.getByTestId("seller-new");
  await form.getByLabel("Name (datasource name)").fill(slug);
  await form.getByLabel("Title").fill("E2E Ceramics");
  await form.getByLabel("Supplier code").fill("E2E-01");
  await form.getByLabel("MERSIS number").fill("0555555555500015");
  await form.getByLabel("KEP address").fill("ceramics@hs01.kep.tr");
  await form.getByLabel("Price list id").fill("7");
  await form.getByLabel("Extras (JSON object)").fill('{"region": "EU"}');
  await form.getByRole("button", { name: "Add seller" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
  const [row] = await sql<Record<string, unknown>>(
    "select title, supplier_code, mersis_number, kep_address, price_list, extras, is_active from sellers where slug = $1",
    [slug],
  );
  expect(row).toEqual({
    title: "E2E Ceramics",
    supplier_code: "E2E-01",
    mersis_number: "0555555555500015",
    kep_address: "ceramics@hs01.kep.tr",
    price_list: "7",
    extras: { region: "EU" },
    is_active: true,
  });

  // A bad extras value and a name in use are refused with the field's message.
  await form.getByLabel("Name (datasource name)").fill("northwind");
  await form.getByLabel("Title").fill("Clash");
  await form.getByRole("button", { name: "Add seller" }).click();
  await expect(form.getByRole("alert")).toHaveText("Another seller has this name.");

  await page.reload();
  const listed = page.locator(`[data-testid="seller-row"][data-slug="${slug}"]`);
  await listed.locator("summary").click();
  const edit = listed.locator("form");
  await edit.getByLabel("Title").fill("E2E Ceramics & Co");
  await edit.getByLabel(/^Active/).uncheck();
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByRole("status")).toHaveText("Saved.");
  await expect(listed.getByTestId("seller-state")).toHaveText("inactive");
  expect((await sql<{ title: string; is_active: boolean }>("select title, is_active from sellers where slug = $1", [slug]))[0]).toEqual({
    title: "E2E Ceramics & Co",
    is_active: false,
  });
});

test.describe("denials", () => {
  test("agents, customers and visitors cannot open /admin/sellers", async ({ browser }) => {
    for (const who of ["agent", "customer"] as const) {
      const context = await browser.newContext();
      await apiSignIn(context.request, who);
      expect((await context.request.get("/admin/sellers", { maxRedirects: 0 })).status(), who).toBe(403);
      await context.close();
    }
    const anonymous = await browser.newContext();
    const response = await anonymous.request.get("/admin/sellers", { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers()["location"]).toContain("/login");
    await anonymous.close();
  });

  test("the save action checks the role itself: an admin demoted mid-session cannot add a seller", async ({ browser }) => {
    const user = await makeStaff("admin", "sellers-demoted");
    const context = await browser.newContext();
    const page = await context.newPage();
    await apiSignIn(context.request, user);
    await page.goto("/admin/sellers");
    const fields = await formFields(page, '[data-testid="seller-new"]');
    const allowed = `e2e-allowed-${Date.now()}`;
    expect((await postForm(context.request, "/admin/sellers", { ...fields, slug: allowed, title: "Allowed", isActive: "on" })).status()).toBe(200);
    expect(await sql("select 1 from sellers where slug = $1", [allowed])).toHaveLength(1);
    await sql("update users set role = 'agent' where id = $1", [user.id]);
    const denied = `e2e-denied-${Date.now()}`;
    await postForm(context.request, "/admin/sellers", { ...fields, slug: denied, title: "Denied", isActive: "on" });
    expect(await sql("select 1 from sellers where slug = $1", [denied])).toHaveLength(0);
    await context.close();
  });

  test("the portal's endpoints answer a signed-in customer only", async ({ browser }) => {
    const paths = ["/api/portal/conversations", "/api/portal/conversations/1", "/api/portal/events", "/api/portal/attachments/1"];
    const anonymous = await browser.newContext();
    for (const path of paths) expect((await anonymous.request.get(path)).status(), path).toBe(401);
    const pages = await anonymous.request.get("/account/messages", { maxRedirects: 0 });
    expect(pages.status()).toBe(307);
    expect(pages.headers()["location"]).toContain("/account/login?next=%2Faccount%2Fmessages");
    await anonymous.close();
    const agent = await browser.newContext();
    await apiSignIn(agent.request, "agent");
    for (const path of paths) expect((await agent.request.get(path)).status(), path).toBe(403);
    expect((await agent.request.get("/account/messages", { maxRedirects: 0 })).status()).toBe(403);
    await agent.close();
    const customer = await browser.newContext();
    await apiSignIn(customer.request, "customer");
    expect((await customer.request.get("/api/portal/conversations")).status()).toBe(200);
    // The staff stream is not the customer's.
    expect((await customer.request.get("/api/events")).status()).toBe(403);
    await customer.close();
  });
});
