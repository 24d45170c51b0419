// Sign in over HTTP (next-auth's credentials endpoint), not by clicking through the form.
import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const USERS = {
  admin: { email: "admin@example.com", password: "switchboard-admin" },
  agent: { email: "agent@example.com", password: "switchboard-agent" },
  agent2: { email: "sam@example.com", password: "switchboard-agent" },
  customer: { email: "customer@example.com", password: "switchboard-customer" },
} as const;
export type DemoUser = keyof typeof USERS;

export async function apiSignIn(request: APIRequestContext, who: DemoUser | { email: string; password: string }, baseURL?: string) {
  const creds = typeof who === "string" ? USERS[who] : who;
  const base = baseURL ?? "";
  const csrf = await request.get(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post(`${base}/api/auth/callback/credentials`, {
    form: { csrfToken, email: creds.email, password: creds.password, callbackUrl: `${base}/` },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in as ${creds.email}`).toBe(302);
  expect(response.headers()["location"] ?? "").not.toContain("error");
}

/** Signs the page's browser context in; cookies are shared with page.request. */
export async function signIn(page: Page, who: DemoUser, baseURL?: string) {
  await apiSignIn(page.request, who, baseURL);
}
