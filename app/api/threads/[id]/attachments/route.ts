// POST /api/threads/{id}/attachments — upload files ahead of a reply or note (multipart `files`)
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { getCurrentUser, requirePermission } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { parseThreadId, threadErrorResponse } from "@/lib/messages/http";
import { uploadDraftAttachments } from "@/lib/messages/service";
import type { IncomingFile } from "@/lib/storage/file-types";
import { getStore } from "@/lib/storage/store";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    // Who is calling, before reading a possibly large body. Anyone who may write a note may attach.
    if (!(await getCurrentUser())) throw new AppError("unauthenticated", "Sign in first.");
    const user = await requirePermission("thread.note");
    const id = await parseThreadId(params);
    const form = await request.formData().catch(() => {
      throw new AppError("invalid", "Send the files as multipart/form-data.");
    });
    const files: IncomingFile[] = [];
    for (const entry of form.getAll("files")) {
      if (typeof entry !== "string") files.push({ name: entry.name, bytes: new Uint8Array(await entry.arrayBuffer()) });
    }
    const saved = await uploadDraftAttachments(await getDb(), getStore(), id, files, user);
    return NextResponse.json(
      { attachments: saved.map((a) => ({ id: a.id, fileName: a.fileName, contentType: a.contentType, size: a.size })) },
      { status: 201 },
    );
  } catch (error) {
    return threadErrorResponse(error);
  }
}
