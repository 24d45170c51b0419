// A staff member's own screen preferences: the agent UI's language and its theme (user_settings). Kept on the server, so they follow the agent to another browser.
import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { userSettings } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AGENT_LOCALES, isAgentLocale, THEMES, type AgentLocale, type Theme } from "@/lib/inbox/texts";

export interface Preferences {
  locale: AgentLocale;
  theme: Theme;
}

export const preferencesSchema = z.object({ locale: z.enum(AGENT_LOCALES), theme: z.enum(THEMES) });

export async function getPreferences(db: Db, userId: number): Promise<Preferences> {
  const [row] = await db.select({ locale: userSettings.uiLocale, theme: userSettings.theme }).from(userSettings).where(eq(userSettings.userId, userId));
  const theme = (THEMES as readonly string[]).includes(row?.theme ?? "") ? (row!.theme as Theme) : "system";
  return { locale: isAgentLocale(row?.locale) ? row.locale : "en", theme };
}

export async function savePreferences(db: Db, input: Preferences, actor: Extract<Actor, { kind: "staff" }>): Promise<Preferences> {
  const v = preferencesSchema.parse(input);
  await db
    .insert(userSettings)
    .values({ userId: actor.userId, theme: v.theme, uiLocale: v.locale })
    .onConflictDoUpdate({ target: userSettings.userId, set: { theme: v.theme, uiLocale: v.locale, updatedAt: new Date() } });
  return v;
}
