// GET /api/portal/conversations?page=N — the signed-in customer's conversations ("My messages"), newest activity first
import { findPortalConversations } from "@/lib/portal/queries";
import { portalCustomerOf } from "@/lib/portal/session";
import { apiRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "account.view", headers: { "Cache-Control": "no-store" } }, async ({ db, request, user }) => {
  const { customer } = await portalCustomerOf(db, user);
  const page = Number(new URL(request.url).searchParams.get("page") ?? 1);
  return findPortalConversations(db, { customerId: customer.id, page: Number.isSafeInteger(page) && page > 0 ? page : 1 });
});
