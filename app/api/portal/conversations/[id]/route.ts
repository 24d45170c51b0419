// GET /api/portal/conversations/{id} — one of the signed-in customer's conversations with its messages (another's is 404)
import { AppError } from "@/lib/errors";
import { apiRoute, idParams } from "@/lib/http/route";
import { portalLocale } from "@/lib/conversations/texts";
import { findPortalConversation } from "@/lib/portal/queries";
import { portalCustomerOf } from "@/lib/portal/session";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "account.view", params: idParams, headers: { "Cache-Control": "no-store" } }, async ({ db, params, user }) => {
  const { customer } = await portalCustomerOf(db, user);
  const view = await findPortalConversation(db, { customerId: customer.id, threadId: params.id, locale: portalLocale(customer.locale) });
  if (!view) throw new AppError("not_found", "Conversation not found.");
  return view;
});
