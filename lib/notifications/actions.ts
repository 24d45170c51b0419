"use server";
// The notification menu's server action: a staff member's own choices.
import { z } from "zod";
import { actorOf } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/http/action";
import { saveNotificationSettings, type NotificationSettings } from "./settings";

const schema = z.object({ desktop: z.boolean(), sound: z.boolean() });

export async function saveNotificationSettingsAction(input: NotificationSettings): Promise<ActionResult<NotificationSettings>> {
  return runAction({ permission: "inbox.view", schema, input }, (v, { db, user }) => saveNotificationSettings(db, v, actorOf(user)));
}
