import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { latestEventId } from "@/lib/events";
import { getCurrentUser } from "@/lib/auth/session";
import { can, homeFor } from "@/lib/auth/permissions";
import { AppHeader } from "@/components/layout/app-header";
import { LiveEventsProvider } from "@/components/live/live-events-provider";
import { NotificationsProvider } from "@/components/live/notifications";
import { getNotificationSettings } from "@/lib/notifications/settings";
import { QueryProvider } from "@/components/providers/query-provider";
import { AgentPrefsProvider } from "@/components/layout/agent-prefs";
import { themeScript } from "@/lib/inbox/texts";
import { getPreferences } from "@/lib/users/preferences";

export const dynamic = "force-dynamic";

export default async function AgentLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (!can(user.role, "inbox.view")) redirect(homeFor(user.role));
  // The stream starts where this render's data ends: whatever changes between the server reading
  // the page and the browser connecting is replayed, not lost.
  const db = await getDb();
  const [since, notifications, prefs] = await Promise.all([latestEventId(db), getNotificationSettings(db, user.id), getPreferences(db, user.id)]);
  return (
    <AgentPrefsProvider locale={prefs.locale} theme={prefs.theme}>
      <script nonce={(await headers()).get("x-nonce") ?? undefined} dangerouslySetInnerHTML={{ __html: themeScript(prefs.theme, prefs.locale) }} />
      <QueryProvider>
        <LiveEventsProvider url={`/api/events?lastEventId=${since}`}>
          <NotificationsProvider me={user.id} initial={notifications}>
            <div className="flex h-dvh flex-col">
              <AppHeader user={user} locale={prefs.locale} />
              <div className="min-h-0 flex-1">{children}</div>
            </div>
          </NotificationsProvider>
        </LiveEventsProvider>
      </QueryProvider>
    </AgentPrefsProvider>
  );
}
