// The inbox: filters on the left, the thread list (issue 3, list side), and the open thread on the
// right. The list lives in this layout so opening a thread (/inbox/<id>) keeps the list as it was.
import { Suspense } from "react";
import { getDb } from "@/db/client";
import { requirePagePermission } from "@/lib/auth/session";
import { findSellerOptions } from "@/lib/threads/queries";
import { InboxSidebar } from "@/components/inbox/inbox-sidebar";
import { ShortcutsProvider } from "@/components/inbox/shortcuts";
import { ThreadList } from "@/components/inbox/thread-list";

export default async function InboxLayout({ children }: { children: React.ReactNode }) {
  await requirePagePermission("inbox.view");
  const sellers = await findSellerOptions(await getDb());
  return (
    <ShortcutsProvider>
      <div className="flex h-full">
        <Suspense fallback={<div className="w-48 shrink-0 border-r border-slate-200" />}>
          <InboxSidebar sellers={sellers} />
        </Suspense>
        <Suspense fallback={<div className="w-80 shrink-0 border-r border-slate-200 2xl:w-96" />}>
          <ThreadList />
        </Suspense>
        <div className="flex min-w-0 flex-1">{children}</div>
      </div>
    </ShortcutsProvider>
  );
}
