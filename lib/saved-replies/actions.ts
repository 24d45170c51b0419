"use server";
// The saved-reply editor's server actions: any staff member for their own replies, admins for
// the team's (checked again in the service).
import { actorOf } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { formObject, runAction } from "@/lib/http/action";
import { savedReplyIdSchema, savedReplySchema } from "./schemas";
import { deleteSavedReply, saveSavedReply } from "./service";

export async function saveSavedReplyAction(_state: ActionResult<{ id: number }> | null, formData: FormData): Promise<ActionResult<{ id: number }>> {
  const bodies: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (key.startsWith("body_") && typeof value === "string") bodies[key.slice(5)] = value;
  const input = { ...formObject(formData), bodies };
  return runAction({ permission: "savedReplies.use", schema: savedReplySchema, input, revalidate: "/inbox/saved-replies" }, async (v, { db, user }) => ({
    id: await saveSavedReply(db, v, actorOf(user)),
  }));
}

export async function deleteSavedReplyAction(formData: FormData): Promise<void> {
  await runAction(
    { permission: "savedReplies.use", schema: savedReplyIdSchema, input: formObject(formData), revalidate: "/inbox/saved-replies" },
    async (v, { db, user }) => deleteSavedReply(db, v, actorOf(user)),
  );
}
