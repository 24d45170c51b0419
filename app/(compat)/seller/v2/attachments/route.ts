// GET /seller/v2/attachments (wire-compatible; lib/discussions/http.ts)
import { attachmentsRoute } from "@/lib/discussions/http";

export const dynamic = "force-dynamic";
export const { GET, POST } = attachmentsRoute;
