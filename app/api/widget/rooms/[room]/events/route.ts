// GET /api/widget/rooms/<room>/events — the chat room's live stream for its widget; see lib/chat/widget.ts
import { roomEvents, roomPreflight } from "@/lib/chat/widget";

export const dynamic = "force-dynamic";
export const GET = roomEvents;
export const OPTIONS = roomPreflight;
