// POST /api/threads/{id}/presence — "I am looking at this thread" (heartbeat); who else is
// DELETE /api/threads/{id}/presence — I left it
import { actorOf } from "@/lib/auth/session";
import { apiRoute, idParams } from "@/lib/http/route";
import { heartbeatThread, leaveThread } from "@/lib/inbox/service";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ permission: "inbox.view", params: idParams }, async ({ db, params, user }) => ({
  viewers: await heartbeatThread(db, { threadId: params.id }, actorOf(user)),
}));

export const DELETE = apiRoute({ permission: "inbox.view", params: idParams }, async ({ db, params, user }) => ({
  viewers: await leaveThread(db, { threadId: params.id }, actorOf(user)),
}));
