"use server";
// Admin actions on the inbox: restoring a thread from the trash (thread.restore) and the
// assignment setting (settings.manage). Checked by runAction in the server.
import { z } from "zod";
import { actorOf } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { formObject, runAction } from "@/lib/http/action";
import { saveAssignmentSettings } from "@/lib/threads/assignment";
import { restoreDeletedThread } from "./service";

export async function restoreThreadAction(formData: FormData): Promise<void> {
  await runAction(
    {
      permission: "thread.restore",
      schema: z.object({ threadId: z.coerce.number().int().positive() }),
      input: formObject(formData),
      revalidate: "/admin/trash",
    },
    (v, { db, user }) => restoreDeletedThread(db, v, actorOf(user)),
  );
}

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

export async function saveAssignmentAction(_state: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(
    {
      permission: "settings.manage",
      schema: z.object({ assignOnReply: checkbox, roundRobin: checkbox }),
      input: formObject(formData),
      revalidate: "/admin/settings",
    },
    async (v, { db }) => {
      await saveAssignmentSettings(db, v);
    },
  );
}
