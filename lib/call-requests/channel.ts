// The call-request channel's entry: a customer asked to be called back. It is answered by phone,
// so the thread takes internal notes only (what was said); nothing leaves by message. Its panel
// offers the call queue's own actions — Take, then Completed or No answer with a note — run
// through the generic channel action, the same services as /inbox/calls.
import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { callRequestDetails } from "@/db/schema";
import { assertReply, noteOnly } from "@/lib/channels/rules";
import { defineChannel } from "@/lib/channels/types";
import type { PanelAction, PanelRow } from "@/lib/channels/views";
import { text } from "@/lib/validation";
import { recordCallOutcome, takeCallRequest } from "./service";

const NOTES_ONLY = noteOnly("A call-back request is answered by phone: record what was said as a note.");

export const callRequestChannel = defineChannel<Record<string, never>>({
  name: "call_request",

  loadDetails: async () => ({}),

  replyOptions: () => NOTES_ONLY,

  checkReply: ({ kind, receivers }) => ({ receivers: assertReply(NOTES_ONLY, { kind, receivers }) }),

  async describe(db, thread, { viewerId }) {
    const [d] = await db.select().from(callRequestDetails).where(eq(callRequestDetails.threadId, thread.id));
    const rows: PanelRow[] = [];
    const add = (label: string, value: unknown) => {
      if (value !== null && value !== undefined && value !== "") rows.push({ label, value: String(value) });
    };
    if (d) {
      add("Name", d.name);
      add("Phone", d.phone);
      add("E-mail", d.email);
      if (d.windowStartsAt && d.windowEndsAt && d.windowZone) {
        const span = { from: d.windowStartsAt.toISOString(), to: d.windowEndsAt.toISOString(), zone: d.windowZone };
        rows.push({ label: "Call window", value: `${d.windowDate} ${d.timeFrom ?? "00:00"}–${d.timeTo ?? "24:00"} ${d.windowZone}`, span });
      } else add("Call window", d.timeFrom || d.timeTo ? `${d.timeFrom ?? "…"} – ${d.timeTo ?? "…"}` : "any time");
      add("Order", d.orderId);
      add("Order status", d.orderStatus);
      add("Product", [d.productName, d.productId && `#${d.productId}`].filter(Boolean).join(" "));
      add("Cart", d.cartProducts.map((p) => `${p.amount} × ${p.product}`).join(", "));
      add("Notes", d.notes);
    }
    const state = thread.channelState ?? "new";
    const actions: PanelAction[] = [];
    const note = { name: "note", label: "Call notes", placeholder: "What was said, when to try again…", multiline: true, maxLength: 2000 };
    if (state === "new" || state === "no_answer")
      actions.push({ id: "take", label: state === "no_answer" ? "Retry call" : "Take", input: {}, tone: "primary" });
    else if (state === "in_progress" && thread.assigneeId === viewerId) {
      actions.push(
        { id: "completed", label: "Completed", input: {}, fields: [note], tone: "success" },
        { id: "no_answer", label: "No answer", input: {}, fields: [note], tone: "warning" },
      );
    }
    const notices =
      state === "in_progress" && thread.assigneeId !== viewerId
        ? [{ tone: "info" as const, text: "Another agent is calling this customer.", testId: "call-taken" }]
        : [];
    return {
      panel: { testId: "call-request-panel", label: "Call request", rows, notices, actions, links: [{ label: "Call queue", href: "/inbox/calls" }] },
      details: {},
    };
  },

  actions: {
    take: {
      permission: "callRequest.work",
      input: z.object({}),
      run: async (db, thread, _input, actor) => {
        await takeCallRequest(db, { id: thread.id }, actor);
      },
    },
    completed: {
      permission: "callRequest.work",
      input: z.object({ note: text({ max: 2000, multiline: true }).default("") }),
      run: async (db, thread, input, actor) => {
        await recordCallOutcome(db, { id: thread.id, outcome: "completed", note: String(input.note ?? "") }, actor);
      },
    },
    no_answer: {
      permission: "callRequest.work",
      input: z.object({ note: text({ max: 2000, multiline: true }).default("") }),
      run: async (db, thread, input, actor) => {
        await recordCallOutcome(db, { id: thread.id, outcome: "no_answer", note: String(input.note ?? "") }, actor);
      },
    },
  },
});
