// Every example in call-requests.rst, with its exact request (plus the HTTP Basic header the
// desk requires), on a fresh database so the ids are the spec's own: the POST makes request 5.
// Runs on PGlite and on PostgreSQL (TEST_DB=postgres).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createApiCredential } from "@/lib/api-keys/service";
import { createTestDatabase } from "@/e2e/support/test-db";
import { makeUser, TEST_ACTOR } from "@/e2e/support/factories";
import { basic, callRequestsApi as api, jsonOf } from "@/e2e/support/api-clients";
import { createCallRequest } from "./service";

let database: Database;
let auth: string;

beforeAll(async () => {
  database = await createTestDatabase({ useAsAppDatabase: true });
  const db = database.db;
  const admin = await makeUser(db, "admin", { email: "manager@shop.example" });
  const { apiKey } = await createApiCredential(db, {
    kind: "call_requests",
    name: "spec",
    scopes: ["call_requests.view", "call_requests.manage"],
    userId: admin.id,
  });
  auth = basic(admin.email, apiKey);
  // Requests 1–4 exist before the examples run.
  for (let i = 1; i <= 4; i++) {
    await createCallRequest(db, { name: `Earlier ${i}`, phone: `+90 555 000 00 0${i}`, timeFrom: "10:00", timeTo: "12:00" }, TEST_ACTOR);
  }
});
afterAll(async () => {
  await database.close();
});

describe("call-requests.rst examples", () => {
  it(`POST: curl -H "Content-Type: application/json" -X POST …/api/2.0/call_requests -d '{"phone":"+7(999)111-22-33", "name":"John Doe", “time_from”:”9:00”, “time_to”:”10:00”}'`, async () => {
    // The body exactly as printed, typographic quotes included.
    const body = '{"phone":"+7(999)111-22-33", "name":"John Doe", “time_from”:”9:00”, “time_to”:”10:00”}';
    const response = await api("POST", "/api/2.0/call_requests", { auth, body, headers: { "Content-Type": "application/json" } });
    expect(response.status).toBe(201);
    expect(await jsonOf(response)).toEqual({ request_id: 5 });
    const created = await jsonOf(await api("GET", "/api/2.0/call_requests/5", { auth }));
    expect(created).toMatchObject({ request_id: 5, phone: "+7(999)111-22-33", name: "John Doe", time_from: "9:00", time_to: "10:00", status: "new" });
  });

  it("GET: curl -X GET 'http://example.com/api/2.0/call_requests/'", async () => {
    const response = await api("GET", "/api/2.0/call_requests/", { auth });
    expect(response.status).toBe(200);
    const body = await jsonOf<{ call_requests: { request_id: number }[]; params: Record<string, unknown> }>(response);
    expect(body.call_requests.map((c) => c.request_id)).toEqual([5, 4, 3, 2, 1]); // default: date, desc
    expect(body.params).toMatchObject({ page: 1, items_per_page: 10, sort_by: "date", sort_order: "desc", total_items: 5 });
  });

  it("GET: curl -X GET 'http://example.com/api/2.0/call_requests/1'", async () => {
    const response = await api("GET", "/api/2.0/call_requests/1", { auth });
    expect(response.status).toBe(200);
    const body = await jsonOf(response);
    expect(Object.keys(body).sort()).toEqual(
      [
        "request_id",
        "company_id",
        "order_id",
        "user_id",
        "product_id",
        "timestamp",
        "status",
        "name",
        "phone",
        "email",
        "time_from",
        "time_to",
        "notes",
        "cart_products",
        "order_status",
        "product",
      ].sort(),
    );
    expect(body).toMatchObject({ request_id: 1, name: "Earlier 1", status: "new", time_from: "10:00", time_to: "12:00" });
    expect(typeof body.timestamp).toBe("number");
    expect(Math.abs((body.timestamp as number) - Date.now() / 1000)).toBeLessThan(600);
  });

  it(`PUT: curl -H "Content-Type: application/json" -X PUT …/api/2.0/call_requests/5 -d '{"status":"no_answer", "notes":"John didn’t answer the call"}'`, async () => {
    const body = '{"status":"no_answer", "notes":"John didn’t answer the call"}';
    const response = await api("PUT", "/api/2.0/call_requests/5", { auth, body, headers: { "Content-Type": "application/json" } });
    expect(response.status).toBe(200);
    expect(await jsonOf(response)).toEqual({ request_id: 5 });
    const after = await jsonOf(await api("GET", "/api/2.0/call_requests/5", { auth }));
    expect(after).toMatchObject({ status: "no_answer", notes: "John didn’t answer the call" });
  });

  it("DELETE: curl -X DELETE 'http://example.com/api/2.0/call_requests/5'", async () => {
    const response = await api("DELETE", "/api/2.0/call_requests/5", { auth });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    expect((await api("GET", "/api/2.0/call_requests/5", { auth })).status).toBe(404);
    expect((await api("DELETE", "/api/2.0/call_requests/5", { auth })).status).toBe(404);
  });

  describe("pagination examples", () => {
    beforeAll(async () => {
      // 100 without an order and 20 with one, on top of requests 1–4.
      for (let i = 0; i < 120; i++) {
        await createCallRequest(
          database.db,
          { name: `Bulk ${i}`, phone: `+90 555 100 ${String(i).padStart(4, "0")}`, orderId: i < 20 ? 9000 + i : null },
          TEST_ACTOR,
        );
      }
    });

    it("GET /api/2.0/call_requests?items_per_page=20 — 20 call requests from the 1st page", async () => {
      const body = await jsonOf<{ call_requests: unknown[]; params: Record<string, unknown> }>(
        await api("GET", "/api/2.0/call_requests?items_per_page=20", { auth }),
      );
      expect(body.call_requests).toHaveLength(20);
      expect(body.params).toMatchObject({ page: 1, items_per_page: 20, total_items: 124 });
    });

    it("GET /api/2.0/call_requests?page=5&items_per_page=20&order_exists=N — 20 without orders from the 5th page", async () => {
      const body = await jsonOf<{ call_requests: { order_id: number; request_id: number }[]; params: Record<string, unknown> }>(
        await api("GET", "/api/2.0/call_requests?page=5&items_per_page=20&order_exists=N", { auth }),
      );
      expect(body.call_requests).toHaveLength(20);
      expect(body.call_requests.every((c) => c.order_id === 0)).toBe(true);
      expect(body.params).toMatchObject({ page: 5, items_per_page: 20, order_exists: "N", total_items: 104 });
      // Page 5 of the no-order list is the 81st–100th newest of them.
      const all = await jsonOf<{ call_requests: { request_id: number }[] }>(
        await api("GET", "/api/2.0/call_requests?items_per_page=200&order_exists=N", { auth }),
      );
      expect(body.call_requests.map((c) => c.request_id)).toEqual(all.call_requests.slice(80, 100).map((c) => c.request_id));
    });
  });
});
