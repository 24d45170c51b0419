// POST /api/presence — "my inbox is open" (every 30 s): who is online, for round-robin assignment
import { actorOf } from "@/lib/auth/session";
import { apiRoute } from "@/lib/http/route";
import { recordAgentPresence } from "@/lib/threads/assignment";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ permission: "inbox.view" }, async ({ db, user }) => {
  await recordAgentPresence(db, actorOf(user));
  return { ok: true };
});
