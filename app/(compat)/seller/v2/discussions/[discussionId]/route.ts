// GET|PATCH /seller/v2/discussions/{discussionId} (wire-compatible; lib/discussions/http.ts)
import { discussionRoute } from "@/lib/discussions/http";

export const dynamic = "force-dynamic";
export const { GET, PATCH, POST, PUT, DELETE } = discussionRoute;
