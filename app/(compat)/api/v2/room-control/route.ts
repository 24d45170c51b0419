// POST /api/v2/room-control/ — find the visitor's active room or open one; see lib/chat/wire/http.ts
import { roomControl, methodNotAllowed, visitorPreflight } from "@/lib/chat/wire/http";

export const dynamic = "force-dynamic";
export const POST = roomControl;
export const OPTIONS = visitorPreflight;
export const GET = methodNotAllowed("POST, OPTIONS");
