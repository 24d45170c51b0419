// The agent workspace's services (issue 16), on PGlite and on PostgreSQL: tags, saved views and
// their counts, bulk actions and their undo, snooze (until a time, until the customer writes),
// auto-assign and round-robin, drafts and "… is replying", @mentions, spam (the sender blocked
// from the contact form), the trash, merging threads and customers, the call request's panel actions.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Database } from "@/db/client";
import * as s from "@/db/schema";
import { channelEntry } from "@/lib/channels/registry";
import { postInbound, postReply } from "@/lib/channels/reply";
import { submitContact } from "@/lib/contact/service";
import { findCustomerProfile } from "@/lib/customers/queries";
import { isSenderBlocked, mergeCustomers, updateCustomerProfile } from "@/lib/customers/service";
import { deleteDraft, findDraft, saveDraft, signalTyping } from "@/lib/drafts/service";
import { fanout, type StoredEvent } from "@/lib/events";
import { renderSavedReply } from "@/lib/saved-replies/render";
import { findSavedReplies } from "@/lib/saved-replies/queries";
import { deleteSavedReply, saveSavedReply } from "@/lib/saved-replies/service";
import { saveTag, deleteTag } from "@/lib/tags/service";
import { recordAgentPresence, saveAssignmentSettings } from "@/lib/threads/assignment";
import { findInboxThreads } from "@/lib/threads/queries";
import { sweepThreads } from "@/lib/threads/sweep";
import { createView, deleteView } from "@/lib/views/service";
import { createTestDatabase } from "@/e2e/support/test-db";
import { ensureContactSubject, makeThread, makeUser, TEST_ACTOR } from "@/e2e/support/factories";
import { runBulkAction, undoBulkAction } from "./bulk";
import { listInbox } from "./list";
import { mergeThreads } from "./merge";
import { changeSnooze, changeSpam, changeThreadTags, deleteThread, restoreDeletedThread, uploadDraftAttachments } from "./service";
import { findSidebar } from "./sidebar";
import { findThreadView, findViewers } from "./thread-view";

let database: Database;
let agent: Awaited<ReturnType<typeof makeUser>>;
let other: Awaited<ReturnType<typeof makeUser>>;
let admin: Awaited<ReturnType<typeof makeUser>>;
type Staff = Extract<typeof TEST_ACTOR, never> | { kind: "staff"; userId: number; name: string; role: s.Role };
const staff = (u: { id: number; name: string; role: s.Role }) => ({ kind: "staff", userId: u.id, name: u.name, role: u.role }) as const;

beforeAll(async () => {
  database = await createTestDatabase({ useAsAppDatabase: true });
  agent = await makeUser(database.db, "agent", { name: "Ayla Agent" });
  other = await makeUser(database.db, "agent", { name: "Sam Other" });
  admin = await makeUser(database.db, "admin", { name: "Ada Admin" });
});
afterAll(async () => {
  await database.close();
});

const row = async (id: number) => (await database.db.select().from(s.threads).where(eq(s.threads.id, id)))[0]!;
const openIds = async (filters: Parameters<typeof findInboxThreads>[1] = { status: "open" }) =>
  (await findInboxThreads(database.db, filters, { limit: 200 })).threads.map((t) => t.id);

describe("tags", () => {
  it("are managed by admins, applied to threads, shown and filtered in the list, and leave threads when deleted", async () => {
    const db = database.db;
    const vip = await saveTag(db, { name: "vip-t", color: "amber" }, staff(admin));
    const late = await saveTag(db, { name: "late-t", color: "red" }, staff(admin));
    await expect(saveTag(db, { name: "VIP-T", color: "slate" }, staff(admin))).rejects.toThrow(/already/);
    const { thread } = await makeThread(db, { channel: "contact" });
    expect(await changeThreadTags(db, { threadId: thread.id, add: [vip, late], remove: [] }, staff(agent))).toEqual({ tagIds: [vip, late] });
    expect((await changeThreadTags(db, { threadId: thread.id, add: [], remove: [late] }, staff(agent))).tagIds).toEqual([vip]);
    expect(await openIds({ status: "open", tagId: vip })).toEqual([thread.id]);
    const page = await listInbox(db, new URLSearchParams(`tag=${vip}`), agent.id);
    expect(page.threads.map((t) => [t.id, t.tagIds])).toEqual([[thread.id, [vip]]]);
    const events = await queryRows<{ type: string; data: unknown }>(
      db,
      sql`select type, data from thread_events where thread_id = ${thread.id} and type = 'tagged' order by id`,
    );
    expect(events.map((e) => e.data)).toEqual([
      { added: [vip, late], removed: [] },
      { added: [], removed: [late] },
    ]);
    await deleteTag(db, { id: vip }, staff(admin));
    expect((await row(thread.id)).tagIds).toEqual([]);
  });
});

describe("saved replies", () => {
  it("fill in their variables, per language; the team's are the admins' to change, an agent's their own", async () => {
    const db = database.db;
    await db
      .insert(s.languages)
      .values([
        { code: "en", name: "English", isDefault: true },
        { code: "tr", name: "Türkçe" },
      ])
      .onConflictDoNothing();
    const team = await saveSavedReply(
      db,
      { title: "Refund sent", scope: "team", bodies: { en: "Hi {{customer.first_name}}, refund sent. {{agent.name}}", tr: "Merhaba {{customer.first_name}}" } },
      staff(admin),
    );
    await expect(saveSavedReply(db, { title: "Nope", scope: "team", bodies: { en: "x" } }, staff(agent))).rejects.toMatchObject({ code: "forbidden" });
    await expect(saveSavedReply(db, { id: team, title: "Changed", scope: "team", bodies: { en: "x" } }, staff(agent))).rejects.toMatchObject({
      code: "forbidden",
    });
    const mine = await saveSavedReply(
      db,
      { title: "My sign-off", scope: "mine", bodies: { en: "Cheers, {{agent.first_name}} ({{thread.reference}})" } },
      staff(agent),
    );
    // Another agent neither sees nor changes it.
    expect((await findSavedReplies(db, other.id)).map((r) => r.id)).toEqual([team]);
    await expect(deleteSavedReply(db, { id: mine }, staff(other))).rejects.toMatchObject({ code: "not_found" });
    const list = await findSavedReplies(db, agent.id);
    expect(list.map((r) => r.title)).toEqual(["My sign-off", "Refund sent"]);
    expect(list.find((r) => r.id === team)!.bodies).toEqual({
      en: "Hi {{customer.first_name}}, refund sent. {{agent.name}}",
      tr: "Merhaba {{customer.first_name}}",
    });
    const context = { customer: { name: "Sofia Taylor" }, agent: { name: "Ayla Agent" }, thread: { id: 327, subject: "Refund" } };
    expect(renderSavedReply("Hi {{customer.first_name}}, {{ agent.name }} · {{thread.reference}} {{unknown.x}}", context)).toBe(
      "Hi Sofia, Ayla Agent · #327 {{unknown.x}}",
    );
  });
});

describe("saved views", () => {
  it("keep the list's filters, private or shared, and count in the sidebar's one statement", async () => {
    const db = database.db;
    const { thread } = await makeThread(db, { channel: "chat", subject: "views subject zz" });
    const mine = await createView(db, { name: "My chats", shared: false, filters: { channel: "chat", assignee: "me", q: "ignored" } }, staff(agent));
    const team = await createView(db, { name: "Subject zz", shared: true, filters: { subject: "subject zz" } }, staff(agent));
    const sidebar = await findSidebar(db, agent.id);
    expect(sidebar.views.map((v) => v.name).sort()).toEqual(["My chats", "Subject zz"]);
    expect(sidebar.views.find((v) => v.id === mine)!.filters).toEqual({ channel: "chat", assignee: "me" });
    expect(sidebar.counts.views[team]).toBe(1);
    expect(sidebar.counts.views[mine]).toBe(0);
    // The other agent sees the shared one only, and may not delete it; an admin may.
    expect((await findSidebar(db, other.id)).views.map((v) => v.id)).toEqual([team]);
    await expect(deleteView(db, { id: team }, staff(other))).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteView(db, { id: mine }, staff(other))).rejects.toMatchObject({ code: "not_found" });
    await deleteView(db, { id: team }, staff(admin));
    void thread;
  });
});

describe("bulk actions", () => {
  it("close, assign, tag, read and snooze many threads in one transaction, and undo puts each back", async () => {
    const db = database.db;
    const made = await Promise.all([0, 1, 2].map(() => makeThread(db, { channel: "contact" })));
    const ids = made.map((m) => m.thread.id);
    const tag = await saveTag(db, { name: "bulk-t", color: "sky" }, staff(admin));
    await changeThreadTags(db, { threadId: ids[0]!, add: [tag], remove: [] }, staff(agent));

    const closed = await runBulkAction(db, { action: "status", threadIds: ids, status: "closed" }, staff(agent));
    expect(closed).toMatchObject({ changed: 3, skipped: 0 });
    expect((await Promise.all(ids.map(row))).map((t) => t.status)).toEqual(["closed", "closed", "closed"]);
    // Someone else cannot undo it; its author can, once.
    await expect(undoBulkAction(db, { operationId: closed.operationId! }, staff(other))).rejects.toMatchObject({ code: "not_found" });
    expect(await undoBulkAction(db, { operationId: closed.operationId! }, staff(agent))).toEqual({ restored: 3 });
    expect((await Promise.all(ids.map(row))).map((t) => t.status)).toEqual(["open", "open", "open"]);
    await expect(undoBulkAction(db, { operationId: closed.operationId! }, staff(agent))).rejects.toMatchObject({ code: "not_found" });

    const assigned = await runBulkAction(db, { action: "assign", threadIds: ids, assigneeId: "me" }, staff(agent));
    expect((await Promise.all(ids.map(row))).map((t) => t.assigneeId)).toEqual([agent.id, agent.id, agent.id]);
    await undoBulkAction(db, { operationId: assigned.operationId! }, staff(agent));
    expect((await Promise.all(ids.map(row))).map((t) => t.assigneeId)).toEqual([null, null, null]);

    const tagged = await runBulkAction(db, { action: "tag", threadIds: ids, add: [tag], remove: [] }, staff(agent));
    expect(tagged.changed).toBe(2); // the first had it already
    await undoBulkAction(db, { operationId: tagged.operationId! }, staff(agent));
    expect((await Promise.all(ids.map(row))).map((t) => t.tagIds)).toEqual([[tag], [], []]);

    const read = await runBulkAction(db, { action: "read", threadIds: ids, read: true }, staff(agent));
    expect((await Promise.all(ids.map(row))).map((t) => t.unreadCount)).toEqual([0, 0, 0]);
    await undoBulkAction(db, { operationId: read.operationId! }, staff(agent));
    expect((await Promise.all(ids.map(row))).map((t) => t.unreadCount)).toEqual([1, 1, 1]);

    const until = new Date(Date.now() + 3_600_000);
    const snoozed = await runBulkAction(db, { action: "snooze", threadIds: ids, until }, staff(agent));
    expect(snoozed.changed).toBe(3);
    for (const id of ids) expect(await openIds()).not.toContain(id);
    await undoBulkAction(db, { operationId: snoozed.operationId! }, staff(agent));
    for (const id of ids) expect(await openIds()).toContain(id);
  });

  it("refuses a snooze in the past and an assignee who is not staff, changing nothing", async () => {
    const db = database.db;
    const { thread, customer } = await makeThread(db, { channel: "contact" });
    await expect(runBulkAction(db, { action: "snooze", threadIds: [thread.id], until: new Date(Date.now() - 1000) }, staff(agent))).rejects.toMatchObject({
      code: "invalid",
    });
    const [user] = await db
      .insert(s.users)
      .values({ email: `c-${thread.id}@x.example`, name: "C", role: "customer", passwordHash: "x" })
      .returning();
    await expect(runBulkAction(db, { action: "assign", threadIds: [thread.id], assigneeId: user!.id }, staff(agent))).rejects.toMatchObject({
      code: "invalid",
    });
    expect((await row(thread.id)).assigneeId).toBeNull();
    void customer;
  });
});

describe("snooze", () => {
  it("leaves the open views at once and comes back when its time has come, by the database's clock", async () => {
    const db = database.db;
    const { thread } = await makeThread(db, { channel: "contact" });
    await changeSnooze(db, { threadId: thread.id, snooze: { until: new Date(Date.now() + 60_000) } }, staff(agent));
    expect(await openIds()).not.toContain(thread.id);
    expect(await openIds({ status: "open", snoozed: true })).toContain(thread.id);
    expect(await openIds({ status: "all" })).toContain(thread.id);
    // Its time comes (moved into the past here): every view shows it at once, before any sweep.
    await db
      .update(s.threads)
      .set({ snoozeUntil: new Date(Date.now() - 1000) })
      .where(eq(s.threads.id, thread.id));
    expect(await openIds()).toContain(thread.id);
    // The sweep records the wake-up and tells everyone.
    const heard: StoredEvent[] = [];
    const stop = fanout().subscribe((e) => heard.push(e));
    await fanout().ready();
    expect((await sweepThreads(db)).woken).toBeGreaterThanOrEqual(1);
    expect((await row(thread.id)).snoozedAt).toBeNull();
    await expect
      .poll(() => heard.some((e) => e.name === "thread.snoozed" && (e.data as { threadId: number; snoozed: boolean }).threadId === thread.id))
      .toBe(true);
    stop();
  });

  it("until the customer replies: a new message from them wakes it; our own reply does not", async () => {
    const db = database.db;
    const { thread, customer } = await makeThread(db, { channel: "contact" });
    await changeSnooze(db, { threadId: thread.id, snooze: { until: null } }, staff(agent));
    await postReply(db, { threadId: thread.id, kind: "note", body: "waiting for them" }, staff(agent));
    expect(await openIds()).not.toContain(thread.id);
    await postInbound(db, { threadId: thread.id, body: "any news?" }, { kind: "customer", customerId: customer.id, name: customer.name });
    expect(await openIds()).toContain(thread.id);
    expect((await row(thread.id)).snoozedAt).toBeNull();
  });

  it("refuses to snooze a closed thread, or into the past", async () => {
    const db = database.db;
    const { thread } = await makeThread(db, { channel: "contact" });
    await expect(changeSnooze(db, { threadId: thread.id, snooze: { until: new Date(Date.now() - 5) } }, staff(agent))).rejects.toMatchObject({
      code: "invalid",
    });
    await db.update(s.threads).set({ status: "closed" }).where(eq(s.threads.id, thread.id));
    await expect(changeSnooze(db, { threadId: thread.id, snooze: { until: null } }, staff(agent))).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("auto-assign", () => {
  it("gives an unassigned thread to the agent who replies, when the setting says so", async () => {
    const db = database.db;
    const a = await makeThread(db, { channel: "contact" });
    await postReply(db, { threadId: a.thread.id, kind: "reply", body: "Hello" }, staff(agent));
    expect((await row(a.thread.id)).assigneeId).toBeNull();
    await saveAssignmentSettings(db, { assignOnReply: true, roundRobin: false });
    const b = await makeThread(db, { channel: "contact" });
    await postReply(db, { threadId: b.thread.id, kind: "note", body: "a note does not" }, staff(agent));
    expect((await row(b.thread.id)).assigneeId).toBeNull();
    await postReply(db, { threadId: b.thread.id, kind: "reply", body: "Hello" }, staff(agent));
    expect((await row(b.thread.id)).assigneeId).toBe(agent.id);
    await postReply(db, { threadId: b.thread.id, kind: "reply", body: "Me too" }, staff(other));
    expect((await row(b.thread.id)).assigneeId).toBe(agent.id);
    await saveAssignmentSettings(db, { assignOnReply: false, roundRobin: false });
  });

  it("round-robins new threads among the agents who are online, longest waiting first", async () => {
    const db = database.db;
    await saveAssignmentSettings(db, { assignOnReply: false, roundRobin: true });
    await db.delete(s.agentPresence);
    const nobody = await makeThread(db, { channel: "contact" });
    expect(nobody.thread.assigneeId).toBeNull();
    await recordAgentPresence(db, staff(agent));
    await recordAgentPresence(db, staff(other));
    const given = [];
    for (let i = 0; i < 4; i++) given.push((await makeThread(db, { channel: "contact" })).thread.assigneeId);
    expect(new Set(given)).toEqual(new Set([agent.id, other.id]));
    expect(given[0]).not.toBe(given[1]);
    expect(given[2]).toBe(given[0]);
    // Offline agents get none.
    await db
      .update(s.agentPresence)
      .set({ seenAt: new Date(Date.now() - 10 * 60_000) })
      .where(eq(s.agentPresence.userId, other.id));
    expect((await makeThread(db, { channel: "contact" })).thread.assigneeId).toBe(agent.id);
    expect((await makeThread(db, { channel: "contact" })).thread.assigneeId).toBe(agent.id);
    await saveAssignmentSettings(db, { assignOnReply: false, roundRobin: false });
  });
});

describe("drafts", () => {
  it("are kept per agent per thread with their files, shown in the list and the thread view, and gone once sent", async () => {
    const db = database.db;
    const { thread } = await makeThread(db, { channel: "conversation" });
    const [file] = await uploadDraftAttachments(
      db,
      { threadId: thread.id, files: [{ name: "a.pdf", bytes: new TextEncoder().encode("%PDF-1.4\n%…\n") }] },
      staff(agent),
    );
    await saveDraft(db, { threadId: thread.id, kind: "reply", body: "Half-written answer", receivers: [], attachmentIds: [file!.id] }, staff(agent));
    // A colleague's file id is not taken into my draft.
    const [theirs] = await uploadDraftAttachments(
      db,
      { threadId: thread.id, files: [{ name: "b.pdf", bytes: new TextEncoder().encode("%PDF-1.4\n%b\n") }] },
      staff(other),
    );
    const saved = await saveDraft(
      db,
      { threadId: thread.id, kind: "reply", body: "Half-written answer", receivers: [], attachmentIds: [file!.id, theirs!.id] },
      staff(agent),
    );
    expect(saved!.attachments.map((a) => a.id)).toEqual([file!.id]);
    expect((await findThreadView(db, thread.id, { viewerId: agent.id }))!.draft).toMatchObject({
      body: "Half-written answer",
      attachments: [{ fileName: "a.pdf" }],
    });
    expect((await findThreadView(db, thread.id, { viewerId: other.id }))!.draft).toBeNull();
    const mine = await listInbox(db, new URLSearchParams("status=all"), agent.id);
    expect(mine.threads.find((t) => t.id === thread.id)!.hasDraft).toBe(true);
    const theirsList = await listInbox(db, new URLSearchParams("status=all"), other.id);
    expect(theirsList.threads.find((t) => t.id === thread.id)!.hasDraft).toBe(false);
    await postReply(db, { threadId: thread.id, kind: "reply", body: "Half-written answer, done", draftIds: [file!.id] }, staff(agent));
    expect(await findDraft(db, thread.id, agent.id)).toBeNull();
  });

  it("an empty draft is deleted; deleting is idempotent", async () => {
    const db = database.db;
    const { thread } = await makeThread(db, { channel: "conversation" });
    await saveDraft(db, { threadId: thread.id, kind: "note", body: "x", receivers: [], attachmentIds: [] }, staff(agent));
    expect(await saveDraft(db, { threadId: thread.id, kind: "note", body: "   ", receivers: [], attachmentIds: [] }, staff(agent))).toBeNull();
    expect(await findDraft(db, thread.id, agent.id)).toBeNull();
    await deleteDraft(db, { threadId: thread.id }, staff(agent));
  });

  it("a typing signal shows '… is replying' to colleagues, through the presence rows and an event", async () => {
    const db = database.db;
    const { thread } = await makeThread(db, { channel: "conversation" });
    const heard: StoredEvent[] = [];
    const stop = fanout().subscribe((e) => heard.push(e));
    await fanout().ready();
    await signalTyping(db, { threadId: thread.id, typing: true, kind: "reply" }, staff(agent));
    expect(await findViewers(db, thread.id)).toEqual([{ userId: agent.id, name: "Ayla Agent", typing: true }]);
    await expect
      .poll(() => heard.find((e) => e.name === "draft.typing" && (e.data as { threadId: number }).threadId === thread.id)?.data)
      .toEqual({ threadId: thread.id, userId: agent.id, name: "Ayla Agent", kind: "reply", typing: true });
    await signalTyping(db, { threadId: thread.id, typing: false, kind: "reply" }, staff(agent));
    expect((await findViewers(db, thread.id))[0]!.typing).toBe(false);
    stop();
  });
});

describe("@mentions", () => {
  it("tell the colleagues a note names, with or without accents, never the writer nor an e-mail's @", async () => {
    const db = database.db;
    const { thread } = await makeThread(db, { channel: "contact" });
    const heard: StoredEvent[] = [];
    const stop = fanout().subscribe((e) => heard.push(e));
    await fanout().ready();
    const note = await postReply(db, { threadId: thread.id, kind: "note", body: "@sam can you check? cc @Ayla and write to x@ada.example" }, staff(agent));
    await expect
      .poll(() => heard.find((e) => e.name === "note.mentioned" && (e.data as { messageId: number }).messageId === note.message.id)?.data)
      .toMatchObject({ threadId: thread.id, userIds: [other.id], byName: "Ayla Agent" });
    // A reply (not a note) mentions nobody.
    await postReply(db, { threadId: thread.id, kind: "reply", body: "@sam hello" }, staff(agent));
    stop();
  });
});

describe("spam and the trash", () => {
  it("spam leaves every view and blocks the sender from the contact form; not spam undoes both", async () => {
    const db = database.db;
    const email = `spammer-${Date.now()}@spam.example`;
    const { thread, customer } = await makeThread(db, { channel: "contact", customerEmail: email });
    await changeSpam(db, { threadId: thread.id, spam: true }, staff(agent));
    expect(await openIds({ status: "all" })).not.toContain(thread.id);
    expect(await openIds({ status: "all", spam: true })).toContain(thread.id);
    expect(await isSenderBlocked(db, { email: email.toUpperCase() })).toBe(true);
    expect(await isSenderBlocked(db, { customerId: customer.id })).toBe(true);
    const subject = await ensureContactSubject(db, "Spam test");
    const refused = await submitContact(db, { form: { subject, full_name: "S", email, message: "buy now" }, ip: `spam-${Date.now()}`, locale: "en" });
    expect(refused).toMatchObject({ ok: false, error: "invalid", fields: { email: [{ code: "sender_blocked" }] } });
    await changeSpam(db, { threadId: thread.id, spam: false }, staff(agent));
    expect(await isSenderBlocked(db, { email })).toBe(false);
    expect(await openIds({ status: "all" })).toContain(thread.id);
  });

  it("a deleted thread is gone from views and the thread view, restorable for 30 days, then purged", async () => {
    const db = database.db;
    const { thread } = await makeThread(db, { channel: "contact" });
    await deleteThread(db, { threadId: thread.id }, staff(agent));
    expect(await openIds({ status: "all" })).not.toContain(thread.id);
    expect(await findThreadView(db, thread.id)).toBeNull();
    expect((await row(thread.id)).deletedBy).toBe(agent.id);
    await restoreDeletedThread(db, { threadId: thread.id }, staff(admin));
    expect(await openIds({ status: "all" })).toContain(thread.id);
    await deleteThread(db, { threadId: thread.id }, staff(agent));
    await db
      .update(s.threads)
      .set({ deletedAt: new Date(Date.now() - 31 * 86_400_000) })
      .where(eq(s.threads.id, thread.id));
    await expect(restoreDeletedThread(db, { threadId: thread.id }, staff(admin))).rejects.toMatchObject({ code: "not_found" });
    await sweepThreads(db);
    expect(await db.select().from(s.threads).where(eq(s.threads.id, thread.id))).toEqual([]);
  });
});

describe("merging threads", () => {
  it("moves the other thread's messages in, interleaved by time, and closes it pointing to the merged one", async () => {
    const db = database.db;
    const email = `merge-${Date.now()}@mail.example`;
    const a = await makeThread(db, { channel: "contact", customerEmail: email, messages: ["first, in A"] });
    const b = await makeThread(db, { channel: "contact", customerEmail: email, messages: ["second, in B"] });
    await postInbound(db, { threadId: a.thread.id, body: "third, in A" }, { kind: "customer", customerId: a.customer.id, name: "x" });
    const result = await mergeThreads(db, { sourceId: b.thread.id, targetId: a.thread.id }, staff(agent));
    expect(result).toEqual({ targetId: a.thread.id, moved: 1 });
    const view = await findThreadView(db, a.thread.id);
    expect(view!.messages.map((m) => m.body)).toEqual(["first, in A", "second, in B", "third, in A"]);
    const target = await row(a.thread.id);
    expect(target).toMatchObject({ messageCount: 3, unreadCount: 3, lastMessagePreview: "third, in A" });
    const source = await row(b.thread.id);
    expect(source).toMatchObject({ status: "closed", mergedIntoId: a.thread.id, messageCount: 0 });
    expect((await findThreadView(db, b.thread.id))!.thread.mergedIntoId).toBe(a.thread.id);
    await expect(mergeThreads(db, { sourceId: b.thread.id, targetId: a.thread.id }, staff(agent))).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses threads of two customers, and channels whose messages are read elsewhere", async () => {
    const db = database.db;
    const a = await makeThread(db, { channel: "contact" });
    const b = await makeThread(db, { channel: "contact" });
    await expect(mergeThreads(db, { sourceId: b.thread.id, targetId: a.thread.id }, staff(agent))).rejects.toMatchObject({ code: "invalid" });
    const email = `merge2-${Date.now()}@mail.example`;
    const c = await makeThread(db, { channel: "contact", customerEmail: email });
    const d = await makeThread(db, { channel: "discussion", customerEmail: email });
    await expect(mergeThreads(db, { sourceId: d.thread.id, targetId: c.thread.id }, staff(agent))).rejects.toThrow(/cannot be merged/);
  });
});

describe("the customer profile", () => {
  it("edits the name (on every thread too) and notes, lists every thread in every channel, and merges two customers", async () => {
    const db = database.db;
    const email = `profile-${Date.now()}@mail.example`;
    const contact = await makeThread(db, { channel: "contact", customerEmail: email, customerName: "Deniz K" });
    const chat = await makeThread(db, { channel: "chat", customerEmail: email, customerName: "Deniz K" });
    await updateCustomerProfile(db, { id: contact.customer.id, name: "Deniz Kaya", notes: "Prefers phone calls." }, staff(agent));
    expect((await row(contact.thread.id)).customerName).toBe("Deniz Kaya");
    const profile = await findCustomerProfile(db, contact.customer.id);
    expect(profile).toMatchObject({ name: "Deniz Kaya", notes: "Prefers phone calls.", email });
    expect(profile!.threads.map((t) => t.id).sort()).toEqual([contact.thread.id, chat.thread.id].sort());
    const second = await makeThread(db, { channel: "call_request", customerEmail: `other-${email}`, customerName: "D. Kaya" });
    await mergeCustomers(db, { targetId: contact.customer.id, sourceId: second.customer.id }, staff(agent));
    expect((await row(second.thread.id)).customerId).toBe(contact.customer.id);
    expect((await findCustomerProfile(db, second.customer.id))!.id).toBe(contact.customer.id);
    await expect(mergeCustomers(db, { targetId: contact.customer.id, sourceId: contact.customer.id }, staff(agent))).rejects.toMatchObject({ code: "invalid" });
  });
});

describe("the call request's panel", () => {
  it("offers Take, then Completed / No answer to whoever took it, through the same services as the queue", async () => {
    const db = database.db;
    const { thread } = await makeThread(db, { channel: "call_request" });
    const entry = channelEntry("call_request");
    const panel = async (viewerId: number) => (await entry.describe(db, await row(thread.id), { locale: "en", viewerId })).panel;
    expect((await panel(agent.id)).actions!.map((a) => a.id)).toEqual(["take"]);
    await entry.actions!.take!.run(db, await row(thread.id), {}, staff(agent));
    expect((await panel(agent.id)).actions!.map((a) => a.id)).toEqual(["completed", "no_answer"]);
    expect((await panel(other.id)).actions).toEqual([]);
    await expect(entry.actions!.take!.run(db, await row(thread.id), {}, staff(other))).rejects.toMatchObject({ code: "conflict" });
    await entry.actions!.no_answer!.run(db, await row(thread.id), entry.actions!.no_answer!.input.parse({ note: "voicemail" }), staff(agent));
    expect((await row(thread.id)).channelState).toBe("no_answer");
    expect((await panel(other.id)).actions!.map((a) => a.label)).toEqual(["Retry call"]);
  });
});

void (null as unknown as Staff);
