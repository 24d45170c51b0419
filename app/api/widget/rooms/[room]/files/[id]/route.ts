// GET /api/widget/rooms/<room>/files/<id> — a file of the room's public messages; see lib/chat/widget.ts
import { roomFile, roomPreflight } from "@/lib/chat/widget";

export const dynamic = "force-dynamic";
export const GET = roomFile;
export const OPTIONS = roomPreflight;
