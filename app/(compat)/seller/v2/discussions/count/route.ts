// GET /seller/v2/discussions/count (wire-compatible; lib/discussions/wire/http.ts)
import { countRoute } from "@/lib/discussions/wire/http";

export const dynamic = "force-dynamic";
export const { GET, POST } = countRoute;
