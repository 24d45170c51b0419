"use server";
// The tag admin's server actions (tags.manage, checked by runAction in the server).
import type { ActionResult } from "@/lib/errors";
import { actorOf } from "@/lib/auth/session";
import { formObject, runAction } from "@/lib/http/action";
import { tagIdSchema, tagSchema } from "./schemas";
import { deleteTag, saveTag } from "./service";

export async function saveTagAction(_state: ActionResult<{ id: number }> | null, formData: FormData): Promise<ActionResult<{ id: number }>> {
  return runAction({ permission: "tags.manage", schema: tagSchema, input: formObject(formData), revalidate: "/admin/tags" }, async (input, { db, user }) => ({
    id: await saveTag(db, input, actorOf(user)),
  }));
}

export async function deleteTagAction(formData: FormData): Promise<void> {
  await runAction({ permission: "tags.manage", schema: tagIdSchema, input: formObject(formData), revalidate: "/admin/tags" }, async (input, { db, user }) => {
    await deleteTag(db, input, actorOf(user));
  });
}
