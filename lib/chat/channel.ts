// The chat channel's entry: a live chat room opened from a widget or a QR code. Replies show in the
// visitor's chat window (they read them through the room's stream, lib/chat/widget.ts); a closed
// room takes notes only. Closing the thread in the inbox is the spec's delete_room (the widget
// says so), and reopening it makes the room active again.
import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { chatDetails } from "@/db/schema";
import { systemActor } from "@/lib/auth/actor";
import { assertReply, noteOnly } from "@/lib/channels/rules";
import { AppError } from "@/lib/errors";
import { defineChannel } from "@/lib/channels/types";
import type { PanelRow, ReplyOptions } from "@/lib/channels/views";
import { findRoomByThread } from "./queries";
import { syncRoomWithThread } from "./service";

type Details = { isActive: boolean };

const optionsFor = (details: Details | null): ReplyOptions =>
  details?.isActive === false
    ? noteOnly("The chat room is closed.")
    : { kinds: ["reply", "note"], receivers: [], delivery: "Shown in the visitor's chat window at once.", live: true };

export const chatChannel = defineChannel<Details>({
  name: "chat",

  async loadDetails(db, thread) {
    const [row] = await db.select({ isActive: chatDetails.isActive }).from(chatDetails).where(eq(chatDetails.threadId, thread.id));
    return row ? { isActive: row.isActive && thread.status === "open" } : null;
  },

  replyOptions: (thread, details) => optionsFor(details && { isActive: details.isActive && thread.status === "open" }),

  checkReply: ({ details, kind, receivers }) => ({ receivers: assertReply(optionsFor(details), { kind, receivers }) }),

  checkInbound({ details }) {
    if (details?.isActive === false) throw new AppError("conflict", "This chat room is closed.");
  },

  async describe(db, thread) {
    const room = await findRoomByThread(db, thread.id);
    const rows: PanelRow[] = [];
    const add = (label: string, value: unknown, href?: string) => {
      if (value !== null && value !== undefined && value !== "") rows.push({ label, value: String(value), href });
    };
    if (room) {
      add("Page", room.pageUrl, room.pageUrl && /^https?:\/\//.test(room.pageUrl) ? room.pageUrl : undefined);
      add("Language", room.language);
      add("Organisation", room.orgKey);
      add("Product", room.productName);
      add("Portfolio", room.portfolioName);
      add("QR code", room.qrId);
      add("Room", room.roomCode);
      add("Signed in", room.isLogin ? "yes" : "no");
      add("Room state", room.isActive ? "active" : "closed");
    }
    return { panel: { testId: "chat-panel", label: "Chat room", rows, notices: [] }, details: room ? { isActive: room.isActive } : null };
  },

  listen(on) {
    const actor = systemActor("chat");
    on("thread.closed", async (data) => {
      if (data.channel === "chat") await syncRoomWithThread(await getDb(), { threadId: data.threadId, open: false }, actor);
    });
    on("thread.reopened", async (data) => {
      if (data.channel === "chat") await syncRoomWithThread(await getDb(), { threadId: data.threadId, open: true }, actor);
    });
  },
});
