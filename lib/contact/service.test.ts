// Contact administration: subjects with translations (a new language is a row, not code), their
// order, deactivation (old threads keep theirs), and the routing setting. PGlite and PostgreSQL.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { contactDetails, languages } from "@/db/schema";
import { createTestDatabase } from "@/e2e/support/test-db";
import { findActiveSubjects, findSubjectsForAdmin, getRouting, recipientFor } from "./queries";
import { moveSubject, saveRouting, saveSubject, setSubjectActive, submitContact } from "./service";
import { contactApi as call, seedContactReference } from "@/e2e/support/api-clients";

let database: Database;
let ids: Awaited<ReturnType<typeof seedContactReference>>;

beforeAll(async () => {
  database = await createTestDatabase({ useAsAppDatabase: true });
  ids = await seedContactReference(database.db);
});
afterAll(async () => {
  await database.close();
});

const texts = async (locale: string) => (await findActiveSubjects(database.db, locale, "en")).map((s) => s.text);

describe("subjects", () => {
  it("adds a subject with two translations at the end, and edits it", async () => {
    const id = await saveSubject(database.db, { translations: { en: "Invoice", tr: "Fatura" }, isOrderNeeded: "on" });
    expect((await texts("en")).at(-1)).toBe("Invoice");
    expect((await texts("tr")).at(-1)).toBe("Fatura");
    expect((await findActiveSubjects(database.db, "en", "en")).at(-1)).toMatchObject({ id, isOrderNeeded: true });
    await saveSubject(database.db, { id, translations: { en: "Invoices", tr: "" }, isOrderNeeded: undefined });
    // The emptied Turkish text falls back to the default language.
    expect((await texts("tr")).at(-1)).toBe("Invoices");
    expect((await findActiveSubjects(database.db, "en", "en")).at(-1)).toMatchObject({ id, isOrderNeeded: false });
  });

  it("requires the default language's text", async () => {
    await expect(saveSubject(database.db, { translations: { tr: "Sadece Türkçe" } })).rejects.toMatchObject({ code: "invalid" });
  });

  it("takes a new language as data: a row in languages, a text, and the API speaks it", async () => {
    await database.db.insert(languages).values({ code: "de", name: "Deutsch", position: 2 });
    const id = await saveSubject(database.db, { translations: { en: "Warranty", tr: "Garanti", de: "Garantie" } });
    const admin = (await findSubjectsForAdmin(database.db)).find((s) => s.id === id)!;
    expect(admin.translations).toEqual({ en: "Warranty", tr: "Garanti", de: "Garantie" });
    const response = await call("GET", "/users/contact-us-subjects/", { headers: { "accept-language": "de-DE,de;q=0.9" } });
    const list = (await response.json()) as { id: number; text: string }[];
    expect(list.find((s) => s.id === id)!.text).toBe("Garantie");
    expect(list.find((s) => s.id === ids.refund)!.text).toBe("Refund"); // no German text: the default language
  });

  it("moves subjects up and down", async () => {
    const before = (await findActiveSubjects(database.db, "en", "en")).map((s) => s.id);
    await moveSubject(database.db, { id: before[1]!, direction: "up" });
    const after = (await findActiveSubjects(database.db, "en", "en")).map((s) => s.id);
    expect(after.slice(0, 2)).toEqual([before[1], before[0]]);
    await moveSubject(database.db, { id: before[1]!, direction: "down" });
    expect((await findActiveSubjects(database.db, "en", "en")).map((s) => s.id)).toEqual(before);
    await moveSubject(database.db, { id: before[0]!, direction: "up" }); // already first: nothing happens
    expect((await findActiveSubjects(database.db, "en", "en")).map((s) => s.id)).toEqual(before);
  });

  it("deactivates a subject: no longer offered or accepted, old threads keep it", async () => {
    const result = await submitContact(database.db, {
      form: { subject: ids.technical, full_name: "Old Thread", email: "old@mail.example", message: "Before deactivation" },
      ip: "10.1.1.1",
      locale: "en",
    });
    expect(result.ok).toBe(true);
    await setSubjectActive(database.db, { id: ids.technical, active: false });
    expect((await findActiveSubjects(database.db, "en", "en")).map((s) => s.id)).not.toContain(ids.technical);
    const again = await submitContact(database.db, {
      form: { subject: ids.technical, full_name: "New Thread", email: "new@mail.example", message: "After deactivation" },
      ip: "10.1.1.2",
      locale: "en",
    });
    expect(again).toMatchObject({ ok: false, error: "invalid", fields: { subject: [{ code: "subject_invalid" }] } });
    const [old] = await database.db.select().from(contactDetails).where(eq(contactDetails.email, "old@mail.example"));
    expect(old!.subjectId).toBe(ids.technical);
    await setSubjectActive(database.db, { id: ids.technical, active: true });
    expect((await findActiveSubjects(database.db, "en", "en")).map((s) => s.id)).toContain(ids.technical);
  });
});

describe("routing", () => {
  it("saves the operation map and the default; refuses bad addresses", async () => {
    await saveRouting(database.db, { default: "help@shop.example", operations: { franchise: "fr@shop.example", contact_us: "help@shop.example" } });
    const routing = await getRouting(database.db);
    expect(recipientFor(routing, "franchise")).toBe("fr@shop.example");
    expect(recipientFor(routing, "FRANCHISE")).toBe("fr@shop.example");
    expect(recipientFor(routing, "unknown")).toBe("help@shop.example");
    expect(recipientFor(routing, null)).toBe("help@shop.example");
    await expect(saveRouting(database.db, { default: "not-an-address", operations: {} })).rejects.toMatchObject({ code: "invalid" });
    await expect(saveRouting(database.db, { default: "a@b.example", operations: { "bad key!": "x@y.example" } })).rejects.toMatchObject({ code: "invalid" });
    expect((await getRouting(database.db)).default).toBe("help@shop.example");
  });
});

describe("the form's errors (defect 5)", () => {
  it("a filled order is not called missing because another field is wrong", async () => {
    const result = await submitContact(database.db, {
      form: { subject: String(ids.refund), full_name: "Ada", email: "a@b", order: "12345", message: "Where is my refund?" },
      ip: "10.5.5.5",
      locale: "en",
      file: null,
    });
    expect(result.ok).toBe(false);
    expect(Object.keys((result as { fields: Record<string, unknown> }).fields)).toEqual(["email"]);
    // And an empty order on that subject is still required, beside the e-mail's error.
    const missing = await submitContact(database.db, {
      form: { subject: String(ids.refund), full_name: "Ada", email: "a@b", order: "", message: "Where is my refund?" },
      ip: "10.5.5.5",
      locale: "en",
      file: null,
    });
    expect(Object.keys((missing as { fields: Record<string, unknown> }).fields).sort()).toEqual(["email", "order"]);
  });
});

describe("duplicate subjects (defect 10)", () => {
  it("refuses a second subject with the same text in a language, in any case; editing a subject keeps its own text", async () => {
    const id = await saveSubject(database.db, { translations: { en: "Gift cards", tr: "Hediye kartı" } });
    await expect(saveSubject(database.db, { translations: { en: "  gift CARDS " } })).rejects.toMatchObject({
      code: "conflict",
      fields: { text_en: ["Already used by another subject."] },
    });
    await expect(saveSubject(database.db, { translations: { en: "Vouchers", tr: "hediye kartı" } })).rejects.toMatchObject({ code: "conflict" });
    expect(await saveSubject(database.db, { id, translations: { en: "Gift cards", tr: "Hediye kartları" } })).toBe(id);
  });
});
