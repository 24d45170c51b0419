// The inbox: filters on the left, the thread list (issue 3, list side), and the open thread on the
// right. The list lives in this layout so opening a thread (/inbox/<id>) keeps the list as it was.
import { headers } from "next/headers";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { getDb } from "@/db/client";
import { requirePagePermission } from "@/lib/auth/session";
import { INBOX_SEARCH_HEADER, pickFilters } from "@/lib/inbox/filters";
import { listInbox } from "@/lib/inbox/list";
import { inboxKeys } from "@/lib/inbox/query-keys";
import { findSidebar } from "@/lib/inbox/sidebar";
import { findTags } from "@/lib/tags/queries";
import { findSellerOptions } from "@/lib/threads/queries";
import { findStaff } from "@/lib/users/queries";
import { CurrentAgentProvider } from "@/components/inbox/current-agent";
import { InboxSidebar } from "@/components/inbox/inbox-sidebar";
import { ShortcutsProvider } from "@/components/inbox/shortcuts";
import { ThreadList } from "@/components/inbox/thread-list";

export default async function InboxLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePagePermission("inbox.view");
  const db = await getDb();
  // The first page, the sidebar and the tags are read here, with the page, so the list paints with
  // its rows; the browser takes over from the same React Query entries (filters from the URL, via proxy.ts).
  const filters = pickFilters(new URLSearchParams((await headers()).get(INBOX_SEARCH_HEADER) ?? ""));
  const client = new QueryClient();
  const [sellers, staff] = await Promise.all([
    findSellerOptions(db),
    findStaff(db),
    listInbox(db, new URLSearchParams(filters as Record<string, string>), user.id)
      .then((page) => client.setQueryData(inboxKeys.list(filters as Record<string, string>), { pages: [page], pageParams: [null] }))
      .catch(() => undefined), // invalid filters: the list shows the API's message itself
    findSidebar(db, user.id).then((sidebar) => client.setQueryData(inboxKeys.counts(), sidebar)),
    findTags(db).then((tags) => client.setQueryData(inboxKeys.tags(), tags)),
  ]);
  const me = { id: user.id, name: user.name, role: user.role };
  return (
    <HydrationBoundary state={dehydrate(client)}>
      <ShortcutsProvider>
        <CurrentAgentProvider agent={me}>
          <div className="flex h-full">
            {/* No Suspense boundaries here: the list hydrates with the page, before any live event or
              refetch can change its data under it (the page is dynamic, so useSearchParams needs none). */}
            <InboxSidebar sellers={sellers} me={me} />
            <ThreadList me={me} agents={staff.map((s) => ({ id: s.id, name: s.name }))} />
            <div className="flex min-w-0 flex-1">{children}</div>
          </div>
        </CurrentAgentProvider>
      </ShortcutsProvider>
    </HydrationBoundary>
  );
}
