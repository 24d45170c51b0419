// The public contact form in a browser: a Turkish visitor sends a message with an attachment; it
// becomes a contact thread and is e-mailed (with the file) to the routed recipient at a real SMTP
// server. Also: inline errors and the order rule, the language switch, the form without
// JavaScript, and the wire API at both `/path` and `/path/` on the running server.
import { expect, test } from "../support/test";
import { makePdf } from "../../db/seed/files";
import { header, sql, waitForMail } from "./helpers";

test("a Turkish visitor sends the form with an attachment; the thread exists and the recipient gets the mail", async ({ browser }) => {
  const stamp = Date.now();
  const email = `ziyaretci-${stamp}@mail.example`;
  const context = await browser.newContext({ locale: "tr-TR", extraHTTPHeaders: { "accept-language": "tr-TR,tr;q=0.9" } });
  const page = await context.newPage();
  await page.goto("/contact");
  await expect(page.getByRole("heading", { name: "Bize ulaşın" })).toBeVisible();

  // Subjects from the database, in Turkish; the order field appears for a subject that needs one.
  const subject = page.getByLabel("Konu");
  await expect(subject.locator("option")).toContainText(["Bir konu seçin", "İade", "Kargo ve teslimat", "Teknik destek"]);
  await expect(page.getByTestId("order-field")).toHaveCount(0);
  await subject.selectOption({ label: "İade" });
  await expect(page.getByLabel("Sipariş numarası")).toBeVisible();
  await subject.selectOption({ label: "Teknik destek" });
  await expect(page.getByTestId("order-field")).toHaveCount(0);
  await subject.selectOption({ label: "İade" });

  // Sent without the order and with a bad e-mail: inline errors in Turkish, announced.
  await page.getByLabel("Ad soyad").fill("Zeynep Şahin");
  await page.getByLabel("E-posta").fill("zeynep-at-mail");
  await page.getByLabel("Mesajınız").fill(`İade talebim var. (${stamp})`);
  await page.getByRole("button", { name: "Mesajı gönder" }).click();
  await expect(page.getByTestId("contact-form").getByRole("alert")).toHaveText("Lütfen işaretli alanları kontrol edin.");
  await expect(page.getByTestId("contact-form").getByRole("alert")).toBeFocused();
  await expect(page.getByLabel("E-posta")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Geçerli bir e-posta adresi girin.")).toBeVisible();
  await expect(page.getByText("Bu konu için sipariş numarası gereklidir.")).toBeVisible();
  // What was typed came back.
  await expect(page.getByLabel("Ad soyad")).toHaveValue("Zeynep Şahin");
  await expect(page.getByLabel("Konu")).toHaveValue(/\d+/);

  await page.getByLabel("E-posta").fill(email);
  await page.getByLabel("Telefon").fill("+90 532 000 11 22");
  await page.getByLabel("Sipariş numarası").fill("778899");
  await page.getByLabel(/Dosya eki/).setInputFiles({ name: "fatura.pdf", mimeType: "application/pdf", buffer: Buffer.from(makePdf("Fatura 778899")) });
  await page.getByRole("button", { name: "Mesajı gönder" }).click();
  await expect(page.getByRole("heading", { name: /Teşekkürler/ })).toBeVisible();
  const reference = Number((await page.getByTestId("contact-reference").innerText()).match(/#(\d+)/)![1]);
  await context.close();

  // The thread, its details and the attachment are stored.
  const [row] = await sql<Record<string, unknown>>(
    `select t.channel, t.subject, t.customer_name, t.order_ref, d.full_name, d.email, d.phone, d.order_number, d.locale, d.routed_to,
            (select count(*)::int from attachments a where a.thread_id = t.id) as files
       from threads t join contact_details d on d.thread_id = t.id where t.id = $1`,
    [reference],
  );
  expect(row).toMatchObject({
    channel: "contact",
    subject: "Refund",
    customer_name: "Zeynep Şahin",
    order_ref: "778899",
    email,
    phone: "+90 532 000 11 22",
    order_number: "778899",
    locale: "tr",
    routed_to: "support@example.com",
    files: 1,
  });

  // The recipient's mail, with the file, at the real SMTP server.
  const mail = await waitForMail((m) => m.raw.includes(`[Contact #${reference}]`) || (header(m.raw, "Subject") ?? "").includes(`#${reference}]`));
  expect(mail.to).toEqual(["support@example.com"]);
  expect(header(mail.raw, "Reply-To")).toBe(email);
  expect(mail.raw).toMatch(/Content-Type: application\/pdf; name=fatura\.pdf/);
});

test("the language switch and Accept-Language choose the form's language", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "accept-language": "en-GB,en;q=0.9" } });
  const page = await context.newPage();
  await page.goto("/contact");
  await expect(page.getByRole("heading", { name: "Contact us" })).toBeVisible();
  await expect(page.getByLabel("Subject").locator("option")).toContainText(["Choose a subject", "Refund"]);
  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Türkçe" }).click();
  await expect(page.getByRole("heading", { name: "Bize ulaşın" })).toBeVisible();
  await expect(page.getByLabel("Konu").locator("option")).toContainText(["Bir konu seçin", "İade"]);
  await context.close();
});

test("the form works with the keyboard alone", async ({ page }) => {
  const stamp = Date.now();
  await page.goto("/contact?lang=en");
  await page.getByLabel("Subject").focus();
  await page.getByLabel("Subject").selectOption({ label: "Technical support" });
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Full name")).toBeFocused();
  await page.keyboard.type("Keyboard User");
  await page.keyboard.press("Tab");
  await page.keyboard.type(`kb-${stamp}@mail.example`);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Your message")).toBeFocused();
  await page.keyboard.type("Typed without a mouse.");
  await page.keyboard.press("Tab"); // the file input
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Send message" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: /Thank you/ })).toBeVisible();
});

test("without JavaScript the form posts, shows errors, and sends (with a file)", async ({ browser }) => {
  const stamp = Date.now();
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "tr-TR", extraHTTPHeaders: { "accept-language": "tr-TR,tr;q=0.9" } });
  const page = await context.newPage();
  await page.goto("/contact");
  // No script to show it when needed: the order field is there, with a hint saying when.
  await expect(page.getByLabel(/Sipariş numarası/)).toBeVisible();
  await expect(page.getByText(/Şu konular için gerekli: İade, Kargo ve teslimat/)).toBeVisible();
  await page.getByLabel("Konu").selectOption({ label: "Kargo ve teslimat" });
  await page.getByLabel("Ad soyad").fill("Scriptsiz Ziyaretçi");
  await page.getByLabel("E-posta").fill(`nojs-${stamp}@mail.example`);
  await page.getByLabel("Mesajınız").fill("Kargom gelmedi.");
  await page.getByRole("button", { name: "Mesajı gönder" }).click();
  await expect(page.getByText("Bu konu için sipariş numarası gereklidir.")).toBeVisible();
  await expect(page.getByLabel("Ad soyad")).toHaveValue("Scriptsiz Ziyaretçi");
  await page.getByLabel(/Sipariş numarası/).fill("123123");
  await page.getByLabel(/Dosya eki/).setInputFiles({ name: "kargo.pdf", mimeType: "application/pdf", buffer: Buffer.from(makePdf("Kargo")) });
  await page.getByRole("button", { name: "Mesajı gönder" }).click();
  await expect(page.getByRole("heading", { name: /Teşekkürler/ })).toBeVisible();
  const [row] = await sql<{ n: number; files: number }>(
    `select count(*)::int as n, coalesce(sum((select count(*) from attachments a where a.thread_id = d.thread_id)), 0)::int as files
       from contact_details d where d.email = $1 and d.order_number = '123123'`,
    [`nojs-${stamp}@mail.example`],
  );
  expect(row).toEqual({ n: 1, files: 1 });
  await context.close();
});

test.describe("the wire API on the running server", () => {
  // What the storefront proxy sends (WIRE-NOTES): no content-type, literal "undefined" headers.
  const proxy = {
    "x-requested-with": "XMLHttpRequest",
    referer: "http://backend.example",
    accept: "application/json",
    "accept-language": "undefined",
    "x-currency": "undefined",
  };

  test("serves /users/contact-us-subjects and /csrf_token with and without the trailing slash", async ({ request }) => {
    for (const path of ["/users/contact-us-subjects/", "/users/contact-us-subjects"]) {
      const response = await request.get(path, { headers: { ...proxy, "accept-language": "tr" }, maxRedirects: 0 });
      expect(response.status()).toBe(200);
      const subjects = (await response.json()) as { id: number; text: string; is_order_needed: boolean }[];
      expect(subjects[0]).toMatchObject({ text: "İade", is_order_needed: true });
    }
    for (const path of ["/csrf_token/", "/csrf_token"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status()).toBe(200);
      const { csrf_token } = (await response.json()) as { csrf_token: string };
      expect(response.headers()["set-cookie"]).toContain(`csrftoken=${csrf_token}`);
    }
  });

  test("POST /users/contact-us/ and /users/contact-us answer 200 empty; four retries make one thread", async ({ request }) => {
    const stamp = Date.now();
    const csrf = ((await (await request.get("/csrf_token/")).json()) as { csrf_token: string }).csrf_token;
    const subjects = (await (await request.get("/users/contact-us-subjects/")).json()) as { id: number; is_order_needed: boolean }[];
    const technical = subjects.find((s) => !s.is_order_needed)!;
    const body = {
      message: `Proxy message ${stamp}`,
      email: `proxy-${stamp}@mail.example`,
      full_name: "Proxy Client",
      subject: String(technical.id),
      order_needed: false,
      country_code: "TR",
    };
    for (const path of ["/users/contact-us/", "/users/contact-us/", "/users/contact-us", "/users/contact-us/"]) {
      const response = await request.post(path, {
        headers: { ...proxy, "x-csrftoken": csrf, cookie: `csrftoken=${csrf}` },
        data: Buffer.from(JSON.stringify(body)),
        maxRedirects: 0,
      });
      expect(response.status(), await response.text()).toBe(200);
      expect(await response.text()).toBe("");
    }
    const [row] = await sql<{ n: number }>("select count(*)::int as n from contact_details where email = $1", [`proxy-${stamp}@mail.example`]);
    expect(row!.n).toBe(1);

    // The context keeps the csrftoken cookie /csrf_token/ set: its header goes with it, as the storefront sends it.
    const invalid = await request.post("/users/contact-us/", {
      headers: { ...proxy, "accept-language": "tr", "x-csrftoken": csrf },
      data: Buffer.from(JSON.stringify({ subject: technical.id })),
    });
    expect(invalid.status()).toBe(400);
    expect(await invalid.json()).toEqual({ full_name: ["Bu alan zorunludur."], email: ["Bu alan zorunludur."], message: ["Bu alan zorunludur."] });
  });
});
