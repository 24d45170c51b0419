// POST /api/inbox/bulk/{id}/undo — put back what my bulk action changed (for UNDO_SECONDS after it)
import { actorOf } from "@/lib/auth/session";
import { undoBulkAction } from "@/lib/inbox/bulk";
import { apiRoute, idParams } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ permission: "thread.bulk", params: idParams }, async ({ db, params, user }) =>
  undoBulkAction(db, { operationId: params.id }, actorOf(user)),
);
