// POST /api/threads/{id}/presence — "I am looking at this thread" (heartbeat); who else is
// DELETE /api/threads/{id}/presence — I left it
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { parseThreadId, threadErrorResponse } from "@/lib/messages/http";
import { heartbeatThread, leaveThread } from "@/lib/messages/service";

export const dynamic = "force-dynamic";

export async function POST(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requirePermission("inbox.view");
    const id = await parseThreadId(params);
    return NextResponse.json({ viewers: await heartbeatThread(await getDb(), id, user) });
  } catch (error) {
    return threadErrorResponse(error);
  }
}

export async function DELETE(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requirePermission("inbox.view");
    const id = await parseThreadId(params);
    return NextResponse.json({ viewers: await leaveThread(await getDb(), id, user) });
  } catch (error) {
    return threadErrorResponse(error);
  }
}
