// GET|POST /api/v2/get_QR_Id/<org_id>/ — an organization's QR ids (staff session or chat key); see lib/chat/wire/http.ts
import { getQrIds } from "@/lib/chat/wire/http";

export const dynamic = "force-dynamic";
export const GET = getQrIds;
export const POST = getQrIds;
