// A visitor asks for a call-back; an agent takes it, gets no answer, notes it, later retries and
// completes it. The API reports each step the agent made.
import { expect, test } from "../support/test";
import { signIn } from "../support/auth";
import { demoAuth } from "./helpers";

test("a visitor requests a call-back; an agent takes it, marks no answer with a note, later completes it", async ({ browser, request }) => {
  const stamp = Date.now();
  const name = `Visitor ${stamp}`;

  // The visitor, in Turkish (Accept-Language), from a product page link.
  const visitorContext = await browser.newContext({ locale: "tr-TR", extraHTTPHeaders: { "accept-language": "tr-TR,tr;q=0.9" } });
  const visitor = await visitorContext.newPage();
  await visitor.goto("/callback?product_id=42&product=Espresso%20Machine");
  await expect(visitor.getByRole("heading", { name: "Sizi arayalım" })).toBeVisible();
  await expect(visitor.getByTestId("callback-context")).toContainText("Espresso Machine");
  await visitor.getByLabel("Adınız").fill(name);
  await visitor.getByLabel("Telefon").fill("+90 532 555 12 34");
  await visitor.getByLabel("Başlangıç").fill("00:00");
  await visitor.getByLabel("Bitiş").fill("23:45");
  await visitor.getByLabel("Bilmemiz gereken bir şey var mı?").fill("Makinenin garantisi hakkında");
  await visitor.getByRole("button", { name: "Beni arayın" }).click();
  await expect(visitor.getByRole("heading", { name: /Teşekkürler/ })).toBeVisible();
  const reference = Number((await visitor.getByTestId("callback-reference").innerText()).match(/#(\d+)/)![1]);
  await visitorContext.close();

  // The agent's queue has it, in its window ("now": 00:00–23:45).
  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signIn(agent, "agent");
  await agent.goto("/inbox/calls?assignee=none");
  const row = agent.locator(`[data-testid="call-row"][data-id="${reference}"]`);
  await expect(row).toBeVisible();
  await expect(row).toHaveAttribute("data-status", "new");
  await expect(row.getByTestId("call-name")).toHaveText(name);
  await expect(row).toContainText("+90 532 555 12 34");
  await expect(row.getByTestId("call-notes")).toHaveText("Makinenin garantisi hakkında");

  // Take it: in progress, theirs. (The assignee filter now hides it, so look at "In progress" for me.)
  await row.getByRole("button", { name: "Take" }).click();
  await expect(row).toHaveCount(0); // assigned now: gone from the "unassigned" view
  await agent.goto("/inbox/calls?status=in_progress&assignee=me");
  const mine = agent.locator(`[data-testid="call-row"][data-id="${reference}"]`);
  await expect(mine).toHaveAttribute("data-status", "in_progress");
  await expect(mine.getByTestId("call-assignee")).toHaveText("Ayşe Yılmaz");

  // No answer, with a note.
  await mine.getByPlaceholder(/Notes on this call/).fill("Rang 8 times, no voicemail");
  await mine.getByRole("button", { name: "No answer" }).click();
  await expect(mine).toHaveCount(0); // it left the in-progress list
  await agent.goto("/inbox/calls?status=no_answer");
  const retry = agent.locator(`[data-testid="call-row"][data-id="${reference}"]`);
  await expect(retry).toHaveAttribute("data-status", "no_answer");
  await expect(retry.getByTestId("call-notes")).toHaveText("Rang 8 times, no voicemail");
  await retry.getByTestId("call-attempts").locator("summary").click();
  await expect(retry.getByTestId("call-attempt")).toHaveCount(1);
  await expect(retry.getByTestId("call-attempt").first()).toContainText("No answer by Ayşe Yılmaz — Rang 8 times, no voicemail");

  // What the agent did is what the API returns next.
  let api = await request.get(`/api/call_requests/${reference}`, { headers: { authorization: demoAuth } });
  expect(await api.json()).toMatchObject({
    request_id: reference,
    status: "no_answer",
    notes: "Rang 8 times, no voicemail",
    name,
    product_id: 42,
    product: "Espresso Machine",
  });

  // Later: retry, and complete it.
  await retry.getByRole("button", { name: "Retry call" }).click();
  await expect(retry).toHaveCount(0);
  await agent.goto("/inbox/calls?status=in_progress&assignee=me");
  const again = agent.locator(`[data-testid="call-row"][data-id="${reference}"]`);
  await again.getByPlaceholder(/Notes on this call/).fill("Explained the warranty; all good");
  await again.getByRole("button", { name: "Completed" }).click();
  await expect(again).toHaveCount(0);

  await agent.goto("/inbox/calls");
  await expect(agent.locator(`[data-testid="call-row"][data-id="${reference}"]`)).toHaveCount(0); // done: off the "to call" list
  await agent.goto("/inbox/calls?status=completed");
  const done = agent.locator(`[data-testid="call-row"][data-id="${reference}"]`);
  await expect(done).toHaveAttribute("data-status", "completed");
  await done.getByTestId("call-attempts").locator("summary").click();
  await expect(done.getByTestId("call-attempt")).toHaveText([
    /#1 No answer by Ayşe Yılmaz — Rang 8 times/,
    /#2 Completed by Ayşe Yılmaz — Explained the warranty/,
  ]);

  api = await request.get(`/api/2.0/call_requests/${reference}/`, { headers: { authorization: demoAuth } });
  expect(await api.json()).toMatchObject({ status: "completed", notes: "Explained the warranty; all good" });
  await agentContext.close();
});

test("the form works without JavaScript: errors come back with what was typed, then the confirmation", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "accept-language": "en-GB,en;q=0.9" } });
  const page = await context.newPage();
  await page.goto("/callback");
  await expect(page.getByRole("heading", { name: "Request a call-back" })).toBeVisible();
  await page.getByLabel("Your name").fill("No Script Nora");
  await page.getByLabel("E-mail").fill("not-an-email");
  await page.getByRole("button", { name: "Request a call-back" }).click();
  await expect(page.getByRole("alert")).toHaveText("Please check the highlighted fields.");
  await expect(page.getByText("This does not look like an e-mail address.")).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue("No Script Nora");
  await page.getByLabel("E-mail").fill("nora@example.com");
  await page.getByRole("button", { name: "Request a call-back" }).click();
  await expect(page.getByRole("heading", { name: "Thank you — we will call you back" })).toBeVisible();
  await expect(page).toHaveURL(/\/callback\?sent=\d+&lang=en/);
  await context.close();
});

test("the language follows Accept-Language and the switch", async ({ browser, request }) => {
  for (const [header, heading] of [
    ["tr-TR,tr;q=0.9,en;q=0.8", "Sizi arayalım"],
    ["de-DE,de;q=0.9,tr;q=0.5", "Sizi arayalım"],
    ["de-DE", "Request a call-back"],
    ["undefined", "Request a call-back"],
  ]) {
    expect(await (await request.get("/callback", { headers: { "accept-language": header! } })).text(), header).toContain(heading);
  }
  // The browser's language is its Accept-Language.
  const context = await browser.newContext({ locale: "tr-TR" });
  const page = await context.newPage();
  await page.goto("/callback?product_id=7");
  await expect(page.getByRole("heading", { name: "Sizi arayalım" })).toBeVisible();
  await expect(page.getByTestId("callback-context")).toHaveText("Konu: ürün #7");
  await page.getByRole("link", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Request a call-back" })).toBeVisible();
  await expect(page.getByTestId("callback-context")).toHaveText("About: product #7");
  await page.getByRole("button", { name: "Request a call-back" }).click();
  await expect(page.getByText("Please tell us your name.")).toBeVisible();
  await expect(page.getByText("Give us a phone number or an e-mail address.")).toBeVisible();
  await context.close();
});
