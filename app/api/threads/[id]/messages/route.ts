// POST /api/threads/{id}/messages — the agent's reply or internal note, multipart with its files
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { AppError, fieldErrors } from "@/lib/errors";
import { getCurrentUser, requirePermission } from "@/lib/auth/session";
import { parseThreadId, threadErrorResponse } from "@/lib/messages/http";
import { replySchema } from "@/lib/messages/schemas";
import { replyToThread } from "@/lib/messages/service";
import type { IncomingFile } from "@/lib/storage/file-types";
import { getStore } from "@/lib/storage/store";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    // Who is calling, before reading a possibly large body.
    if (!(await getCurrentUser())) throw new AppError("unauthenticated", "Sign in first.");
    await requirePermission("inbox.view");
    const id = await parseThreadId(params);
    const form = await request.formData().catch(() => {
      throw new AppError("invalid", "Send the message as multipart/form-data.");
    });
    const parsed = replySchema.safeParse({
      kind: form.get("kind"),
      body: form.get("body") ?? "",
      receivers: form.getAll("receivers").filter((v) => typeof v === "string"),
      attachmentIds: form.getAll("attachmentIds").filter((v) => typeof v === "string"),
      expectedVersion: form.get("expectedVersion") || undefined,
      since: form.get("since") || undefined,
      force: form.get("force") ?? "false",
    });
    if (!parsed.success) throw new AppError("invalid", parsed.error.issues[0]?.message ?? "Invalid message.", fieldErrors(parsed.error.issues));
    const user = await requirePermission(parsed.data.kind === "note" ? "thread.note" : "thread.reply");
    const files: IncomingFile[] = [];
    for (const entry of form.getAll("files")) {
      if (typeof entry === "string") continue;
      files.push({ name: entry.name, bytes: new Uint8Array(await entry.arrayBuffer()) });
    }
    const result = await replyToThread(await getDb(), getStore(), id, { ...parsed.data, files }, user);
    return NextResponse.json(
      { messageId: result.message.id, attachmentIds: result.attachments.map((a) => a.id), version: result.version, at: new Date().toISOString() },
      { status: 201 },
    );
  } catch (error) {
    return threadErrorResponse(error);
  }
}
