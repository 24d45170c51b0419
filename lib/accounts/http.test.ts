// The storefront's session endpoints through their route handlers, as a storefront's server calls
// them (WIRE-NOTES "Customer sessions for storefronts"): sign-up and sign-in with the extra keys
// it adds, the osessionid cookie (letters, digits and _ only; also read as sessionid), the profile,
// sign-out ending the row on the server, DRF's error shapes in English and Turkish, CSRF on
// unsafe calls that carry a session, the throttle, and staff accounts kept out. PGlite and PostgreSQL.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { customers, sessions } from "@/db/schema";
import { StorefrontSession, storefrontApi } from "@/e2e/support/api-clients";
import { ensureLanguages, makeCustomerAccount, makeUser } from "@/e2e/support/factories";
import { createTestDatabase } from "@/e2e/support/test-db";

let database: Database;

beforeAll(async () => {
  process.env.SIGNIN_LIMIT_IP_MAX = "1000";
  process.env.SIGNUP_LIMIT_IP_MAX = "1000";
  process.env.SIGNIN_LIMIT_EMAIL_MAX = "3";
  database = await createTestDatabase({ useAsAppDatabase: true });
  await ensureLanguages(database.db);
});
afterAll(async () => {
  await database.close();
});

const json = async (r: Response) => (await r.json()) as Record<string, unknown>;

describe("POST /users/login/", () => {
  it("signs a shopper in: 200 {key}, an osessionid cookie the storefront can extract, and a server-side session row", async () => {
    const account = await makeCustomerAccount(database.db);
    const shop = new StorefrontSession({ "accept-language": "undefined", "x-currency": "undefined" });
    const response = await shop.signIn(account.email, account.password);
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(typeof body.key).toBe("string");
    expect(String(body.key).length).toBeGreaterThan(20);
    const setCookie = response.headers.get("set-cookie") ?? "";
    const extracted = /osessionid=\w+/.exec(setCookie)?.[0].slice("osessionid=".length);
    expect(extracted).toBe(body.key);
    expect(setCookie).toMatch(/HttpOnly/i);
    const rows = await database.db.select().from(sessions).where(eq(sessions.userId, account.user.id));
    expect(rows.map((r) => r.kind)).toEqual(["storefront"]);
    expect(rows[0]!.tokenHash).not.toBe(body.key);
  });

  it("answers wrong credentials and an unknown e-mail alike with non_field_errors, in Turkish when asked", async () => {
    const account = await makeCustomerAccount(database.db);
    const wrong = await storefrontApi("POST", "/users/login/", { body: { email: account.email, password: "nope-nope" } });
    expect(wrong.status).toBe(400);
    expect(await json(wrong)).toEqual({ non_field_errors: ["Unable to log in with provided credentials."] });
    const unknown = await storefrontApi("POST", "/users/login/", { body: { email: "nobody@test.example", password: "whatever1" } });
    expect(await json(unknown)).toEqual({ non_field_errors: ["Unable to log in with provided credentials."] });
    const tr = await storefrontApi("POST", "/users/login", { headers: { "accept-language": "tr-TR,tr;q=0.9" }, body: { email: account.email, password: "x" } });
    expect(await json(tr)).toEqual({ non_field_errors: ["Verilen bilgilerle giriş yapılamadı."] });
  });

  it("maps field errors onto their fields", async () => {
    const response = await storefrontApi("POST", "/users/login/", { body: { email: "not-an-email", formType: "login" } });
    expect(response.status).toBe(400);
    expect(await json(response)).toEqual({ email: ["Enter a valid email address."], password: ["This field is required."] });
    const tr = await storefrontApi("POST", "/users/login/", { headers: { "accept-language": "tr" }, body: {} });
    expect(await json(tr)).toEqual({ email: ["Bu alan zorunludur."], password: ["Bu alan zorunludur."] });
  });

  it("keeps staff accounts out (the same answer as a wrong password)", async () => {
    const agent = await makeUser(database.db, "agent");
    const response = await storefrontApi("POST", "/users/login/", { body: { email: agent.email, password: agent.password } });
    expect(response.status).toBe(400);
    expect(await json(response)).toEqual({ non_field_errors: ["Unable to log in with provided credentials."] });
  });

  it("is throttled like the staff sign-in: after repeated failures even the right password waits", async () => {
    const account = await makeCustomerAccount(database.db);
    for (let i = 0; i < 3; i++) await storefrontApi("POST", "/users/login/", { body: { email: account.email, password: `bad-${i}-password` } });
    const response = await storefrontApi("POST", "/users/login/", { body: { email: account.email, password: account.password } });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(String((await json(response)).detail)).toMatch(/throttled/);
  });
});

describe("POST /users/registration/", () => {
  it("creates the account and signs it in, tolerating the storefront's extra keys", async () => {
    const shop = new StorefrontSession();
    await shop.call("GET", "/csrf_token/");
    const email = `new-${Date.now()}@shop.example`;
    const response = await shop.call("POST", "/users/registration/", {
      email,
      password: "a-long-password",
      first_name: "Zeynep",
      last_name: "Arslan",
      phone: "+90 555 111 22 33",
      email_allowed: true,
      sms_allowed: "false",
      confirm: true,
      kvkk_confirm: true,
      formType: "register",
      locale: "tr",
      captchaValidated: true,
    });
    expect(response.status).toBe(201);
    expect(typeof (await json(response)).key).toBe("string");
    const me = await shop.call("GET", "/current_user/");
    expect(me.status).toBe(200);
    const profile = await json(me);
    expect(profile).toMatchObject({ first_name: "Zeynep", last_name: "Arslan", email, phone: "+90 555 111 22 33", email_allowed: true, sms_allowed: false });
    const [customer] = await database.db.select().from(customers).where(eq(customers.email, email));
    expect(profile.pk).toBe(customer!.id);
  });

  it("refuses an e-mail in use, a short password and bad fields in DRF's shape (English and Turkish)", async () => {
    const account = await makeCustomerAccount(database.db);
    const taken = await storefrontApi("POST", "/users/registration/", { body: { email: account.email, password: "another-password" } });
    expect(taken.status).toBe(400);
    expect(await json(taken)).toEqual({ email: ["A user is already registered with this e-mail address."] });
    const short = await storefrontApi("POST", "/users/registration/", {
      headers: { "accept-language": "tr" },
      body: { email: "x@shop.example", password: "short" },
    });
    expect(await json(short)).toEqual({ password: ["Bu alanın en az 8 karakter olduğundan emin olun."] });
    const mismatch = await storefrontApi("POST", "/users/registration/", {
      body: { email: "y@shop.example", password1: "long-enough-1", password2: "long-enough-2", date_of_birth: "31-12-1990" },
    });
    // As DRF: the fields first, the whole (passwords matching) once they pass.
    expect(await json(mismatch)).toEqual({ date_of_birth: ["Date has wrong format. Use one of these formats instead: YYYY-MM-DD."] });
    const mismatchOnly = await storefrontApi("POST", "/users/registration/", {
      body: { email: "y@shop.example", password1: "long-enough-1", password2: "long-enough-2" },
    });
    expect(await json(mismatchOnly)).toEqual({ password2: ["The two password fields didn't match."] });
  });
});

describe("GET /current_user/ and the osessionid cookie", () => {
  it("answers the profile fields a storefront reads, with the cookie named osessionid or sessionid", async () => {
    const account = await makeCustomerAccount(database.db, { firstName: "Deniz", lastName: "Kaya" });
    const shop = new StorefrontSession();
    await shop.signIn(account.email, account.password);
    const token = shop.cookies.osessionid!;
    for (const cookie of [`osessionid=${token}`, `sessionid=${token}`, `csrftoken=abc; sessionid=${token}`]) {
      const response = await storefrontApi("GET", "/current_user/", { headers: { cookie } });
      expect(response.status).toBe(200);
      const body = await json(response);
      expect(Object.keys(body).sort()).toEqual(
        [
          "pk",
          "first_name",
          "last_name",
          "email",
          "phone",
          "email_allowed",
          "sms_allowed",
          "date_joined",
          "last_login",
          "date_of_birth",
          "hashed_email",
          "gender",
        ].sort(),
      );
      expect(body).toMatchObject({ pk: account.customer.id, first_name: "Deniz", last_name: "Kaya", email: account.email });
      expect(body.hashed_email).toMatch(/^[0-9a-f]{64}$/);
      expect(new Date(String(body.last_login)).getTime()).toBeGreaterThan(Date.now() - 60_000);
    }
  });

  it("refuses a request without a session, or with a made-up or web (next-auth) token", async () => {
    const account = await makeCustomerAccount(database.db);
    const { startSession } = await import("@/lib/auth/sessions");
    const web = await startSession(database.db, { userId: account.user.id, kind: "web" });
    for (const cookie of [undefined, "osessionid=", "osessionid=abc123", `osessionid=${web.token}`]) {
      const response = await storefrontApi("GET", "/current_user/", { headers: cookie ? { cookie } : {} });
      expect(response.status).toBe(403);
      expect(await json(response)).toEqual({ detail: "Authentication credentials were not provided." });
    }
    const tr = await storefrontApi("GET", "/current_user/", { headers: { "accept-language": "tr" } });
    expect(await json(tr)).toEqual({ detail: "Kimlik bilgileri sağlanmadı." });
  });
});

describe("/users/logout", () => {
  it("ends the session on the server (GET or POST, with or without the slash)", async () => {
    const account = await makeCustomerAccount(database.db);
    for (const [method, path] of [
      ["GET", "/users/logout"],
      ["POST", "/users/logout/"],
      ["GET", "/users/logout/"],
      ["POST", "/users/logout"],
    ] as const) {
      const shop = new StorefrontSession();
      await shop.signIn(account.email, account.password);
      const token = shop.cookies.osessionid!;
      const out = await shop.call(method, path);
      expect(out.status).toBe(200);
      expect(await json(out)).toEqual({ detail: "Successfully logged out." });
      expect(shop.cookies.osessionid).toBeUndefined();
      // The storefront may still hold the old cookie: it opens nothing now.
      const after = await storefrontApi("GET", "/current_user/", { headers: { cookie: `osessionid=${token}` } });
      expect(after.status).toBe(403);
    }
  });

  it("refuses a POST with a session but without the CSRF token (the session stays)", async () => {
    const account = await makeCustomerAccount(database.db);
    const shop = new StorefrontSession();
    await shop.signIn(account.email, account.password);
    const token = shop.cookies.osessionid!;
    const response = await storefrontApi("POST", "/users/logout/", { headers: { cookie: `osessionid=${token}` } });
    expect(response.status).toBe(403);
    expect(await json(response)).toEqual({ detail: "CSRF Failed: CSRF cookie not set." });
    expect((await storefrontApi("GET", "/current_user/", { headers: { cookie: `osessionid=${token}` } })).status).toBe(200);
  });

  it("answers anonymously too", async () => {
    const response = await storefrontApi("GET", "/users/logout");
    expect(response.status).toBe(200);
  });
});
