// GET /seller/v2/attachments (wire-compatible; lib/discussions/wire/http.ts)
import { attachmentsRoute } from "@/lib/discussions/wire/http";

export const dynamic = "force-dynamic";
export const { GET, POST } = attachmentsRoute;
