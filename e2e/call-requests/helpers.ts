// Shared by the call-request browser tests: the demo API key, a direct line to the e2e database
// (for set-up that has no UI: a temporary user, a role taken away), and a no-JS form post.
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { hashPassword } from "../../lib/auth/password";
import { sql } from "../support/db";

export { sql };

export const DEMO_KEY = "sb_cr_demo0000.demo-call-requests-secret-0001";
export const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
export const demoAuth = basic("admin@example.com", DEMO_KEY);

/** A throw-away staff account for tests that change its role. */
export async function makeStaff(role: "admin" | "agent", label: string) {
  const email = `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.example`;
  const password = "e2e-password-123";
  const [row] = await sql<{ id: string }>("insert into users (email, name, role, password_hash) values ($1, $2, $3, $4) returning id", [
    email,
    `E2E ${label}`,
    role,
    await hashPassword(password),
  ]);
  return { id: Number(row!.id), email, password };
}

/** Every field of a rendered form (server-action hidden inputs included), as a browser would post it without JS. */
export async function formFields(page: Page, selector: string): Promise<Record<string, string>> {
  return page.locator(selector).evaluate((form) => {
    const out: Record<string, string> = {};
    for (const [k, v] of new FormData(form as HTMLFormElement).entries()) if (typeof v === "string") out[k] = v;
    return out;
  });
}

export async function postForm(request: APIRequestContext, path: string, fields: Record<string, string>) {
  return request.post(path, { multipart: fields, maxRedirects: 0 });
}

export async function createViaApi(request: APIRequestContext, base: string, body: Record<string, unknown>): Promise<number> {
  const response = await request.post(`${base}/api/call_requests`, { headers: { authorization: demoAuth }, data: body });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { request_id: number }).request_id;
}
