// GET /api/threads/{id} — the open thread (messages, the channel's panel, related threads, my draft) for staff
// PATCH /api/threads/{id} — open/close, assign, mark read/unread, tags, snooze, spam, merge into another thread
// DELETE /api/threads/{id} — to the trash (an admin may restore it for 30 days)
import { getPreferences } from "@/lib/users/preferences";
import { actorOf } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { apiRoute, idParams } from "@/lib/http/route";
import { mergeThreads } from "@/lib/inbox/merge";
import { changeAssignee, changeReadState, changeSnooze, changeSpam, changeThreadStatus, changeThreadTags, deleteThread } from "@/lib/inbox/service";
import { threadPatchSchema } from "@/lib/inbox/thread-schemas";
import { findThreadView } from "@/lib/inbox/thread-view";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "inbox.view", params: idParams, headers: { "Cache-Control": "no-store" } }, async ({ db, params, user }) => {
  const view = await findThreadView(db, params.id, { viewerId: user.id, locale: (await getPreferences(db, user.id)).locale });
  if (!view) throw new AppError("not_found", "Thread not found.");
  return view;
});

export const PATCH = apiRoute({ permission: "inbox.view", params: idParams }, async ({ db, params, json, require }) => {
  const patch = threadPatchSchema.parse(await json());
  const threadId = params.id;
  switch (patch.action) {
    case "status":
      return changeThreadStatus(db, { threadId, status: patch.status }, actorOf(require("thread.status")));
    case "assign": {
      const user = require("thread.assign");
      return changeAssignee(db, { threadId, assigneeId: patch.assigneeId === "me" ? user.id : patch.assigneeId }, actorOf(user));
    }
    case "read":
      return changeReadState(db, { threadId, read: patch.read, messageIds: patch.messageIds }, actorOf(require("thread.read")));
    case "tags":
      return changeThreadTags(db, { threadId, add: patch.add, remove: patch.remove }, actorOf(require("thread.tag")));
    case "snooze":
      return changeSnooze(db, { threadId, snooze: { until: patch.until } }, actorOf(require("thread.snooze")));
    case "unsnooze":
      return changeSnooze(db, { threadId, snooze: false }, actorOf(require("thread.snooze")));
    case "spam":
      return changeSpam(db, { threadId, spam: patch.spam }, actorOf(require("thread.spam")));
    case "merge":
      return mergeThreads(db, { sourceId: threadId, targetId: patch.intoId }, actorOf(require("thread.merge")));
  }
});

export const DELETE = apiRoute({ permission: "thread.delete", params: idParams }, async ({ db, params, user }) =>
  deleteThread(db, { threadId: params.id }, actorOf(user)),
);
