// A reply whose e-mail could not be sent says so beside the thread, and "Send again" sends it.
import { expect, test } from "../support/test";
import { signIn } from "../support/auth";
import { sql, waitForMail } from "./helpers";

test("an agent sends a failed reply again from the contact panel; the warning goes away", async ({ page }) => {
  const stamp = Date.now();
  const email = `resend-${stamp}@mail.example`;
  const [thread] = await sql<{ id: string }>(
    `insert into threads (channel, subject, customer_name, customer_email, last_message_preview, last_message_role, message_count)
     values ('contact', 'Where is my parcel?', 'Resend Customer', $1, 'Checking now.', 'agent', 2) returning id`,
    [email],
  );
  const threadId = Number(thread!.id);
  await sql(`insert into contact_details (thread_id, full_name, email) values ($1, 'Resend Customer', $2)`, [threadId, email]);
  await sql(
    `insert into messages (thread_id, author_role, author_name, body, email_sent_at) values ($1, 'customer', 'Resend Customer', 'Where is it?', now())`,
    [threadId],
  );
  const [reply] = await sql<{ id: string }>(
    `insert into messages (thread_id, author_role, author_name, body) values ($1, 'agent', 'Ayşe Yılmaz', $2) returning id`,
    [threadId, `Checking now ${stamp}.`],
  );
  await sql(`insert into thread_events (thread_id, type, actor_label, data) values ($1, 'mail.failed', 'Mail', $2)`, [
    threadId,
    JSON.stringify({ messageId: Number(reply!.id), to: email, kind: "reply", error: "connect ECONNREFUSED" }),
  ]);

  await signIn(page, "agent");
  await page.goto(`/inbox/${threadId}`);
  const warning = page.getByTestId("mail-failure");
  await expect(warning).toContainText(`An e-mail to ${email} could not be sent`);
  await warning.getByRole("button", { name: "Send again" }).click();

  const mail = await waitForMail((m) => m.to.includes(email));
  expect(mail.raw).toContain(`Checking now ${stamp}.`);
  await expect(page.getByTestId("mail-failure")).toHaveCount(0);
  const [stored] = await sql<{ email_sent_at: Date | null }>("select email_sent_at from messages where id = $1", [reply!.id]);
  expect(stored!.email_sent_at).not.toBeNull();
});
