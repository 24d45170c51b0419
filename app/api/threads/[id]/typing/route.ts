// POST /api/threads/{id}/typing — "I am writing here" ({typing: true, kind: "reply"|"note"}) or "I stopped":
// colleagues see "… is replying"; a reply being written is also heard by the other side where its
// channel shows it live (a chat room's visitor sees the agent typing).
import { actorOf } from "@/lib/auth/session";
import { signalTyping as signalRoomTyping } from "@/lib/chat/service";
import { typingSchema } from "@/lib/drafts/schemas";
import { signalTyping } from "@/lib/drafts/service";
import { apiRoute, idParams } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ permission: "thread.note", params: idParams }, async ({ db, params, json, user }) => {
  const input = typingSchema.parse((await json()) ?? {});
  const actor = actorOf(user);
  await signalTyping(db, { threadId: params.id, ...input }, actor);
  if (input.kind === "reply") await signalRoomTyping(db, { threadId: params.id, side: "agent", typing: input.typing, name: actor.name });
  return { ok: true };
});
