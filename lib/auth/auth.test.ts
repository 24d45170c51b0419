// Sign-in checks against a real database: passwords, unknown e-mails, throttles, the permission map.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/e2e/support/test-db";
import { makeUser } from "@/e2e/support/factories";
import { verifyCredentials } from "./index";
import { hashPassword, verifyPassword } from "./password";
import { pathAllows as pathAllowsFor } from "./config";
import { can, PERMISSIONS } from "./permissions";

let database: Database;
beforeAll(async () => {
  process.env.SIGNIN_LIMIT_EMAIL_MAX = "3";
  process.env.SIGNIN_LIMIT_IP_MAX = "6";
  database = await createTestDatabase({ useAsAppDatabase: true });
});
afterAll(async () => {
  await database.close();
});

describe("passwords", () => {
  it("hashes with a salt and verifies", async () => {
    const a = await hashPassword("s3cret pass");
    const b = await hashPassword("s3cret pass");
    expect(a).not.toBe(b);
    expect(await verifyPassword("s3cret pass", a)).toBe(true);
    expect(await verifyPassword("wrong", a)).toBe(false);
    expect(await verifyPassword("x", "garbage")).toBe(false);
  });
});

describe("verifyCredentials", () => {
  it("signs in with the right password, any e-mail case", async () => {
    const user = await makeUser(database.db, "agent", { email: "Mixed.Case@test.example" });
    const result = await verifyCredentials({ email: "mixed.case@TEST.example", password: user.password }, "10.0.0.1");
    expect(result).toMatchObject({ id: String(user.id), role: "agent" });
  });

  it("refuses a wrong password and an unknown e-mail alike", async () => {
    const user = await makeUser(database.db, "admin");
    expect(await verifyCredentials({ email: user.email, password: "nope" }, "10.0.0.2")).toBeNull();
    expect(await verifyCredentials({ email: "nobody@test.example", password: "nope" }, "10.0.0.2")).toBeNull();
  });

  it("refuses malformed input without touching the database", async () => {
    expect(await verifyCredentials({ email: "not-an-email", password: "x" }, "10.0.0.3")).toBeNull();
    expect(await verifyCredentials(null, "10.0.0.3")).toBeNull();
  });

  it("refuses an address after repeated failures on one account, but never the owner's right password from elsewhere: it is only slowed", async () => {
    process.env.SIGNIN_SLOW_MS = "150";
    const user = await makeUser(database.db, "agent");
    for (let i = 0; i < 3; i++) expect(await verifyCredentials({ email: user.email, password: "bad" }, "10.1.0.1")).toBeNull();
    // That address, for that account: refused, even with the right password.
    await expect(verifyCredentials({ email: user.email, password: user.password }, "10.1.0.1")).rejects.toMatchObject({ code: "rate_limited" });
    // The owner elsewhere: let in, after a wait that grows with the failures on the account.
    const started = Date.now();
    expect(await verifyCredentials({ email: user.email, password: user.password }, "10.1.0.9")).toMatchObject({ id: String(user.id) });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    delete process.env.SIGNIN_SLOW_MS;
  });

  it("counts parallel guesses atomically: 30 at once against a limit of 3 get exactly 3 checks", async () => {
    process.env.SIGNIN_SLOW_MS = "1";
    process.env.SIGNIN_LIMIT_IP_MAX = "1000"; // only the address+account limit is in play here
    const user = await makeUser(database.db, "agent");
    const results = await Promise.allSettled(Array.from({ length: 30 }, () => verifyCredentials({ email: user.email, password: "bad" }, "10.4.0.1")));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(results.filter((r) => r.status === "rejected" && (r.reason as { code?: string }).code === "rate_limited")).toHaveLength(27);
    delete process.env.SIGNIN_SLOW_MS;
    process.env.SIGNIN_LIMIT_IP_MAX = "6";
  });

  it("throttles an IP that tries many e-mails", async () => {
    for (let i = 0; i < 6; i++) await verifyCredentials({ email: `guess${i}@test.example`, password: "bad" }, "10.2.0.1");
    const user = await makeUser(database.db, "agent");
    await expect(verifyCredentials({ email: user.email, password: user.password }, "10.2.0.1")).rejects.toMatchObject({ code: "rate_limited" });
    // Another address is not affected.
    expect(await verifyCredentials({ email: user.email, password: user.password }, "10.2.0.2")).not.toBeNull();
  });

  it("refuses a disabled account", async () => {
    const { users } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    const user = await makeUser(database.db, "agent");
    await database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect(await verifyCredentials({ email: user.email, password: user.password }, "10.3.0.1")).toBeNull();
  });
});

describe("permission map", () => {
  it("gives agents the inbox but not administration, customers neither", () => {
    expect(can("agent", "thread.reply")).toBe(true);
    expect(can("agent", "subjects.manage")).toBe(false);
    expect(can("customer", "inbox.view")).toBe(false);
    expect(can(undefined, "inbox.view")).toBe(false);
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[])
      expect(can("admin", permission) || permission.startsWith("account.")).toBe(true);
  });

  it("guards the areas by role", () => {
    expect(pathAllowsFor("/inbox", undefined)).toBe("signin");
    expect(pathAllowsFor("/inbox/42", "customer")).toBe("forbidden");
    expect(pathAllowsFor("/admin/subjects", "agent")).toBe("forbidden");
    expect(pathAllowsFor("/admin", "admin")).toBe("ok");
    expect(pathAllowsFor("/account", "agent")).toBe("forbidden");
    expect(pathAllowsFor("/users/contact-us/", undefined)).toBe("ok");
    expect(pathAllowsFor("/inboxes", undefined)).toBe("ok");
  });
});
