// POST /auth/realms/maas/protocol/openid-connect/token — seller client credentials → Bearer token (wire-compatible; lib/discussions/http.ts)
import { tokenRoute } from "@/lib/discussions/http";

export const dynamic = "force-dynamic";
export const { POST, GET } = tokenRoute;
