// Call requests inside: the public form's submission (validation, throttle), the agents' take /
// outcome / retry flow with its timeline, and the queue's order and filters. PGlite and PostgreSQL.
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { callRequestDetails, messages, threadEvents, threads } from "@/db/schema";
import { createTestDatabase } from "@/e2e/support/test-db";
import { makeUser, TEST_ACTOR } from "@/e2e/support/factories";
import { decodeQueueCursor, findCallAttempts, findCallQueue, findCallRequest } from "./queries";
import { parseTimeOfDay, queueFiltersSchema } from "./schemas";
import { createCallRequest, recordCallOutcome, submitCallbackRequest, takeCallRequest } from "./service";
import { resolveWindow } from "./window";
import { addDays, dayIn, zonedInstant } from "@/lib/i18n/zones";

let database: Database;
let agent: Awaited<ReturnType<typeof makeUser>>;
let other: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  database = await createTestDatabase();
  agent = await makeUser(database.db, "agent", { name: "Ayşe Agent" });
  other = await makeUser(database.db, "agent", { name: "Sam Other" });
});
afterAll(async () => {
  await database.close();
});

const headersFrom = (ip: string) => new Headers({ "x-forwarded-for": ip });

describe("parseTimeOfDay", () => {
  it.each([
    ["9:00", 540],
    ["09:30", 570],
    ["9.30", 570],
    ["9", 540],
    ["9am", 540],
    ["12 am", 0],
    ["2:30 PM", 870],
    ["21:00", 1260],
    ["24:00", 1440],
    ["", null],
    ["soon", null],
    ["25:00", null],
    ["9:75", null],
    ["13pm", null],
  ])("%j → %j", (text, minutes) => {
    expect(parseTimeOfDay(text)).toBe(minutes);
  });
});

describe("the public form", () => {
  it("creates a call_request thread with its details, first message and window in one go", async () => {
    const result = await submitCallbackRequest(
      database.db,
      {
        name: "  Deniz Kaya ",
        phone: "+90 532 123 45 67",
        email: "",
        time_from: "09:00",
        time_to: "11:30",
        note: "About my order",
        product_id: "42",
        product: "Espresso Machine",
        order_id: "",
      },
      { headers: headersFrom("10.0.0.1"), locale: "tr" },
    );
    expect(result.ok).toBe(true);
    const id = (result as { id: number }).id;
    const [thread] = await database.db.select().from(threads).where(eq(threads.id, id));
    expect(thread).toMatchObject({ channel: "call_request", channelState: "new", status: "open", customerName: "Deniz Kaya", locale: "tr", unreadCount: 1 });
    const [details] = await database.db.select().from(callRequestDetails).where(eq(callRequestDetails.threadId, id));
    expect(details).toMatchObject({
      name: "Deniz Kaya",
      phone: "+90 532 123 45 67",
      email: null,
      timeFrom: "09:00",
      timeTo: "11:30",
      windowStartMinutes: 540,
      windowEndMinutes: 690,
      productId: 42,
      productName: "Espresso Machine",
      orderId: null,
      notes: "About my order",
    });
    const [first] = await database.db.select().from(messages).where(eq(messages.threadId, id));
    expect(first!.body).toContain("+90 532 123 45 67");
    expect(first!.body).toContain("About my order");
    expect(first!.authorRole).toBe("customer");
  });

  it("answers with error codes: name, a way to reach them, formats, window order, lengths", async () => {
    const check = async (raw: Record<string, unknown>) => {
      const result = await submitCallbackRequest(database.db, raw, { headers: headersFrom("10.0.0.2"), locale: "en" });
      expect(result.ok).toBe(false);
      return (result as { fields: Record<string, string[]> }).fields;
    };
    expect(await check({ name: "", phone: "+90 555 555 55 55" })).toEqual({ name: ["name_required"] });
    expect(await check({ name: "A" })).toEqual({ phone: ["contact_required"] });
    expect(await check({ name: "A", phone: "call me" })).toEqual({ phone: ["phone_invalid"] });
    expect(await check({ name: "A", phone: "12" })).toEqual({ phone: ["phone_invalid"] });
    expect(await check({ name: "A", email: "nope" })).toEqual({ email: ["email_invalid"] });
    expect(await check({ name: "A", email: "a@b.example", time_from: "9am" })).toEqual({ time_from: ["time_invalid"] });
    expect(await check({ name: "A", email: "a@b.example", time_from: "11:00", time_to: "10:00" })).toEqual({ time_to: ["window_order"] });
    expect(await check({ name: "A", email: "a@b.example", note: "x".repeat(2001) })).toEqual({ note: ["too_long"] });
    expect(await check({ name: "x".repeat(121), email: "a@b.example" })).toEqual({ name: ["too_long"] });
  });

  it("ignores nonsense product and order ids instead of failing", async () => {
    const result = await submitCallbackRequest(
      database.db,
      { name: "A", email: "a@b.example", product_id: "abc", order_id: "-4" },
      { headers: headersFrom("10.0.0.3"), locale: "en" },
    );
    expect(result.ok).toBe(true);
    const row = await findCallRequest(database.db, (result as { id: number }).id);
    expect(row).toMatchObject({ productId: null, orderId: null });
  });

  it("throttles per IP: valid submissions beyond the limit are refused and write nothing", async () => {
    process.env.CALLBACK_LIMIT_IP_MAX = "2";
    try {
      const form = { name: "Spammy", phone: "+1 555 0100" };
      const ip = headersFrom("10.9.9.9");
      const before = (await database.db.select().from(threads)).length;
      expect((await submitCallbackRequest(database.db, form, { headers: ip, locale: "en" })).ok).toBe(true);
      expect((await submitCallbackRequest(database.db, form, { headers: ip, locale: "en" })).ok).toBe(true);
      const third = await submitCallbackRequest(database.db, form, { headers: ip, locale: "en" });
      expect(third).toMatchObject({ ok: false, error: "rate_limited" });
      expect((third as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
      expect((await database.db.select().from(threads)).length).toBe(before + 2);
      // Another address is not affected; invalid submissions do not count.
      expect((await submitCallbackRequest(database.db, form, { headers: headersFrom("10.9.9.10"), locale: "en" })).ok).toBe(true);
      expect((await submitCallbackRequest(database.db, { name: "" }, { headers: headersFrom("10.9.9.11"), locale: "en" })).ok).toBe(false);
      expect((await submitCallbackRequest(database.db, { name: "" }, { headers: headersFrom("10.9.9.11"), locale: "en" })).ok).toBe(false);
      expect((await submitCallbackRequest(database.db, form, { headers: headersFrom("10.9.9.11"), locale: "en" })).ok).toBe(true);
    } finally {
      delete process.env.CALLBACK_LIMIT_IP_MAX;
    }
  });
});

describe("take, outcome, retry", () => {
  it("walks new → in_progress → no_answer → in_progress (retry) → completed, keeping each attempt", async () => {
    const thread = await createCallRequest(database.db, { name: "Retry Me", phone: "+90 555 000 00 01" }, TEST_ACTOR);
    await takeCallRequest(database.db, { id: thread.id }, agent.actor);
    let row = await findCallRequest(database.db, thread.id);
    expect(row).toMatchObject({ status: "in_progress", assigneeId: agent.id, assigneeName: "Ayşe Agent" });

    // Someone else cannot take it or record for it meanwhile.
    await expect(takeCallRequest(database.db, { id: thread.id }, other.actor)).rejects.toMatchObject({ code: "conflict" });
    await expect(recordCallOutcome(database.db, { id: thread.id, outcome: "completed", note: "" }, other.actor)).rejects.toMatchObject({ code: "conflict" });

    await recordCallOutcome(database.db, { id: thread.id, outcome: "no_answer", note: "Voicemail, try after 14:00" }, agent.actor);
    row = await findCallRequest(database.db, thread.id);
    expect(row).toMatchObject({ status: "no_answer", threadStatus: "open", notes: "Voicemail, try after 14:00" });
    // An outcome needs the request taken first.
    await expect(recordCallOutcome(database.db, { id: thread.id, outcome: "completed", note: "" }, agent.actor)).rejects.toMatchObject({ code: "conflict" });

    await takeCallRequest(database.db, { id: thread.id }, other.actor); // the retry can be anyone's
    await recordCallOutcome(database.db, { id: thread.id, outcome: "completed", note: "Address changed" }, other.actor);
    row = await findCallRequest(database.db, thread.id);
    expect(row).toMatchObject({ status: "completed", threadStatus: "closed", assigneeId: other.id, notes: "Address changed" });
    await expect(takeCallRequest(database.db, { id: thread.id }, agent.actor)).rejects.toMatchObject({ code: "conflict" });

    const attempts = (await findCallAttempts(database.db, [thread.id])).get(thread.id)!;
    expect(attempts.map((a) => [a.attempt, a.outcome, a.note, a.actorName])).toEqual([
      [1, "no_answer", "Voicemail, try after 14:00", "Ayşe Agent"],
      [2, "completed", "Address changed", "Sam Other"],
    ]);
    const notes = await database.db.select().from(messages).where(eq(messages.threadId, thread.id)).orderBy(asc(messages.id));
    expect(notes.filter((m) => m.isInternal).map((m) => m.body)).toEqual([
      "Call attempt 1: no answer. Voicemail, try after 14:00",
      "Call attempt 2: completed. Address changed",
    ]);
    const log = await database.db.select().from(threadEvents).where(eq(threadEvents.threadId, thread.id)).orderBy(asc(threadEvents.id));
    expect(log.map((e) => e.type)).toEqual(["created", "assigned", "state", "state", "assigned", "state", "state", "closed"]);
  });

  it("taking your own in-progress request again changes nothing", async () => {
    const thread = await createCallRequest(database.db, { phone: "+90 555 000 00 02" }, TEST_ACTOR);
    await takeCallRequest(database.db, { id: thread.id }, agent.actor);
    const before = (await database.db.select().from(threadEvents).where(eq(threadEvents.threadId, thread.id))).length;
    await takeCallRequest(database.db, { id: thread.id }, agent.actor);
    expect((await database.db.select().from(threadEvents).where(eq(threadEvents.threadId, thread.id))).length).toBe(before);
  });

  it("refuses requests that do not exist or belong to another channel", async () => {
    await expect(takeCallRequest(database.db, { id: 987654321 }, agent.actor)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the queue", () => {
  const company = 777;
  beforeAll(async () => {
    const at = (min: number) => new Date(Date.parse("2026-03-01T08:00:00Z") + min * 60_000);
    const make = (name: string, extra: Record<string, unknown>) =>
      createCallRequest(database.db, { name, phone: "+90 555 123 00 00", companyId: company, ...extra }, TEST_ACTOR).then((t) => t.id);
    await make("Q late old", { timeFrom: "16:00", timeTo: "17:00", createdAt: at(0) });
    await make("Q early new", { timeFrom: "9:00", timeTo: "10:00", createdAt: at(30) });
    await make("Q early old", { timeFrom: "09:00", timeTo: "09:30", createdAt: at(10) });
    await make("Q no window", { createdAt: at(-100) });
    await make("Q mid order", { timeFrom: "12:00", timeTo: "13:00", orderId: 5, createdAt: at(5) });
    await make("Q done", { timeFrom: "08:00", timeTo: "09:00", status: "completed", createdAt: at(1) });
    await make("Q mine", { timeFrom: "11:00", timeTo: "12:00", status: "in_progress", assigneeId: agent.id, createdAt: at(2) });
  });
  const names = async (raw: Record<string, string | undefined>, limit = 200) => {
    const { rows } = await findCallQueue(database.db, queueFiltersSchema.parse(raw), { me: agent.id, limit });
    return rows.filter((r) => r.name.startsWith("Q ")).map((r) => r.name);
  };

  it("sorts by the window's start, then oldest first; no window last; active statuses by default", async () => {
    expect(await names({})).toEqual(["Q early old", "Q early new", "Q mine", "Q mid order", "Q late old", "Q no window"]);
  });
  it("filters by status, assignee and order", async () => {
    expect(await names({ status: "completed" })).toEqual(["Q done"]);
    expect(await names({ status: "all" })).toHaveLength(7);
    expect(await names({ status: "in_progress" })).toEqual(["Q mine"]);
    expect(await names({ assignee: "me" })).toEqual(["Q mine"]);
    expect(await names({ assignee: String(agent.id) })).toEqual(["Q mine"]);
    expect(await names({ assignee: String(other.id) })).toEqual([]);
    expect(await names({ assignee: "none", order: "N" })).toEqual(["Q early old", "Q early new", "Q late old", "Q no window"]);
    expect(await names({ order: "Y" })).toEqual(["Q mid order"]);
    expect(await names({ status: "bogus", assignee: "drop table", order: "maybe" })).toHaveLength(6); // nonsense → defaults
  });
  it("pages by keyset in the same order, without gaps or repeats", async () => {
    const seen: { id: number; name: string }[] = [];
    let cursor = null;
    do {
      const page: Awaited<ReturnType<typeof findCallQueue>> = await findCallQueue(database.db, queueFiltersSchema.parse({ status: "all" }), {
        me: agent.id,
        limit: 2,
        cursor,
      });
      seen.push(...page.rows);
      cursor = decodeQueueCursor(page.nextCursor);
    } while (cursor);
    const { rows: all } = await findCallQueue(database.db, queueFiltersSchema.parse({ status: "all" }), { me: agent.id, limit: 200 });
    expect(seen.map((r) => r.id)).toEqual(all.map((r) => r.id));
    expect(new Set(seen.map((r) => r.id)).size).toBe(seen.length);
    expect(seen.filter((r) => r.name.startsWith("Q ")).map((r) => r.name)).toEqual(await names({ status: "all" }));
  });
});

describe("call-back windows on a calendar (defect 3)", () => {
  const day = (offset: number, zone: string) => addDays(dayIn(new Date(), zone), offset);

  it("resolves a window's real start and end in the customer's zone, across a DST change too", () => {
    const w = resolveWindow({ date: "2026-07-01", timeFrom: "09:00", timeTo: "10:00", zone: "Europe/Istanbul", from: new Date("2026-06-01T00:00:00Z") });
    expect(w).toEqual({ date: "2026-07-01", zone: "Europe/Istanbul", startsAt: new Date("2026-07-01T06:00:00Z"), endsAt: new Date("2026-07-01T07:00:00Z") });
    const ny = resolveWindow({ date: "2026-03-08", timeFrom: "09:00", timeTo: "10:00", zone: "America/New_York", from: new Date("2026-03-01T00:00:00Z") });
    expect(ny.startsAt.toISOString()).toBe("2026-03-08T13:00:00.000Z"); // EDT began at 02:00 that day
    // No day: the next one whose window has not ended (a client that sends only times).
    const later = resolveWindow({ timeFrom: "9:00", timeTo: "10:00", zone: "UTC", from: new Date("2026-05-14T15:00:00Z") });
    expect(later.date).toBe("2026-05-15");
    const today = resolveWindow({ timeFrom: "16:00", timeTo: "18:00", zone: "UTC", from: new Date("2026-05-14T15:00:00Z") });
    expect(today.date).toBe("2026-05-14");
  });

  it("the form stores the day and the zone beside the times, and refuses a window that has passed", async () => {
    const zone = "Pacific/Auckland";
    const ok = await submitCallbackRequest(
      database.db,
      { name: "Kiri", phone: "+64 21 555 1234", date: day(1, zone), time_zone: zone, time_from: "09:00", time_to: "10:00" },
      { headers: headersFrom("10.0.9.1"), locale: "en" },
    );
    expect(ok.ok).toBe(true);
    const [d] = await database.db
      .select()
      .from(callRequestDetails)
      .where(eq(callRequestDetails.threadId, (ok as { id: number }).id));
    expect(d).toMatchObject({ windowDate: day(1, zone), windowZone: zone, timeFrom: "09:00", timeTo: "10:00" });
    expect(d!.windowStartsAt!.getTime()).toBe(zonedInstant(day(1, zone), 540, zone).getTime());
    expect(d!.windowEndsAt!.getTime() - d!.windowStartsAt!.getTime()).toBe(60 * 60_000);

    const refuse = async (raw: Record<string, unknown>) => {
      const result = await submitCallbackRequest(
        database.db,
        { name: "Kiri", phone: "+64 21 555 1234", ...raw },
        { headers: headersFrom("10.0.9.2"), locale: "en" },
      );
      expect(result.ok).toBe(false);
      return (result as { fields: Record<string, string[]> }).fields;
    };
    // Yesterday, and today's hours that have gone (00:00–00:15 is always over by the time a test runs, but at midnight).
    expect(await refuse({ date: day(-1, zone), time_zone: zone, time_from: "09:00", time_to: "10:00" })).toEqual({ date: ["window_past"] });
    expect(await refuse({ date: day(-1, zone), time_zone: zone })).toEqual({ date: ["window_past"] });
    expect(await refuse({ date: "2026-13-45", time_zone: zone })).toEqual({ date: ["date_invalid"] });
    const hour = Number(new Date().toLocaleString("en-GB", { timeZone: "UTC", hour: "2-digit", hourCycle: "h23" }));
    if (hour >= 1) expect(await refuse({ date: day(0, "UTC"), time_zone: "UTC", time_from: "00:00", time_to: "00:30" })).toEqual({ time_to: ["window_past"] });
  });

  it("an unknown zone falls back to the desk's; no times and no day is 'any time' (no window)", async () => {
    const odd = await submitCallbackRequest(
      database.db,
      { name: "Odd", email: "odd@example.com", date: day(2, "UTC"), time_zone: "Mars/Olympus", time_from: "10:00" },
      { headers: headersFrom("10.0.9.3"), locale: "en" },
    );
    const [d] = await database.db
      .select()
      .from(callRequestDetails)
      .where(eq(callRequestDetails.threadId, (odd as { id: number }).id));
    expect(d).toMatchObject({ windowZone: "UTC", windowDate: day(2, "UTC") });
    expect(d!.windowEndsAt!.toISOString()).toBe(`${addDays(day(2, "UTC"), 1)}T00:00:00.000Z`);
    const any = await createCallRequest(database.db, { name: "Any", phone: "+90 555 000 11 22" }, TEST_ACTOR);
    const [a] = await database.db.select().from(callRequestDetails).where(eq(callRequestDetails.threadId, any.id));
    expect(a).toMatchObject({ windowDate: null, windowZone: null, windowStartsAt: null });
  });

  it("an old request's window is on the day it was asked, not today; the first message says the day, in the customer's language", async () => {
    const asked = new Date(Date.now() - 31 * 86_400_000);
    const old = await createCallRequest(
      database.db,
      { name: "Eski", phone: "+90 555 000 33 44", timeFrom: "9:00", timeTo: "10:00", createdAt: asked, locale: "tr" },
      TEST_ACTOR,
    );
    const [d] = await database.db.select().from(callRequestDetails).where(eq(callRequestDetails.threadId, old.id));
    expect(d!.windowEndsAt!.getTime()).toBeLessThan(asked.getTime() + 2 * 86_400_000);
    const [first] = await database.db.select().from(messages).where(eq(messages.threadId, old.id));
    expect(first!.body).toMatch(/^Lütfen beni \+90 555 000 33 44 üzerinden arayın, \d{4}-\d{2}-\d{2} 9:00–10:00 \(UTC\)\./);
  });
});
