// GET /api/inbox/threads — one page of the inbox list (or search results when `q` is set), for staff.
import { apiRoute } from "@/lib/http/route";
import { listInbox } from "@/lib/inbox/list";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "inbox.view", headers: { "Cache-Control": "private, no-store" } }, ({ db, user, request }) =>
  listInbox(db, new URL(request.url).searchParams, user.id),
);
