// One thread: messages, the channel's panel, and the agent's actions. Rendered on the server for a
// fast first paint; the client takes over from the same cache entry.
import type { Metadata } from "next";
import { cache } from "react";
import { notFound } from "next/navigation";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { getDb } from "@/db/client";
import { requirePagePermission } from "@/lib/auth/session";
import { inboxKeys } from "@/lib/inbox/query-keys";
import { findThreadView } from "@/lib/inbox/thread-view";
import { threadIdSchema } from "@/lib/inbox/thread-schemas";
import { getPreferences } from "@/lib/users/preferences";
import { ThreadView } from "@/components/thread/thread-view";

/** One read per request for the page and its title. */
const loadView = cache(async (rawId: string) => {
  const user = await requirePagePermission("inbox.view");
  const parsed = threadIdSchema.safeParse(rawId);
  if (!parsed.success) return { user, view: null };
  const db = await getDb();
  const { locale } = await getPreferences(db, user.id);
  return { user, view: await findThreadView(db, parsed.data, { viewerId: user.id, locale }) };
});

/** The tab says which thread it is: its subject. */
export async function generateMetadata({ params }: { params: Promise<{ threadId: string }> }): Promise<Metadata> {
  const { view } = await loadView((await params).threadId);
  return { title: view ? view.thread.subject || `#${view.thread.id}` : "Not found" };
}

export default async function ThreadPage({ params }: { params: Promise<{ threadId: string }> }) {
  const { user, view } = await loadView((await params).threadId);
  if (!view) notFound();
  const client = new QueryClient();
  client.setQueryData(inboxKeys.thread(view.thread.id), view);
  return (
    <HydrationBoundary state={dehydrate(client)}>
      {/* key: a new thread starts with a fresh composer and presence */}
      <ThreadView key={view.thread.id} threadId={view.thread.id} me={{ id: user.id, name: user.name }} />
    </HydrationBoundary>
  );
}
