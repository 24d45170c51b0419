// The per-channel reply rules: each channel entry's replyOptions, and validateReply (pure: no database).
import { describe, expect, it } from "vitest";
import type { Channel } from "@/db/schema";
import { channelEntry } from "./registry";
import { validateReply } from "./rules";

const thread = (channel: Channel, customerEmail: string | null = "c@example.com") => ({ channel, customerEmail, status: "open" as const });
/** What the composer offers in this thread: the channel's own entry decides. */
const replyOptions = (t: ReturnType<typeof thread>, details: unknown) => channelEntry(t.channel).replyOptions(t, details);

describe("replyOptions", () => {
  it("answers a call-back request with notes only, and says why", () => {
    const o = replyOptions(thread("call_request"), {});
    expect(o.kinds).toEqual(["note"]);
    expect(o.replyUnavailable).toMatch(/phone/);
  });

  it("sends a contact reply by e-mail, and offers notes only without an address", () => {
    expect(replyOptions(thread("contact"), { email: "a@b.example" })).toMatchObject({ kinds: ["reply", "note"], delivery: "Sent by e-mail to a@b.example." });
    expect(replyOptions(thread("contact", null), { email: "" }).kinds).toEqual(["note"]);
  });

  it("offers a discussion's eligible receivers, once each, and nothing else", () => {
    const o = replyOptions(thread("discussion"), {
      receivers: [{ userType: "Customer" }, { userType: "GrcOperator" }, { userType: "Customer" }, { userType: "Seller" }],
    });
    expect(o.kinds).toEqual(["reply", "note"]);
    expect(o.receivers.map((r) => r.value)).toEqual(["customer", "customer_service"]);
    expect(replyOptions(thread("discussion"), { receivers: [] }).kinds).toEqual(["note"]);
  });

  it("takes no reply in a chat room the customer closed", () => {
    expect(replyOptions(thread("chat"), { isActive: false }).kinds).toEqual(["note"]);
    expect(replyOptions(thread("chat"), { isActive: true }).kinds).toEqual(["reply", "note"]);
  });
});

describe("validateReply", () => {
  const discussion = replyOptions(thread("discussion"), { receivers: [{ userType: "Customer" }] });

  it("requires a discussion reply to pick an eligible receiver", () => {
    expect(validateReply(discussion, { kind: "reply" })).toMatchObject({ ok: false, field: "receivers" });
    expect(validateReply(discussion, { kind: "reply", receivers: ["customer_service"] })).toMatchObject({ ok: false, field: "receivers" });
    expect(validateReply(discussion, { kind: "reply", receivers: ["customer", "customer"] })).toEqual({ ok: true, receivers: [{ userType: "Customer" }] });
  });

  it("stores no receivers for a note", () => {
    expect(validateReply(discussion, { kind: "note" })).toEqual({ ok: true, receivers: null });
  });

  it("refuses a reply where only notes are allowed, with the channel's reason", () => {
    const calls = replyOptions(thread("call_request"), {});
    expect(validateReply(calls, { kind: "reply" })).toMatchObject({ ok: false, field: "kind", error: expect.stringMatching(/phone/) });
    expect(validateReply(calls, { kind: "note" })).toEqual({ ok: true, receivers: null });
  });

  it("refuses receivers where the channel has none to pick", () => {
    const conv = replyOptions(thread("conversation"), {});
    expect(validateReply(conv, { kind: "reply", receivers: ["customer"] })).toMatchObject({ ok: false, field: "receivers" });
    expect(validateReply(conv, { kind: "reply" })).toEqual({ ok: true, receivers: null });
  });
});
