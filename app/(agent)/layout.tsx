import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { latestEventId } from "@/lib/events";
import { getCurrentUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/permissions";
import { AppHeader } from "@/components/layout/app-header";
import { LiveEventsProvider } from "@/components/live/live-events-provider";
import { QueryProvider } from "@/components/providers/query-provider";

export const dynamic = "force-dynamic";

export default async function AgentLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (!isStaff(user.role)) redirect("/account");
  // The stream starts where this render's data ends: whatever changes between the server reading
  // the page and the browser connecting is replayed, not lost.
  const since = await latestEventId(await getDb());
  return (
    <QueryProvider>
    <LiveEventsProvider url={`/api/events?lastEventId=${since}`}>
      <div className="flex h-screen flex-col">
        <AppHeader user={user} />
        <div className="min-h-0 flex-1">{children}</div>
      </div>
    </LiveEventsProvider>
    </QueryProvider>
  );
}
