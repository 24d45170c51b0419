// Customer accounts: a forgotten password's link arrives by mail, works once and expires, ends
// every session of the account; staff and unknown addresses get the same answer and no mail; the
// requests are throttled. Against a real SMTP server, on PGlite and PostgreSQL.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { passwordResetTokens } from "@/db/schema";
import { verifyCredentials } from "@/lib/auth";
import { findSessionUser, startSession } from "@/lib/auth/sessions";
import { ensureLanguages, makeCustomerAccount, makeUser } from "@/e2e/support/factories";
import { mailText, startSmtpSink, type SmtpSink } from "@/e2e/support/smtp-sink";
import { createTestDatabase } from "@/e2e/support/test-db";
import { isResetTokenLive, registerCustomer, requestPasswordReset, resetPassword } from "./service";

let database: Database;
let sink: SmtpSink;
let ip = 0;
const caller = () => ({ ip: `203.0.113.${++ip}` });

beforeAll(async () => {
  sink = await startSmtpSink();
  database = await createTestDatabase({ useAsAppDatabase: true });
  await ensureLanguages(database.db);
});
afterAll(async () => {
  await sink.close();
  await database.close();
  delete process.env.SMTP_URL;
});
beforeEach(() => {
  process.env.SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
  sink.clear();
});

const linkIn = (raw: string) => /https?:\/\/\S+\/account\/reset-password\?token=([0-9a-f]{48})/.exec(mailText(raw));

describe("forgotten password", () => {
  it("mails a link that works once, sets the password and ends every session", async () => {
    const db = database.db;
    const account = await makeCustomerAccount(db, { locale: "tr" });
    const web = await startSession(db, { userId: account.user.id, kind: "web" });
    const shop = await startSession(db, { userId: account.user.id, kind: "storefront" });
    const { delivery } = await requestPasswordReset(db, { email: account.email, origin: "https://desk.example", locale: "en" }, caller());
    await delivery;
    expect(sink.received).toHaveLength(1);
    const mail = sink.received[0]!;
    expect(mail.to).toEqual([account.email]);
    // The account's own language (Turkish), whatever the page's.
    expect(mailText(mail.raw)).toContain("Yeni parolanızı buradan seçin");
    const found = linkIn(mail.raw);
    expect(found?.[0]).toMatch(/^https:\/\/desk\.example\/account\/reset-password\?token=/);
    const token = found![1]!;
    expect(await isResetTokenLive(db, token)).toBe(true);
    // Only the hash is stored.
    const rows = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, account.user.id));
    expect(rows.map((r) => r.tokenHash)).not.toContain(token);

    await resetPassword(db, { token, password: "a brand new password" });
    expect(await verifyCredentials({ email: account.email, password: "a brand new password" }, "198.18.0.1")).not.toBeNull();
    expect(await verifyCredentials({ email: account.email, password: account.password }, "198.18.0.2")).toBeNull();
    expect(await findSessionUser(db, web.token)).toBeUndefined();
    expect(await findSessionUser(db, shop.token)).toBeUndefined();
    await expect(resetPassword(db, { token, password: "yet another password" })).rejects.toMatchObject({ message: "reset_invalid" });
    expect(await isResetTokenLive(db, token)).toBe(false);
  });

  it("refuses an expired link and a link asked for before a newer one", async () => {
    const db = database.db;
    const account = await makeCustomerAccount(db);
    await (
      await requestPasswordReset(db, { email: account.email, origin: "http://x", locale: "en" }, caller())
    ).delivery;
    await (
      await requestPasswordReset(db, { email: account.email, origin: "http://x", locale: "en" }, caller())
    ).delivery;
    const [older, newer] = sink.received.map((m) => linkIn(m.raw)![1]!);
    await expect(resetPassword(db, { token: older!, password: "new password one" })).rejects.toMatchObject({ message: "reset_invalid" });
    await db
      .update(passwordResetTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordResetTokens.userId, account.user.id));
    await expect(resetPassword(db, { token: newer!, password: "new password two" })).rejects.toMatchObject({ message: "reset_invalid" });
    await expect(resetPassword(db, { token: "not-a-token", password: "new password two" })).rejects.toMatchObject({ message: "reset_invalid" });
  });

  it("sends nothing for an unknown address or a staff account, with the same answer", async () => {
    const db = database.db;
    const agent = await makeUser(db, "agent");
    for (const email of ["nobody@test.example", agent.email]) {
      const { delivery } = await requestPasswordReset(db, { email, origin: "http://x", locale: "en" }, caller());
      await delivery;
    }
    expect(sink.received).toHaveLength(0);
  });

  it("is throttled per address", async () => {
    const db = database.db;
    process.env.PASSWORD_RESET_LIMIT_IP_MAX = "2";
    const who = caller();
    try {
      await requestPasswordReset(db, { email: "a@test.example", origin: "http://x", locale: "en" }, who);
      await requestPasswordReset(db, { email: "b@test.example", origin: "http://x", locale: "en" }, who);
      await expect(requestPasswordReset(db, { email: "c@test.example", origin: "http://x", locale: "en" }, who)).rejects.toMatchObject({
        code: "rate_limited",
      });
    } finally {
      delete process.env.PASSWORD_RESET_LIMIT_IP_MAX;
    }
  });
});

describe("sign-up", () => {
  it("makes a customer account with its customer record, refuses the e-mail twice, and is throttled per address", async () => {
    const db = database.db;
    const who = caller();
    const { user, customer } = await registerCustomer(
      db,
      { email: "Mixed@Shop.example".toLowerCase(), password: "long password", first_name: "Ece", last_name: "Ak" },
      who,
    );
    expect(user.role).toBe("customer");
    expect(customer).toMatchObject({ userId: user.id, firstName: "Ece", lastName: "Ak", name: "Ece Ak", notifyOnReply: true });
    await expect(registerCustomer(db, { email: "mixed@shop.example", password: "long password" }, who)).rejects.toMatchObject({
      fields: { email: ["email_taken"] },
    });
    process.env.SIGNUP_LIMIT_IP_MAX = "3";
    try {
      await registerCustomer(db, { email: "third@shop.example", password: "long password" }, who);
      await expect(registerCustomer(db, { email: "fourth@shop.example", password: "long password" }, who)).rejects.toMatchObject({ code: "rate_limited" });
    } finally {
      delete process.env.SIGNUP_LIMIT_IP_MAX;
    }
  });
});
