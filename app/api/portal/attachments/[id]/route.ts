// GET /api/portal/attachments/{id} — a file of one of the signed-in customer's conversations (never an internal note's or a draft), always as a download or a sandboxed image
import { attachmentResponse } from "@/lib/attachments/download";
import { findCustomerAttachment } from "@/lib/conversations/queries";
import { AppError } from "@/lib/errors";
import { apiRoute, idParams } from "@/lib/http/route";
import { portalCustomerOf } from "@/lib/portal/session";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "account.view", params: idParams }, async ({ db, params, request, user }) => {
  const { customer } = await portalCustomerOf(db, user);
  const attachment = await findCustomerAttachment(db, { customerId: customer.id, attachmentId: params.id });
  if (!attachment) throw new AppError("not_found", "Attachment not found.");
  return attachmentResponse(attachment, { inline: new URL(request.url).searchParams.get("inline") === "1" });
});
