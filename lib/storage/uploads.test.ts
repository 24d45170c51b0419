// The upload corpus through every upload path, on PGlite and PostgreSQL: the contact-us API (a
// multipart file) and the /contact form's service, the inbox's files uploaded ahead and sent with a
// reply, the seller API's base64 attachments (a reply and a new discussion), and the customer side's
// messages. HTML dressed as PDF or PNG, SVG with script, empty, oversize and too many files are
// refused with the path's own status and nothing stored; a PDF that is also HTML stays a PDF
// (served only as a download); path and bidi tricks in names are cleaned, and the stored name
// carries the extension of what the bytes are.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Database } from "@/db/client";
import { makePdf, makePng } from "@/db/seed/files";
import { attachments, sellers } from "@/db/schema";
import { createApiCredential } from "@/lib/api-keys/service";
import { postInbound, postReply } from "@/lib/channels/reply";
import { submitContact } from "@/lib/contact/service";
import { errorResponse } from "@/lib/http/route";
import { uploadDraftAttachments } from "@/lib/inbox/service";
import { contactApi, getToken, proxyHeaders, seedContactReference, sellerApi } from "@/e2e/support/api-clients";
import { ensureTypology, makeThread, makeUser } from "@/e2e/support/factories";
import { createTestDatabase } from "@/e2e/support/test-db";
import { importDiscussionSchema } from "@/lib/discussions/schemas";
import { importDiscussion } from "@/lib/discussions/service";
import { systemActor } from "@/lib/auth/actor";

const text = (s: string) => new TextEncoder().encode(s);
const MB = 1024 * 1024;

/** What arrives, and what must come of it: refused with a status, or stored under a name as a type. */
type Case = { label: string; name: string; bytes: Uint8Array; refused?: number; stored?: { name: string; type: string } };
const pdfHtml = (() => {
  // Starts as a PDF, carries an HTML page with script inside: a browser sniffing it would run it.
  const pdf = Buffer.from(makePdf("polyglot")).toString("latin1");
  return text(pdf.replace("%PDF-1.4\n", "%PDF-1.4\n%<html><body><script>alert(document.cookie)</script></body></html>\n"));
})();
const CORPUS: Case[] = [
  { label: "HTML named .pdf", name: "invoice.pdf", bytes: text("<!doctype html><html><script>alert(1)</script></html>"), refused: 415 },
  { label: "HTML named .png", name: "photo.png", bytes: text("<html><body onload=alert(1)></body></html>"), refused: 415 },
  { label: "SVG with script", name: "logo.png", bytes: text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), refused: 415 },
  { label: "zero bytes", name: "empty.pdf", bytes: new Uint8Array(), refused: 400 },
  { label: "a PDF that is also HTML", name: "statement.pdf", bytes: pdfHtml, stored: { name: "statement.pdf", type: "application/pdf" } },
  { label: "a path in the name", name: "../../../etc/cron.d/evil.png", bytes: makePng(), stored: { name: "evil.png", type: "image/png" } },
  { label: "a bidi override in the name", name: "inv\u202egnp.exe", bytes: makePng(), stored: { name: "invgnp.exe.png", type: "image/png" } },
];

let database: Database;
let subject = 0;
let sellerAuth = { token: "", sellerId: "SELLER-UPL" };
let sellerDiscussionId = "";
let agent: Awaited<ReturnType<typeof makeUser>>;
let ipCounter = 0;

beforeAll(async () => {
  process.env.FILES_DIR = await fs.mkdtemp(path.join(os.tmpdir(), "sb-uploads-"));
  process.env.CONTACT_LIMIT_IP_MAX = "100000";
  database = await createTestDatabase({ useAsAppDatabase: true });
  subject = (await seedContactReference(database.db)).technical;
  await ensureTypology(database.db, "product", "productIsDamaged");
  const [seller] = await database.db.insert(sellers).values({ slug: "upl", title: "Upload Seller", externalId: sellerAuth.sellerId }).returning();
  const key = await createApiCredential(database.db, { kind: "seller", name: "upl", scopes: ["discussions.view", "discussions.manage"], sellerId: seller!.id });
  sellerAuth = { ...sellerAuth, token: await getToken(key.credential.keyPrefix, key.secret) };
  const discussion = importDiscussionSchema.parse({
    salesChannel: "CDISFR",
    subTypologyCode: "productIsDamaged",
    receivers: [{ userType: "Customer" }],
    messages: [{ body: "Broken.", sender: { userType: "Customer" } }],
  });
  sellerDiscussionId = String((await importDiscussion(database.db, { seller: seller!, discussion }, systemActor("test"))).thread.id);
  agent = await makeUser(database.db, "agent");
});
afterAll(async () => {
  delete process.env.CONTACT_LIMIT_IP_MAX;
  await database?.close();
});

const statusOf = async (run: () => Promise<unknown>) => {
  try {
    await run();
    return 201;
  } catch (error) {
    return errorResponse(error).status;
  }
};
const storedCount = async () => (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from attachments`))[0]!.n;
const newest = async () =>
  (
    await database.db
      .select()
      .from(attachments)
      .orderBy(sql`${attachments.id} desc`)
      .limit(1)
  )[0]!;
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

/** Every upload path: each sends files and answers an HTTP status. */
const PATHS: Record<string, (files: { name: string; bytes: Uint8Array }[]) => Promise<number>> = {
  "contact-us API (multipart)": async (files) => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ subject: String(subject), full_name: "Ada", email: "ada@mail.example", message: `Files ${Math.random()}` }))
      form.set(k, v);
    for (const f of files) form.append("file", new File([Buffer.from(f.bytes)], f.name));
    const response = await contactApi("POST", "/users/contact-us/", {
      headers: proxyHeaders({ "x-forwarded-for": `198.51.100.${++ipCounter % 250}` }),
      body: form,
    });
    // The contact API answers DRF field errors: a refused file is a 400 on `file`.
    return response.status === 200 ? 201 : response.status;
  },
  "the /contact form's service": async (files) => {
    if (files.length > 1) return 400; // the form has one file input; a second is never sent
    const result = await submitContact(database.db, {
      form: { subject, full_name: "Ada", email: "ada@mail.example", message: `Form ${Math.random()}` },
      ip: `192.0.2.${++ipCounter % 250}`,
      locale: "en",
      file: files[0] ?? null,
    });
    return result.ok ? 201 : 400;
  },
  "inbox: files uploaded ahead": async (files) => {
    const { thread } = await makeThread(database.db, { channel: "conversation" });
    return statusOf(() => uploadDraftAttachments(database.db, { threadId: thread.id, files }, agent.actor as never));
  },
  "inbox: a reply with files": async (files) => {
    const { thread } = await makeThread(database.db, { channel: "conversation" });
    return statusOf(() => postReply(database.db, { threadId: thread.id, kind: "note", body: "files", files }, agent.actor));
  },
  "customer side: a message with files": async (files) => {
    const { thread, customer } = await makeThread(database.db, { channel: "conversation" });
    return statusOf(() =>
      postInbound(database.db, { threadId: thread.id, body: "files", files }, { kind: "customer", customerId: customer.id, name: customer.name }),
    );
  },
  "seller API: a reply's base64 attachments": async (files) => {
    const response = await sellerApi("POST", "/seller/v2/messages", {
      ...sellerAuth,
      body: {
        body: "files",
        discussionId: sellerDiscussionId,
        receivers: [{ userType: "Customer" }],
        attachments: files.map((f) => ({ name: f.name, content: b64(f.bytes) || "=" })),
      },
    });
    return response.status;
  },
  "seller API: a new discussion's attachments": async (files) => {
    const response = await sellerApi("POST", "/seller/v2/discussions", {
      ...sellerAuth,
      body: {
        salesChannel: "CDISFR",
        subTypologyCode: "productIsDamaged",
        messages: [{ body: "files", attachments: files.map((f) => ({ name: f.name, content: b64(f.bytes) || "=" })) }],
      },
    });
    return response.status;
  },
};

/** The contact channel refuses with DRF's 400 field errors; the others with the status of the problem. */
const expected = (pathName: string, status: number) =>
  pathName.startsWith("contact") || pathName.includes("/contact") ? (status >= 400 ? 400 : status) : status;

describe.each(Object.keys(PATHS))("uploads through %s", (pathName) => {
  const send = PATHS[pathName]!;

  it.each(CORPUS)("$label", async ({ name, bytes, refused, stored }) => {
    const before = await storedCount();
    const status = await send([{ name, bytes }]);
    if (refused) {
      // Base64 of nothing is no file at all for the seller API: refused before it is decoded.
      expect(status, name).toBe(expected(pathName, refused === 400 && pathName.startsWith("seller") ? 400 : refused));
      expect(await storedCount()).toBe(before);
      return;
    }
    expect(status, name).toBe(201);
    const row = await newest();
    expect({ name: row.fileName, type: row.contentType }).toEqual(stored);
  });

  it("refuses too many files and too many bytes, storing nothing", async () => {
    const before = await storedCount();
    const many = Array.from({ length: 6 }, (_, i) => ({ name: `p${i}.png`, bytes: makePng(8, 8, [i * 20, 0, 0]) }));
    expect(await send(many)).toBe(400);
    const big = new Uint8Array(11 * MB);
    big.set(makePng(), 0);
    const status = await send([{ name: "huge.png", bytes: big }]);
    // The contact API's body is bounded before it is read (413); the form's service says it on the field (400).
    expect(status).toBe(pathName === "contact-us API (multipart)" ? 413 : expected(pathName, 413));
    expect(await storedCount()).toBe(before);
  });
});

it("serves a stored polyglot only as a download, never as a page", async () => {
  const [row] = await database.db.select().from(attachments).where(eq(attachments.contentType, "application/pdf")).limit(1);
  expect(row).toBeDefined();
  const { contentDisposition } = await import("./file-types");
  expect(contentDisposition(row!.fileName)).toMatch(/^attachment; filename="/);
});
