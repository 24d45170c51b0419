// Staff management on both drivers: an invitation's one-time link, role changes, disabling and
// password resets that end sessions at once, everyone's own password change, and the guard rails
// (the last admin, yourself, a published password, a spent or expired link, non-admins).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { users, userTokens } from "@/db/schema";
import { verifyCredentials } from "@/lib/auth";
import { findSessionUser, startSession } from "@/lib/auth/sessions";
import { isAppError } from "@/lib/errors";
import { makeUser } from "@/e2e/support/factories";
import { createTestDatabase } from "@/e2e/support/test-db";
import { findStaffAccounts } from "./queries";
import { changeOwnPassword, changeStaffRole, findPasswordToken, inviteStaff, resetStaffPassword, setPasswordWithToken, setStaffDisabled } from "./service";

let database: Database;
let admin: Awaited<ReturnType<typeof makeUser>>;
const ORIGIN = "https://desk.example";
const tokenOf = (link: string) => link.split("/password/")[1]!;

beforeAll(async () => {
  process.env.MAIL_OUTBOX_DIR = `/tmp/sb-users-outbox-${process.pid}`;
  process.env.SIGNIN_LIMIT_IP_MAX = "1000";
  database = await createTestDatabase({ useAsAppDatabase: true });
  admin = await makeUser(database.db, "admin");
});
afterAll(async () => {
  await database.close();
});

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("staff management", () => {
  it("invites by e-mail with a one-time link; the invitee chooses a password and signs in; the link works once", async () => {
    const { user, link, mailed } = await inviteStaff(
      database.db,
      { email: "new.agent@test.example", name: "New Agent", role: "agent", origin: ORIGIN },
      admin.actor,
    );
    expect(mailed).toBe(true);
    expect(link).toMatch(/^https:\/\/desk\.example\/password\/[A-Za-z0-9_-]{30,}$/);
    // Before choosing a password there is none to guess.
    expect(await verifyCredentials({ email: user.email, password: "!" }, "10.9.0.1")).toBeNull();
    expect((await findStaffAccounts(database.db)).find((s) => s.id === user.id)).toMatchObject({ hasPassword: false, pendingLink: "invite" });
    expect((await refusal(setPasswordWithToken(database.db, { token: tokenOf(link), password: "short" }))).code).toBe("invalid");
    expect((await refusal(setPasswordWithToken(database.db, { token: tokenOf(link), password: "switchboard-agent" }))).message).toMatch(/published/);
    await setPasswordWithToken(database.db, { token: tokenOf(link), password: "a good long password" });
    expect(await verifyCredentials({ email: user.email, password: "a good long password" }, "10.9.0.2")).toMatchObject({ id: String(user.id), role: "agent" });
    expect(await findPasswordToken(database.db, tokenOf(link))).toBeUndefined();
    expect((await refusal(setPasswordWithToken(database.db, { token: tokenOf(link), password: "another long password" }))).code).toBe("not_found");
    expect((await refusal(inviteStaff(database.db, { email: "NEW.agent@test.example", name: "Again", role: "agent", origin: ORIGIN }, admin.actor))).code).toBe(
      "conflict",
    );
  });

  it("refuses an expired link", async () => {
    const { user, link } = await inviteStaff(
      database.db,
      { email: `late-${Date.now()}@test.example`, name: "Late", role: "agent", origin: ORIGIN },
      admin.actor,
    );
    await database.db
      .update(userTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(userTokens.userId, user.id));
    expect((await refusal(setPasswordWithToken(database.db, { token: tokenOf(link), password: "a good long password" }))).code).toBe("not_found");
  });

  it("disables an account and ends its sessions at once; enabling lets it sign in again", async () => {
    const agent = await makeUser(database.db, "agent");
    const { token } = await startSession(database.db, { userId: agent.id, kind: "web" });
    expect(await findSessionUser(database.db, token)).toBeDefined();
    const { endedSessions } = await setStaffDisabled(database.db, { userId: agent.id, disabled: true }, admin.actor);
    expect(endedSessions).toBe(1);
    expect(await findSessionUser(database.db, token)).toBeUndefined();
    expect(await verifyCredentials({ email: agent.email, password: agent.password }, "10.9.0.3")).toBeNull();
    await setStaffDisabled(database.db, { userId: agent.id, disabled: false }, admin.actor);
    expect(await verifyCredentials({ email: agent.email, password: agent.password }, "10.9.0.4")).not.toBeNull();
  });

  it("resets a password: the old one stops working, sessions end, a link sets a new one", async () => {
    const agent = await makeUser(database.db, "agent");
    const { token } = await startSession(database.db, { userId: agent.id, kind: "web" });
    const { link } = await resetStaffPassword(database.db, { userId: agent.id, origin: ORIGIN }, admin.actor);
    expect(await findSessionUser(database.db, token)).toBeUndefined();
    expect(await verifyCredentials({ email: agent.email, password: agent.password }, "10.9.0.5")).toBeNull();
    await setPasswordWithToken(database.db, { token: tokenOf(link), password: "brand new password 1" });
    expect(await verifyCredentials({ email: agent.email, password: "brand new password 1" }, "10.9.0.6")).not.toBeNull();
  });

  it("changes roles, but never leaves the desk without an admin who can sign in, and nobody disables themselves", async () => {
    const agent = await makeUser(database.db, "agent");
    expect((await changeStaffRole(database.db, { userId: agent.id, role: "admin" }, admin.actor)).role).toBe("admin");
    expect((await changeStaffRole(database.db, { userId: agent.id, role: "agent" }, admin.actor)).role).toBe("agent");
    expect((await refusal(setStaffDisabled(database.db, { userId: admin.id, disabled: true }, admin.actor))).code).toBe("conflict");
    // Make every other admin unable to sign in: the last one stays an admin.
    await database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.role, "admin"));
    await database.db.update(users).set({ disabledAt: null }).where(eq(users.id, admin.id));
    expect((await refusal(changeStaffRole(database.db, { userId: admin.id, role: "agent" }, admin.actor))).code).toBe("conflict");
    await database.db.update(users).set({ disabledAt: null }).where(eq(users.role, "admin"));
  });

  it("is for administrators only", async () => {
    const agent = await makeUser(database.db, "agent");
    const other = await makeUser(database.db, "agent");
    for (const call of [
      inviteStaff(database.db, { email: "x@test.example", name: "X", role: "admin", origin: ORIGIN }, agent.actor),
      changeStaffRole(database.db, { userId: other.id, role: "admin" }, agent.actor),
      setStaffDisabled(database.db, { userId: other.id, disabled: true }, agent.actor),
      resetStaffPassword(database.db, { userId: other.id, origin: ORIGIN }, agent.actor),
    ]) {
      expect((await refusal(call)).code).toBe("forbidden");
    }
  });
});

describe("your own password", () => {
  it("needs the current one, ends your other sessions at once and keeps this one", async () => {
    const customer = await makeUser(database.db, "customer");
    const here = await startSession(database.db, { userId: customer.id, kind: "web" });
    const elsewhere = await startSession(database.db, { userId: customer.id, kind: "storefront" });
    expect((await refusal(changeOwnPassword(database.db, { userId: customer.id, current: "wrong", password: "my new password!" }))).fields).toHaveProperty(
      "current",
    );
    const { endedSessions } = await changeOwnPassword(database.db, {
      userId: customer.id,
      current: customer.password,
      password: "my new password!",
      keepSessionToken: here.token,
    });
    expect(endedSessions).toBe(1);
    expect(await findSessionUser(database.db, here.token)).toBeDefined();
    expect(await findSessionUser(database.db, elsewhere.token)).toBeUndefined();
    expect(await verifyCredentials({ email: customer.email, password: "my new password!" }, "10.9.0.7")).not.toBeNull();
    expect(await verifyCredentials({ email: customer.email, password: customer.password }, "10.9.0.8")).toBeNull();
  });
});
