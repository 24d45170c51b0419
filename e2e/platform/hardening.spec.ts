// The review's defects against the real server (scripts/server.mjs on PostgreSQL), as permanent
// tests: X-Forwarded-For buys no new address, a copied session cookie dies at sign-out, every page
// carries a CSP whose nonce is on every script and breaks nothing, and request bodies are bounded
// in each API's shape without the server's memory growing.
import fs from "node:fs";
import { type Page } from "@playwright/test";
import { expect, test } from "../support/test";
import { hashPassword } from "../../lib/auth/password";
import { apiSignIn, signIn } from "../support/auth";
import { sql } from "../support/db";
import { E2E } from "../support/env";
import { makeThread } from "../inbox/thread-helpers";

async function newAgent(password = "e2e-password-123") {
  const email = `hardening-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.example`;
  await sql("insert into users (email, name, role, password_hash) values ($1, 'Hardening Agent', 'agent', $2)", [email, await hashPassword(password)]);
  return { email, password };
}

/** next-auth's credentials endpoint, as a browser posts it; the sign-in's outcome from its redirect. */
async function attempt(request: import("@playwright/test").APIRequestContext, email: string, password: string, headers: Record<string, string> = {}) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, callbackUrl: "/" }, headers, maxRedirects: 0 });
  const location = response.headers()["location"] ?? "";
  return location.includes("code=rate_limited") ? "throttled" : location.includes("error") ? "refused" : "signed in";
}

test("rotating X-Forwarded-For buys no new address: the sixth guess is throttled, whatever the header says", async ({ playwright, baseURL }) => {
  const agent = await newAgent();
  const request = await playwright.request.newContext({ baseURL });
  for (let i = 0; i < 5; i++) expect(await attempt(request, agent.email, "wrong password", { "x-forwarded-for": `203.0.113.${i + 1}` })).toBe("refused");
  // From "another address" by the header alone: still this socket, still throttled, even with the right password.
  expect(await attempt(request, agent.email, agent.password, { "x-forwarded-for": "198.51.100.200" })).toBe("throttled");
  expect(await attempt(request, agent.email, agent.password, { "x-switchboard-peer": "198.51.100.201", "x-real-ip": "198.51.100.202" })).toBe("throttled");
  await request.dispose();
});

test("a copy of the session cookie opens nothing once its session signed out", async ({ playwright, baseURL }) => {
  const t = await makeThread("conversation");
  const browser = await playwright.request.newContext({ baseURL });
  await apiSignIn(browser, "agent", baseURL);
  const copied = (await browser.storageState()).cookies;
  expect((await browser.get(`/api/threads/${t.id}`)).status()).toBe(200);
  // Sign out as the page does.
  const { csrfToken } = (await (await browser.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await browser.post("/api/auth/signout", { form: { csrfToken, callbackUrl: "/login" }, maxRedirects: 0 });
  // Someone who copied the cookie before: refused at once, not 12 hours later.
  const thief = await playwright.request.newContext({ baseURL, storageState: { cookies: copied, origins: [] } });
  expect((await thief.get(`/api/threads/${t.id}`)).status()).toBe(401);
  expect((await thief.get("/inbox", { maxRedirects: 0 })).status()).toBe(307);
  await thief.dispose();
  await browser.dispose();
});

/** Every CSP complaint and script error a page logs. */
function watch(page: Page) {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  return problems;
}

test("every page carries a Content-Security-Policy with a fresh nonce on every script, and works under it", async ({ page }) => {
  const problems = watch(page);
  const nonces = new Set<string>();
  for (const path of ["/login", "/contact", "/callback"]) {
    const response = await page.goto(path);
    const csp = response!.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(csp, path).toContain("script-src 'self' 'nonce-");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(nonce, path).toBeTruthy();
    nonces.add(nonce!);
    const scripts = await page.locator("script").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((n) => n === nonce)).toBe(true);
  }
  expect(nonces.size).toBe(3);
  // Hydrated and interactive under the policy: the inbox, a thread, the admin area.
  await signIn(page, "admin");
  await page.goto("/inbox");
  await expect(page.getByTestId("thread-row").first()).toBeVisible();
  await page.getByTestId("thread-row").first().click();
  await expect(page).toHaveURL(/\/inbox\/\d+/);
  await page.goto("/admin/users");
  await expect(page.getByTestId("staff")).toBeVisible();
  expect(problems).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// Bounded bodies

/** The resident memory of the app server listening on `port` (our scripts/server.mjs). */
function serverRss(port: number): number {
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      if (cmd.some((a) => a.endsWith("scripts/server.mjs")) && cmd.includes(String(port))) {
        return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]) * 1024;
      }
    } catch {
      /* gone */
    }
  }
  throw new Error(`no server on port ${port}`);
}

const MB = 1024 * 1024;
const hundred = () => Buffer.alloc(100 * MB, 0x20);

test("a 100 MB body is refused with 413 in each API's own shape, and the server's memory stays flat", async ({ playwright, baseURL }) => {
  test.setTimeout(120_000);
  const t = await makeThread("conversation");
  const agent = await playwright.request.newContext({ baseURL });
  await apiSignIn(agent, "agent", baseURL);
  const anonymous = await playwright.request.newContext({ baseURL });
  const before = serverRss(E2E.port);
  for (let round = 0; round < 2; round++) {
    const contact = await anonymous.post("/users/contact-us/", { data: hundred(), headers: { "content-type": "application/json" } });
    expect(contact.status()).toBe(413);
    expect(await contact.json()).toHaveProperty("detail");
    const seller = await anonymous.post("/seller/v2/messages", { data: hundred(), headers: { "content-type": "application/json" } });
    expect([401, 413]).toContain(seller.status()); // no token: refused before its body is read
    const upload = await agent.post(`/api/threads/${t.id}/attachments`, {
      multipart: { files: { name: "big.png", mimeType: "image/png", buffer: Buffer.alloc(60 * MB) } },
    });
    expect(upload.status()).toBe(413);
    expect(await upload.json()).toMatchObject({ code: "too_large" });
    const page = await anonymous.post("/contact", { data: hundred(), headers: { "content-type": "multipart/form-data; boundary=x" } });
    expect(page.status()).toBe(413);
  }
  // The seller API with a token: its own problem+json 413.
  const token = (await (
    await anonymous.post("/auth/realms/maas/protocol/openid-connect/token", {
      form: { grant_type: "client_credentials", client_id: "sb_seller_demo0000", client_secret: "demo-seller-secret-0001" },
    })
  ).json()) as { access_token: string };
  const seller = await anonymous.post("/seller/v2/messages", {
    data: hundred(),
    headers: { "content-type": "application/json", authorization: `Bearer ${token.access_token}`, sellerid: "SELLER-1001" },
  });
  expect(seller.status()).toBe(413);
  expect(seller.headers()["content-type"]).toContain("application/problem+json");
  const after = serverRss(E2E.port);
  // ~700 MB went at it; what stays is noise, not the bodies.
  expect(after - before).toBeLessThan(150 * MB);
  await agent.dispose();
  await anonymous.dispose();
});
