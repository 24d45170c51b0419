// GET|POST /seller/v2/discussions — list and create discussions (wire-compatible; lib/discussions/wire/http.ts)
import { discussionsRoute } from "@/lib/discussions/wire/http";

export const dynamic = "force-dynamic";
export const { GET, POST, PATCH } = discussionsRoute;
