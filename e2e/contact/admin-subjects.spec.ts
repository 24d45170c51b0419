// Admins manage contact subjects and the e-mail routing; a new subject with two translations is on
// the form in both languages and in the API, and a deactivated one is gone. Agents, customers and
// visitors are refused by the server.
import { expect, test } from "../support/test";
import { signIn, apiSignIn } from "../support/auth";
import { formFields, makeStaff, postForm } from "../call-requests/helpers";
import { sql } from "./helpers";

test("an admin adds a subject in English and Turkish; it appears on the form in both languages", async ({ browser }) => {
  const stamp = Date.now().toString().slice(-6);
  const en = `Gift cards ${stamp}`;
  const tr = `Hediye kartları ${stamp}`;
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin");
  await admin.goto("/admin/subjects");
  await expect(admin.getByRole("heading", { name: "Contact subjects" })).toBeVisible();
  const form = admin.getByTestId("new-subject-form");
  await form.getByLabel("English *").fill(en);
  await form.getByLabel("Türkçe").fill(tr);
  await form.getByLabel("Order needed").check();
  await form.getByRole("button", { name: "Add subject" }).click();
  const row = admin.getByTestId("subject-row").filter({ hasText: en });
  await expect(row).toBeVisible();
  await expect(row).toContainText("Order needed");

  // On the public form, in both languages, and the order field comes with it.
  const visitor = await browser.newPage();
  await visitor.goto("/contact?lang=en");
  await expect(visitor.getByLabel("Subject").locator("option", { hasText: en })).toHaveCount(1);
  await visitor.getByLabel("Subject").selectOption({ label: en });
  await expect(visitor.getByLabel("Order number")).toBeVisible();
  await visitor.goto("/contact?lang=tr");
  await expect(visitor.getByLabel("Konu").locator("option", { hasText: tr })).toHaveCount(1);
  const api = await visitor.request.get("/users/contact-us-subjects/", { headers: { "accept-language": "tr-TR" } });
  expect(((await api.json()) as { text: string; is_order_needed: boolean }[]).find((s) => s.text === tr)).toMatchObject({ is_order_needed: true });

  // Move it up one place: the form's order follows.
  const before = await visitor.getByLabel("Konu").locator("option").allTextContents();
  await row.getByRole("button", { name: /up$/ }).click();
  await expect
    .poll(async () => {
      await visitor.goto("/contact?lang=tr");
      const after = await visitor.getByLabel("Konu").locator("option").allTextContents();
      return after.indexOf(tr);
    })
    .toBe(before.indexOf(tr) - 1);

  // Deactivate: no longer offered.
  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(row).toContainText("Inactive");
  await visitor.goto("/contact?lang=tr");
  await expect(visitor.getByLabel("Konu").locator("option", { hasText: tr })).toHaveCount(0);
  await adminContext.close();
});

test("an admin edits the operation → recipient map", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/settings");
  const form = page.getByTestId("routing-form");
  await expect(form.getByLabel("Default recipient")).toHaveValue("support@example.com");
  const stamp = Date.now();
  // The first empty row.
  const rows = await form.getByRole("row").count();
  const empty = rows - 2; // header row + 1-based labels: the first of the two blank rows
  await form.getByLabel(`Operation ${empty}`, { exact: true }).fill(`wholesale${stamp}`);
  await form.getByLabel(`Recipient ${empty}`, { exact: true }).fill("wholesale@example.com");
  await form.getByRole("button", { name: "Save routing" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
  const [row] = await sql<{ value: { operations: Record<string, string> } }>("select value from settings where key = 'contact.routing'");
  expect(row!.value.operations[`wholesale${stamp}`]).toBe("wholesale@example.com");
  expect(row!.value.operations.franchise).toBe("franchise@example.com");
});

test("only admins: agents and customers are refused, visitors sent to sign in", async ({ browser, baseURL }) => {
  for (const who of ["agent", "customer"] as const) {
    const context = await browser.newContext();
    await apiSignIn(context.request, who, baseURL);
    for (const path of ["/admin/subjects", "/admin/settings"]) {
      const page = await context.request.get(path, { maxRedirects: 0 });
      expect(page.status(), `${who} GET ${path}`).toBe(403);
      // A form post (how a server action arrives) is refused too, before it reaches the action.
      const post = await context.request.post(path, { multipart: { text_en: "Sneaky", id: "1" }, maxRedirects: 0 });
      expect(post.status(), `${who} POST ${path}`).toBe(403);
    }
    await context.close();
  }
  const anonymous = await browser.newContext();
  const response = await anonymous.request.get("/admin/subjects", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers()["location"]).toContain("/login");
  await anonymous.close();
  const [sneaky] = await sql<{ n: number }>("select count(*)::int as n from contact_subject_translations where text = 'Sneaky'");
  expect(sneaky!.n).toBe(0);
});

test("an admin action replayed by an agent through a public page is refused", async ({ browser, baseURL }) => {
  // The proxy guards only /admin paths; a replayed action id posted to a public page must not run
  // (Next 16 finds no such action there, and the action itself requires subjects.manage).
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin");
  await admin.goto("/admin/subjects");
  const row = admin.getByTestId("subject-row").filter({ hasText: "Technical support" });
  const subjectId = await row.getAttribute("data-id");
  const fields = await row
    .getByRole("button", { name: "Deactivate" })
    .evaluate((button) => Object.fromEntries([...new FormData((button as HTMLButtonElement).form!).entries()].map(([k, v]) => [k, String(v)])));
  expect(Object.keys(fields).some((k) => k.startsWith("$ACTION_ID_"))).toBe(true);
  await adminContext.close();

  const agentContext = await browser.newContext();
  await apiSignIn(agentContext.request, "agent", baseURL);
  await agentContext.request.post("/contact", { multipart: fields, maxRedirects: 0 });
  const [subject] = await sql<{ is_active: boolean }>("select is_active from contact_subjects where id = $1", [subjectId]);
  expect(subject!.is_active).toBe(true);
  await agentContext.close();
});

test("the subject action checks the role itself: an admin demoted mid-session cannot add one", async ({ browser }) => {
  // The session cookie still says "admin" (the proxy lets the post through); the action re-reads
  // the user and refuses.
  const user = await makeStaff("admin", "subjects-demoted");
  const context = await browser.newContext();
  const page = await context.newPage();
  await apiSignIn(context.request, user);
  await page.goto("/admin/subjects");
  const fields = await formFields(page, '[data-testid="new-subject-form"]');

  const allowed = `Allowed subject ${Date.now()}`;
  expect((await postForm(context.request, "/admin/subjects", { ...fields, text_en: allowed })).status()).toBe(200);
  expect(await sql("select 1 from contact_subject_translations where text = $1", [allowed])).toHaveLength(1);

  await sql("update users set role = 'agent' where id = $1", [user.id]);
  const denied = `Denied subject ${Date.now()}`;
  await postForm(context.request, "/admin/subjects", { ...fields, text_en: denied });
  expect(await sql("select 1 from contact_subject_translations where text = $1", [denied])).toHaveLength(0);
  await context.close();
});
