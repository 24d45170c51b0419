// GET|PATCH /seller/v2/discussions/{discussionId} (wire-compatible; lib/discussions/wire/http.ts)
import { discussionRoute } from "@/lib/discussions/wire/http";

export const dynamic = "force-dynamic";
export const { GET, PATCH, POST, PUT, DELETE } = discussionRoute;
