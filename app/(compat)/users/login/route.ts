// POST /users/login/ — a storefront signs a shopper in (osessionid); see lib/accounts/wire/http.ts
import { methodNotAllowed, postLogin } from "@/lib/accounts/wire/http";

export const dynamic = "force-dynamic";
export const POST = postLogin;
export const GET = methodNotAllowed("POST, OPTIONS");
