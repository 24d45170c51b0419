// GET /api/inbox/counts — the sidebar's counts of open threads (capped), for staff.
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/json";
import { findInboxCounts } from "@/lib/threads/queries";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const user = await requirePermission("inbox.view");
    const counts = await findInboxCounts(await getDb(), user.id);
    return NextResponse.json(counts, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
