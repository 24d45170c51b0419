// The contact-us wire API through its route handlers with the requests a storefront proxy sends
// (WIRE-NOTES): subjects by language, every field error, the order rule, files checked by content,
// the throttle, a client's retries, routing, and the CSRF endpoint. PGlite and PostgreSQL.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { attachments, contactDetails, messages, settings, threads } from "@/db/schema";
import { makePdf, makePng } from "@/db/seed/files";
import { createTestDatabase } from "@/e2e/support/test-db";
import { contactApi as call, proxyHeaders, seedContactReference } from "@/e2e/support/api-clients";

let database: Database;
let ids: Awaited<ReturnType<typeof seedContactReference>>;
let ipCounter = 0;
/** Each test its own address, so the throttle of one does not spill into another. */
const freshIp = () => `198.51.100.${++ipCounter}`;

beforeAll(async () => {
  process.env.FILES_DIR = await fs.mkdtemp(path.join(os.tmpdir(), "sb-contact-files-"));
  database = await createTestDatabase({ useAsAppDatabase: true });
  ids = await seedContactReference(database.db);
  await database.db.insert(settings).values({
    key: "contact.routing",
    value: { default: "desk@shop.example", operations: { contact_us: "desk@shop.example", franchise: "franchise@shop.example" } },
  });
});
afterAll(async () => {
  await database.close();
});
afterEach(() => {
  delete process.env.CONTACT_LIMIT_IP_MAX;
});

const threadCount = async () => (await database.db.select({ n: count() }).from(threads))[0]!.n;

let stamp = 0;
const valid = (extra: Record<string, unknown> = {}) => ({
  message: `Where is my parcel? (${++stamp})`,
  email: "ayse@mail.example",
  full_name: "Ayşe Yılmaz",
  subject: ids.technical,
  ...extra,
});

/** JSON exactly as the proxy forwards it: no content-type header. */
const postJson = (body: unknown, headers: Record<string, string> = {}) =>
  call("POST", "/users/contact-us/", { headers: proxyHeaders({ "x-forwarded-for": freshIp(), ...headers }), body: JSON.stringify(body) });

function postMultipart(fields: Record<string, string>, file?: { name: string; bytes: Uint8Array; type?: string }, headers: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file) form.set("file", new File([Buffer.from(file.bytes)], file.name, { type: file.type ?? "application/pdf" }));
  return call("POST", "/users/contact-us/", { headers: proxyHeaders({ "x-forwarded-for": freshIp(), ...headers }), body: form });
}

async function errorsOf(response: Response) {
  expect(response.status).toBe(400);
  expect(response.headers.get("content-type")).toContain("application/json");
  return (await response.json()) as Record<string, string[]>;
}

describe("GET /users/contact-us-subjects/", () => {
  it("lists the active subjects in their order, in the language asked for", async () => {
    for (const [header, texts] of [
      ["tr-TR,tr;q=0.9,en;q=0.8", ["İade", "Teknik destek"]],
      ["en-US", ["Refund", "Technical support"]],
      ["undefined", ["Refund", "Technical support"]],
      ["!!garbage;;q=x", ["Refund", "Technical support"]],
      ["de-DE", ["Refund", "Technical support"]],
    ] as const) {
      const response = await call("GET", "/users/contact-us-subjects/", { headers: proxyHeaders({ "accept-language": header }) });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual([
        { id: ids.refund, text: texts[0], is_order_needed: true },
        { id: ids.technical, text: texts[1], is_order_needed: false },
      ]);
    }
  });

  it("answers without any Accept-Language at all", async () => {
    const response = await call("GET", "/users/contact-us-subjects");
    expect(((await response.json()) as { text: string }[]).map((s) => s.text)).toEqual(["Refund", "Technical support"]);
  });
});

describe("GET /csrf_token/", () => {
  it("returns a token and the matching csrftoken cookie, and keeps an existing one", async () => {
    const first = await call("GET", "/csrf_token/");
    const { csrf_token } = (await first.json()) as { csrf_token: string };
    expect(csrf_token).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(first.headers.get("set-cookie")).toContain(`csrftoken=${csrf_token}; `);
    expect(first.headers.get("set-cookie")).toContain("Path=/");
    const again = await call("GET", "/csrf_token", { headers: { cookie: `sessionid=x; csrftoken=${csrf_token}` } });
    expect(((await again.json()) as { csrf_token: string }).csrf_token).toBe(csrf_token);
    const garbage = await call("GET", "/csrf_token/", { headers: { cookie: "csrftoken=undefined" } });
    expect(((await garbage.json()) as { csrf_token: string }).csrf_token).not.toBe("undefined");
  });
});

describe("POST /users/contact-us/ — success", () => {
  it("stores a JSON submission from the storefront proxy as a contact thread; 200 with an empty body", async () => {
    const before = await threadCount();
    const body = valid({ subject: String(ids.technical), phone: "+90 532 111 22 33", order_needed: false, country_code: "TR", operation: "contact_us" });
    const response = await postJson(body);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
    expect(await threadCount()).toBe(before + 1);
    const [row] = await database.db
      .select({ thread: threads, details: contactDetails })
      .from(contactDetails)
      .innerJoin(threads, eq(threads.id, contactDetails.threadId))
      .where(eq(threads.customerEmail, "ayse@mail.example"))
      .orderBy(threads.id);
    expect(row!.thread).toMatchObject({ channel: "contact", status: "open", subject: "Technical support", customerName: "Ayşe Yılmaz", unreadCount: 1 });
    expect(row!.details).toMatchObject({
      subjectId: ids.technical,
      fullName: "Ayşe Yılmaz",
      phone: "+90 532 111 22 33",
      operation: "contact_us",
      routedTo: "desk@shop.example",
      locale: "en",
    });
    const [message] = await database.db.select().from(messages).where(eq(messages.threadId, row!.thread.id));
    expect(message).toMatchObject({ authorRole: "customer", body: body.message, isInternal: false });
    expect(message!.emailMessageId).toMatch(/^<.+@.+>$/);
  });

  it("takes the order for a subject that needs one, as a number or a string", async () => {
    for (const order of [123456, "SO-2026-77", "#98765"]) {
      const response = await postJson(valid({ subject: ids.refund, order }));
      expect(response.status, await response.clone().text()).toBe(200);
    }
    const rows = await database.db.select({ order: contactDetails.orderNumber }).from(contactDetails).where(eq(contactDetails.subjectId, ids.refund));
    expect(rows.map((r) => r.order).sort()).toEqual(["123456", "98765", "SO-2026-77"]);
  });

  it("routes by operation, and unknown or missing operations to the default recipient", async () => {
    for (const [operation, to] of [
      ["franchise", "franchise@shop.example"],
      ["no-such-operation", "desk@shop.example"],
      [undefined, "desk@shop.example"],
    ] as const) {
      const email = `route-${operation ?? "none"}@mail.example`;
      expect((await postJson(valid({ operation, email }))).status).toBe(200);
      const [row] = await database.db.select().from(contactDetails).where(eq(contactDetails.email, email));
      expect(row!.routedTo).toBe(to);
    }
  });

  it("keeps the visitor's language (Accept-Language tr) on the thread", async () => {
    expect((await postJson(valid({ email: "tr@mail.example" }), { "accept-language": "tr-TR,tr;q=0.9" })).status).toBe(200);
    const [row] = await database.db.select().from(contactDetails).where(eq(contactDetails.email, "tr@mail.example"));
    expect(row!.locale).toBe("tr");
  });

  it("stores a multipart submission with a PDF, a JPEG-named PNG and office files by their bytes", async () => {
    const response = await postMultipart(
      { subject: String(ids.technical), full_name: "Can Demir", email: "can@mail.example", message: "Fatura ekte.", phone: "" },
      { name: "fatura.pdf", bytes: makePdf("Fatura") },
    );
    expect(response.status, await response.clone().text()).toBe(200);
    const [row] = await database.db.select().from(contactDetails).where(eq(contactDetails.email, "can@mail.example"));
    const files = await database.db.select().from(attachments).where(eq(attachments.threadId, row!.threadId));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ fileName: "fatura.pdf", contentType: "application/pdf" });
    expect(files[0]!.messageId).not.toBeNull();
    const png = await postMultipart(
      { subject: String(ids.technical), full_name: "Png Sender", email: "png@mail.example", message: "Photo attached" },
      {
        name: "photo.png",
        bytes: makePng(8, 8),
        type: "image/png",
      },
    );
    expect(png.status).toBe(200);
  });
});

describe("POST /users/contact-us/ — field errors, nothing stored", () => {
  it("names every missing required field", async () => {
    const before = await threadCount();
    const errors = await errorsOf(await postJson({}));
    expect(errors).toEqual({
      subject: ["This field is required."],
      full_name: ["This field is required."],
      email: ["This field is required."],
      message: ["This field is required."],
    });
    expect(await threadCount()).toBe(before);
  });

  it("answers in Turkish for a Turkish client", async () => {
    const errors = await errorsOf(await postJson({ subject: ids.technical, email: "x" }, { "accept-language": "tr" }));
    expect(errors).toEqual({
      full_name: ["Bu alan zorunludur."],
      email: ["Geçerli bir e-posta adresi girin."],
      message: ["Bu alan zorunludur."],
    });
  });

  it.each([
    ["full_name", "", "This field may not be blank."],
    ["full_name", "   ", "This field may not be blank."],
    ["full_name", "x".repeat(71), "Ensure this field has no more than 70 characters."],
    ["full_name", 42, undefined],
    ["full_name", { a: 1 }, "Not a valid string."],
    ["phone", "5".repeat(71), "Ensure this field has no more than 70 characters."],
    ["email", "not-an-email", "Enter a valid email address."],
    ["email", "", "This field may not be blank."],
    ["message", "", "This field may not be blank."],
    ["subject", "abc", "A valid integer is required."],
    ["subject", 1.5, "A valid integer is required."],
    ["subject", 999999, 'Invalid pk "999999" - object does not exist.'],
    ["order", "12 34", "Enter a valid order number."],
    ["order", "x".repeat(65), "Ensure this field has no more than 64 characters."],
  ])("%s = %j", async (field, value, message) => {
    const before = await threadCount();
    const response = await postJson(valid({ [field]: value }));
    if (message === undefined) {
      expect(response.status).toBe(200);
      return;
    }
    expect(await errorsOf(response)).toEqual({ [field]: [message] });
    expect(await threadCount()).toBe(before);
  });

  it("70 characters of name and phone are fine", async () => {
    expect((await postJson(valid({ full_name: "n".repeat(70), phone: "5".repeat(70) }))).status).toBe(200);
  });

  it("refuses a deactivated subject like an unknown one", async () => {
    expect(await errorsOf(await postJson(valid({ subject: ids.retired })))).toEqual({ subject: [`Invalid pk "${ids.retired}" - object does not exist.`] });
  });

  it("requires an order when the subject needs one, and only then", async () => {
    const before = await threadCount();
    for (const order of [undefined, null, "", "  "]) {
      expect(await errorsOf(await postJson(valid({ subject: ids.refund, order })))).toEqual({ order: ["An order is required for this subject."] });
    }
    expect(await errorsOf(await postJson(valid({ subject: ids.refund }), { "accept-language": "tr" }))).toEqual({
      order: ["Bu konu için sipariş numarası gereklidir."],
    });
    expect(await threadCount()).toBe(before);
    expect((await postJson(valid({ subject: ids.technical, order: "" }))).status).toBe(200);
  });

  it("answers 400 for a body that is not JSON or not an object", async () => {
    const bad = await call("POST", "/users/contact-us/", { headers: proxyHeaders(), body: "{not json" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toHaveProperty("detail");
    const list = await call("POST", "/users/contact-us/", { headers: proxyHeaders(), body: "[1,2]" });
    expect(await errorsOf(list)).toHaveProperty("non_field_errors");
  });
});

describe("POST /users/contact-us/ — files are checked by their bytes", () => {
  const fields = () => ({ subject: String(ids.technical), full_name: "File Tester", email: "files@mail.example", message: `Dosya ${++stamp}` });

  it.each([
    ["an HTML page renamed .pdf", "invoice.pdf", Buffer.from("<!doctype html><html><body><script>alert(1)</script></body></html>")],
    ["an SVG renamed .pdf", "invoice.pdf", Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>')],
    ["an SVG renamed .png", "photo.png", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    [
      "a GIF (a real image, not on the list)",
      "anim.jpg",
      Buffer.from(
        "GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x00\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;",
        "latin1",
      ),
    ],
  ])("refuses %s", async (_label, name, bytes) => {
    const before = await threadCount();
    const errors = await errorsOf(await postMultipart(fields(), { name, bytes: new Uint8Array(bytes) }));
    expect(errors).toEqual({ file: ["File type is not supported. Allowed types: PDF, JPG, PNG, XLS, XLSX, DOC, DOCX."] });
    expect(await threadCount()).toBe(before);
  });

  it("refuses a file over the size limit, in the caller's language", async () => {
    const before = await threadCount();
    const pdf = makePdf("big");
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(pdf);
    expect(await errorsOf(await postMultipart(fields(), { name: "big.pdf", bytes: big }))).toEqual({ file: ["The file is too large. The limit is 5 MB."] });
    expect(await errorsOf(await postMultipart(fields(), { name: "big.pdf", bytes: big }, { "accept-language": "tr" }))).toEqual({
      file: ["Dosya çok büyük. Sınır 5 MB."],
    });
    expect(await threadCount()).toBe(before);
  });

  it("refuses an empty file and a file field that is text", async () => {
    expect(await errorsOf(await postMultipart(fields(), { name: "empty.pdf", bytes: new Uint8Array(0) }))).toEqual({ file: ["The submitted file is empty."] });
    expect(await errorsOf(await postMultipart({ ...fields(), file: "not a file" }))).toHaveProperty("file");
    expect(await errorsOf(await postJson(valid({ file: "data:application/pdf;base64,AAAA" })))).toHaveProperty("file");
  });

  it("reports file and field errors together", async () => {
    const errors = await errorsOf(await postMultipart({ ...fields(), email: "nope" }, { name: "x.pdf", bytes: new Uint8Array(Buffer.from("<html></html>")) }));
    expect(Object.keys(errors).sort()).toEqual(["email", "file"]);
  });
});

describe("POST /users/contact-us/ — retries and the throttle", () => {
  it("folds a client's four identical POSTs into one thread", async () => {
    const before = await threadCount();
    const body = valid({ email: "retry@mail.example" });
    const headers = proxyHeaders({ "x-forwarded-for": "192.0.2.77" });
    const responses = [];
    for (let i = 0; i < 4; i++) responses.push(await call("POST", "/users/contact-us/", { headers, body: JSON.stringify(body) }));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(await threadCount()).toBe(before + 1);
    // Concurrent retries too.
    const racing = valid({ email: "race@mail.example" });
    const raced = await Promise.all([1, 2, 3, 4].map(() => call("POST", "/users/contact-us/", { headers, body: JSON.stringify(racing) })));
    expect(raced.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(await threadCount()).toBe(before + 2);
    // Different content is a new thread.
    expect((await call("POST", "/users/contact-us/", { headers, body: JSON.stringify({ ...body, message: "Another question" }) })).status).toBe(200);
    expect(await threadCount()).toBe(before + 3);
  });

  it("answers 429 with Retry-After once an address has sent too many; retries do not count", async () => {
    process.env.CONTACT_LIMIT_IP_MAX = "3";
    const headers = proxyHeaders({ "x-forwarded-for": "192.0.2.200" });
    const first = valid({ email: "spam@mail.example" });
    for (let i = 0; i < 3; i++) {
      const body = i === 0 ? first : valid({ email: "spam@mail.example" });
      expect((await call("POST", "/users/contact-us/", { headers, body: JSON.stringify(body) })).status).toBe(200);
    }
    // A retry of the first one is still fine (no new thread, no count).
    expect((await call("POST", "/users/contact-us/", { headers, body: JSON.stringify(first) })).status).toBe(200);
    const before = await threadCount();
    const limited = await call("POST", "/users/contact-us/", { headers, body: JSON.stringify(valid({ email: "spam@mail.example" })) });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await limited.json()) as { detail: string }).detail).toMatch(/^Request was throttled\. Expected available in \d+ seconds\.$/);
    expect(await threadCount()).toBe(before);
    // Another address is not affected.
    expect((await postJson(valid())).status).toBe(200);
  });
});

describe("methods", () => {
  it("answers 405 to GET on contact-us", async () => {
    const response = await call("GET", "/users/contact-us/");
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toContain("POST");
  });
});

describe("POST /users/contact-us/ — CSRF, as Django checks it", () => {
  it("refuses a browser's cross-site post by its Origin, and a csrftoken cookie without its header; storefront servers pass", async () => {
    const before = await threadCount();
    const refused = async (headers: Record<string, string>, detail: RegExp) => {
      const response = await postJson(valid(), headers);
      expect(response.status).toBe(403);
      expect(((await response.json()) as { detail: string }).detail).toMatch(detail);
    };
    // A page on another site posting a text/plain form (no preflight): its browser names the origin.
    await refused({ origin: "https://evil.example", "content-type": "text/plain", cookie: "" }, /Origin checking failed - https:\/\/evil\.example/);
    await refused({ origin: "null", cookie: "" }, /Origin checking failed/);
    await refused({ cookie: "csrftoken=abc123", "x-csrftoken": "" }, /CSRF token missing/);
    await refused({ cookie: "csrftoken=abc123", "x-csrftoken": "other" }, /CSRF token incorrect/);
    expect(await threadCount()).toBe(before);
    // The storefront proxy (no Origin, cookie and header alike), a matching token, our own origin, a trusted one.
    expect((await postJson(valid())).status).toBe(200);
    expect((await postJson(valid(), { cookie: "csrftoken=abc123", "x-csrftoken": "abc123" })).status).toBe(200);
    expect((await postJson(valid(), { origin: "http://127.0.0.1:3000", cookie: "" })).status).toBe(200);
    process.env.CSRF_TRUSTED_ORIGINS = "https://shop.example";
    expect((await postJson(valid(), { origin: "https://shop.example", cookie: "" })).status).toBe(200);
    delete process.env.CSRF_TRUSTED_ORIGINS;
    // Without the x-csrftoken header at all (a client that never fetched /csrf_token/): no cookie, no check.
    expect((await postJson(valid(), { cookie: "", "x-csrftoken": "" })).status).toBe(200);
  });
});
