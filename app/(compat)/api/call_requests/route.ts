// GET|POST /api/call_requests — list and create call requests (wire-compatible; lib/call-requests/wire/http.ts)
import { collection } from "@/lib/call-requests/wire/http";

export const dynamic = "force-dynamic";
export const { GET, POST, PUT, DELETE, PATCH } = collection;
