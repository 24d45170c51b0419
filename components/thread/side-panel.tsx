// The thread's side panel: the customer, the channel's details, the customer's other threads.
import Link from "next/link";
import { ChannelBadge } from "@/components/inbox/channel-badge";
import type { ThreadView } from "@/lib/inbox/views";
import { LocalTime } from "@/components/ui/local-time";
import { ChannelPanel } from "./channel-panel";

export function SidePanel({ view }: { view: ThreadView }) {
  const { thread } = view;
  return (
    <aside
      data-testid="thread-side-panel"
      className="hidden w-64 shrink-0 overflow-y-auto border-l border-slate-200 bg-slate-50/60 p-4 text-sm xl:block 2xl:w-72"
    >
      <section className="mb-5">
        <div className="flex items-center gap-3">
          <span className="flex size-9 items-center justify-center rounded-full bg-slate-200 text-sm font-semibold text-slate-600" aria-hidden>
            {(thread.customerName || thread.customerEmail || "?").slice(0, 1).toUpperCase()}
          </span>
          <div className="min-w-0">
            {thread.customerId ? (
              <Link
                href={`/inbox/customers/${thread.customerId}`}
                data-testid="customer-profile-link"
                className="block truncate font-medium text-slate-900 hover:text-brand-700 hover:underline"
              >
                {thread.customerName || "Unknown customer"}
              </Link>
            ) : (
              <div className="truncate font-medium text-slate-900">{thread.customerName || "Unknown customer"}</div>
            )}
            {thread.customerEmail ? <div className="truncate text-xs text-slate-600">{thread.customerEmail}</div> : null}
          </div>
        </div>
        {thread.sellerName ? <p className="mt-2 text-xs text-slate-600">Seller: {thread.sellerName}</p> : null}
      </section>

      <section className="mb-5">
        <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-600 uppercase">Details</h3>
        <div data-testid="channel-details">
          <ChannelPanel panel={view.panel} threadId={thread.id} />
          {thread.orderRef && !view.panel.rows.some((r) => r.value === thread.orderRef) ? (
            <dl className="mt-1.5 grid grid-cols-[6.5rem_1fr] gap-2">
              <dt className="text-slate-600">Order ref</dt>
              <dd className="text-slate-800">{thread.orderRef}</dd>
            </dl>
          ) : null}
        </div>
      </section>

      <section>
        <h3 className="mb-2 flex items-center text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <span className="flex-1">Other threads</span>
          {thread.customerId ? (
            <Link href={`/inbox/customers/${thread.customerId}`} className="text-[11px] font-normal tracking-normal normal-case text-brand-700 hover:underline">
              Profile →
            </Link>
          ) : null}
        </h3>
        {view.otherThreads.length === 0 ? <p className="text-xs text-slate-600">None in any channel.</p> : null}
        <ul data-testid="other-threads" className="space-y-1">
          {view.otherThreads.map((t) => (
            <li key={t.id}>
              <Link href={`/inbox/${t.id}`} className="block rounded-md px-2 py-1.5 hover:bg-white hover:ring-1 hover:ring-slate-200">
                <div className="flex items-center gap-2">
                  <ChannelBadge channel={t.channel} />
                  <span className={`text-[11px] ${t.status === "open" ? "text-green-700" : "text-slate-600"}`}>{t.status}</span>
                  <span className="ml-auto text-[11px] text-slate-600" suppressHydrationWarning>
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
