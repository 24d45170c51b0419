// Who hears what: every stream applies `hears`, so a customer's portal stream or a chat room's
// widget stream can never carry an internal note, or another customer's thread. Checked on the
// filter itself, and end to end through the reply path and the fan-out, on both drivers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { postInbound, postReply } from "@/lib/channels/reply";
import { createTestDatabase } from "@/e2e/support/test-db";
import { makeThread, makeUser } from "@/e2e/support/factories";
import { fanout, forListener, hears, type Listener, type StoredEvent } from "./index";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase({ useAsAppDatabase: true });
});
afterAll(async () => {
  await database.close();
});

describe("hears", () => {
  const staff: Listener = { kind: "staff" };
  const customer7: Listener = { kind: "customer", customerId: 7 };
  const room9: Listener = { kind: "room", threadId: 9 };

  it("lets staff hear staff events, a customer only their own, a room only its thread", () => {
    expect(hears(staff, { staff: true })).toBe(true);
    expect(hears(customer7, { staff: true })).toBe(false);
    expect(hears(room9, { staff: true })).toBe(false);
    expect(hears(customer7, { staff: true, customerId: 7, threadId: 9 })).toBe(true);
    expect(hears(customer7, { staff: true, customerId: 8, threadId: 9 })).toBe(false);
    expect(hears(room9, { staff: true, customerId: 7, threadId: 9 })).toBe(true);
    expect(hears(room9, { staff: true, customerId: 7, threadId: 10 })).toBe(false);
    expect(hears(staff, { staff: false, customerId: 7 })).toBe(false);
  });

  it("treats an event without an audience as staff-only", () => {
    expect(hears({ kind: "staff" }, undefined)).toBe(true);
    expect(hears(customer7, undefined)).toBe(false);
    expect(hears(room9, undefined)).toBe(false);
  });

  it("never lets a customer or a room match a missing id", () => {
    expect(hears({ kind: "customer", customerId: 0 }, { staff: true, customerId: null })).toBe(false);
    expect(hears({ kind: "room", threadId: 0 }, { staff: true, threadId: null })).toBe(false);
  });
});

describe("through the reply path and the fan-out", () => {
  it("an internal note reaches staff only; a reply reaches its own customer and room, no one else's", async () => {
    const db = database.db;
    const agent = await makeUser(db, "agent");
    const mine = await makeThread(db, { channel: "chat", messages: ["hello from the widget"] });
    const other = await makeThread(db, { channel: "chat", messages: ["someone else"] });
    const listeners: Record<string, Listener> = {
      staff: { kind: "staff" },
      customer: { kind: "customer", customerId: mine.customer.id },
      room: { kind: "room", threadId: mine.thread.id },
      otherCustomer: { kind: "customer", customerId: other.customer.id },
      otherRoom: { kind: "room", threadId: other.thread.id },
    };
    const heard: Record<string, StoredEvent[]> = {};
    const stops = Object.entries(listeners).map(([name, listener]) => fanout().subscribe(forListener(listener, (e) => (heard[name] ??= []).push(e))));
    await fanout().ready();

    const note = await postReply(db, { threadId: mine.thread.id, kind: "note", body: "internal: VIP, be quick" }, agent.actor);
    const reply = await postReply(db, { threadId: mine.thread.id, kind: "reply", body: "Hi! How can I help?" }, agent.actor);
    const visitor = await postInbound(
      db,
      { threadId: mine.thread.id, body: "my order is late" },
      { kind: "customer", customerId: mine.customer.id, name: "x" },
    );
    // The last of them has reached staff: everything before it has been fanned out too.
    await expect
      .poll(() => (heard.staff ?? []).some((e) => e.name === "message.created" && (e.data as { messageId: number }).messageId === visitor.message.id))
      .toBe(true);
    for (const stop of stops) stop();

    const ids = (name: string) => (heard[name] ?? []).filter((e) => e.name === "message.created").map((e) => (e.data as { messageId: number }).messageId);
    expect(ids("staff")).toEqual(expect.arrayContaining([note.message.id, reply.message.id, visitor.message.id]));
    for (const name of ["customer", "room"]) {
      expect(ids(name), name).toContain(reply.message.id);
      expect(ids(name), name).toContain(visitor.message.id);
      expect(ids(name), `${name} must never hear the internal note`).not.toContain(note.message.id);
    }
    for (const name of ["otherCustomer", "otherRoom"]) expect(heard[name] ?? [], name).toEqual([]);
    // Nothing a customer or room heard is internal, or names another thread.
    for (const name of ["customer", "room"]) {
      for (const e of heard[name] ?? []) {
        expect((e.data as { isInternal?: boolean }).isInternal ?? false).toBe(false);
        expect((e.data as { threadId: number }).threadId).toBe(mine.thread.id);
      }
    }
  });
});
