// An agent answers a contact thread in the inbox and the reply reaches the customer at the real
// SMTP server, threaded under the submission.
import { expect, test } from "../support/test";
import { signIn } from "../support/auth";
import { listReady } from "../inbox/list-helpers";
import { header, sql, waitForMail } from "./helpers";

test("an agent sees a contact submission arrive live in the inbox, replies, and the reply is e-mailed to the customer", async ({ page, request }) => {
  // The agent is watching the contact view before the customer writes.
  await signIn(page, "agent");
  await page.goto("/inbox?channel=contact");
  await listReady(page);
  const stamp = Date.now();
  const email = `reply-${stamp}@mail.example`;
  const subjects = (await (await request.get("/users/contact-us-subjects/")).json()) as { id: number; is_order_needed: boolean }[];
  const submitted = await request.post("/users/contact-us/", {
    headers: { "accept-language": "tr" },
    data: { subject: subjects.find((s) => !s.is_order_needed)!.id, full_name: "Reply Customer", email, message: `Bir sorum var ${stamp}` },
  });
  expect(submitted.status()).toBe(200);
  const [thread] = await sql<{ id: string; first_id: string }>(
    `select d.thread_id as id, (select m.email_message_id from messages m where m.thread_id = d.thread_id order by m.id limit 1) as first_id
       from contact_details d where d.email = $1`,
    [email],
  );

  // It appears at the top of the list without a reload; the agent opens it from there.
  const row = page.locator(`[data-testid="thread-row"][data-id="${thread!.id}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId("row-customer")).toHaveText("Reply Customer");
  await row.click();
  await expect(page).toHaveURL(new RegExp(`/inbox/${thread!.id}\\?channel=contact`));
  const replyBox = page.getByRole("textbox", { name: "Reply" });
  await expect(page.getByTestId("thread").getByText("Reply Customer").first()).toBeVisible();
  await expect(page.getByTestId("thread").getByText(`Bir sorum var ${stamp}`)).toBeVisible();
  await replyBox.fill(`Merhaba, yardımcı olalım. ${stamp}`);
  await page.getByRole("button", { name: "Send reply" }).click();

  const mail = await waitForMail((m) => m.to.includes(email));
  expect(header(mail.raw, "In-Reply-To")).toBe(thread!.first_id);
  expect(header(mail.raw, "References")).toBe(thread!.first_id);
  const [reply] = await sql<{ email_message_id: string }>(
    "select email_message_id from messages where thread_id = $1 and author_role = 'agent' order by id desc limit 1",
    [thread!.id],
  );
  expect(header(mail.raw, "Message-ID")).toBe(reply!.email_message_id);
});
