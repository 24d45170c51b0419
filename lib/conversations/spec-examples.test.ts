// Every conversations example in contact-and-conversations.md with its exact request (the cookie
// is a storefront session, the x-csrftoken the csrftoken cookie's value), on a fresh database made
// so that the spec's own ids exist: user 76, datasource 135, product 1, conversation 1. The shapes
// are compared key by key and type by type with the spec's examples. PGlite and PostgreSQL.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { StorefrontSession } from "@/e2e/support/api-clients";
import { ensureLanguages, ensureProduct } from "@/e2e/support/factories";
import { createTestDatabase } from "@/e2e/support/test-db";
import { openCustomerConversation } from "./service";

let database: Database;
const shop = new StorefrontSession({ "accept-language": "en" });

/** The spec's list/retrieve example, as printed (the shape every answer is held against). */
const SPEC_CONVERSATION = {
  id: 3,
  conversation_type: "message",
  item_object: {
    pk: 3855,
    sku: "4455002",
    product_images: [{ pk: 26, product: 9, image: "products/2021/05/21/134/d192331113a.jpg", order: 0, height: 80, width: 101 }],
    name: "Oversized Sweatshirt",
  },
  is_answered: false,
  subject: "subject-1",
  message_set: [],
  user: { id: 853, first_name: "John", last_name: "Doe", gender: null, email: "testuser1@akinon.com", phone: null },
  last_message_date: null,
  is_public: false,
  item_content: "product",
  datasource: {
    phone_number: null,
    name: "seller-1",
    title: "Test Seller",
    supplier_code: "Code123",
    mersis_number: null,
    fax_number: null,
    email: null,
    is_active: true,
    trade_association: null,
    price_list: null,
    address: null,
    stock_list: null,
    pk: 57,
    slug: null,
    kep_address: null,
    extras: {},
  },
};

const SPEC_CREATED = {
  id: 35,
  datasource: 1,
  user: 76,
  subject: "subject",
  item_content: null,
  is_public: false,
  item_id: null,
  conversation_type: "message",
  message_content: "hello first message 2",
  user_type: "registered",
  content_id: 76,
  content_type: "user",
};

/** JSON types as the spec's examples show them; a null in the spec allows any type (it is only an example value). */
function typeOf(v: unknown): string {
  return v === null ? "null" : Array.isArray(v) ? "array" : typeof v;
}
function expectShape(actual: unknown, spec: unknown, path = "$") {
  if (spec === null) return;
  expect(typeOf(actual), path).toBe(typeOf(spec));
  if (Array.isArray(spec)) {
    if (spec.length) for (const [i, a] of (actual as unknown[]).entries()) expectShape(a, spec[0], `${path}[${i}]`);
    return;
  }
  if (spec && typeof spec === "object") {
    if (path.endsWith(".extras")) return;
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(spec).sort());
    for (const [k, v] of Object.entries(spec)) expectShape((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
  }
}

beforeAll(async () => {
  process.env.SIGNIN_LIMIT_IP_MAX = "1000";
  database = await createTestDatabase({ useAsAppDatabase: true });
  const db = database.db;
  await ensureLanguages(db);
  // The spec's own ids: user (our customer record) 76, datasource 135, product 1.
  const [user] = await db
    .insert(users)
    .values({ email: "testuser1@akinon.com", name: "John Doe", role: "customer", passwordHash: await hashPassword("spec-password-1") })
    .returning();
  await db.execute(sql`insert into customers (id, name, email, user_id, first_name, last_name)
                       overriding system value values (76, 'John Doe', 'testuser1@akinon.com', ${user!.id}, 'John', 'Doe')`);
  await db.execute(sql`insert into sellers (id, slug, title, supplier_code, is_active)
                       overriding system value values (135, 'seller-1', 'Test Seller', 'Code123', true)`);
  const product = await ensureProduct(db, { sku: "4455002", name: "Oversized Sweatshirt", sellerId: 135 });
  expect(product.id).toBe(1);
  // Conversation 1: the customer's earlier message to the seller about product 1.
  const first = await openCustomerConversation(
    db,
    { customerId: 76, sellerId: 135, type: "message", itemContent: "product", itemId: 1, subject: "subject", body: "Is it true to size?", ifExists: "refuse" },
    { kind: "customer", customerId: 76, userId: user!.id, name: "John Doe" },
  );
  expect(first.threadId).toBe(1);
  await shop.signIn("testuser1@akinon.com", "spec-password-1");
  expect(shop.cookies.osessionid).toMatch(/^\w+$/);
});
afterAll(async () => {
  await database.close();
});

describe("contact-and-conversations.md: conversations", () => {
  it("GET List User Conversations: requests.get(url, headers={Accept-Language, Cookie}) → the spec's paginated shape", async () => {
    const response = await shop.call("GET", "/users/conversations/", undefined, { "accept-language": "en" });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { count: number; next: string | null; previous: string | null; results: unknown[] };
    expectShape(body, { count: 1, next: null, previous: null, results: [SPEC_CONVERSATION] });
    expect(body).toMatchObject({ count: 1, next: null, previous: null });
    const [c] = body.results as (Omit<typeof SPEC_CONVERSATION, "message_set"> & { message_set: { message_content: string; content_type: string }[] })[];
    expect(c).toMatchObject({
      id: 1,
      conversation_type: "message",
      is_answered: false,
      subject: "subject",
      is_public: false,
      item_content: "product",
      user: { id: 76, first_name: "John", last_name: "Doe", email: "testuser1@akinon.com" },
      item_object: { pk: 1, sku: "4455002", name: "Oversized Sweatshirt" },
      datasource: { pk: 135, name: "seller-1", title: "Test Seller", supplier_code: "Code123", is_active: true },
    });
    expect(c!.item_object.product_images[0]).toMatchObject({ product: 1, order: 0, width: 40, height: 30 });
    expect(c!.item_object.product_images[0]!.image).toMatch(/^products\/\d{4}\/\d{2}\/\d{2}\/1\/[0-9a-f]{12}\.png$/);
    expect(c!.message_set.map((m) => [m.content_type, m.message_content])).toEqual([["user", "Is it true to size?"]]);
    expect(typeof c!.last_message_date).toBe("string");
  });

  it("GET Retrieve User Conversation: /users/conversations/<id>/ → the spec's shape", async () => {
    const response = await shop.call("GET", "/users/conversations/1/", undefined, { "accept-language": "en" });
    expect(response.status).toBe(200);
    const body = await response.json();
    expectShape(body, SPEC_CONVERSATION);
    expect(body).toMatchObject({ id: 1, datasource: { pk: 135 }, user: { id: 76 } });
  });

  it("POST Create User Conversation: the spec's own payload (conversation 1) → 201 in the spec's shape, the message in conversation 1", async () => {
    // The payload exactly as printed (json.dumps of the example's dict).
    const payload = {
      conversation_type: "message",
      user: 76,
      user_type: "registered",
      message_content: "hello first message",
      datasource: 135,
      content_type: "user",
      is_public: false,
      content_id: 76,
      subject: "subject",
      conversation: 1,
      item_content: "product",
      item_id: 1,
    };
    const response = await shop.call("POST", "/users/conversations/", JSON.stringify(payload), { "accept-language": "en", "content-type": "application/json" });
    expect(response.status).toBe(201);
    const body = await response.json();
    expectShape(body, { ...SPEC_CREATED, item_content: "product", item_id: 1 });
    expect(body).toEqual({
      id: 1,
      datasource: 135,
      user: 76,
      subject: "subject",
      item_content: "product",
      is_public: false,
      item_id: 1,
      conversation_type: "message",
      message_content: "hello first message",
      user_type: "registered",
      content_id: 76,
      content_type: "user",
    });
    const retrieved = (await (await shop.call("GET", "/users/conversations/1/")).json()) as { message_set: { message_content: string }[] };
    expect(retrieved.message_set.map((m) => m.message_content)).toEqual(["Is it true to size?", "hello first message"]);
  });

  it('POST Create User Conversation without `conversation`: 400 ["Conversation already exists"] for the same user, seller, item and type', async () => {
    const payload = {
      conversation_type: "message",
      user: 76,
      user_type: "registered",
      message_content: "hello again",
      datasource: 135,
      content_type: "user",
      is_public: false,
      content_id: 76,
      subject: "subject",
      item_content: "product",
      item_id: 1,
    };
    const response = await shop.call("POST", "/users/conversations/", payload);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(["Conversation already exists"]);
  });
});
