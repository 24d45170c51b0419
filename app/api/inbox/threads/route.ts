// GET /api/inbox/threads — one page of the inbox list (or search results when `q` is set), for staff.
import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/json";
import { listInbox } from "@/lib/inbox/list";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  try {
    const user = await requirePermission("inbox.view");
    const body = await listInbox(await getDb(), request.nextUrl.searchParams, user.id);
    return NextResponse.json(body, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
