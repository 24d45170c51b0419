// Server-side sessions: a token is only as good as its row — ended, expired or belonging to a
// disabled account, it opens nothing, on PGlite and PostgreSQL.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { createTestDatabase } from "@/e2e/support/test-db";
import { makeUser } from "@/e2e/support/factories";
import { endSession, endUserSessions, findSessionUser, startSession } from "./sessions";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe("sessions", () => {
  it("finds the user behind a live token, of the right kind, with letters and digits only", async () => {
    const db = database.db;
    const user = await makeUser(db, "customer");
    const { token } = await startSession(db, { userId: user.id, kind: "storefront" });
    expect(token).toMatch(/^\w+$/);
    expect((await findSessionUser(db, token))?.user.id).toBe(user.id);
    expect((await findSessionUser(db, token, "storefront"))?.user.id).toBe(user.id);
    expect(await findSessionUser(db, token, "web")).toBeUndefined();
    expect(await findSessionUser(db, `${token.slice(0, -1)}${token.endsWith("0") ? "1" : "0"}`)).toBeUndefined();
    expect(await findSessionUser(db, "not a token")).toBeUndefined();
    expect(await findSessionUser(db, undefined)).toBeUndefined();
    // Only the hash is stored.
    const rows = await db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows.map((r) => r.tokenHash)).not.toContain(token);
  });

  it("ends one session at sign-out, every other one when the account changes, and refuses disabled and expired ones", async () => {
    const db = database.db;
    const user = await makeUser(db, "agent");
    const a = await startSession(db, { userId: user.id, kind: "web" });
    const b = await startSession(db, { userId: user.id, kind: "web" });
    const c = await startSession(db, { userId: user.id, kind: "web" });
    expect(await endSession(db, a.token)).toBe(true);
    expect(await findSessionUser(db, a.token)).toBeUndefined();
    expect(await endSession(db, a.token)).toBe(false);
    expect(await endUserSessions(db, { userId: user.id, keepToken: c.token })).toBe(1);
    expect(await findSessionUser(db, b.token)).toBeUndefined();
    expect((await findSessionUser(db, c.token))?.user.id).toBe(user.id);

    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect(await findSessionUser(db, c.token)).toBeUndefined();

    const other = await makeUser(db, "agent");
    const expired = await startSession(db, { userId: other.id, kind: "web", ttlSeconds: -1 });
    expect(await findSessionUser(db, expired.token)).toBeUndefined();
  });
});
