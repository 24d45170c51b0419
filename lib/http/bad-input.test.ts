// Bad input, as permanent property-based tests (fast-check) over every public endpoint's input:
// NUL and other control characters, bidi and zero-width characters, huge and deeply nested values,
// `__proto__`/`constructor` keys, integer overflow and loose ids, dates JavaScript takes and
// PostgreSQL refuses, bad percent-encoding, wrong content types. Whatever arrives, the answer is a
// 4xx in that API's own shape (never a 500) and nothing is written. PGlite and PostgreSQL.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Database } from "@/db/client";
import { sellers } from "@/db/schema";
import { createApiCredential } from "@/lib/api-keys/service";
import { systemActor } from "@/lib/auth/actor";
import { importDiscussionSchema } from "@/lib/discussions/schemas";
import { importDiscussion } from "@/lib/discussions/service";
import { errorResponse } from "@/lib/http/route";
import { listInbox } from "@/lib/inbox/list";
import { replySchema } from "@/lib/inbox/thread-schemas";
import { postReply } from "@/lib/channels/reply";
import { basic, callRequestsApi, contactApi, getToken, proxyHeaders, seedContactReference, sellerApi } from "@/e2e/support/api-clients";
import { ensureTypology, makeThread, makeUser } from "@/e2e/support/factories";
import { createTestDatabase } from "@/e2e/support/test-db";

let database: Database;
let subjects: Awaited<ReturnType<typeof seedContactReference>>;
let seller = { token: "", sellerId: "SELLER-FUZZ", discussionId: "", messageId: "" };
let callAuth = "";
let callId = 0;
let agent: Awaited<ReturnType<typeof makeUser>>;
let threadId = 0;

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);

beforeAll(async () => {
  process.env.FILES_DIR = await fs.mkdtemp(path.join(os.tmpdir(), "sb-fuzz-files-"));
  process.env.CONTACT_LIMIT_IP_MAX = "100000";
  process.env.SELLER_TOKEN_LIMIT_IP_MAX = "100000";
  database = await createTestDatabase({ useAsAppDatabase: true });
  const db = database.db;
  subjects = await seedContactReference(db);
  await ensureTypology(db, "product", "productIsDamaged");
  const [row] = await db.insert(sellers).values({ slug: "fuzz", title: "Fuzz Seller", externalId: seller.sellerId }).returning();
  const credential = await createApiCredential(db, { kind: "seller", name: "fuzz", scopes: ["discussions.view", "discussions.manage"], sellerId: row!.id });
  seller.token = await getToken(credential.credential.keyPrefix, credential.secret);
  const discussion = importDiscussionSchema.parse({
    salesChannel: "CDISFR",
    subTypologyCode: "productIsDamaged",
    receivers: [{ userType: "Customer" }],
    messages: [{ body: "Broken.", sender: { userType: "Customer" } }],
  });
  const made = await importDiscussion(db, { seller: row!, discussion }, systemActor("test"));
  seller = { ...seller, discussionId: String(made.thread.id), messageId: String(made.messages[0]!.id) };
  agent = await makeUser(db, "agent");
  const key = await createApiCredential(db, { kind: "call_requests", name: "fuzz", scopes: ["call_requests.view", "call_requests.manage"], userId: agent.id });
  callAuth = basic(agent.email, key.apiKey);
  const created = await callRequestsApi("POST", "/api/call_requests", { auth: callAuth, body: { name: "Fuzz", phone: "+90 555 000 11 22" } });
  callId = ((await created.json()) as { request_id: number }).request_id;
  threadId = (await makeThread(db, { channel: "conversation" })).thread.id;
});
afterAll(async () => {
  delete process.env.CONTACT_LIMIT_IP_MAX;
  delete process.env.SELLER_TOKEN_LIMIT_IP_MAX;
  await database?.close();
});

// ---------------------------------------------------------------------------------------------
// Hostile values, by the kind of field they are thrown at

const CONTROL = fc.constantFrom("\u0000", "\u0001", "\u0007", "\u001b", "\u007f", "\u0085", "\u009b");
const INVISIBLE = fc.constantFrom("\u202e", "\u200b", "\u2066", "\ufeff", "\u200f");

/** A string that carries at least one character no stored text may have. */
const controlText = fc.tuple(fc.string({ maxLength: 20 }), CONTROL, fc.string({ maxLength: 20 })).map(([a, c, b]) => `${a}${c}${b}`);
/** A single-line text with a bidi override or a zero-width character. */
const invisibleText = fc.tuple(fc.string({ maxLength: 10 }), INVISIBLE, fc.string({ maxLength: 10 })).map(([a, c, b]) => `x${a}${c}y${b}`);
const hugeText = fc.integer({ min: 25_000, max: 120_000 }).map((n) => "x".repeat(n));
/** Dates JavaScript parses (or half-parses) and PostgreSQL refuses, or that are no dates at all. */
const oddDate = fc.constantFrom(
  "0000-01-01",
  "-010000-01-01",
  "+200000-01-01",
  "200000-01-01",
  "2024-02-30",
  "1899-12-31",
  "2201-01-01",
  "1",
  "1|5",
  "NaN",
  "9999-99-99",
);
/** Ids no client writes: overflow, signs, hex, exponents, fractions, unicode digits. */
const looseId = fc.constantFrom("0x10", "1e3", "-1", "16.0", "99999999999999999999", "9007199254740993", "1_000", "+5", "１２", "7 7");
const deep = fc.integer({ min: 40, max: 200 }).map((n) => JSON.parse("[".repeat(n) + "1" + "]".repeat(n)) as unknown);

/** What no text field takes: control characters, too much of it, structures where a string belongs. */
const badText = fc.oneof(controlText, hugeText, deep, fc.constant({ nested: "object" }), fc.constant(["a", "list"]));
/** What no id field takes. */
const badId = fc.oneof(looseId, controlText, deep, fc.constant(1e308), fc.constant(-1));
/** What no date field takes. */
const badDate = fc.oneof(oddDate, controlText);
/** In a query string everything is text: what no text filter takes, and what no id filter takes. */
const badQueryText = fc.oneof(controlText, hugeText);
const badQueryId = fc.oneof(looseId, controlText);
const BAD = { text: badText, id: badId, date: badDate, qtext: badQueryText, qid: badQueryId } as const;
type Kind = keyof typeof BAD;
/** One field of `fields`, with a value of the kind that field refuses. */
const badField = (fields: Record<string, Kind>) =>
  fc.constantFrom(...Object.keys(fields)).chain((field) => BAD[fields[field]!].map((value) => ({ field, value })));
const asQueryValue = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

const PROTO_BODY = '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}';
const BAD_PERCENT = ["%", "%25", "%ZZ", "%E0%A4%A", "%C0%AF", "..%2F..%2Fetc%2Fpasswd", "%00"];

// ---------------------------------------------------------------------------------------------
// What may not change, and each API's shape

const snapshot = async () =>
  JSON.stringify(
    await queryRows(
      database.db,
      sql`select (select count(*) from threads)::int as threads, (select count(*) from messages)::int as messages,
        (select count(*) from attachments)::int as attachments, (select count(*) from realtime_events)::int as events,
        (select count(*) from customers)::int as customers`,
    ),
  );

type Shape = (response: Response, body: unknown) => void;

const contactShape: Shape = (response, body) => {
  expect(response.headers.get("content-type")).toContain("application/json");
  expect(body && typeof body === "object" && !Array.isArray(body)).toBe(true);
  for (const [key, value] of Object.entries(body as object)) {
    if (key === "detail") expect(typeof value).toBe("string");
    else expect(Array.isArray(value) && value.every((m) => typeof m === "string")).toBe(true);
  }
};
const oauthShape: Shape = (_response, body) => {
  expect(body).toMatchObject({ error: expect.any(String), error_description: expect.any(String) });
};
const problemShape: Shape = (response, body) => {
  expect(response.headers.get("content-type")).toContain("application/problem+json");
  expect(body).toMatchObject({
    title: expect.any(String),
    status: response.status,
    detail: expect.any(String),
    errors: expect.any(Object),
    traceId: expect.any(String),
  });
};
const callShape: Shape = (response, body) => {
  expect(body).toMatchObject({ message: expect.any(String), messages: [], errors: expect.any(Array), status: response.status });
};

/** Sends, then checks: a 4xx (never 5xx), in the API's shape, with nothing written. */
async function refused(send: () => Promise<Response>, shape: Shape, label: string): Promise<void> {
  const before = await snapshot();
  const response = await send();
  const text = await response.text();
  expect(response.status, `${label}: ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(response.status, `${label}: ${text.slice(0, 300)}`).toBeLessThan(500);
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${label}: the answer is not JSON: ${text.slice(0, 200)}`);
  }
  shape(response, body);
  expect(await snapshot(), `${label}: something was written`).toBe(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

const property = <T>(arb: fc.Arbitrary<T>, run: (value: T) => Promise<void>) => fc.assert(fc.asyncProperty(arb, run), { numRuns: RUNS });

// ---------------------------------------------------------------------------------------------

describe("contact-us (anonymous)", () => {
  const FIELDS: Record<string, Kind> = { full_name: "text", email: "text", phone: "text", message: "text", order: "text", operation: "text", subject: "id" };
  const base = () => ({ subject: subjects.technical, full_name: "Ayşe Yılmaz", email: "ayse@mail.example", message: "Where is my parcel?" });
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    contactApi("POST", "/users/contact-us/", { headers: proxyHeaders({ "x-forwarded-for": "203.0.113.99", ...headers }), body });

  it("refuses control characters, huge, deep and odd values in any field with a field error", async () => {
    await property(badField(FIELDS), ({ field, value }) =>
      refused(() => post(JSON.stringify({ ...base(), [field]: value })), contactShape, `contact ${field}`),
    );
  });

  it("refuses bidi overrides in single-line fields, prototype keys and wrong content types", async () => {
    await property(fc.record({ field: fc.constantFrom("full_name", "phone", "operation"), value: invisibleText }), ({ field, value }) =>
      refused(() => post(JSON.stringify({ ...base(), [field]: value })), contactShape, `contact ${field}`),
    );
    await refused(() => post(PROTO_BODY), contactShape, "contact __proto__");
    await refused(() => post("just some text", { "content-type": "text/plain" }), contactShape, "contact text/plain");
    await refused(() => post("<xml/>", { "content-type": "application/xml" }), contactShape, "contact xml");
    await refused(() => post("[1,2,3]"), contactShape, "contact array");
    await refused(() => post("{not json"), contactShape, "contact broken JSON");
  });
});

describe("the seller token endpoint (anonymous)", () => {
  const post = (body: string, headers: Record<string, string> = {}) =>
    sellerApi("POST", "/auth/realms/maas/protocol/openid-connect/token", { body, headers: { "x-forwarded-for": "203.0.113.98", ...headers } });

  it("refuses hostile client ids and secrets, in a form or a Basic header, with an OAuth error", async () => {
    await property(badField({ client_id: "text", client_secret: "text", grant_type: "text" }), async ({ field, value }) => {
      const form = new URLSearchParams({ grant_type: "client_credentials", client_id: "sb_seller_nope", client_secret: "nope", [field]: asQueryValue(value) });
      await refused(() => post(form.toString(), { "content-type": "application/x-www-form-urlencoded" }), oauthShape, `token ${field}`);
    });
    for (const user of ["a%ZZ", "%", "a\u0000b", "%00"]) {
      const authorization = `Basic ${Buffer.from(`${user}:b`).toString("base64")}`;
      await refused(
        () => post("grant_type=client_credentials", { authorization, "content-type": "application/x-www-form-urlencoded" }),
        oauthShape,
        `token basic ${JSON.stringify(user)}`,
      );
    }
    await refused(() => post(PROTO_BODY, { "content-type": "application/json" }), oauthShape, "token __proto__");
  });
});

describe("the seller API", () => {
  const auth = () => ({ token: seller.token, sellerId: seller.sellerId });
  const LISTS: Record<string, Record<string, Kind>> = {
    "/seller/v2/discussions": {
      orderId: "qtext",
      orderSellerId: "qtext",
      salesChannel: "qtext",
      typologyCode: "qtext",
      subTypologyCode: "qtext",
      discussionId: "qid",
      pageSize: "qid",
      pageIndex: "qid",
      sort: "qtext",
      isOpen: "qtext",
      processStatus: "qtext",
      includeMessages: "qtext",
      updatedAtMin: "date",
      updatedAtMax: "date",
    },
    "/seller/v2/discussions/count": { salesChannel: "qtext", graduationCode: "qtext", processStatus: "qtext", isOpen: "qtext" },
    "/seller/v2/typologies": { salesChannel: "qtext", orderStatus: "qtext", typologyCode: "qtext", userType: "qtext" },
    "/seller/v2/attachments": { discussionId: "qid", messageId: "qid", attachmentId: "qid" },
  };

  it("refuses hostile filters of every list (discussions, count, typologies, attachments)", async () => {
    for (const [p, fields] of Object.entries(LISTS)) {
      await property(badField(fields), ({ field, value }) =>
        refused(() => sellerApi("GET", `${p}?${new URLSearchParams({ [field]: asQueryValue(value) })}`, auth()), problemShape, `${p} ${field}`),
      );
    }
  });

  it("refuses hostile replies (POST /messages) and new discussions (POST /discussions) field by field", async () => {
    await property(
      badField({ body: "text", discussionId: "id", salesChannel: "text", salesChannelExternalDiscussionReference: "text", receivers: "text" }),
      ({ field, value }) =>
        refused(
          () =>
            sellerApi("POST", "/seller/v2/messages", {
              ...auth(),
              body: { body: "Thanks", discussionId: seller.discussionId, receivers: [{ userType: "Customer" }], [field]: value },
            }),
          problemShape,
          `reply ${field}`,
        ),
    );
    await property(badField({ salesChannel: "text", subTypologyCode: "text", subject: "text", orderId: "text", messages: "text" }), ({ field, value }) =>
      refused(
        () =>
          sellerApi("POST", "/seller/v2/discussions", {
            ...auth(),
            body: { salesChannel: "CDISFR", subTypologyCode: "productIsDamaged", messages: [{ body: "Hello" }], [field]: value },
          }),
        problemShape,
        `create ${field}`,
      ),
    );
    await property(badField({ body: "text", createdAt: "date", sender: "text", attachments: "text" }), ({ field, value }) =>
      refused(
        () =>
          sellerApi("POST", "/seller/v2/discussions", {
            ...auth(),
            body: { salesChannel: "CDISFR", subTypologyCode: "productIsDamaged", messages: [{ body: "Hello", [field]: value }] },
          }),
        problemShape,
        `create message ${field}`,
      ),
    );
    for (const raw of [PROTO_BODY, "[]", "{", "null"]) {
      await refused(
        () => sellerApi("POST", "/seller/v2/messages", { ...auth(), body: raw, headers: { "content-type": "application/json" } }),
        problemShape,
        `reply ${raw}`,
      );
    }
    await refused(
      () => sellerApi("POST", "/seller/v2/messages", { ...auth(), body: "<xml/>", headers: { "content-type": "application/xml" } }),
      problemShape,
      "reply as XML",
    );
  });

  it("refuses bad percent-encoding and loose ids in paths, signed in or not", async () => {
    const patch = [{ op: "replace", path: "/isOpen", value: false }];
    for (const segment of [...BAD_PERCENT, "0x10", "1e3", "-1", "99999999999999999999"]) {
      for (const [method, p, body] of [
        ["GET", `/seller/v2/discussions/${segment}`, undefined],
        ["PATCH", `/seller/v2/discussions/${segment}`, patch],
        ["PATCH", `/seller/v2/messages/${segment}`, patch],
      ] as const) {
        await refused(() => sellerApi(method, p, { body }), problemShape, `${method} ${p} anonymous`);
        await refused(() => sellerApi(method, p, { ...auth(), body }), problemShape, `${method} ${p}`);
      }
    }
    await property(badField({ op: "text", path: "text", value: "text" }), ({ field, value }) =>
      refused(
        () =>
          sellerApi("PATCH", `/seller/v2/discussions/${seller.discussionId}`, {
            ...auth(),
            body: [{ op: "replace", path: "/isOpen", value: "false", [field]: value }],
          }),
        problemShape,
        `patch ${field}`,
      ),
    );
  });
});

describe("the call-requests API", () => {
  const WRITE: Record<string, Kind> = {
    name: "text",
    phone: "text",
    email: "text",
    notes: "text",
    time_from: "text",
    user_id: "id",
    order_id: "id",
    product_id: "id",
    timestamp: "id",
    status: "text",
    cart_products: "text",
  };

  it("refuses hostile fields on create and update, hostile filters, and loose ids in paths", async () => {
    await property(badField(WRITE), async ({ field, value }) => {
      await refused(
        () => callRequestsApi("POST", "/api/2.0/call_requests", { auth: callAuth, body: { name: "Ada", phone: "+90 555 111 22 33", [field]: value } }),
        callShape,
        `create ${field}`,
      );
      if (["user_id", "order_id", "product_id", "status", "notes"].includes(field)) {
        await refused(
          () => callRequestsApi("PUT", `/api/2.0/call_requests/${callId}`, { auth: callAuth, body: { [field]: value } }),
          callShape,
          `update ${field}`,
        );
      }
    });
    await property(
      badField({ name: "qtext", phone: "qtext", order_status: "qtext", status: "qtext", user_id: "qid", company_id: "qid", order_exists: "qtext" }),
      ({ field, value }) =>
        refused(
          () => callRequestsApi("GET", `/api/call_requests?${new URLSearchParams({ [field]: asQueryValue(value) })}`, { auth: callAuth }),
          callShape,
          `list ${field}`,
        ),
    );
    for (const segment of [...BAD_PERCENT, "0x10", "1e3", "99999999999999999999"]) {
      for (const method of ["GET", "PUT", "DELETE"]) {
        await refused(
          () => callRequestsApi(method, `/api/call_requests/${segment}`, { auth: callAuth, body: method === "PUT" ? { notes: "x" } : undefined }),
          callShape,
          `${method} ${segment}`,
        );
      }
    }
    await refused(
      () => callRequestsApi("POST", "/api/call_requests", { auth: callAuth, body: PROTO_BODY, headers: { "content-type": "application/json" } }),
      callShape,
      "create __proto__",
    );
    await refused(
      () => callRequestsApi("POST", "/api/call_requests", { auth: callAuth, body: "<xml/>", headers: { "content-type": "application/xml" } }),
      callShape,
      "create xml",
    );
  });
});

describe("the inbox's own endpoints (the functions their handlers call, with the handlers' error mapping)", () => {
  const statusOf = async (run: () => Promise<unknown>) => {
    try {
      await run();
      return 200;
    } catch (error) {
      return errorResponse(error).status;
    }
  };

  it("refuses odd dates, loose ids and bad cursors in the list's filters", async () => {
    await property(
      badField({ createdFrom: "date", createdTo: "date", updatedFrom: "date", updatedTo: "date", cursor: "date", seller: "qid", limit: "qid" }),
      async ({ field, value }) => {
        const raw = asQueryValue(value);
        const params = new URLSearchParams({ [field]: field === "cursor" ? Buffer.from(`${raw}|5`).toString("base64url") : raw });
        expect(await statusOf(() => listInbox(database.db, params, agent.id)), `${field}=${raw.slice(0, 60)}`).toBe(400);
      },
    );
  });

  it("refuses control characters and hostile values in an agent's reply, writing nothing", async () => {
    await property(badField({ body: "text", receivers: "text", attachmentIds: "id", expectedVersion: "id", since: "date" }), async ({ field, value }) => {
      const before = await snapshot();
      const status = await statusOf(async () => {
        const input = replySchema.parse({ kind: "note", body: "Fine", [field]: ["receivers", "attachmentIds"].includes(field) ? [value] : value });
        await postReply(
          database.db,
          {
            threadId,
            kind: input.kind,
            body: input.body,
            receivers: input.receivers,
            draftIds: input.attachmentIds,
            expectedVersion: input.expectedVersion,
            since: input.since,
          },
          agent.actor,
        );
      });
      expect(status, `${field}=${asQueryValue(value).slice(0, 80)}`).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
      expect(await snapshot()).toBe(before);
    });
  });
});
