// GET /api/inbox/counts — the sidebar's counts of open threads (capped), the saved views' too, and the views, for staff.
import { apiRoute } from "@/lib/http/route";
import { findSidebar } from "@/lib/inbox/sidebar";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "inbox.view", headers: { "Cache-Control": "private, no-store" } }, ({ db, user }) => findSidebar(db, user.id));
