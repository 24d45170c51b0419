// POST /api/threads/{id}/attachments — upload files ahead of a reply or note (multipart `files`)
import { actorOf } from "@/lib/auth/session";
import { apiRoute, idParams } from "@/lib/http/route";
import { threadUploadBodyLimit, uploadDraftAttachments } from "@/lib/inbox/service";
import { filesOf } from "@/lib/inbox/thread-schemas";

export const dynamic = "force-dynamic";

// Anyone who may write a note may attach.
export const POST = apiRoute(
  { permission: "thread.note", params: idParams, bodyLimit: ({ db, params }) => threadUploadBodyLimit(db, params.id) },
  async ({ db, params, form, user }) => {
    const saved = await uploadDraftAttachments(db, { threadId: params.id, files: await filesOf(await form(), "files") }, actorOf(user));
    return Response.json({ attachments: saved.map((a) => ({ id: a.id, fileName: a.fileName, contentType: a.contentType, size: a.size })) }, { status: 201 });
  },
);
