import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { CHANNELS, type Channel } from "@/db/schema";
import { requirePagePermission } from "@/lib/auth/session";
import { decodeCursor, findInboxThreads } from "@/lib/threads/queries";
import { ChannelBadge, CHANNEL_LABELS } from "@/components/inbox/channel-badge";
import { RelativeTime } from "@/components/ui/relative-time";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePagePermission("inbox.view");
  const params = await searchParams;
  const channel = CHANNELS.includes(params.channel as Channel) ? (params.channel as Channel) : undefined;
  const status = params.status === "closed" ? "closed" : params.status === "all" ? undefined : "open";
  const { threads, nextCursor } = await findInboxThreads(await getDb(), { channel, status }, { cursor: decodeCursor(params.cursor) });
  const link = (patch: Record<string, string | undefined>) => {
    const q = new URLSearchParams();
    const merged = { channel, status: params.status, ...patch };
    for (const [k, v] of Object.entries(merged)) if (v) q.set(k, v);
    return `/inbox${q.size ? `?${q}` : ""}`;
  };
  return (
    <div className="flex h-full">
      <aside className="w-52 shrink-0 border-r border-slate-200 bg-white p-3 text-sm">
        <nav className="space-y-0.5">
          <Link href={link({ channel: undefined })} className={`block rounded px-2 py-1.5 ${!channel ? "bg-slate-100 font-medium" : "hover:bg-slate-50"}`}>
            All channels
          </Link>
          {CHANNELS.map((c) => (
            <Link key={c} href={link({ channel: c })} className={`block rounded px-2 py-1.5 ${channel === c ? "bg-slate-100 font-medium" : "hover:bg-slate-50"}`}>
              {CHANNEL_LABELS[c]}
            </Link>
          ))}
        </nav>
      </aside>
      <main className="min-w-0 flex-1 overflow-y-auto">
        <div className="flex items-center gap-2 border-b border-slate-200 bg-white px-4 py-2 text-sm">
          {(["open", "closed", "all"] as const).map((s) => (
            <Link key={s} href={link({ status: s === "open" ? undefined : s, cursor: undefined })} className={`rounded px-2 py-1 capitalize ${(params.status ?? "open") === s ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100"}`}>
              {s}
            </Link>
          ))}
        </div>
        <ul data-testid="thread-list" className="divide-y divide-slate-100 bg-white">
          {threads.map((t) => (
            <li key={t.id} data-testid="thread-row" data-channel={t.channel} className="flex items-center gap-3 px-4 py-2.5 text-sm">
              <ChannelBadge channel={t.channel} />
              <span className="w-40 shrink-0 truncate font-medium">{t.customerName || t.customerEmail}</span>
              <span className="min-w-0 flex-1 truncate">
                <span className={t.unreadCount ? "font-semibold" : ""}>{t.subject}</span>
                <span className="text-slate-400"> — {t.lastMessagePreview}</span>
              </span>
              <span className={`shrink-0 rounded px-1.5 py-0.5 text-xs ${t.status === "open" ? "bg-green-50 text-green-700" : "bg-slate-100 text-slate-500"}`}>{t.channelState ?? t.status}</span>
              <span className="w-12 shrink-0 text-right text-xs text-slate-500">
                <RelativeTime date={t.lastMessageAt} />
              </span>
            </li>
          ))}
        </ul>
        {nextCursor ? (
          <div className="p-4 text-center text-sm">
            <Link href={link({ cursor: nextCursor })} className="text-brand-600 hover:underline">
              Older threads →
            </Link>
          </div>
        ) : null}
      </main>
    </div>
  );
}
