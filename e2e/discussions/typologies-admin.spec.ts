// /admin/typologies: an admin adds a sub-typology and edits it, and sellers see it through the
// API; agents, customers and visitors cannot open the page, and the action checks the role itself.
import { expect, test } from "../support/test";
import { formFields, makeStaff, postForm, sql } from "../call-requests/helpers";
import { apiSignIn, signIn } from "../support/auth";
import { sellerHeaders, sellerToken } from "./helpers";

test("an admin adds a sub-typology, sellers get it by order status, and deactivating hides it", async ({ page, request }) => {
  await signIn(page, "admin");
  await page.goto("/admin/typologies");
  await expect(page.getByRole("heading", { name: "Discussion typologies" })).toBeVisible();
  await expect(page.getByTestId("typology-row").first()).toBeVisible();

  const code = `e2eReason${Date.now()}`;
  const form = page.getByTestId("typology-new");
  await form.getByLabel("Typology code", { exact: true }).fill("delivery");
  await form.getByLabel("Sub-typology code", { exact: true }).fill(code);
  await form.getByLabel(/Description \(English\)/).fill("Parcel lost by the carrier");
  await form.getByLabel(/Description \(Türkçe\)/).fill("Kargo kayboldu");
  await form.getByLabel("Shipped").check();
  await form.getByRole("button", { name: "Add typology" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
  const row = page.locator(`[data-testid="typology-row"][data-code="${code}"]`);
  await expect(row).toContainText("Parcel lost by the carrier");

  const token = await sellerToken(request);
  const list = async (q: string, lang = "en") =>
    (
      (await (await request.get(`/seller/v2/typologies?${q}`, { headers: { ...sellerHeaders(token), "accept-language": lang } })).json()) as {
        subTypologyCode: string;
        typologyDescription: string;
      }[]
    ).filter((t) => t.subTypologyCode === code);
  expect(await list("orderStatus=Shipped")).toEqual([expect.objectContaining({ typologyDescription: "Parcel lost by the carrier" })]);
  expect(await list("orderStatus=Shipped", "tr")).toEqual([expect.objectContaining({ typologyDescription: "Kargo kayboldu" })]);
  expect(await list("orderStatus=Delivered")).toEqual([]);

  await row.locator("summary").click();
  const edit = row.locator("form");
  await edit.getByLabel("Active").uncheck();
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByRole("status")).toHaveText("Saved.");
  await expect(row.getByTestId("typology-state")).toHaveText("inactive");
  expect(await list("orderStatus=Shipped")).toEqual([]);
});

test.describe("denials", () => {
  test("agents, customers and visitors cannot open the page", async ({ browser }) => {
    for (const who of ["agent", "customer"] as const) {
      const context = await browser.newContext();
      await apiSignIn(context.request, who);
      expect((await context.request.get("/admin/typologies", { maxRedirects: 0 })).status(), who).toBe(403);
      await context.close();
    }
    const anonymous = await browser.newContext();
    const response = await anonymous.request.get("/admin/typologies", { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers()["location"]).toContain("/login");
    await anonymous.close();
  });

  test("the save action checks the role itself: an admin demoted mid-session cannot add one", async ({ browser }) => {
    const user = await makeStaff("admin", "typology-demoted");
    const context = await browser.newContext();
    const page = await context.newPage();
    await apiSignIn(context.request, user);
    await page.goto("/admin/typologies");
    const fields = await formFields(page, '[data-testid="typology-new"]');
    const base = { ...fields, typologyCode: "delivery", description_en: "Allowed", orderStatuses: "Shipped", isActive: "on" };

    const allowed = `e2eAllowed${Date.now()}`;
    expect((await postForm(context.request, "/admin/typologies", { ...base, subTypologyCode: allowed })).status()).toBe(200);
    expect(await sql("select 1 from discussion_typologies where sub_typology_code = $1", [allowed])).toHaveLength(1);

    await sql("update users set role = 'agent' where id = $1", [user.id]);
    const denied = `e2eDenied${Date.now()}`;
    await postForm(context.request, "/admin/typologies", { ...base, subTypologyCode: denied });
    expect(await sql("select 1 from discussion_typologies where sub_typology_code = $1", [denied])).toHaveLength(0);
    await context.close();
  });
});
