// One thread: messages, the channel's details, and the agent's actions (issue 3, thread side).
// Rendered on the server for a fast first paint; the client takes over from the same cache entry.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { getDb } from "@/db/client";
import { requirePagePermission } from "@/lib/auth/session";
import { inboxKeys } from "@/lib/inbox/query-keys";
import { getThreadView } from "@/lib/messages/queries";
import { threadIdSchema } from "@/lib/messages/schemas";
import { ThreadView } from "@/components/thread/thread-view";
import { ContactPanel } from "@/components/contact/contact-panel";
import { DiscussionPanel } from "@/components/discussions/discussion-panel";
import { getDiscussionPanel } from "@/lib/discussions/queries";

export const metadata: Metadata = { title: "Thread" };

export default async function ThreadPage({ params }: { params: Promise<{ threadId: string }> }) {
  const user = await requirePagePermission("inbox.view");
  const parsed = threadIdSchema.safeParse((await params).threadId);
  if (!parsed.success) notFound();
  const db = await getDb();
  const view = await getThreadView(db, parsed.data);
  if (!view) notFound();
  // Channels with their own panel: the contact form's fields (and mail failures), the discussion's
  // facts and participants.
  let channelPanel: React.ReactNode = null;
  if (view.thread.channel === "contact") channelPanel = <ContactPanel threadId={view.thread.id} />;
  if (view.thread.channel === "discussion") {
    const panel = await getDiscussionPanel(db, view.thread.id);
    if (panel) channelPanel = <DiscussionPanel panel={panel} customerName={view.thread.customerName} />;
  }
  const client = new QueryClient();
  client.setQueryData(inboxKeys.thread(view.thread.id), view);
  return (
    <HydrationBoundary state={dehydrate(client)}>
      {/* key: a new thread starts with a fresh composer and presence */}
      <ThreadView key={view.thread.id} threadId={view.thread.id} me={{ id: user.id, name: user.name }} channelPanel={channelPanel} />
    </HydrationBoundary>
  );
}
