// The workspace's endpoints refuse in the server: no session → 401; a signed-in customer → 403;
// an agent → 403 where only admins may (the trash's restore) and not-found on the admin pages.
import { type APIRequestContext } from "@playwright/test";
import { expect, test } from "../support/test";
import { apiSignIn } from "../support/auth";
import { closeWorkspaceDb, makeCustomerThread, sql } from "./helpers";

test.afterAll(async () => {
  await closeWorkspaceDb();
});

async function calls(request: APIRequestContext, id: number) {
  const json = (data: unknown) => ({ data, headers: { "content-type": "application/json" } });
  return {
    tags: (await request.patch(`/api/threads/${id}`, json({ action: "tags", add: [1], remove: [] }))).status(),
    snooze: (await request.patch(`/api/threads/${id}`, json({ action: "snooze", until: null }))).status(),
    spam: (await request.patch(`/api/threads/${id}`, json({ action: "spam", spam: true }))).status(),
    merge: (await request.patch(`/api/threads/${id}`, json({ action: "merge", intoId: id + 1 }))).status(),
    delete: (await request.delete(`/api/threads/${id}`)).status(),
    restore: (await request.post(`/api/threads/${id}/restore`)).status(),
    draft: (await request.put(`/api/threads/${id}/draft`, json({ body: "x" }))).status(),
    typing: (await request.post(`/api/threads/${id}/typing`, json({ typing: true }))).status(),
    bulk: (await request.post(`/api/inbox/bulk`, json({ action: "status", threadIds: [id], status: "closed" }))).status(),
    undo: (await request.post(`/api/inbox/bulk/1/undo`)).status(),
    savedReplies: (await request.get(`/api/saved-replies`)).status(),
    tagList: (await request.get(`/api/tags`)).status(),
    customers: (await request.get(`/api/customers?q=de`)).status(),
    presence: (await request.post(`/api/presence`)).status(),
  };
}
const all = (status: number) =>
  Object.fromEntries(
    Object.keys({
      tags: 0,
      snooze: 0,
      spam: 0,
      merge: 0,
      delete: 0,
      restore: 0,
      draft: 0,
      typing: 0,
      bulk: 0,
      undo: 0,
      savedReplies: 0,
      tagList: 0,
      customers: 0,
      presence: 0,
    }).map((k) => [k, status]),
  );

test("without a session every workspace call is 401, and nothing changes", async ({ playwright, baseURL }) => {
  const t = await makeCustomerThread();
  const anonymous = await playwright.request.newContext({ baseURL });
  expect(await calls(anonymous, t.id)).toEqual(all(401));
  await anonymous.dispose();
  const [row] = await sql<{ status: string; spam_at: unknown; snoozed_at: unknown; deleted_at: unknown }>(
    "select status, spam_at, snoozed_at, deleted_at from threads where id = $1",
    [t.id],
  );
  expect(row).toEqual({ status: "open", spam_at: null, snoozed_at: null, deleted_at: null });
});

test("a signed-in customer is refused with 403", async ({ playwright, baseURL }) => {
  const t = await makeCustomerThread();
  const customer = await playwright.request.newContext({ baseURL });
  await apiSignIn(customer, "customer", baseURL);
  expect(await calls(customer, t.id)).toEqual(all(403));
  await customer.dispose();
  expect(await sql("select 1 from drafts where thread_id = $1", [t.id])).toHaveLength(0);
});

test("an agent may not restore from the trash nor open the admin pages", async ({ playwright, baseURL }) => {
  const t = await makeCustomerThread();
  const agent = await playwright.request.newContext({ baseURL });
  await apiSignIn(agent, "agent", baseURL);
  expect((await agent.delete(`/api/threads/${t.id}`)).status()).toBe(200);
  expect((await agent.post(`/api/threads/${t.id}/restore`)).status()).toBe(403);
  for (const path of ["/admin/tags", "/admin/trash"]) expect((await agent.get(path)).status(), path).toBe(403);
  await agent.dispose();
  expect((await sql<{ deleted_at: unknown }>("select deleted_at from threads where id = $1", [t.id]))[0]!.deleted_at).not.toBeNull();
});
