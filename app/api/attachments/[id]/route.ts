// GET /api/attachments/{id} — download an attachment, for staff only, never rendered as a page
import { getDb } from "@/db/client";
import { getAttachment } from "@/lib/attachments/queries";
import { requirePermission } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/json";
import { contentDisposition, INLINE_IMAGE_TYPES } from "@/lib/storage/file-types";
import { getStore } from "@/lib/storage/store";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    await requirePermission("attachment.download");
    const id = Number((await params).id);
    if (!Number.isSafeInteger(id) || id <= 0) throw new AppError("not_found", "Attachment not found.");
    const attachment = await getAttachment(await getDb(), id);
    if (!attachment) throw new AppError("not_found", "Attachment not found.");
    const bytes = await getStore().get(attachment.storageKey);
    if (!bytes) throw new AppError("not_found", "The attachment's file is missing from storage.");
    // Images may be shown inline in the thread (?inline=1); everything else is always a download.
    const inline = new URL(request.url).searchParams.get("inline") === "1" && INLINE_IMAGE_TYPES.has(attachment.contentType);
    return new Response(Buffer.from(bytes), {
      headers: {
        "Content-Type": attachment.contentType,
        "Content-Length": String(bytes.byteLength),
        "Content-Disposition": contentDisposition(attachment.fileName, inline ? "inline" : "attachment"),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
        "Cache-Control": "private, max-age=3600",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
