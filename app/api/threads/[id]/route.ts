// GET /api/threads/{id} — the open thread (messages, details, related threads) for staff
// PATCH /api/threads/{id} — open/close, assign, mark read/unread
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { AppError, fieldErrors } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/session";
import { parseThreadId, threadErrorResponse } from "@/lib/messages/http";
import { getThreadView } from "@/lib/messages/queries";
import { threadPatchSchema } from "@/lib/messages/schemas";
import { changeAssignee, changeReadState, changeThreadStatus } from "@/lib/messages/service";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    await requirePermission("inbox.view");
    const id = await parseThreadId(params);
    const view = await getThreadView(await getDb(), id);
    if (!view) throw new AppError("not_found", "Thread not found.");
    return NextResponse.json(view, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return threadErrorResponse(error);
  }
}

export async function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    // The session first: an anonymous caller learns nothing about the body's shape.
    await requirePermission("inbox.view");
    const id = await parseThreadId(params);
    const parsed = threadPatchSchema.safeParse(await request.json().catch(() => null));
    if (!parsed.success) throw new AppError("invalid", "Invalid change.", fieldErrors(parsed.error.issues));
    const patch = parsed.data;
    const db = await getDb();
    switch (patch.action) {
      case "status": {
        const user = await requirePermission("thread.status");
        return NextResponse.json(await changeThreadStatus(db, id, patch.status, user));
      }
      case "assign": {
        const user = await requirePermission("thread.assign");
        return NextResponse.json(await changeAssignee(db, id, patch.assigneeId === "me" ? user.id : patch.assigneeId, user));
      }
      case "read": {
        const user = await requirePermission("thread.read");
        return NextResponse.json(await changeReadState(db, id, patch.read, user, patch.messageIds));
      }
    }
  } catch (error) {
    return threadErrorResponse(error);
  }
}
