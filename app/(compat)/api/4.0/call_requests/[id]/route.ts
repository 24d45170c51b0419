// GET|PUT|DELETE /api/4.0/call_requests/:id — one call request (wire-compatible; lib/call-requests/wire/http.ts)
import { item } from "@/lib/call-requests/wire/http";

export const dynamic = "force-dynamic";
export const { GET, PUT, DELETE, POST, PATCH } = item;
