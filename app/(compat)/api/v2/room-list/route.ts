// GET /api/v2/room-list/?org_id=…&product_name=… — an organization's rooms (staff session or chat key); see lib/chat/wire/http.ts
import { methodNotAllowed, roomList } from "@/lib/chat/wire/http";

export const dynamic = "force-dynamic";
export const GET = roomList;
export const POST = methodNotAllowed("GET");
