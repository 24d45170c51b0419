// POST /api/threads/{id}/messages — the agent's reply or internal note, multipart with its files
import { actorOf } from "@/lib/auth/session";
import { postReply } from "@/lib/channels/reply";
import { apiRoute, idParams } from "@/lib/http/route";
import { threadUploadBodyLimit } from "@/lib/inbox/service";
import { filesOf, replySchema } from "@/lib/inbox/thread-schemas";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  { permission: "inbox.view", params: idParams, bodyLimit: ({ db, params }) => threadUploadBodyLimit(db, params.id) },
  async ({ db, params, form, require }) => {
    const body = await form();
    const input = replySchema.parse({
      kind: body.get("kind"),
      body: body.get("body") ?? "",
      receivers: body.getAll("receivers").filter((v) => typeof v === "string"),
      attachmentIds: body.getAll("attachmentIds").filter((v) => typeof v === "string"),
      expectedVersion: body.get("expectedVersion") || undefined,
      since: body.get("since") || undefined,
      force: body.get("force") ?? "false",
    });
    const user = require(input.kind === "note" ? "thread.note" : "thread.reply");
    const result = await postReply(
      db,
      {
        threadId: params.id,
        kind: input.kind,
        body: input.body,
        receivers: input.receivers,
        files: await filesOf(body, "files"),
        draftIds: input.attachmentIds,
        expectedVersion: input.expectedVersion,
        since: input.since,
        force: input.force,
      },
      actorOf(user),
    );
    return Response.json(
      { messageId: result.message.id, attachmentIds: result.attachments.map((a) => a.id), version: result.version, at: new Date().toISOString() },
      { status: 201 },
    );
  },
);
