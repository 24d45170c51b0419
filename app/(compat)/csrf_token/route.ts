// GET /csrf_token/ — {"csrf_token": "…"} plus the csrftoken cookie, as storefronts expect
import { getCsrfToken } from "@/lib/contact/wire/http";

export const dynamic = "force-dynamic";
export const GET = getCsrfToken;
