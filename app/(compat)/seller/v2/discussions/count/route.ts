// GET /seller/v2/discussions/count (wire-compatible; lib/discussions/http.ts)
import { countRoute } from "@/lib/discussions/http";

export const dynamic = "force-dynamic";
export const { GET, POST } = countRoute;
