"use client";
// The inbox list pane: search (with the box's filters shown as chips, and its syntax one click
// away), sort, the rows (keyset pages loaded as you scroll), selection for bulk actions (click,
// shift-click, x) with undo, keyboard navigation (j/k, Enter, /) and live updates from /api/events.
// Filters come from the URL.
import { keepPreviousData, useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useParams, useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { MAX_SEARCH_LENGTH } from "@/lib/inbox/filters";
import { inboxKeys } from "@/lib/inbox/query-keys";
import { SEARCH_FILTER_HELP } from "@/lib/search/syntax";
import { useLiveEvent } from "@/components/live/live-events-provider";
import { useHydrated } from "@/components/ui/use-hydrated";
import { prefetchThread } from "@/components/thread/use-thread";
import { BulkBar, UndoNotice, useUndo } from "./bulk-bar";
import { ListLink, switchListInPlace } from "./list-link";
import { listQuery, prefetchListFor } from "./list-query";
import { useShortcut } from "./shortcuts";
import { ThreadRow } from "./thread-row";
import { useInboxFilters } from "./use-inbox-filters";
import { useTags } from "./use-tags";
import { useAgentTexts } from "@/components/layout/agent-prefs";

const LIVE_EVENTS = [
  "thread.created",
  "message.created",
  "thread.closed",
  "thread.reopened",
  "thread.assigned",
  "thread.read",
  "thread.updated",
  "thread.tagged",
  "thread.snoozed",
  "thread.spam",
  "thread.merged",
  "customer.updated",
] as const;

/**
 * Typed text becomes a search this long after the last keystroke: short enough to feel immediate,
 * long enough that a fast typist sends one request per word. A search overtaken by more typing is
 * cancelled in the browser (the list's fetch takes React Query's signal).
 */
const SEARCH_DEBOUNCE_MS = 80;

export function ThreadList({ me, agents }: { me: { id: number; name: string }; agents: { id: number; name: string }[] }) {
  // The first page is rendered on the server; this says when the keys and the search box work too.
  const hydrated = useHydrated();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { filters, hrefWith } = useInboxFilters();
  const params = useParams<{ threadId?: string }>();
  const t = useAgentTexts();
  const openId = Number(params.threadId) || null;
  const waitingSort = filters.sort === "waiting";

  // While another view's or search's rows load, the last ones stay (dimmed) rather than a blank list.
  const list = useInfiniteQuery({ ...listQuery(filters), placeholderData: keepPreviousData });
  const stale = list.isPlaceholderData;
  // Stable while the data is (the rows are memoized: opening a thread or moving the selection re-renders two of them, not fifty).
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.threads) ?? [], [list.data]);
  const searching = Boolean(filters.q);
  const chips = list.data?.pages[0]?.chips ?? [];
  const tags = useTags();
  const [helpOpen, setHelpOpen] = useState(false);

  // Selection for bulk actions: click a row's box, shift-click for a range, x for the current row.
  const [picked, setPicked] = useState<Set<number>>(() => new Set());
  const anchor = useRef<number | null>(null);
  const togglePick = useCallback(
    (index: number, range: boolean) => {
      const row = rows[index];
      if (!row) return;
      const from = anchor.current;
      setPicked((current) => {
        const next = new Set(current);
        if (range && from !== null && rows[from]) {
          const [a, b] = [Math.min(from, index), Math.max(from, index)];
          const on = !current.has(row.id);
          for (let i = a; i <= b; i++) {
            if (on) next.add(rows[i]!.id);
            else next.delete(rows[i]!.id);
          }
        } else if (next.has(row.id)) next.delete(row.id);
        else next.add(row.id);
        return next;
      });
      anchor.current = index;
    },
    [rows],
  );
  const prefetchRow = useCallback((id: number) => prefetchThread(queryClient, id), [queryClient]);
  const undoNotice = useUndo(() => {
    void queryClient.invalidateQueries({ queryKey: inboxKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: inboxKeys.counts() });
  });
  // What is picked but no longer listed (it moved out of the view) stays picked only while visible.
  const visiblePicked = rows.filter((r) => picked.has(r.id)).map((r) => r.id);

  // Live: any change to a thread refreshes the lists and counts (coalesced, so a burst is one refetch).
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useLiveEvent(LIVE_EVENTS, () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void queryClient.invalidateQueries({ queryKey: inboxKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: inboxKeys.counts() });
    }, 250);
  });
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  // Ages ("5m", "2h") move on by themselves.
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const tick = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(tick);
  }, []);

  // Keyboard: the selection follows the open thread, j/k move it, Enter opens it.
  const [selected, setSelected] = useState(-1);
  const openIndex = rows.findIndex((r) => r.id === openId);
  const [lastOpen, setLastOpen] = useState<number | null>(null);
  if (openId !== lastOpen) {
    setLastOpen(openId);
    if (openIndex >= 0) setSelected(openIndex);
  }
  const current = selected >= 0 && selected < rows.length ? selected : openIndex;
  const move = (delta: number) => {
    if (!rows.length) return;
    const next = Math.min(Math.max((current < 0 ? (delta > 0 ? -1 : rows.length) : current) + delta, 0), rows.length - 1);
    setSelected(next);
    // The likely next thread: loaded now, so Enter shows it from the cache.
    if (rows[next]) prefetchThread(queryClient, rows[next].id);
    if (next >= rows.length - 5 && list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
  };
  useShortcut("j", "Next conversation", () => move(1));
  useShortcut("k", "Previous conversation", () => move(-1));
  useShortcut("Enter", "Open the selected conversation", () => {
    const row = rows[current];
    if (row) router.push(hrefWith({}, `/inbox/${row.id}`), { scroll: false });
  });
  const searchInput = useRef<HTMLInputElement>(null);
  useShortcut("/", "Search", () => searchInput.current?.focus());
  useShortcut("x", "Select the current conversation (bulk actions)", () => {
    if (current >= 0) togglePick(current, false);
  });

  useEffect(() => {
    if (current >= 0) document.querySelector(`[data-row-index="${current}"]`)?.scrollIntoView({ block: "nearest" });
  }, [current]);

  // Load the next page when the end of the list scrolls into view.
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !list.hasNextPage) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries[0]?.isIntersecting && !list.isFetchingNextPage) void list.fetchNextPage();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [list]);

  // Search: typed text goes into the URL (debounced), so a search is shareable too.
  const [text, setText] = useState(filters.q ?? "");
  const [lastQ, setLastQ] = useState(filters.q);
  // The search this box put in the URL itself: when the URL catches up with it, the agent may have
  // typed on meanwhile, and that text must stay. Another q (back, a link) replaces the text.
  const [appliedQ, setAppliedQ] = useState(filters.q);
  if (filters.q !== lastQ) {
    setLastQ(filters.q);
    if (filters.q !== appliedQ && (filters.q ?? "") !== text.trim()) setText(filters.q ?? "");
  }
  const searchTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const applySearch = useCallback(
    (value: string) => {
      if (searchTimer.current) clearTimeout(searchTimer.current);
      const q = value.trim() || undefined;
      // Too long for a search (and for a URL): say so here rather than send it.
      if (q && q.length > MAX_SEARCH_LENGTH) return;
      if (q === filters.q) return;
      // Only the query string changes: the browser's history entry, no page round trip (see ListLink).
      const href = hrefWith({ q });
      setAppliedQ(q);
      // The request leaves now, not once the new URL has re-rendered the list (which then finds it in flight).
      prefetchListFor(queryClient, href);
      if (!switchListInPlace(href, "replace")) router.replace(href, { scroll: false });
    },
    [filters.q, hrefWith, router, queryClient],
  );

  return (
    <section
      aria-label="Conversations"
      data-testid="inbox-list-pane"
      data-hydrated={hydrated ? "true" : "false"}
      // On a phone the list is the whole screen, and gives it to an open thread (which has its own way back).
      className={`${params.threadId ? "hidden md:flex" : "flex"} w-full min-w-0 shrink-0 flex-col border-r border-slate-200 bg-white md:w-80 2xl:w-96`}
    >
      <div className="space-y-2 border-b border-slate-200 px-3 py-2">
        <form
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            applySearch(text);
          }}
          className="relative"
        >
          <svg
            viewBox="0 0 24 24"
            width="14"
            height="14"
            className="pointer-events-none absolute left-2.5 top-1/2 -translate-y-1/2 text-slate-600"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            aria-hidden="true"
          >
            <circle cx="11" cy="11" r="7" />
            <path d="m20 20-3.5-3.5" />
          </svg>
          <input
            ref={searchInput}
            type="search"
            name="q"
            data-testid="inbox-search"
            aria-label={t.list.search}
            placeholder={t.list.searchPlaceholder}
            title="Search messages, subjects, customers, orders, e-mails, phones ( / )"
            value={text}
            onChange={(e) => {
              const value = e.target.value;
              setText(value);
              if (searchTimer.current) clearTimeout(searchTimer.current);
              searchTimer.current = setTimeout(() => applySearch(value), SEARCH_DEBOUNCE_MS);
            }}
            className="w-full rounded-md border border-slate-300 bg-slate-50 py-1.5 pl-8 pr-2 text-sm placeholder:text-slate-400 focus:border-brand-500 focus:bg-white focus:outline-none focus:ring-2 focus:ring-brand-100"
          />
        </form>
        <div className="flex flex-wrap items-center gap-1">
          {chips.map((c) => (
            <span
              key={`${c.key}:${c.value}`}
              data-testid="search-chip"
              className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] text-slate-700 ring-1 ring-slate-200"
            >
              <span className="text-slate-600">{c.key}:</span>
              {c.value}
            </span>
          ))}
          <button
            type="button"
            data-testid="search-help-toggle"
            onClick={() => setHelpOpen((o) => !o)}
            aria-expanded={helpOpen}
            className="ml-auto rounded px-1 text-[11px] text-slate-600 hover:bg-slate-100 hover:text-slate-800"
          >
            Search filters
          </button>
        </div>
        {helpOpen ? (
          <dl data-testid="search-help" className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 rounded-md bg-slate-50 p-2 text-[11px] ring-1 ring-slate-200">
            {SEARCH_FILTER_HELP.map(([example, what]) => (
              <div key={example} className="contents">
                <dt>
                  <button
                    type="button"
                    className="font-mono text-brand-700 hover:underline"
                    onClick={() => {
                      const next = `${text.trim()} ${example}`.trim();
                      setText(next);
                      searchInput.current?.focus();
                    }}
                  >
                    {example}
                  </button>
                </dt>
                <dd className="text-slate-600">{what}</dd>
              </div>
            ))}
            <dd className="col-span-2 mt-1 text-slate-600">
              Words match as written or by their stem (arrive → arrived, sipariş → siparişim), accents optional; order numbers, e-mails (part of one) and phone
              numbers in any format.
            </dd>
          </dl>
        ) : null}
        {text.trim().length > MAX_SEARCH_LENGTH ? (
          <p role="alert" data-testid="search-error" className="rounded-md border border-amber-200 bg-amber-50 px-2 py-1 text-xs text-amber-800">
            Search text is too long: at most {MAX_SEARCH_LENGTH} characters (you typed {text.trim().length.toLocaleString("en")}).
          </p>
        ) : null}
        {visiblePicked.length ? (
          <BulkBar
            threadIds={visiblePicked}
            rows={rows.filter((r) => picked.has(r.id))}
            me={me}
            agents={agents}
            tags={tags}
            onDone={(text, operationId) => {
              setPicked(new Set());
              undoNotice.show(text, operationId);
            }}
            onClear={() => setPicked(new Set())}
          />
        ) : null}
        {undoNotice.toast ? <UndoNotice text={undoNotice.toast.text} onUndo={undoNotice.toast.operationId ? () => void undoNotice.undo() : undefined} /> : null}
        <div className={`flex items-center gap-1 text-xs ${visiblePicked.length ? "hidden" : ""}`}>
          {searching ? (
            <span className="text-slate-600" data-testid="search-summary">
              {list.isSuccess && !stale
                ? `${rows.length}${rows.length >= 50 || list.hasNextPage ? "+" : ""} ${rows.length === 1 ? "result" : "results"}`
                : "Searching…"}
              {filters.status || chips.some((c) => c.key === "status") ? "" : " · open and closed"}
              {rows.length && rows.every((r) => r.subjectHighlight === undefined) ? " · newest first" : " · best match first"}
            </span>
          ) : (
            <>
              <span className="mr-1 text-slate-600">{t.list.sort}</span>
              <ListLink
                href={hrefWith({ sort: undefined })}
                data-testid="sort-activity"
                aria-current={!waitingSort ? "true" : undefined}
                className={`rounded px-1.5 py-0.5 ${!waitingSort ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100"}`}
              >
                Newest activity
              </ListLink>
              <ListLink
                href={hrefWith({ sort: "waiting" })}
                data-testid="sort-waiting"
                aria-current={waitingSort ? "true" : undefined}
                className={`rounded px-1.5 py-0.5 ${waitingSort ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100"}`}
              >
                Longest waiting
              </ListLink>
            </>
          )}
          {list.isFetching && !list.isFetchingNextPage ? (
            <span className="ml-auto h-1.5 w-1.5 animate-pulse rounded-full bg-brand-500" aria-label="Updating" />
          ) : null}
        </div>
      </div>

      <div className="min-h-0 flex-1 overflow-y-auto">
        {list.isError ? (
          <p role="alert" data-testid="list-error" className="m-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
            {list.error.message}
          </p>
        ) : list.isPending ? (
          <ul aria-hidden="true" className="divide-y divide-slate-100">
            {Array.from({ length: 8 }, (_, i) => (
              <li key={i} className="flex gap-2.5 px-3 py-2.5">
                <span className="h-6 w-6 rounded-md bg-slate-100" />
                <span className="flex-1 space-y-1.5">
                  <span className="block h-3 w-1/2 rounded bg-slate-100" />
                  <span className="block h-3 w-4/5 rounded bg-slate-100" />
                </span>
              </li>
            ))}
          </ul>
        ) : rows.length === 0 ? (
          <p data-testid="list-empty" className="px-4 py-10 text-center text-sm text-slate-600">
            {searching ? `No conversations match “${filters.q}”.` : "No conversations here. Nice work."}
          </p>
        ) : (
          <ul
            aria-label="Conversations"
            data-testid="thread-list"
            aria-busy={stale ? "true" : undefined}
            className={`divide-y divide-slate-100 transition-opacity ${stale ? "opacity-60" : ""}`}
          >
            {rows.map((row, i) => (
              <ThreadRow
                key={row.id}
                row={row}
                index={i}
                href={`${hrefWith({}, `/inbox/${row.id}`)}${row.match ? `#message-${row.match.messageId}` : ""}`}
                active={row.id === openId}
                selected={i === current}
                picked={picked.has(row.id)}
                onPick={togglePick}
                onIntent={prefetchRow}
                tags={tags}
                waitingSort={waitingSort && !searching}
                now={now}
              />
            ))}
          </ul>
        )}
        {list.hasNextPage ? (
          <div ref={sentinel} className="p-3 text-center">
            <button
              type="button"
              data-testid="load-more"
              onClick={() => void list.fetchNextPage()}
              disabled={list.isFetchingNextPage}
              className="rounded px-3 py-1 text-xs text-slate-600 hover:bg-slate-100 disabled:opacity-50"
            >
              {list.isFetchingNextPage ? "Loading…" : "Load more"}
            </button>
          </div>
        ) : null}
      </div>
    </section>
  );
}
