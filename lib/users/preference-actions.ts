"use server";
// The preferences menu's server action: a staff member's own language and theme.
import { actorOf } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/http/action";
import { preferencesSchema, savePreferences, type Preferences } from "./preferences";

export async function savePreferencesAction(input: Preferences): Promise<ActionResult<Preferences>> {
  return runAction({ permission: "inbox.view", schema: preferencesSchema, input, revalidate: "/" }, (v, { db, user }) => savePreferences(db, v, actorOf(user)));
}
