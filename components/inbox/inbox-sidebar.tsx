"use client";
// The inbox's left column: views (open, mine, unassigned, unread, closed, all), channels with their
// own states, seller and date filters. Every choice is a link that changes the URL, so a view can
// be bookmarked and shared. Counts are of open threads and capped (see findInboxCounts).
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import type { Channel } from "@/db/schema";
import { inboxKeys } from "@/lib/inbox/query-keys";
import { CHANNEL_STATES, INBOX_CHANNELS as CHANNELS, STATE_LABELS } from "@/lib/inbox/filters";
import type { InboxCounts } from "@/lib/threads/queries";
import { CHANNEL_LABELS } from "./channel-badge";
import { ChannelIcon } from "./channel-icon";
import { useInboxFilters, type FilterValues } from "./use-inbox-filters";

async function fetchCounts(): Promise<InboxCounts> {
  const response = await fetch("/api/inbox/counts", { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`counts: ${response.status}`);
  return response.json() as Promise<InboxCounts>;
}

const formatCount = (n: number | undefined, cap: number | undefined) => (n === undefined ? "" : cap !== undefined && n >= cap ? `${cap - 1}+` : String(n));

const VIEWS: { id: string; label: string; patch: FilterValues; count?: keyof Omit<InboxCounts, "channels" | "cap"> }[] = [
  { id: "open", label: "Open", patch: { status: undefined, assignee: undefined, unread: undefined }, count: "open" },
  { id: "mine", label: "Mine", patch: { status: undefined, assignee: "me", unread: undefined }, count: "mine" },
  { id: "unassigned", label: "Unassigned", patch: { status: undefined, assignee: "none", unread: undefined }, count: "unassigned" },
  { id: "unread", label: "Unread", patch: { status: undefined, assignee: undefined, unread: "1" }, count: "unread" },
  { id: "closed", label: "Closed", patch: { status: "closed", assignee: undefined, unread: undefined } },
  { id: "all", label: "All", patch: { status: "all", assignee: undefined, unread: undefined } },
];

function currentView(f: FilterValues): string {
  if (f.status === "closed") return "closed";
  if (f.status === "all") return "all";
  if (f.unread) return "unread";
  if (f.assignee === "me") return "mine";
  if (f.assignee === "none") return "unassigned";
  return "open";
}

function NavItem({ href, active, children, count, testId }: { href: string; active: boolean; children: React.ReactNode; count?: string; testId?: string }) {
  return (
    <Link
      href={href}
      // Clicking must not leave focus here, or a later Enter would follow this link again.
      onClick={(e) => e.currentTarget.blur()}
      data-testid={testId}
      aria-current={active ? "page" : undefined}
      className={`flex items-center gap-2 rounded-md px-2 py-1 ${active ? "bg-slate-900/5 font-medium text-slate-900" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"}`}
    >
      <span className="min-w-0 flex-1 truncate">{children}</span>
      {count ? <span className="text-xs tabular-nums text-slate-400">{count}</span> : null}
    </Link>
  );
}

export function InboxSidebar({ sellers }: { sellers: { id: number; title: string }[] }) {
  const router = useRouter();
  const { filters, hrefWith } = useInboxFilters();
  const { data: counts } = useQuery({ queryKey: inboxKeys.counts(), queryFn: fetchCounts, staleTime: 15_000 });
  const view = currentView(filters);
  const channel = filters.channel as Channel | undefined;

  return (
    <aside data-testid="inbox-sidebar" className="flex w-48 shrink-0 flex-col gap-4 overflow-y-auto border-r border-slate-200 bg-slate-50/60 p-2 text-sm">
      <nav aria-label="Views" className="space-y-0.5">
        {VIEWS.map((v) => (
          <NavItem key={v.id} testId={`view-${v.id}`} href={hrefWith({ ...v.patch, state: filters.state })} active={view === v.id} count={v.count ? formatCount(counts?.[v.count], counts?.cap) : undefined}>
            {v.label}
          </NavItem>
        ))}
      </nav>

      <nav aria-label="Channels" className="space-y-0.5">
        <h2 className="px-2 pb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-400">Channels</h2>
        <NavItem testId="channel-all" href={hrefWith({ channel: undefined, state: undefined })} active={!channel}>
          All channels
        </NavItem>
        {CHANNELS.map((c) => (
          <div key={c}>
            <Link
              href={hrefWith({ channel: c, state: undefined })}
              onClick={(e) => e.currentTarget.blur()}
              data-testid={`channel-${c}`}
              aria-current={channel === c && !filters.state ? "page" : undefined}
              className={`flex items-center gap-2 rounded-md px-2 py-1 ${channel === c && !filters.state ? "bg-slate-900/5 font-medium text-slate-900" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"}`}
            >
              <ChannelIcon channel={c} className="h-5 w-5" />
              <span className="min-w-0 flex-1 truncate">{CHANNEL_LABELS[c]}</span>
              <span className="text-xs tabular-nums text-slate-400">{formatCount(counts?.channels[c], counts?.cap)}</span>
            </Link>
            {channel === c && CHANNEL_STATES[c].length ? (
              <div className="ml-7 mt-0.5 space-y-0.5 border-l border-slate-200 pl-2">
                {CHANNEL_STATES[c].map((s) => (
                  <NavItem key={s} testId={`state-${s}`} href={hrefWith({ channel: c, state: s })} active={filters.state === s}>
                    {STATE_LABELS[s] ?? s}
                  </NavItem>
                ))}
              </div>
            ) : null}
          </div>
        ))}
      </nav>

      <details className="group px-2" open={Boolean(filters.seller || filters.createdFrom || filters.createdTo || filters.updatedFrom || filters.updatedTo)}>
        <summary className="cursor-pointer select-none text-[11px] font-semibold uppercase tracking-wide text-slate-400">More filters</summary>
        <form
          className="mt-2 space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            const get = (k: string) => (data.get(k) as string) || undefined;
            router.push(hrefWith({ seller: get("seller"), createdFrom: get("createdFrom"), createdTo: get("createdTo"), updatedFrom: get("updatedFrom"), updatedTo: get("updatedTo") }));
          }}
        >
          <label className="block text-xs text-slate-500">
            Seller
            <select name="seller" defaultValue={filters.seller ?? ""} className="mt-0.5 block w-full rounded border border-slate-300 bg-white px-1.5 py-1 text-sm text-slate-800">
              <option value="">Any seller</option>
              {sellers.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </label>
          {(
            [
              ["createdFrom", "Created from"],
              ["createdTo", "Created to"],
              ["updatedFrom", "Updated from"],
              ["updatedTo", "Updated to"],
            ] as const
          ).map(([name, label]) => (
            <label key={name} className="block text-xs text-slate-500">
              {label}
              <input type="date" name={name} defaultValue={filters[name] ?? ""} className="mt-0.5 block w-full rounded border border-slate-300 bg-white px-1.5 py-0.5 text-sm text-slate-800" />
            </label>
          ))}
          <div className="flex gap-2">
            <button type="submit" className="rounded bg-slate-900 px-2 py-1 text-xs font-medium text-white hover:bg-slate-700">
              Apply
            </button>
            <Link href={hrefWith({ seller: undefined, createdFrom: undefined, createdTo: undefined, updatedFrom: undefined, updatedTo: undefined })} className="rounded px-2 py-1 text-xs text-slate-600 hover:bg-slate-100">
              Clear
            </Link>
          </div>
        </form>
      </details>

      <nav aria-label="Queues" className="mt-auto border-t border-slate-200 pt-2">
        <NavItem href="/inbox/calls" active={false}>
          Call-back queue →
        </NavItem>
      </nav>
    </aside>
  );
}
