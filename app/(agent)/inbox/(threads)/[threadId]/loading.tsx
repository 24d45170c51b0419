"use client";
// Shown the moment a thread is chosen, while the server reads it. When the browser already holds
// the thread (prefetched as the pointer or the j/k selection reached its row, or seen a moment
// ago), this is the thread itself, from that cache, until the server's page replaces it; otherwise
// the pane says it is opening rather than keeping "Select a conversation".
import { useQueryClient } from "@tanstack/react-query";
import { useParams } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import { inboxKeys } from "@/lib/inbox/query-keys";
import type { ThreadView as ThreadData } from "@/lib/inbox/views";
import { useCurrentAgent } from "@/components/inbox/current-agent";
import { ThreadView } from "@/components/thread/thread-view";

export default function ThreadLoading() {
  const params = useParams<{ threadId?: string }>();
  const id = Number(params.threadId);
  const me = useCurrentAgent();
  // Only the cache, read without creating an entry: the server's page is on its way, and its
  // HydrationBoundary fills an entry that does not exist yet while rendering (one that exists, only
  // after it — too late for the server's HTML, which would then lack the thread). And only what
  // this browser had asked for before the click — the thread already here, or its prefetch under
  // way — never the entry the page's own HydrationBoundary brings: on a page load that boundary
  // can hydrate while this one is still shown, and the thread would then be there twice.
  const qc = useQueryClient();
  const key = inboxKeys.thread(id);
  const [asked] = useState(() => qc.getQueryData(key) !== undefined || qc.isFetching({ queryKey: key }) > 0);
  const data = useSyncExternalStore(
    (onChange) => (asked ? qc.getQueryCache().subscribe(onChange) : () => undefined),
    () => (asked ? qc.getQueryData<ThreadData>(key) : undefined),
    () => undefined,
  );
  if (data && me && data.thread.id === id)
    return (
      // "contents": no box of its own, the pane lays out as the page's will (the marker says which one this is).
      <div className="contents" data-testid="thread-from-cache">
        <ThreadView key={id} threadId={id} me={{ id: me.id, name: me.name }} preview />
      </div>
    );
  return (
    <section data-testid="thread-loading" role="status" aria-live="polite" className="flex min-w-0 flex-1 flex-col bg-slate-50">
      <div className="border-b border-slate-200 bg-white px-5 py-4">
        <div className="h-3 w-24 animate-pulse rounded bg-slate-200" />
        <div className="mt-2 h-5 w-2/3 animate-pulse rounded bg-slate-200" />
      </div>
      <p className="flex flex-1 items-center justify-center text-sm text-slate-700">Opening the conversation…</p>
    </section>
  );
}
