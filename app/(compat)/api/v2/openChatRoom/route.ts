// POST /api/v2/openChatRoom/ — a room for a product, its organization found by the product; see lib/chat/wire/http.ts
import { openChatRoom, methodNotAllowed, visitorPreflight } from "@/lib/chat/wire/http";

export const dynamic = "force-dynamic";
export const POST = openChatRoom;
export const OPTIONS = visitorPreflight;
export const GET = methodNotAllowed("POST, OPTIONS");
