// Attachment downloads: only through the authorized route, always as a download, never sniffed.
import { expect, test } from "../support/test";
import pg from "pg";
import { signIn } from "../support/auth";
import { E2E } from "../support/env";

async function seededAttachment(contentType: string) {
  const client = new pg.Client({ connectionString: E2E.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number; file_name: string; size: number }>(
      "select id::int, file_name, size from attachments where content_type = $1 order by id limit 1",
      [contentType],
    );
    return rows[0]!;
  } finally {
    await client.end();
  }
}

test("staff download an attachment with safe headers", async ({ page }) => {
  const pdf = await seededAttachment("application/pdf");
  await signIn(page, "agent");
  const response = await page.request.get(`/api/attachments/${pdf.id}`);
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers["content-type"]).toBe("application/pdf");
  expect(headers["content-disposition"]).toBe(`attachment; filename="${pdf.file_name}"; filename*=UTF-8''${encodeURIComponent(pdf.file_name)}`);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["content-security-policy"]).toContain("sandbox");
  const body = await response.body();
  expect(body.subarray(0, 5).toString()).toBe("%PDF-");
  expect(body.length).toBe(pdf.size);
});

test("images may be shown inline; other types never", async ({ page }) => {
  const png = await seededAttachment("image/png");
  const pdf = await seededAttachment("application/pdf");
  await signIn(page, "agent");
  expect((await page.request.get(`/api/attachments/${png.id}?inline=1`)).headers()["content-disposition"]).toMatch(/^inline;/);
  expect((await page.request.get(`/api/attachments/${pdf.id}?inline=1`)).headers()["content-disposition"]).toMatch(/^attachment;/);
});

test("an unknown or malformed id is a 404", async ({ page }) => {
  await signIn(page, "agent");
  expect((await page.request.get("/api/attachments/999999999")).status()).toBe(404);
  expect((await page.request.get("/api/attachments/abc")).status()).toBe(404);
});
