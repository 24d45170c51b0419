// GET /seller/v2/discussions/typologies — sub-typologies (wire-compatible; lib/discussions/http.ts)
import { typologiesRoute } from "@/lib/discussions/http";

export const dynamic = "force-dynamic";
export const { GET, POST } = typologiesRoute;
