"use client";
// The inbox's left column: views (open, mine, unassigned, unread, snoozed, closed, all, spam), the
// saved views (the team's and mine), channels with their own states, tags, seller and date
// filters. Every choice is a link that changes the URL, so a view can be bookmarked and shared.
// Counts are of open threads and capped (see findInboxCounts), the saved views' included.
import { useAgentTexts } from "@/components/layout/agent-prefs";
import { ListLink } from "./list-link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { Channel, Role } from "@/db/schema";
import { inboxKeys } from "@/lib/inbox/query-keys";
import { FILTER_KEYS, VIEW_FILTER_KEYS } from "@/lib/inbox/filters";
import { CHANNEL_CATALOG, CHANNEL_NAMES as CHANNELS } from "@/lib/channels/catalog";
import type { InboxCounts } from "@/lib/inbox/views";
import { tagClass } from "@/lib/tags/palette";
import { createViewAction, deleteViewAction } from "@/lib/views/actions";
import { ChannelIcon } from "./channel-icon";
import { useTags } from "./use-tags";
import { useInboxFilters, type FilterValues } from "./use-inbox-filters";

interface SidebarData {
  counts: InboxCounts;
  views: { id: number; name: string; ownerId: number | null; createdBy: number | null; filters: Record<string, string> }[];
}

async function fetchSidebar(): Promise<SidebarData> {
  const response = await fetch("/api/inbox/counts", { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`counts: ${response.status}`);
  return response.json() as Promise<SidebarData>;
}

const formatCount = (n: number | undefined, cap: number | undefined) => (n === undefined ? "" : cap !== undefined && n >= cap ? `${cap - 1}+` : String(n));

const RESET: FilterValues = { status: undefined, assignee: undefined, unread: undefined, snoozed: undefined, spam: undefined };
const VIEWS: { id: string; label: string; patch: FilterValues; count?: "open" | "mine" | "unassigned" | "unread" | "snoozed" }[] = [
  { id: "open", label: "Open", patch: RESET, count: "open" },
  { id: "mine", label: "Mine", patch: { ...RESET, assignee: "me" }, count: "mine" },
  { id: "unassigned", label: "Unassigned", patch: { ...RESET, assignee: "none" }, count: "unassigned" },
  { id: "unread", label: "Unread", patch: { ...RESET, unread: "1" }, count: "unread" },
  { id: "snoozed", label: "Snoozed", patch: { ...RESET, snoozed: "1" }, count: "snoozed" },
  { id: "closed", label: "Closed", patch: { ...RESET, status: "closed" } },
  { id: "all", label: "All", patch: { ...RESET, status: "all" } },
  { id: "spam", label: "Spam", patch: { ...RESET, status: "all", spam: "1" } },
];

/** The URL of a saved view: exactly its filters. */
function viewHref(filters: Record<string, string>): string {
  const q = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filters[key]) q.set(key, filters[key]);
  return `/inbox${q.size ? `?${q}` : ""}`;
}
const sameFilters = (a: FilterValues, b: Record<string, string>) => VIEW_FILTER_KEYS.every((k) => (a[k] ?? "") === (b[k] ?? "")) && !a.q && !a.sort;

function currentView(f: FilterValues): string {
  if (f.spam) return "spam";
  if (f.snoozed) return "snoozed";
  if (f.status === "closed") return "closed";
  // A search without a status looks in every status (lib/inbox/list.ts): "All", not "Open".
  if (f.status === "all" || (f.q && !f.status)) return "all";
  if (f.unread) return "unread";
  if (f.assignee === "me") return "mine";
  if (f.assignee === "none") return "unassigned";
  return "open";
}

function NavItem({ href, active, children, count, testId }: { href: string; active: boolean; children: React.ReactNode; count?: string; testId?: string }) {
  return (
    <ListLink
      href={href}
      // Clicking must not leave focus here, or a later Enter would follow this link again.
      onClick={(e) => e.currentTarget.blur()}
      data-testid={testId}
      aria-current={active ? "page" : undefined}
      className={`flex items-center gap-2 rounded-md px-2 py-1 ${active ? "bg-slate-900/5 font-medium text-slate-900" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"}`}
    >
      <span className="min-w-0 flex-1 truncate">{children}</span>
      {count ? (
        <span data-testid="nav-count" className="text-xs tabular-nums text-slate-600">
          {count}
        </span>
      ) : null}
    </ListLink>
  );
}

export function InboxSidebar({ sellers, me }: { sellers: { id: number; title: string }[]; me: { id: number; name: string; role: Role } }) {
  const router = useRouter();
  const qc = useQueryClient();
  const t = useAgentTexts();
  const { filters, hrefWith } = useInboxFilters();
  const { data: sidebar } = useQuery({ queryKey: inboxKeys.counts(), queryFn: fetchSidebar, staleTime: 15_000 });
  const counts = sidebar?.counts;
  const savedViews = sidebar?.views ?? [];
  const tags = useTags();
  const activeSaved = savedViews.find((v) => sameFilters(filters, v.filters));
  const view = activeSaved ? `saved-${activeSaved.id}` : currentView(filters);
  const channel = filters.channel as Channel | undefined;
  const [saving, setSaving] = useState(false);
  const [viewError, setViewError] = useState<string | null>(null);
  const canSave = VIEW_FILTER_KEYS.some((k) => filters[k]) && !activeSaved;

  return (
    <aside
      data-testid="inbox-sidebar"
      className="hidden w-48 shrink-0 flex-col md:flex gap-4 overflow-y-auto border-r border-slate-200 bg-slate-50/60 p-2 text-sm"
    >
      <nav aria-label="Views" className="space-y-0.5">
        {VIEWS.map((v) => (
          <NavItem
            key={v.id}
            testId={`view-${v.id}`}
            href={hrefWith({ ...v.patch, state: filters.state })}
            active={view === v.id}
            count={v.count ? formatCount(counts?.[v.count], counts?.cap) : undefined}
          >
            {t.sidebar[v.id as keyof typeof t.sidebar] ?? v.label}
          </NavItem>
        ))}
      </nav>

      <nav aria-label="Saved views" className="space-y-0.5" data-testid="saved-views">
        <h2 className="flex items-center px-2 pb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-600">
          <span className="flex-1">{t.sidebar.savedViews}</span>
          {canSave ? (
            <button
              type="button"
              data-testid="save-view"
              onClick={() => setSaving((v) => !v)}
              className="rounded px-1 text-[11px] font-medium normal-case tracking-normal text-brand-700 hover:bg-brand-50"
            >
              + Save
            </button>
          ) : null}
        </h2>
        {saving ? (
          <form
            data-testid="save-view-form"
            className="space-y-1 rounded-md bg-white p-2 ring-1 ring-slate-200"
            onSubmit={async (e) => {
              e.preventDefault();
              const data = new FormData(e.currentTarget);
              const kept: Record<string, string> = {};
              for (const k of VIEW_FILTER_KEYS) if (filters[k]) kept[k] = filters[k]!;
              const result = await createViewAction({ name: String(data.get("name") ?? ""), shared: data.get("shared") === "on", filters: kept });
              if (!result.ok) return setViewError(result.error);
              setViewError(null);
              setSaving(false);
              await qc.invalidateQueries({ queryKey: inboxKeys.counts() });
            }}
          >
            <input
              name="name"
              required
              maxLength={60}
              placeholder="View name"
              aria-label="View name"
              className="w-full rounded border border-slate-300 px-1.5 py-1 text-sm"
            />
            <label className="flex items-center gap-1 text-xs text-slate-600">
              <input type="checkbox" name="shared" /> Share with the team
            </label>
            {viewError ? <p className="text-xs text-red-700">{viewError}</p> : null}
            <button type="submit" className="rounded bg-slate-900 px-2 py-0.5 text-xs font-medium text-white">
              Save view
            </button>
          </form>
        ) : null}
        {savedViews.length === 0 && !saving ? <p className="px-2 text-xs text-slate-600">Filter the list, then save it as a view.</p> : null}
        {savedViews.map((v) => {
          const deletable = v.ownerId === me.id || v.createdBy === me.id || me.role === "admin";
          return (
            <div key={v.id} className="group relative" data-testid="saved-view" data-view-id={v.id}>
              <NavItem href={viewHref(v.filters)} active={view === `saved-${v.id}`} count={formatCount(counts?.views[v.id], counts?.cap)}>
                {v.name}
                {v.ownerId === null ? <span className="ml-1 text-[10px] text-slate-600">team</span> : null}
              </NavItem>
              {deletable ? (
                <button
                  type="button"
                  aria-label={`Delete view ${v.name}`}
                  onClick={async () => {
                    if (!window.confirm(`Delete the view “${v.name}”?`)) return;
                    await deleteViewAction({ id: v.id });
                    await qc.invalidateQueries({ queryKey: inboxKeys.counts() });
                  }}
                  className="absolute top-1 right-7 hidden rounded px-1 text-xs text-slate-600 group-hover:block hover:text-red-600"
                >
                  ×
                </button>
              ) : null}
            </div>
          );
        })}
      </nav>

      <nav aria-label="Channels" className="space-y-0.5">
        <h2 className="px-2 pb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-600">{t.sidebar.channels}</h2>
        <NavItem testId="channel-all" href={hrefWith({ channel: undefined, state: undefined })} active={!channel}>
          All channels
        </NavItem>
        {CHANNELS.map((c) => (
          <div key={c}>
            <ListLink
              href={hrefWith({ channel: c, state: undefined })}
              onClick={(e) => e.currentTarget.blur()}
              data-testid={`channel-${c}`}
              aria-current={channel === c && !filters.state ? "page" : undefined}
              className={`flex items-center gap-2 rounded-md px-2 py-1 ${channel === c && !filters.state ? "bg-slate-900/5 font-medium text-slate-900" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"}`}
            >
              <ChannelIcon channel={c} className="h-5 w-5" />
              <span className="min-w-0 flex-1 truncate">{CHANNEL_CATALOG[c].label}</span>
              <span className="text-xs tabular-nums text-slate-600">{formatCount(counts?.channels[c], counts?.cap)}</span>
            </ListLink>
            {channel === c && CHANNEL_CATALOG[c].states.length ? (
              <div className="ml-7 mt-0.5 space-y-0.5 border-l border-slate-200 pl-2">
                {CHANNEL_CATALOG[c].states.map((s) => (
                  <NavItem key={s.value} testId={`state-${s.value}`} href={hrefWith({ channel: c, state: s.value })} active={filters.state === s.value}>
                    {s.label}
                  </NavItem>
                ))}
              </div>
            ) : null}
          </div>
        ))}
      </nav>

      {tags.length ? (
        <nav aria-label="Tags" className="space-y-0.5" data-testid="sidebar-tags">
          <h2 className="px-2 pb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-600">{t.sidebar.tags}</h2>
          {tags.map((t) => (
            <NavItem
              key={t.id}
              testId={`tag-filter-${t.name}`}
              href={hrefWith({ tag: filters.tag === String(t.id) ? undefined : String(t.id) })}
              active={filters.tag === String(t.id)}
            >
              <span className={`mr-1.5 inline-block size-2 rounded-full ring-1 ring-inset ${tagClass(t.color)}`} aria-hidden />
              {t.name}
            </NavItem>
          ))}
        </nav>
      ) : null}

      <details
        className="group px-2"
        open={Boolean(
          filters.seller || filters.subject || filters.waiting || filters.createdFrom || filters.createdTo || filters.updatedFrom || filters.updatedTo,
        )}
      >
        <summary className="cursor-pointer select-none text-[11px] font-semibold uppercase tracking-wide text-slate-600">{t.sidebar.moreFilters}</summary>
        <form
          className="mt-2 space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            const get = (k: string) => (data.get(k) as string) || undefined;
            router.push(
              hrefWith({
                seller: get("seller"),
                subject: get("subject"),
                waiting: get("waiting"),
                createdFrom: get("createdFrom"),
                createdTo: get("createdTo"),
                updatedFrom: get("updatedFrom"),
                updatedTo: get("updatedTo"),
              }),
            );
          }}
        >
          <label className="block text-xs text-slate-600">
            Subject contains
            <input
              name="subject"
              maxLength={200}
              defaultValue={filters.subject ?? ""}
              data-testid="filter-subject"
              className="mt-0.5 block w-full rounded border border-slate-300 bg-white px-1.5 py-0.5 text-sm text-slate-800"
            />
          </label>
          <label className="block text-xs text-slate-600">
            Waiting
            <select
              name="waiting"
              defaultValue={filters.waiting ?? ""}
              data-testid="filter-waiting"
              className="mt-0.5 block w-full rounded border border-slate-300 bg-white px-1.5 py-1 text-sm text-slate-800"
            >
              <option value="">Any</option>
              <option value="yes">Waiting for us</option>
              <option value="no">Answered</option>
            </select>
          </label>
          <label className="block text-xs text-slate-600">
            Seller
            <select
              name="seller"
              defaultValue={filters.seller ?? ""}
              className="mt-0.5 block w-full rounded border border-slate-300 bg-white px-1.5 py-1 text-sm text-slate-800"
            >
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
            <label key={name} className="block text-xs text-slate-600">
              {label}
              <input
                type="date"
                name={name}
                defaultValue={filters[name] ?? ""}
                className="mt-0.5 block w-full rounded border border-slate-300 bg-white px-1.5 py-0.5 text-sm text-slate-800"
              />
            </label>
          ))}
          <div className="flex gap-2">
            <button type="submit" className="rounded bg-slate-900 px-2 py-1 text-xs font-medium text-white hover:bg-slate-700">
              Apply
            </button>
            <ListLink
              href={hrefWith({
                seller: undefined,
                subject: undefined,
                waiting: undefined,
                createdFrom: undefined,
                createdTo: undefined,
                updatedFrom: undefined,
                updatedTo: undefined,
              })}
              className="rounded px-2 py-1 text-xs text-slate-600 hover:bg-slate-100"
            >
              Clear
            </ListLink>
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
