// GET /current_user/ — the signed-in shopper's profile (pk, names, e-mail, consents, …); see lib/accounts/wire/http.ts
import { getCurrentUser, methodNotAllowed } from "@/lib/accounts/wire/http";

export const dynamic = "force-dynamic";
export const GET = getCurrentUser;
export const POST = methodNotAllowed("GET, HEAD, OPTIONS");
