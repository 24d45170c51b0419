// POST /users/registration/ — a storefront signs a new shopper up (and in); see lib/accounts/wire/http.ts
import { methodNotAllowed, postRegistration } from "@/lib/accounts/wire/http";

export const dynamic = "force-dynamic";
export const POST = postRegistration;
export const GET = methodNotAllowed("POST, OPTIONS");
