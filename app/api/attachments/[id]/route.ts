// GET /api/attachments/{id} — download an attachment, for staff only, never rendered as a page
import { attachmentResponse } from "@/lib/attachments/download";
import { findAttachment } from "@/lib/attachments/queries";
import { AppError } from "@/lib/errors";
import { apiRoute, idParams } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "attachment.download", params: idParams }, async ({ db, params, request }) => {
  const attachment = await findAttachment(db, params.id);
  if (!attachment) throw new AppError("not_found", "Attachment not found.");
  // Images may be shown inline in the thread (?inline=1); everything else is always a download.
  return attachmentResponse(attachment, { inline: new URL(request.url).searchParams.get("inline") === "1" });
});
