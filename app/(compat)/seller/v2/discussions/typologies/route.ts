// GET /seller/v2/discussions/typologies — sub-typologies (wire-compatible; lib/discussions/wire/http.ts)
import { typologiesRoute } from "@/lib/discussions/wire/http";

export const dynamic = "force-dynamic";
export const { GET, POST } = typologiesRoute;
