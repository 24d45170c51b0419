// GET /users/conversations/{id}/ — one of the signed-in shopper's conversations; see lib/conversations/wire/http.ts
import { methodNotAllowed, retrieveConversation } from "@/lib/conversations/wire/http";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return retrieveConversation(request, (await params).id);
}
export const POST = methodNotAllowed("GET, HEAD, OPTIONS");
export const PUT = methodNotAllowed("GET, HEAD, OPTIONS");
export const PATCH = methodNotAllowed("GET, HEAD, OPTIONS");
export const DELETE = methodNotAllowed("GET, HEAD, OPTIONS");
