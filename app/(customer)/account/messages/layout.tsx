// The frame of "My messages": the customer's live stream (/api/portal/events, from the newest event at render time so nothing in between is lost) and React Query
import { getDb } from "@/db/client";
import { latestEventId } from "@/lib/events";
import { customerPageLocale } from "@/lib/portal/locale";
import { getPortalCustomer } from "@/lib/portal/session";
import { LiveEventsProvider } from "@/components/live/live-events-provider";
import { PortalShell } from "@/components/portal/portal-shell";
import { QueryProvider } from "@/components/providers/query-provider";

export const dynamic = "force-dynamic";

export default async function MessagesLayout({ children }: { children: React.ReactNode }) {
  const me = await getPortalCustomer();
  // Without a customer the page itself sends the browser to sign in (and back).
  if (!me) return children;
  const [since, locale] = await Promise.all([latestEventId(await getDb()), customerPageLocale({ userLocale: me.customer.locale })]);
  return (
    <QueryProvider>
      <LiveEventsProvider url={`/api/portal/events?lastEventId=${since}`}>
        <PortalShell locale={locale} name={me.customer.name}>
          {children}
        </PortalShell>
      </LiveEventsProvider>
    </QueryProvider>
  );
}
