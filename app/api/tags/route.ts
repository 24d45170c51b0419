// GET /api/tags — the desk's tags (id, name, colour), for the list's chips and the pickers
import { apiRoute } from "@/lib/http/route";
import { findTags } from "@/lib/tags/queries";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "inbox.view", headers: { "Cache-Control": "private, no-store" } }, async ({ db }) => ({ tags: await findTags(db) }));
