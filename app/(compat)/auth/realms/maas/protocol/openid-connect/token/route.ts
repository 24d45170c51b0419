// POST /auth/realms/maas/protocol/openid-connect/token — seller client credentials → Bearer token (wire-compatible; lib/api-keys/wire/token.ts)
import { tokenRoute } from "@/lib/api-keys/wire/token";

export const dynamic = "force-dynamic";
export const { POST, GET } = tokenRoute;
