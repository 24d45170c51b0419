// A staff member's notification choices (opt-in): a desktop notification and a sound for new
// messages in their threads, assignments to them and @mentions. The tab title's unread count is
// always on. Kept on the server (user_settings), so they follow the agent to another browser;
// the browser still asks its own permission for desktop notifications.
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { userSettings } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";

export interface NotificationSettings {
  desktop: boolean;
  sound: boolean;
}

export async function getNotificationSettings(db: Db, userId: number): Promise<NotificationSettings> {
  const [row] = await db.select().from(userSettings).where(eq(userSettings.userId, userId));
  return { desktop: row?.notifyDesktop ?? false, sound: row?.notifySound ?? false };
}

export async function saveNotificationSettings(db: Db, input: NotificationSettings, actor: Extract<Actor, { kind: "staff" }>): Promise<NotificationSettings> {
  const values = { notifyDesktop: input.desktop, notifySound: input.sound, updatedAt: new Date() };
  await db
    .insert(userSettings)
    .values({ userId: actor.userId, ...values })
    .onConflictDoUpdate({ target: userSettings.userId, set: values });
  return input;
}
