// GET|POST /users/logout — ends the storefront session on the server; see lib/accounts/wire/http.ts
import { logout } from "@/lib/accounts/wire/http";

export const dynamic = "force-dynamic";
export const GET = logout;
export const POST = logout;
