// POST /api/threads/{id}/restore — back from the trash (admins, within 30 days of the deletion)
import { actorOf } from "@/lib/auth/session";
import { apiRoute, idParams } from "@/lib/http/route";
import { restoreDeletedThread } from "@/lib/inbox/service";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ permission: "thread.restore", params: idParams }, async ({ db, params, user }) =>
  restoreDeletedThread(db, { threadId: params.id }, actorOf(user)),
);
