// Search as an agent uses it: what customers quote (an order number, a partial e-mail, a phone
// number in another format, the #reference, a name without its accents, an inflected word), the
// box's filters shown as chips, a result that says which message matched — marked — and opens the
// thread at that message.
import { expect, test } from "../support/test";
import { signIn } from "../support/auth";
import { E2E } from "../support/env";
import { closeWorkspaceDb, customerWrites, listReady, makeCustomerThread, row, tag } from "./helpers";

test.use({ viewport: { width: 1440, height: 900 } });
test.afterAll(async () => {
  await closeWorkspaceDb();
});

test("finds what customers quote, says which message matched, and opens the thread there", async ({ page }) => {
  const t = tag();
  const order = `${700000 + Math.floor(Math.random() * 99999)}`;
  const thread = await makeCustomerThread({
    channel: "contact",
    name: "Ömer Çelikkaya",
    email: `omer.celikkaya.${t}@mail.example`,
    body: `Merhaba, the parcel for ORD-${order} never arrived.`,
    details: { phone: "+90 (532) 111-22-33", order },
  });
  // A later message, so the match is not simply the newest one.
  await customerWrites(thread.id, `Still waiting. My number is +90 532 111 22 33. (${t})`);

  await signIn(page, "agent");
  await page.goto("/inbox");
  await listReady(page);
  const search = page.getByTestId("inbox-search");

  // An order number written in a message: the row says which message matched, with the number marked.
  await search.fill(`ORD-${order}`);
  await expect(page).toHaveURL(new RegExp(`q=ORD-${order}`));
  const hit = row(page, thread.id);
  await expect(hit).toBeVisible();
  await expect(hit.getByTestId("row-match")).toContainText("Ömer Çelikkaya");
  await expect(hit.getByTestId("row-match").locator("mark")).toHaveText(`ORD-${order}`);

  // The same number as the form gave it, a partial e-mail, another phone format, the reference.
  for (const q of [order, `omer.celikkaya.${t.slice(0, 4)}`, "0532 111 22 33", `#${thread.id}`]) {
    await search.fill(q);
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe(q);
    await expect(hit, q).toBeVisible();
  }

  // A name without its accents (in the thread) and an inflected word (in a message): marked as written.
  await search.fill(`celikkaya arrive`);
  await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("celikkaya arrive");
  await expect(hit).toBeVisible();
  await expect(hit.getByTestId("row-customer").locator("mark")).toHaveText("Çelikkaya");
  await expect(hit.getByTestId("row-match").locator("mark")).toHaveText("arrived");

  // Filters in the box are read, shown as chips, and narrow the search.
  await search.fill(`celikkaya status:closed`);
  await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("celikkaya status:closed");
  await expect(page.getByTestId("search-chip")).toHaveText("status:closed");
  await expect(page.getByTestId("list-empty")).toBeVisible();
  await search.fill(`celikkaya status:open channel:contact`);
  await expect(page.getByTestId("search-chip")).toHaveCount(2);
  await expect(hit).toBeVisible();

  // The syntax is one click away, and its examples go into the box.
  await page.getByTestId("search-help-toggle").click();
  await expect(page.getByTestId("search-help")).toContainText("assignee:me");
  await page.screenshot({ path: `${E2E.dataDir}/workspace-search.png` });

  // Opening the result shows the message that matched, marked, not the end of the thread.
  await search.fill(`ORD-${order}`);
  await expect(hit.getByTestId("row-match")).toBeVisible();
  await hit.locator("a").click();
  await expect(page).toHaveURL(new RegExp(`/inbox/${thread.id}.*#message-${thread.messages[0]!.id}`));
  await expect(page.locator(`#message-${thread.messages[0]!.id}`)).toHaveAttribute("data-highlighted", "true");
  await expect(page.locator(`#message-${thread.messages[0]!.id}`)).toBeInViewport();
});
