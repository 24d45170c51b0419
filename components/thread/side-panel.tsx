// The thread's side panel: the customer, the channel's details, the customer's other threads.
import Link from "next/link";
import { ChannelBadge } from "@/components/inbox/channel-badge";
import type { ThreadView } from "@/lib/messages/queries";
import { LocalTime } from "@/components/ui/local-time";

export function SidePanel({ view, channelPanel }: { view: ThreadView; channelPanel?: React.ReactNode }) {
  const { thread } = view;
  return (
    <aside data-testid="thread-side-panel" className="hidden w-64 shrink-0 overflow-y-auto border-l border-slate-200 bg-slate-50/60 p-4 text-sm xl:block 2xl:w-72">
      <section className="mb-5">
        <div className="flex items-center gap-3">
          <span className="flex size-9 items-center justify-center rounded-full bg-slate-200 text-sm font-semibold text-slate-600" aria-hidden>
            {(thread.customerName || thread.customerEmail || "?").slice(0, 1).toUpperCase()}
          </span>
          <div className="min-w-0">
            <div className="truncate font-medium text-slate-900">{thread.customerName || "Unknown customer"}</div>
            {thread.customerEmail ? <div className="truncate text-xs text-slate-500">{thread.customerEmail}</div> : null}
          </div>
        </div>
        {thread.sellerName ? <p className="mt-2 text-xs text-slate-500">Seller: {thread.sellerName}</p> : null}
      </section>

      <section className="mb-5">
        <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">Details</h3>
        {channelPanel ? (
          <div data-testid="channel-details">{channelPanel}</div>
        ) : (
          <dl data-testid="channel-details" className="space-y-1.5">
            {view.details.length === 0 ? <p className="text-xs text-slate-400">No channel details.</p> : null}
            {view.details.map((f) => (
              <div key={f.label} className="grid grid-cols-[6.5rem_1fr] gap-2">
                <dt className="text-slate-500">{f.label}</dt>
                <dd className="text-slate-800 [overflow-wrap:anywhere]">{f.value}</dd>
              </div>
            ))}
            {thread.orderRef && !view.details.some((f) => f.value === thread.orderRef) ? (
              <div className="grid grid-cols-[6.5rem_1fr] gap-2">
                <dt className="text-slate-500">Order ref</dt>
                <dd className="text-slate-800">{thread.orderRef}</dd>
              </div>
            ) : null}
          </dl>
        )}
      </section>

      <section>
        <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">Other threads</h3>
        {view.otherThreads.length === 0 ? <p className="text-xs text-slate-400">None in any channel.</p> : null}
        <ul data-testid="other-threads" className="space-y-1">
          {view.otherThreads.map((t) => (
            <li key={t.id}>
              <Link href={`/inbox/${t.id}`} className="block rounded-md px-2 py-1.5 hover:bg-white hover:ring-1 hover:ring-slate-200">
                <div className="flex items-center gap-2">
                  <ChannelBadge channel={t.channel} />
                  <span className={`text-[11px] ${t.status === "open" ? "text-green-700" : "text-slate-400"}`}>{t.status}</span>
                  <span className="ml-auto text-[11px] text-slate-400" suppressHydrationWarning>
                    <LocalTime iso={t.lastMessageAt} />
                  </span>
                </div>
                <div className="mt-0.5 truncate text-slate-700">{t.subject || "(no subject)"}</div>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </aside>
  );
}
