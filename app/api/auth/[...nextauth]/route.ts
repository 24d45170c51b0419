// GET|POST /api/auth/* — next-auth's own endpoints (session, csrf, sign-in, sign-out)
import { handlers } from "@/lib/auth";

export const { GET, POST } = handlers;
