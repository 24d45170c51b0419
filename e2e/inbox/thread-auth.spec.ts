// The thread's route handlers refuse in the server, not only in the page: no session → 401,
// a customer or an agent whose role was taken away → 403; bad input → 400 with the reason.
import { type APIRequestContext } from "@playwright/test";
import { expect, test } from "../support/test";
import { hashPassword } from "../../lib/auth/password";
import { apiSignIn } from "../support/auth";
import { files, makeThread, sql, threadRow } from "./thread-helpers";

async function calls(request: APIRequestContext, id: number) {
  return {
    get: (await request.get(`/api/threads/${id}`)).status(),
    reply: (await request.post(`/api/threads/${id}/messages`, { multipart: { kind: "reply", body: "not allowed" } })).status(),
    note: (await request.post(`/api/threads/${id}/messages`, { multipart: { kind: "note", body: "not allowed" } })).status(),
    status: (await request.patch(`/api/threads/${id}`, { data: { action: "status", status: "closed" } })).status(),
    assign: (await request.patch(`/api/threads/${id}`, { data: { action: "assign", assigneeId: "me" } })).status(),
    read: (await request.patch(`/api/threads/${id}`, { data: { action: "read", read: true } })).status(),
    presence: (await request.post(`/api/threads/${id}/presence`)).status(),
    upload: (await request.post(`/api/threads/${id}/attachments`, { multipart: { files: files.png } })).status(),
  };
}
const all = (status: number) => ({ get: status, reply: status, note: status, status, assign: status, read: status, presence: status, upload: status });

test("without a session every thread call is 401", async ({ playwright, baseURL }) => {
  const t = await makeThread("conversation");
  const anonymous = await playwright.request.newContext({ baseURL });
  expect(await calls(anonymous, t.id)).toEqual(all(401));
  await anonymous.dispose();
  const row = await threadRow(t.id);
  expect(row.status).toBe("open");
  expect(row.unread_count).toBe(1);
});

test("a signed-in customer is refused with 403, and nothing changes", async ({ playwright, baseURL }) => {
  const t = await makeThread("conversation");
  const customer = await playwright.request.newContext({ baseURL });
  await apiSignIn(customer, "customer", baseURL);
  expect(await calls(customer, t.id)).toEqual(all(403));
  await customer.dispose();
  expect(await sql("select id from messages where thread_id = $1", [t.id])).toHaveLength(1);
  expect(await sql("select id from attachments where thread_id = $1", [t.id])).toHaveLength(0);
  expect((await threadRow(t.id)).status).toBe("open");
});

test("an agent whose role was taken away is refused at once with 403", async ({ playwright, baseURL }) => {
  const t = await makeThread("conversation");
  const email = `demoted-${Date.now()}@e2e.example`;
  const [row] = await sql<{ id: string }>("insert into users (email, name, role, password_hash) values ($1, 'Demoted Agent', 'agent', $2) returning id", [
    email,
    await hashPassword("e2e-password-123"),
  ]);
  const agent = await playwright.request.newContext({ baseURL });
  await apiSignIn(agent, { email, password: "e2e-password-123" }, baseURL);
  expect((await agent.get(`/api/threads/${t.id}`)).status()).toBe(200);
  await sql("update users set role = 'customer' where id = $1", [row!.id]);
  expect(await calls(agent, t.id)).toEqual(all(403));
  await agent.dispose();
});

test("the server enforces the channel's rules and limits, whatever the page does", async ({ playwright, baseURL }) => {
  const agent = await playwright.request.newContext({ baseURL });
  await apiSignIn(agent, "agent", baseURL);
  const contact = await makeThread("contact");
  // Two parts named "files": a FormData, as the composer sends.
  const form = new FormData();
  form.set("kind", "reply");
  form.set("body", "two files");
  form.append("files", new Blob([files.png.buffer], { type: "image/png" }), files.png.name);
  form.append("files", new Blob([files.pdf.buffer], { type: "application/pdf" }), files.pdf.name);
  const twoFiles = await agent.post(`/api/threads/${contact.id}/messages`, { multipart: form });
  expect(twoFiles.status()).toBe(400);
  expect((await twoFiles.json()).error).toContain("At most 1 file");

  const call = await makeThread("call_request");
  const reply = await agent.post(`/api/threads/${call.id}/messages`, { multipart: { kind: "reply", body: "Hello" } });
  expect(reply.status()).toBe(400);
  expect((await reply.json()).fields.kind[0]).toContain("phone");

  const disc = await makeThread("discussion");
  const noReceiver = await agent.post(`/api/threads/${disc.id}/messages`, { multipart: { kind: "reply", body: "Hello" } });
  expect(noReceiver.status()).toBe(400);
  expect((await noReceiver.json()).fields.receivers).toBeDefined();

  expect((await agent.patch(`/api/threads/${disc.id}`, { data: { action: "status", status: "archived" } })).status()).toBe(400);
  expect((await agent.get(`/api/threads/999999999`)).status()).toBe(404);
  expect((await agent.get(`/api/threads/abc`)).status()).toBe(404);
  await agent.dispose();
});
