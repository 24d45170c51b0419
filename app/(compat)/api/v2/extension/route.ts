// POST /api/v2/extension/ — find or open a signed-in product user's room; see lib/chat/wire/http.ts
import { extension, methodNotAllowed, visitorPreflight } from "@/lib/chat/wire/http";

export const dynamic = "force-dynamic";
export const POST = extension;
export const OPTIONS = visitorPreflight;
export const GET = methodNotAllowed("POST, OPTIONS");
