// PUT /api/threads/{id}/draft — save my composer draft here (text, kind, receivers, files uploaded ahead; empty deletes it)
// DELETE /api/threads/{id}/draft — forget it
import { actorOf } from "@/lib/auth/session";
import { draftSchema } from "@/lib/drafts/schemas";
import { deleteDraft, saveDraft } from "@/lib/drafts/service";
import { apiRoute, idParams } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const PUT = apiRoute({ permission: "thread.note", params: idParams }, async ({ db, params, json, user }) => ({
  draft: await saveDraft(db, { ...draftSchema.parse(await json()), threadId: params.id }, actorOf(user)),
}));

export const DELETE = apiRoute({ permission: "thread.note", params: idParams }, async ({ db, params, user }) => {
  await deleteDraft(db, { threadId: params.id }, actorOf(user));
  return { draft: null };
});
