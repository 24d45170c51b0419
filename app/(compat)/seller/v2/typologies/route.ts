// GET /seller/v2/typologies — sub-typologies (the path one client uses) (wire-compatible; lib/discussions/wire/http.ts)
import { typologiesRoute } from "@/lib/discussions/wire/http";

export const dynamic = "force-dynamic";
export const { GET, POST } = typologiesRoute;
