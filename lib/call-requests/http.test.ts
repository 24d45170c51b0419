// The call_requests wire API through its route handlers with real Request objects, on PGlite and
// PostgreSQL: auth and scopes, every field, paging, every sort key both ways, each filter, bad
// values, unknown ids, methods, and every path the clients use. Each test works in its own
// company_id, so the lists it reads hold only its own rows.
import { and, eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { apiCredentials, realtimeEvents, threadEvents, threads } from "@/db/schema";
import { createApiCredential, revokeApiCredential } from "@/lib/api-keys/service";
import { inTransaction } from "@/lib/events";
import { createTestDatabase } from "@/e2e/support/test-db";
import { makeUser, TEST_ACTOR } from "@/e2e/support/factories";
import { basic, callRequestsApi as api, jsonOf } from "@/e2e/support/api-clients";
import { createCallRequest, recordCallOutcome, takeCallRequest, type NewCallRequest } from "./service";

type Item = Record<string, unknown> & { request_id: number };
type List = { call_requests: Item[]; params: Record<string, unknown> };

let database: Database;
let admin: Awaited<ReturnType<typeof makeUser>>;
let agentA: Awaited<ReturnType<typeof makeUser>>;
let agentZ: Awaited<ReturnType<typeof makeUser>>;
let manage: string;
let viewOnly: string;
let manageOnlyKey: string;
let company = 100;

beforeAll(async () => {
  database = await createTestDatabase({ useAsAppDatabase: true });
  const db = database.db;
  admin = await makeUser(db, "admin", { name: "Ada Admin" });
  agentA = await makeUser(db, "agent", { name: "Amy Agent" });
  agentZ = await makeUser(db, "agent", { name: "Zed Agent" });
  const full = await createApiCredential(db, { kind: "call_requests", name: "full", scopes: ["call_requests.view", "call_requests.manage"], userId: admin.id });
  const view = await createApiCredential(db, { kind: "call_requests", name: "view", scopes: ["call_requests.view"], userId: agentA.id });
  const manageOnly = await createApiCredential(db, { kind: "call_requests", name: "manage", scopes: ["call_requests.manage"], userId: agentZ.id });
  manage = basic(admin.email, full.apiKey);
  viewOnly = basic(agentA.email, view.apiKey);
  manageOnlyKey = basic(agentZ.email, manageOnly.apiKey);
});
afterAll(async () => {
  await database.close();
});

const nextCompany = () => ++company;

async function make(companyId: number, input: Partial<NewCallRequest> = {}) {
  return createCallRequest(database.db, { name: "Someone", phone: "+90 555 111 22 33", companyId, ...input }, TEST_ACTOR);
}

async function list(query: string, auth = manage): Promise<List> {
  const response = await api("GET", `/api/call_requests?${query}`, { auth });
  expect(response.status, await response.clone().text()).toBe(200);
  return jsonOf<List>(response);
}

async function expectEnvelope(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toContain("application/json");
  const body = await jsonOf<{ message: string; messages: unknown[]; errors: unknown[]; status: number }>(response);
  expect(body.status).toBe(status);
  expect(Array.isArray(body.messages)).toBe(true);
  expect(Array.isArray(body.errors)).toBe(true);
  expect(body.message).toMatch(/^(Bad Request|Unauthorized|Forbidden|Not Found|Method Not Allowed): ./);
  return body;
}

describe("auth", () => {
  it("answers 401 with the Basic challenge when the credentials are missing or wrong", async () => {
    const fullKey = Buffer.from(manage.slice(6), "base64").toString().split(":")[1]!;
    const [prefix] = fullKey.split(".");
    for (const auth of [
      null,
      "Bearer something",
      "Basic !!!",
      basic(admin.email, "no-dot-in-this-key"),
      basic(admin.email, `${prefix}.wrong-secret`),
      basic(agentA.email, fullKey), // the key belongs to someone else
      basic("", fullKey),
    ]) {
      const response = await api("GET", "/api/call_requests", { auth });
      expect(response.headers.get("www-authenticate")).toBe('Basic realm="User email/API key"');
      const body = await expectEnvelope(response, 401);
      expect(body.message).toMatch(/^Unauthorized: /);
    }
  });

  it("accepts the e-mail in any case", async () => {
    const key = Buffer.from(manage.slice(6), "base64").toString().split(":")[1]!;
    expect((await api("GET", "/api/call_requests", { auth: basic(admin.email.toUpperCase(), key) })).status).toBe(200);
  });

  it("refuses a revoked key with 401", async () => {
    const user = await makeUser(database.db, "agent");
    const { credential, apiKey } = await createApiCredential(database.db, {
      kind: "call_requests",
      name: "soon revoked",
      scopes: ["call_requests.view"],
      userId: user.id,
    });
    const auth = basic(user.email, apiKey);
    expect((await api("GET", "/api/call_requests", { auth })).status).toBe(200);
    await revokeApiCredential(database.db, { id: credential.id });
    await expectEnvelope(await api("GET", "/api/call_requests", { auth }), 401);
  });

  it("refuses a key of another kind (a seller credential) with 401", async () => {
    const user = await makeUser(database.db, "admin");
    const [seller] = await database.db
      .execute<{ id: number }>(
        // a seller for the credential to be bound to
        (await import("drizzle-orm")).sql`insert into sellers (slug, title) values ('auth-test', 'Auth test') returning id`,
      )
      .then((r) => (r as unknown as { rows: { id: number }[] }).rows);
    const { apiKey } = await createApiCredential(database.db, { kind: "seller", name: "seller", scopes: ["discussions.view"], sellerId: seller!.id });
    await expectEnvelope(await api("GET", "/api/call_requests", { auth: basic(user.email, apiKey) }), 401);
  });

  it("refuses a key whose user is no longer staff or is disabled", async () => {
    const user = await makeUser(database.db, "agent");
    const { apiKey } = await createApiCredential(database.db, { kind: "call_requests", name: "x", scopes: ["call_requests.view"], userId: user.id });
    const { users } = await import("@/db/schema");
    await database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    await expectEnvelope(await api("GET", "/api/call_requests", { auth: basic(user.email, apiKey) }), 401);
  });

  it("lets a view-only key read but not write: 403 for POST, PUT and DELETE, nothing changed", async () => {
    const c = nextCompany();
    const thread = await make(c);
    expect((await api("GET", `/api/call_requests?company_id=${c}`, { auth: viewOnly })).status).toBe(200);
    expect((await api("GET", `/api/call_requests/${thread.id}`, { auth: viewOnly })).status).toBe(200);
    const put = await expectEnvelope(await api("PUT", `/api/call_requests/${thread.id}`, { auth: viewOnly, body: { status: "completed" } }), 403);
    expect(put.message).toMatch(/^Forbidden: /);
    await expectEnvelope(await api("POST", "/api/call_requests", { auth: viewOnly, body: { phone: "+1 555 0100" } }), 403);
    await expectEnvelope(await api("DELETE", `/api/call_requests/${thread.id}`, { auth: viewOnly }), 403);
    const after = await jsonOf<Item>(await api("GET", `/api/call_requests/${thread.id}`, { auth: manage }));
    expect(after.status).toBe("new");
    expect((await list(`company_id=${c}`)).params.total_items).toBe(1);
  });

  it("lets a manage key read too", async () => {
    expect((await api("GET", "/api/call_requests", { auth: manageOnlyKey })).status).toBe(200);
  });

  it("marks the key used", async () => {
    const [row] = await database.db.select().from(apiCredentials).where(eq(apiCredentials.name, "full"));
    expect(row!.lastUsedAt).not.toBeNull();
  });
});

describe("POST", () => {
  it("creates with every field and GET returns each in its wire type; unknown and GET-only fields are ignored", async () => {
    const c = nextCompany();
    const response = await api("POST", "/api/call_requests", {
      auth: manage,
      body: {
        email: "jane@example.com",
        phone: "+44 20 7946 0000",
        user_id: agentA.id,
        order_id: "4711",
        product_id: 12,
        timestamp: 1700000000,
        status: "in_progress",
        name: "Jane Roe",
        time_from: "14:00",
        time_to: "16:30",
        notes: "Wants to change the delivery address",
        cart_products: [{ product_id: 12, amount: "2", price: 30, product: "Linen Shirt" }],
        company_id: c,
        order_status: "P", // GET-only: ignored
        product: "Sneaky", // GET-only: ignored
        request_id: 999999, // not a field: ignored
        favourite_colour: "teal",
      },
    });
    expect(response.status).toBe(201);
    const { request_id } = await jsonOf<{ request_id: number }>(response);
    expect(Number.isInteger(request_id)).toBe(true);
    const item = await jsonOf<Item>(await api("GET", `/api/call_requests/${request_id}`, { auth: manage }));
    expect(item).toEqual({
      request_id,
      company_id: 1, // company_id is not a POST field
      order_id: 4711,
      user_id: agentA.id,
      product_id: 12,
      timestamp: 1700000000,
      status: "in_progress",
      name: "Jane Roe",
      phone: "+44 20 7946 0000",
      email: "jane@example.com",
      time_from: "14:00",
      time_to: "16:30",
      notes: "Wants to change the delivery address",
      cart_products: [{ product_id: 12, amount: "2", price: 30, product: "Linen Shirt" }],
      order_status: "",
      product: "",
    });
  });

  it("needs a phone or an e-mail: 400 in the envelope otherwise", async () => {
    for (const body of [{ name: "Nobody" }, { name: "Nobody", phone: "", email: "" }, {}]) {
      const error = await expectEnvelope(await api("POST", "/api/call_requests", { auth: manage, body }), 400);
      expect(error.message).toMatch(/^Bad Request: .*phone or email/);
    }
    expect((await api("POST", "/api/call_requests", { auth: manage, body: { email: "only@example.com" } })).status).toBe(201);
  });

  it("refuses bad values with 400: status, ids, timestamp, e-mail, body", async () => {
    for (const body of [
      { phone: "1", status: "done" },
      { phone: "1", status: "NEW" },
      { phone: "1", user_id: "abc" },
      { phone: "1", user_id: -3 },
      { phone: "1", user_id: 987654 }, // no such staff user
      { phone: "1", user_id: (await makeUser(database.db, "customer")).id }, // not staff
      { phone: "1", timestamp: "yesterday" },
      { phone: "1", timestamp: "0x10" }, // what Number() reads, not seconds
      { phone: "1", timestamp: "1e9" },
      { email: "not-an-address" },
      "this is not json",
      "[1,2]",
      '{"phone": ',
    ]) {
      await expectEnvelope(await api("POST", "/api/call_requests", { auth: manage, body, headers: { "content-type": "application/json" } }), 400);
    }
  });

  it("accepts a form-encoded body and JSON sent with a form content type (curl -d)", async () => {
    const form = await api("POST", "/api/call_requests", {
      auth: manage,
      body: "phone=%2B90%20555%20000%2011%2022&name=Form+Person&time_from=9%3A00",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(201);
    const { request_id } = await jsonOf<{ request_id: number }>(form);
    expect(await jsonOf(await api("GET", `/api/call_requests/${request_id}`, { auth: manage }))).toMatchObject({
      name: "Form Person",
      phone: "+90 555 000 11 22",
      time_from: "9:00",
    });
    const curl = await api("POST", "/api/call_requests", {
      auth: manage,
      body: '{"phone":"123456"}',
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(curl.status).toBe(201);
  });

  it("creates a call_request thread, its first message and the live event in one go", async () => {
    const before = (await database.db.select({ id: realtimeEvents.id }).from(realtimeEvents)).at(-1)?.id ?? 0;
    const { request_id } = await jsonOf<{ request_id: number }>(
      await api("POST", "/api/call_requests", { auth: manage, body: { phone: "+1 555 0199", name: "Live" } }),
    );
    const [thread] = await database.db.select().from(threads).where(eq(threads.id, request_id));
    expect(thread).toMatchObject({ channel: "call_request", channelState: "new", status: "open", messageCount: 1 });
    const events = await database.db.select().from(realtimeEvents).where(gt(realtimeEvents.id, before));
    expect(events.map((e) => e.name)).toContain("call_request.updated");
    expect(events.find((e) => e.name === "call_request.updated")!.data).toMatchObject({ threadId: request_id, channel: "call_request" });
  });
});

describe("GET one", () => {
  it("answers 404 for an unknown, deleted, non-numeric or other-channel id", async () => {
    const other = await inTransaction(database.db, async (tx, emit) => {
      const { createThread } = await import("@/lib/threads/service");
      return createThread(tx, emit, { channel: "contact", subject: "not a call" }, TEST_ACTOR);
    });
    for (const id of ["987654321", "abc", "0", "-1", String(other.id)]) {
      await expectEnvelope(await api("GET", `/api/call_requests/${id}`, { auth: manage }), 404);
    }
  });
});

describe("PUT", () => {
  it("changes only user_id, order_id, product_id, status and notes", async () => {
    const thread = await make(nextCompany(), { name: "Before", email: "before@example.com" });
    const response = await api("PUT", `/api/call_requests/${thread.id}/`, {
      auth: manage,
      body: {
        user_id: agentZ.id,
        order_id: 555,
        product_id: 77,
        status: "in_progress",
        notes: "Calling now",
        name: "After",
        email: "after@example.com",
        phone: "0",
        time_from: "1:00",
        timestamp: 5,
      },
    });
    expect(response.status).toBe(200);
    expect(await jsonOf(response)).toEqual({ request_id: thread.id });
    const item = await jsonOf<Item>(await api("GET", `/api/call_requests/${thread.id}`, { auth: manage }));
    expect(item).toMatchObject({
      user_id: agentZ.id,
      order_id: 555,
      product_id: 77,
      status: "in_progress",
      notes: "Calling now",
      name: "Before",
      email: "before@example.com",
      phone: "+90 555 111 22 33",
      time_from: "",
    });
    expect(item.timestamp).toBe(Math.floor(thread.createdAt.getTime() / 1000));
  });

  it("closes the thread when completed and reopens it when moved back; 0 clears the assignee and order", async () => {
    const thread = await make(nextCompany(), { assigneeId: agentA.id, orderId: 42 });
    await api("PUT", `/api/call_requests/${thread.id}`, { auth: manage, body: { status: "completed", notes: "Sorted" } });
    let [row] = await database.db.select().from(threads).where(eq(threads.id, thread.id));
    expect(row).toMatchObject({ status: "closed", channelState: "completed" });
    await api("PUT", `/api/call_requests/${thread.id}`, { auth: manage, body: { status: "new", user_id: 0, order_id: "" } });
    [row] = await database.db.select().from(threads).where(eq(threads.id, thread.id));
    expect(row).toMatchObject({ status: "open", channelState: "new", assigneeId: null, orderRef: null });
    expect(await jsonOf(await api("GET", `/api/call_requests/${thread.id}`, { auth: manage }))).toMatchObject({ user_id: 0, order_id: 0, status: "new" });
  });

  it("keeps an outcome set through the API in the timeline as a call attempt", async () => {
    const thread = await make(nextCompany());
    await api("PUT", `/api/call_requests/${thread.id}`, { auth: manage, body: { status: "no_answer", notes: "Voicemail" } });
    const events = await database.db
      .select()
      .from(threadEvents)
      .where(and(eq(threadEvents.threadId, thread.id), eq(threadEvents.type, "state")));
    expect(events.map((e) => e.data)).toEqual([{ state: "no_answer", attempt: 1, note: "Voicemail", source: "api" }]);
  });

  it("refuses bad status values and ids with 400, an unknown id with 404", async () => {
    const thread = await make(nextCompany());
    for (const body of [{ status: "finished" }, { status: "" }, { status: 3 }, { user_id: "x" }, { user_id: 123456789 }, { order_id: -1 }]) {
      await expectEnvelope(await api("PUT", `/api/call_requests/${thread.id}`, { auth: manage, body }), 400);
    }
    expect(await jsonOf(await api("GET", `/api/call_requests/${thread.id}`, { auth: manage }))).toMatchObject({ status: "new", user_id: 0 });
    await expectEnvelope(await api("PUT", "/api/call_requests/987654321", { auth: manage, body: { status: "completed" } }), 404);
  });

  it("shows what an agent did in the queue: the API returns it next", async () => {
    const thread = await make(nextCompany());
    await takeCallRequest(database.db, { id: thread.id }, agentA.actor);
    expect(await jsonOf(await api("GET", `/api/call_requests/${thread.id}`, { auth: manage }))).toMatchObject({ status: "in_progress", user_id: agentA.id });
    await recordCallOutcome(database.db, { id: thread.id, outcome: "no_answer", note: "Rang out twice" }, agentA.actor);
    expect(await jsonOf(await api("GET", `/api/call_requests/${thread.id}`, { auth: manage }))).toMatchObject({
      status: "no_answer",
      user_id: agentA.id,
      notes: "Rang out twice",
    });
  });
});

describe("DELETE", () => {
  it("answers 204 with no body, then 404; the thread is soft-deleted", async () => {
    const thread = await make(nextCompany());
    const response = await api("DELETE", `/api/call_requests/${thread.id}`, { auth: manage });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    await expectEnvelope(await api("DELETE", `/api/call_requests/${thread.id}`, { auth: manage }), 404);
    await expectEnvelope(await api("PUT", `/api/call_requests/${thread.id}`, { auth: manage, body: { status: "new" } }), 404);
    const [row] = await database.db.select().from(threads).where(eq(threads.id, thread.id));
    expect(row!.deletedAt).not.toBeNull();
  });
});

describe("methods", () => {
  it("answers 405 for POST to an id and PUT/DELETE to the collection", async () => {
    const thread = await make(nextCompany());
    const post = await api("POST", `/api/call_requests/${thread.id}`, { auth: manage, body: { phone: "1" } });
    await expectEnvelope(post, 405);
    expect(post.headers.get("allow")).toBe("GET, PUT, DELETE");
    const put = await api("PUT", "/api/call_requests", { auth: manage, body: { status: "new" } });
    await expectEnvelope(put, 405);
    expect(put.headers.get("allow")).toBe("GET, POST");
    await expectEnvelope(await api("DELETE", "/api/2.0/call_requests/", { auth: manage }), 405);
  });
});

describe("paths", () => {
  it("answers the same under /api, /api/2.0 and /api/4.0, with and without a trailing slash", async () => {
    const c = nextCompany();
    const thread = await make(c, { name: "Pathfinder" });
    for (const base of ["/api/call_requests", "/api/2.0/call_requests", "/api/4.0/call_requests"]) {
      for (const slash of ["", "/"]) {
        const listed = await jsonOf<List>(await api("GET", `${base}${slash}?company_id=${c}`, { auth: manage }));
        expect(
          listed.call_requests.map((r) => r.request_id),
          `${base}${slash}`,
        ).toEqual([thread.id]);
        const one = await api("GET", `${base}/${thread.id}${slash}`, { auth: manage });
        expect((await jsonOf<Item>(one)).name, `${base}/${thread.id}${slash}`).toBe("Pathfinder");
        const created = await api("POST", `${base}${slash}`, { auth: manage, body: { phone: "+1 555 0111" } });
        expect(created.status, `POST ${base}${slash}`).toBe(201);
        const { request_id } = await jsonOf<{ request_id: number }>(created);
        expect((await api("PUT", `${base}/${request_id}${slash}`, { auth: manage, body: { notes: "x" } })).status).toBe(200);
        expect((await api("DELETE", `${base}/${request_id}${slash}`, { auth: manage })).status).toBe(204);
      }
    }
  });
});

describe("list", () => {
  it("pages: defaults, explicit pages, past the end, and nonsense falling back to defaults", async () => {
    const c = nextCompany();
    const ids: number[] = [];
    for (let i = 0; i < 13; i++) ids.push((await make(c, { name: `P${i}` })).id);
    const newestFirst = [...ids].reverse();
    const first = await list(`company_id=${c}`);
    expect(first.call_requests.map((r) => r.request_id)).toEqual(newestFirst.slice(0, 10));
    expect(first.params).toEqual({ company_id: c, page: 1, items_per_page: 10, sort_by: "date", sort_order: "desc", total_items: 13 });
    const second = await list(`company_id=${c}&page=2`);
    expect(second.call_requests.map((r) => r.request_id)).toEqual(newestFirst.slice(10));
    const past = await list(`company_id=${c}&page=3`);
    expect(past.call_requests).toEqual([]);
    expect(past.params).toMatchObject({ page: 3, total_items: 13 });
    const far = await list(`company_id=${c}&page=9999&items_per_page=5`);
    expect(far.call_requests).toEqual([]);
    expect(far.params).toMatchObject({ page: 9999, items_per_page: 5, total_items: 13 });
    const nonsense = await list(`company_id=${c}&page=abc&items_per_page=-4&sort_by=colour&sort_order=sideways`);
    expect(nonsense.params).toMatchObject({ page: 1, items_per_page: 10, sort_by: "date", sort_order: "desc" });
    const three = await list(`company_id=${c}&items_per_page=3&page=5`);
    expect(three.call_requests.map((r) => r.request_id)).toEqual(newestFirst.slice(12, 15));
  });

  describe("sorting", () => {
    const c = 9000;
    beforeAll(async () => {
      const rows: Partial<NewCallRequest>[] = [
        { name: "Carol Clark", phone: "+1 555 0103", status: "no_answer", assigneeId: agentZ.id, orderId: 30, orderStatus: "P" },
        { name: "Alice Able", phone: "+1 555 0105", status: "completed", assigneeId: null, orderId: null, orderStatus: null },
        { name: "Eve Evans", phone: "+1 555 0101", status: "new", assigneeId: agentA.id, orderId: 10, orderStatus: "C" },
        { name: "Bob Brown", phone: "+1 555 0104", status: "in_progress", assigneeId: admin.id, orderId: 20, orderStatus: "O" },
        { name: "Dave Dune", phone: "+1 555 0102", status: "new", assigneeId: agentA.id, orderId: null, orderStatus: null },
      ];
      let at = Date.parse("2026-01-01T10:00:00Z");
      for (const row of rows) await make(c, { ...row, createdAt: new Date((at += 60_000)) });
    });

    const keyOf: Record<string, (r: Item) => unknown> = {
      id: (r) => r.request_id,
      date: (r) => r.timestamp,
      status: (r) => r.status,
      name: (r) => r.name,
      phone: (r) => r.phone,
      user_id: (r) => (r.user_id === 0 ? null : r.user_id),
      user: (r) =>
        r.user_id === 0
          ? null
          : ({ [agentA.id]: "Amy Agent", [agentZ.id]: "Zed Agent", [admin.id]: "Ada Admin" } as Record<number, string>)[r.user_id as number],
      order: (r) => (r.order_id === 0 ? null : r.order_id),
      order_status: (r) => (r.order_status === "" ? null : r.order_status),
    };

    /** PostgreSQL's order: nulls last ascending, first descending; ties by id in the same direction. */
    function expected(items: Item[], key: string, order: "asc" | "desc") {
      const sign = order === "asc" ? 1 : -1;
      return [...items].sort((a, b) => {
        const x = keyOf[key]!(a);
        const y = keyOf[key]!(b);
        if (x !== y) {
          if (x === null) return order === "asc" ? 1 : -1;
          if (y === null) return order === "asc" ? -1 : 1;
          return ((x as number | string) < (y as number | string) ? -1 : 1) * sign;
        }
        return (a.request_id - b.request_id) * sign;
      });
    }

    for (const key of ["id", "date", "status", "name", "phone", "user_id", "user", "order", "order_status"]) {
      for (const order of ["asc", "desc"] as const) {
        it(`sort_by=${key}&sort_order=${order}`, async () => {
          const body = await list(`company_id=${c}&sort_by=${key}&sort_order=${order}`);
          expect(body.params).toMatchObject({ sort_by: key, sort_order: order, total_items: 5 });
          expect(body.call_requests.map((r) => r.name)).toEqual(expected(body.call_requests, key, order).map((r) => r.name));
          // Not a trivial order: the first and last rows differ between the two directions.
          const other = await list(`company_id=${c}&sort_by=${key}&sort_order=${order === "asc" ? "desc" : "asc"}`);
          expect(other.call_requests[0]!.name).not.toBe(body.call_requests[0]!.name);
        });
      }
    }

    it("takes ASC/DESC in upper case", async () => {
      expect((await list(`company_id=${c}&sort_by=name&sort_order=ASC`)).call_requests[0]!.name).toBe("Alice Able");
    });
  });

  describe("filters", () => {
    const c = 9100;
    beforeAll(async () => {
      await make(c, { name: "Selin Şahin", phone: "+90 532 111 22 33", status: "new", orderId: 1, orderStatus: "P" });
      await make(c, { name: "Mehmet Demir", phone: "+90 533 444 55 66", status: "no_answer", assigneeId: agentA.id, orderId: 2, orderStatus: "C" });
      await make(c, { name: "Selim Yıldız", phone: "+90 532 777 88 99", status: "in_progress", assigneeId: agentZ.id });
      await make(c, { name: "Emma 100%_real", phone: "+44 7700 900123", status: "completed", assigneeId: agentA.id });
      await make(c + 1, { name: "Selin Other Store", phone: "+90 532 000 00 00" });
    });
    const names = async (query: string) => (await list(`company_id=${c}&sort_by=name&sort_order=asc&${query}`)).call_requests.map((r) => r.name);

    it("status", async () => {
      expect(await names("status=new")).toEqual(["Selin Şahin"]);
      expect(await names("status=no_answer")).toEqual(["Mehmet Demir"]);
      expect(await names("status=in_progress")).toEqual(["Selim Yıldız"]);
      expect(await names("status=completed")).toEqual(["Emma 100%_real"]);
    });
    it("name (part, any case; % and _ are literal)", async () => {
      expect(await names("name=seli")).toEqual(["Selim Yıldız", "Selin Şahin"]);
      expect(await names("name=DEMIR")).toEqual(["Mehmet Demir"]);
      expect(await names("name=100%25_")).toEqual(["Emma 100%_real"]);
      expect(await names("name=%25")).toEqual(["Emma 100%_real"]);
    });
    it("phone (part)", async () => {
      expect(await names("phone=532")).toEqual(["Selim Yıldız", "Selin Şahin"]);
      expect(await names(`phone=${encodeURIComponent("+44")}`)).toEqual(["Emma 100%_real"]);
    });
    it("company_id", async () => {
      expect((await list(`company_id=${c + 1}`)).call_requests.map((r) => r.name)).toEqual(["Selin Other Store"]);
      expect((await list(`company_id=${c + 1}`)).call_requests[0]!.company_id).toBe(c + 1);
    });
    it("order_status", async () => {
      expect(await names("order_status=P")).toEqual(["Selin Şahin"]);
      expect(await names("order_status=C")).toEqual(["Mehmet Demir"]);
      expect(await names("order_status=X")).toEqual([]);
    });
    it("user_id: one, a comma list, or user_id[]", async () => {
      expect(await names(`user_id=${agentA.id}`)).toEqual(["Emma 100%_real", "Mehmet Demir"]);
      expect(await names(`user_id=${agentA.id},${agentZ.id}`)).toEqual(["Emma 100%_real", "Mehmet Demir", "Selim Yıldız"]);
      expect(await names(`user_id[]=${agentZ.id}&user_id[]=${agentA.id}`)).toEqual(["Emma 100%_real", "Mehmet Demir", "Selim Yıldız"]);
    });
    it("order_exists Y / N (any case)", async () => {
      expect(await names("order_exists=Y")).toEqual(["Mehmet Demir", "Selin Şahin"]);
      expect(await names("order_exists=N")).toEqual(["Emma 100%_real", "Selim Yıldız"]);
      expect(await names("order_exists=y")).toEqual(["Mehmet Demir", "Selin Şahin"]);
    });
    it("combined, and echoed in params", async () => {
      const body = await list(`company_id=${c}&status=no_answer&order_exists=Y&user_id=${agentA.id}&name=meh`);
      expect(body.call_requests.map((r) => r.name)).toEqual(["Mehmet Demir"]);
      expect(body.params).toMatchObject({ company_id: c, status: "no_answer", order_exists: "Y", user_id: [agentA.id], name: "meh", total_items: 1 });
    });
    it("empty values mean no filter", async () => {
      expect(await names("status=&name=&order_exists=")).toHaveLength(4);
    });
    it("refuses bad filter values with 400", async () => {
      for (const q of ["status=closed", "status=NEW", "status=in progress", "order_exists=maybe", "user_id=abc", "company_id=x"]) {
        const error = await expectEnvelope(await api("GET", `/api/call_requests?${q}`, { auth: manage }), 400);
        expect(error.message, q).toMatch(/^Bad Request: /);
      }
    });
  });
});
