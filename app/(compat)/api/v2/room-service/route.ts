// GET|POST /api/v2/room-service/ — create_message, get_messages, get_room_by_id, delete_room; see lib/chat/wire/http.ts
import { roomService, visitorPreflight } from "@/lib/chat/wire/http";

export const dynamic = "force-dynamic";
export const GET = roomService;
export const POST = roomService;
export const OPTIONS = visitorPreflight;
