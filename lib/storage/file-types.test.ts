import { describe, expect, it } from "vitest";
import { makePdf, makePng } from "@/db/seed/files";
import { isAppError } from "@/lib/errors";
import { CHANNEL_CATALOG } from "@/lib/channels/catalog";
import { checkUploads, cleanFileName, contentDisposition } from "./file-types";

const UPLOAD_POLICIES = { contact: CHANNEL_CATALOG.contact.upload, discussion: CHANNEL_CATALOG.discussion.upload };

const html = new TextEncoder().encode("<!doctype html><html><script>alert(1)</script></html>");
const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("checkUploads", () => {
  it("decides the type from the bytes, not the name", async () => {
    const [file] = await checkUploads(UPLOAD_POLICIES.contact, [{ name: "scan.pdf", bytes: makePng() }]);
    expect(file.contentType).toBe("image/png");
    expect(file.kind).toBe("png");
    // The stored name says what the file is.
    expect(file.name).toBe("scan.pdf.png");
  });

  it("accepts a real PDF", async () => {
    const [file] = await checkUploads(UPLOAD_POLICIES.contact, [{ name: "invoice.pdf", bytes: makePdf() }]);
    expect(file.contentType).toBe("application/pdf");
  });

  it.each([
    ["HTML renamed .pdf", "invoice.pdf", html],
    ["SVG renamed .pdf", "invoice.pdf", svg],
    ["SVG renamed .png", "photo.png", svg],
  ])("refuses %s", async (_label, name, bytes) => {
    const error = await refusal(checkUploads(UPLOAD_POLICIES.contact, [{ name, bytes }]));
    expect(error.code).toBe("unsupported_type");
    expect(error.fields?.file?.[0]).toMatch(/not an accepted file type/);
  });

  it("refuses more files than the channel takes", async () => {
    const files = [1, 2, 3, 4].map((i) => ({ name: `${i}.png`, bytes: makePng(8 + i, 8) }));
    const error = await refusal(checkUploads(UPLOAD_POLICIES.discussion, files, "attachments"));
    expect(error.fields?.attachments?.[0]).toMatch(/At most 3 files/);
  });

  it("refuses more bytes than the channel takes", async () => {
    const big = new Uint8Array(5 * 1024 * 1024);
    big.set(makePng(), 0);
    const error = await refusal(checkUploads(UPLOAD_POLICIES.discussion, [{ name: "big.png", bytes: big }]));
    expect(error.code).toBe("too_large");
  });

  it("refuses an empty file", async () => {
    const error = await refusal(checkUploads(UPLOAD_POLICIES.contact, [{ name: "a.pdf", bytes: new Uint8Array() }]));
    expect(error.code).toBe("invalid");
  });
});

describe("file names", () => {
  it("drops bidi overrides and zero-width characters, so a name shows what it is", async () => {
    expect(cleanFileName("inv\u202egnp.exe")).toBe("invgnp.exe");
    expect(cleanFileName("re\u200bport\u2066.pdf\u2069")).toBe("report.pdf");
    expect(cleanFileName("...hidden.png")).toBe("hidden.png");
    const [file] = await checkUploads(UPLOAD_POLICIES.contact, [{ name: "inv\u202egnp.exe", bytes: makePng() }]);
    expect(file.name).toBe("invgnp.exe.png");
  });

  it("drops paths and control characters", () => {
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("C:\\Users\\x\\report\u0000.pdf")).toBe("report.pdf");
    expect(cleanFileName("")).toBe("file");
  });

  it("writes RFC 6266 Content-Disposition with a UTF-8 name", () => {
    expect(contentDisposition('fatura "Şubat".pdf')).toBe(`attachment; filename="fatura __ubat_.pdf"; filename*=UTF-8''fatura%20%22%C5%9Eubat%22.pdf`);
    expect(contentDisposition("photo.png", "inline")).toMatch(/^inline; filename="photo.png"/);
  });
});
