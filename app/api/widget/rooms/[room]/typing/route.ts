// POST /api/widget/rooms/<room>/typing — the visitor is typing (or stopped); see lib/chat/widget.ts
import { roomPreflight, roomTyping } from "@/lib/chat/widget";

export const dynamic = "force-dynamic";
export const POST = roomTyping;
export const OPTIONS = roomPreflight;
