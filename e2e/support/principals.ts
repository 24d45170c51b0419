// Who calls, for the tests that call the server over plain HTTP (the authorization matrix): each
// principal is the cookie of a signed-in session and/or the credential headers of an API key, as a
// real browser or client would send them. Built on the e2e database: a second customer, a
// disabled agent, a second seller's credential, view-only keys.
import { createRequire } from "node:module";
import { eq } from "drizzle-orm";
import { openDatabase, type Database } from "../../db/client";
import { sellers, users } from "../../db/schema";
import { createApiCredential } from "../../lib/api-keys/service";
import { USERS } from "./auth";
import { E2E } from "./env";
import { makeUser } from "./factories";

export const PRINCIPALS = [
  "anonymous",
  "customerA",
  "customerB",
  "agent",
  "admin",
  "disabledAgent",
  "sellerA",
  "sellerB",
  "viewOnly",
  "callKey",
  "chatKey",
] as const;
export type PrincipalName = (typeof PRINCIPALS)[number];

export interface Principal {
  name: PrincipalName;
  cookie: string;
  /** The credential headers this principal sends to `path` (a seller's Bearer, a call-requests key's Basic). */
  headers(path: string): Record<string, string>;
}

let database: Promise<Database> | undefined;
export const e2eDb = async () => (await (database ??= openDatabase({ url: E2E.databaseUrl, poolSize: 2 }))).db;

/** The cookies a response sets, merged into a Cookie header. */
function mergeCookies(current: string, response: Response): string {
  const jar = new Map(
    current
      .split(";")
      .map((c) => c.trim())
      .filter(Boolean)
      .map((c) => [c.slice(0, c.indexOf("=")), c.slice(c.indexOf("=") + 1)] as [string, string]),
  );
  for (const set of response.headers.getSetCookie()) {
    const [pair] = set.split(";");
    const at = pair!.indexOf("=");
    jar.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

/** Signs in over HTTP as a browser does (next-auth's credentials endpoint) and returns the session cookie. */
export async function signInCookie(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  let cookie = mergeCookies("", csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/` }),
  });
  cookie = mergeCookies(cookie, response);
  if (!/authjs\.session-token=/.test(cookie)) throw new Error(`sign-in as ${email} failed (${response.status} ${response.headers.get("location")})`);
  return cookie;
}

async function sellerToken(base: string, clientId: string, clientSecret: string): Promise<string> {
  const response = await fetch(`${base}/auth/realms/maas/protocol/openid-connect/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret }),
  });
  if (response.status !== 200) throw new Error(`token: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
const isCallRequests = (path: string) => /^\/api\/(?:[\d.]+\/)?call_requests/.test(path);

/** Every principal of the matrix, signed in and holding its credentials. */
export async function makePrincipals(base: string): Promise<Record<PrincipalName, Principal>> {
  const db = await e2eDb();
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const customerB = await makeUser(db, "customer", { email: `customer-b-${stamp}@e2e.example` });
  const disabled = await makeUser(db, "agent", { email: `disabled-${stamp}@e2e.example` });
  const [sellerARow] = await db.select().from(sellers).where(eq(sellers.externalId, "SELLER-1001"));
  const [sellerBRow] = await db.select().from(sellers).where(eq(sellers.externalId, "SELLER-2002"));
  const keyB = await createApiCredential(db, {
    kind: "seller",
    name: `matrix B ${stamp}`,
    scopes: ["discussions.view", "discussions.manage"],
    sellerId: sellerBRow!.id,
  });
  const viewSeller = await createApiCredential(db, { kind: "seller", name: `matrix view ${stamp}`, scopes: ["discussions.view"], sellerId: sellerARow!.id });
  const [agentRow] = await db.select().from(users).where(eq(users.email, USERS.agent.email));
  const viewCalls = await createApiCredential(db, {
    kind: "call_requests",
    name: `matrix view ${stamp}`,
    scopes: ["call_requests.view"],
    userId: agentRow!.id,
  });

  const cookies = {
    customerA: await signInCookie(base, USERS.customer.email, USERS.customer.password),
    customerB: await signInCookie(base, customerB.email, customerB.password),
    agent: await signInCookie(base, USERS.agent.email, USERS.agent.password),
    admin: await signInCookie(base, USERS.admin.email, USERS.admin.password),
    disabledAgent: await signInCookie(base, disabled.email, disabled.password),
  };
  // Signed in, then disabled: the cookie it holds must open nothing from now on.
  await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.id));
  const tokens = {
    sellerA: await sellerToken(base, "sb_seller_demo0000", "demo-seller-secret-0001"),
    sellerB: await sellerToken(base, keyB.credential.keyPrefix, keyB.secret),
    viewOnly: await sellerToken(base, viewSeller.credential.keyPrefix, viewSeller.secret),
  };
  const bearer = (token: string, sellerId: string) => () => ({ authorization: `Bearer ${token}`, sellerid: sellerId });
  const none = () => ({});
  const make = (name: PrincipalName, cookie: string, headers: (path: string) => Record<string, string>): Principal => ({ name, cookie, headers });
  return {
    anonymous: make("anonymous", "", none),
    customerA: make("customerA", cookies.customerA, none),
    customerB: make("customerB", cookies.customerB, none),
    agent: make("agent", cookies.agent, none),
    admin: make("admin", cookies.admin, none),
    disabledAgent: make("disabledAgent", cookies.disabledAgent, none),
    sellerA: make("sellerA", "", bearer(tokens.sellerA, "SELLER-1001")),
    sellerB: make("sellerB", "", bearer(tokens.sellerB, "SELLER-2002")),
    // A view-only key: the seller API's for the seller API, the call-requests API's for that API.
    viewOnly: make("viewOnly", "", (path) =>
      isCallRequests(path) ? { authorization: basic(USERS.agent.email, viewCalls.apiKey) } : bearer(tokens.viewOnly, "SELLER-1001")(),
    ),
    callKey: make("callKey", "", () => ({ authorization: basic(USERS.admin.email, "sb_cr_demo0000.demo-call-requests-secret-0001") })),
    // The demo chat back office's key (chat.rooms.view and chat.rooms.manage).
    chatKey: make("chatKey", "", () => ({ authorization: "Bearer sb_chat_demo0000.demo-chat-secret-0001" })),
  };
}

// ---------------------------------------------------------------------------------------------
// Server actions over HTTP, as Next's own client calls them: POST to a page that has the action,
// `Next-Action: <id>`, the arguments encoded by React's encodeReply.

const require = createRequire(`${process.cwd()}/package.json`);

export async function callAction(
  base: string,
  page: string,
  actionId: string,
  args: unknown[],
  principal: Principal,
): Promise<{ status: number; text: string }> {
  const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.edge") as { encodeReply: (v: unknown[]) => Promise<FormData | string> };
  const body = await encodeReply(args);
  const response = await fetch(`${base}${page}`, {
    method: "POST",
    redirect: "manual",
    headers: { "next-action": actionId, accept: "text/x-component", origin: base, cookie: principal.cookie, ...principal.headers(page) },
    body,
  });
  return { status: response.status, text: await response.text() };
}
