// GET|POST /users/conversations/ — the signed-in shopper's conversations; see lib/conversations/wire/http.ts
import { createConversation, listConversations, methodNotAllowed } from "@/lib/conversations/wire/http";

export const dynamic = "force-dynamic";
export const GET = listConversations;
export const POST = createConversation;
export const PUT = methodNotAllowed("GET, POST, HEAD, OPTIONS");
export const PATCH = methodNotAllowed("GET, POST, HEAD, OPTIONS");
export const DELETE = methodNotAllowed("GET, POST, HEAD, OPTIONS");
