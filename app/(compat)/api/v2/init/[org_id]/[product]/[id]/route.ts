// GET /api/v2/init/<org_id>/<product>/<qr_id>/ — a public room for a printed QR code; see lib/chat/wire/http.ts
import { init, initPreflight } from "@/lib/chat/wire/http";

export const dynamic = "force-dynamic";
export const GET = init;
export const POST = init;
export const OPTIONS = initPreflight;
