// POST /api/v2/login/ — a new room for a signed-in product user; see lib/chat/wire/http.ts
import { login, methodNotAllowed, visitorPreflight } from "@/lib/chat/wire/http";

export const dynamic = "force-dynamic";
export const POST = login;
export const OPTIONS = visitorPreflight;
export const GET = methodNotAllowed("POST, OPTIONS");
