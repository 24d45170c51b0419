"use client";
// The open thread: header with actions (assign, read, snooze, close; tags; spam, trash and merge
// under More), messages and timeline, composer, side panel. Data comes from React Query (hydrated
// by the server page), live events refresh it, shortcuts drive it. The message list stays at its
// end while it grows (new messages, your own reply, images that load after the first paint)
// unless you scrolled up, and a link to one message (#message-N, from a search) shows that one.
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { CHANNEL_CATALOG, type ChannelInfo } from "@/lib/channels/catalog";
import { inboxKeys } from "@/lib/inbox/query-keys";
import type { MessageView, TimelineEvent } from "@/lib/inbox/views";
import { ChannelBadge } from "@/components/inbox/channel-badge";
import { useShortcut } from "@/components/inbox/shortcuts";
import { TagChip } from "@/components/inbox/tag-chip";
import { LocalTime } from "@/components/ui/local-time";
import { Menu, MenuItem } from "@/components/ui/menu";
import { deleteThread, patchThread } from "./api";
import { Composer, type Baseline, type ComposerMode } from "./composer";
import { MessageItem, TimelineItem } from "./message-item";
import { SidePanel } from "./side-panel";
import { SnoozeMenu } from "./snooze-menu";
import { useLiveThread, useOtherSideTyping, usePresence, useThread, useThreadActions } from "./use-thread";
import { useAgentTexts } from "@/components/layout/agent-prefs";

type Entry = { at: string; key: string; message?: MessageView; event?: TimelineEvent };

/** Keeps a scrolling pane at its end while its content grows, unless the reader scrolled away from it. */
function useStickToEnd() {
  const pane = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLOListElement>(null);
  const stuck = useRef(true);
  useEffect(() => {
    const el = pane.current;
    const inner = content.current;
    if (!el || !inner) return;
    const onScroll = () => {
      stuck.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
    };
    el.addEventListener("scroll", onScroll, { passive: true });
    const observer = new ResizeObserver(() => {
      if (stuck.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(inner);
    return () => {
      el.removeEventListener("scroll", onScroll);
      observer.disconnect();
    };
  }, []);
  return {
    pane,
    content,
    /** Back to the end, and stay there (your own new message). */
    toEnd: () => {
      stuck.current = true;
      if (pane.current) pane.current.scrollTop = pane.current.scrollHeight;
    },
    release: () => {
      stuck.current = false;
    },
  };
}

/**
 * `preview`: the thread shown from the browser's cache while its page comes from the server (the
 * route's loading state), which then takes its place — so nothing can be written in it yet: what
 * was typed would be gone with it.
 */
export function ThreadView({ threadId, me, preview = false }: { threadId: number; me: { id: number; name: string; role?: string }; preview?: boolean }) {
  const router = useRouter();
  const search = useSearchParams();
  const qc = useQueryClient();
  const t = useAgentTexts();
  const { data: view, error: loadError } = useThread(threadId);
  const [notice, setNotice] = useState<string | null>(null);
  const actions = useThreadActions(threadId, me, setNotice);
  const { viewers, typing } = usePresence(threadId, me.id);
  useLiveThread(threadId);
  const otherSideTyping = useOtherSideTyping(threadId);

  const [mode, setMode] = useState<ComposerMode>(view?.draft?.kind ?? "reply");
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  // What the agent saw when opening the thread: a reply is checked against it (see Composer).
  const [savedBaseline, setBaseline] = useState<Baseline | null>(view ? { version: view.thread.version, since: view.loadedAt } : null);
  const baseline = savedBaseline ?? (view ? { version: view.thread.version, since: view.loadedAt } : null);

  // Opening a thread reads it (once per visit), as in every mail client.
  const markedOnOpen = useRef(false);
  useEffect(() => {
    if (markedOnOpen.current || !view) return;
    markedOnOpen.current = true;
    if (view.thread.unreadCount > 0) actions.read.mutate({ read: true });
  }, [view, actions.read]);

  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => setNotice(null), 10_000);
    return () => clearTimeout(t);
  }, [notice]);

  const entries = useMemo(() => {
    if (!view) return [];
    const list: Entry[] = [
      ...view.messages.map((m) => ({ at: m.createdAt, key: `m${m.id}`, message: m })),
      ...view.events.map((e) => ({ at: e.createdAt, key: `e${e.id}`, event: e })),
    ];
    return list.sort((a, b) => a.at.localeCompare(b.at));
  }, [view]);

  // The list keeps to its end as it grows; a #message-N link shows that message instead.
  const stick = useStickToEnd();
  const { pane, content } = stick;
  const [target, setTarget] = useState<number | null>(null);
  useEffect(() => {
    const show = () => {
      const m = /^#message-(\d+)$/.exec(window.location.hash);
      if (!m) return;
      const el = document.getElementById(`message-${m[1]}`);
      if (!el) return;
      stick.release();
      el.scrollIntoView({ block: "center" });
      setTarget(Number(m[1]));
    };
    show();
    window.addEventListener("hashchange", show);
    return () => window.removeEventListener("hashchange", show);
    // Once the messages are there (first paint or first fetch).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [Boolean(view)]);
  const pendingCount = actions.pending.length;
  useEffect(() => {
    if (pendingCount > 0) stick.toEnd();
  }, [pendingCount, stick]);

  const focusComposer = (m: ComposerMode) => {
    setMode(m);
    requestAnimationFrame(() => textareaRef.current?.focus());
  };
  const toggleStatus = () => view && actions.status.mutate(view.thread.status === "open" ? "closed" : "open");
  const toggleUnread = () => view && actions.read.mutate({ read: view.thread.unreadCount > 0 });
  const assignToMe = () => actions.assign.mutate(me.id);
  // Stable, so the memoized messages do not re-render with the rest of the thread.
  const readMutate = actions.read.mutate;
  const toggleMessageRead = useCallback((messageId: number, read: boolean) => readMutate({ read, messageIds: [messageId] }), [readMutate]);
  const canReply = view?.replyOptions.kinds.includes("reply") ?? false;
  useShortcut("r", "Reply", () => focusComposer("reply"), canReply);
  useShortcut("n", "Add an internal note", () => focusComposer("note"), !!view);
  useShortcut("e", "Close or reopen the thread", toggleStatus, !!view);
  useShortcut("u", "Toggle read / unread", toggleUnread, !!view);
  useShortcut("a", "Assign to me", assignToMe, !!view);

  const [merging, setMerging] = useState(false);
  if (!view) {
    return (
      <section
        className="flex min-w-0 flex-1 items-center justify-center text-sm text-slate-700"
        role={loadError ? "alert" : "status"}
        data-testid="thread-loading"
      >
        {loadError ? t.thread.loadFailed(loadError.message) : t.thread.loading}
      </section>
    );
  }
  const { thread } = view;
  const backHref = `/inbox${search.size ? `?${search}` : ""}`;
  const open = thread.status === "open";
  const unread = thread.unreadCount > 0;
  const threadTags = thread.tagIds.map((id) => view.tags.find((t) => t.id === id)).filter((t) => t !== undefined);
  const mergeable = (CHANNEL_CATALOG[thread.channel] as ChannelInfo).mergeable && !thread.mergedIntoId;
  const mergeTargets = view.otherThreads.filter((t) => (CHANNEL_CATALOG[t.channel] as ChannelInfo).mergeable);
  const afterGone = () => {
    void qc.invalidateQueries({ queryKey: inboxKeys.lists() });
    void qc.invalidateQueries({ queryKey: inboxKeys.counts() });
  };

  return (
    <section
      data-testid="thread"
      data-thread-id={thread.id}
      data-status={thread.status}
      data-unread={unread ? "true" : "false"}
      data-snoozed={thread.snoozed ? "true" : "false"}
      className="flex h-full min-w-0 flex-1 bg-slate-50"
    >
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="border-b border-slate-200 bg-white px-3 py-3 md:px-5">
          {/* The title keeps its room: the actions wrap below it until the pane is wide. */}
          <div className="flex flex-col gap-2 2xl:flex-row 2xl:items-start 2xl:gap-3">
            <div className="min-w-0 flex-1">
              <div className="flex items-center gap-2">
                <Link href={backHref} data-testid="thread-back" className="-ml-1 rounded px-1 text-sm font-medium text-brand-700 md:hidden">
                  ← <span className="sr-only">{t.list.back}</span>
                </Link>
                <ChannelBadge channel={thread.channel} />
                <span
                  data-testid="thread-status"
                  className={`rounded-full px-2 py-0.5 text-[11px] font-medium ${open ? "bg-green-50 text-green-700 ring-1 ring-green-200" : "bg-slate-100 text-slate-600 ring-1 ring-slate-200"}`}
                >
                  {open ? t.thread.open : t.thread.closed}
                </span>
                {thread.snoozed ? (
                  <span
                    data-testid="thread-snoozed"
                    className="rounded-full bg-indigo-50 px-2 py-0.5 text-[11px] font-medium text-indigo-700 ring-1 ring-indigo-200"
                  >
                    Snoozed{" "}
                    {thread.snoozeUntil ? (
                      <>
                        until <LocalTime iso={thread.snoozeUntil} />
                      </>
                    ) : (
                      "until the customer replies"
                    )}
                  </span>
                ) : null}
                {thread.channelState ? <span className="text-[11px] text-slate-600">{thread.channelState.replaceAll("_", " ")}</span> : null}
              </div>
              <h1 className="mt-1 truncate text-lg font-semibold text-slate-900" title={thread.subject}>
                {thread.subject || t.thread.noSubject}
              </h1>
              <p className="truncate text-xs text-slate-600">
                {thread.customerId ? (
                  <Link href={`/inbox/customers/${thread.customerId}`} data-testid="customer-link" className="hover:text-brand-700 hover:underline">
                    {thread.customerName}
                  </Link>
                ) : (
                  thread.customerName
                )}
                {thread.customerEmail ? ` · ${thread.customerEmail}` : ""} · #{thread.id}
              </p>
              {typing.length || viewers.length ? (
                <div className="mt-1 flex flex-wrap items-center gap-2">
                  {typing.length ? (
                    <span data-testid="is-replying" className="flex items-center gap-1 text-xs text-slate-600">
                      <span className="flex gap-0.5" aria-hidden>
                        <span className="size-1 animate-bounce rounded-full bg-slate-400" />
                        <span className="size-1 animate-bounce rounded-full bg-slate-400 [animation-delay:120ms]" />
                        <span className="size-1 animate-bounce rounded-full bg-slate-400 [animation-delay:240ms]" />
                      </span>
                      {t.thread.replying(typing)}
                    </span>
                  ) : null}
                  {viewers.length ? (
                    <div
                      data-testid="also-viewing"
                      className="flex items-center gap-1.5 rounded-full bg-emerald-50 py-0.5 pr-2.5 pl-1 text-xs text-emerald-800 ring-1 ring-emerald-200"
                    >
                      <span className="flex -space-x-1.5">
                        {viewers.slice(0, 3).map((v) => (
                          <span
                            key={v.userId}
                            title={v.name}
                            className="flex size-5 items-center justify-center rounded-full bg-emerald-700 text-[10px] font-semibold text-white ring-2 ring-white"
                          >
                            {v.name.slice(0, 1)}
                          </span>
                        ))}
                      </span>
                      {t.thread.alsoViewing}: {viewers.map((v) => v.name).join(", ")}
                    </div>
                  ) : null}
                </div>
              ) : null}
              <div className="mt-1.5 flex flex-wrap items-center gap-1" data-testid="thread-tags">
                {threadTags.map((t) => (
                  <TagChip key={t.id} tag={t} onRemove={() => actions.tags.mutate({ add: [], remove: [t.id] })} />
                ))}
                <Menu
                  label={threadTags.length ? "+" : "+ Tag"}
                  testId="tag-picker"
                  buttonClassName="rounded px-1.5 py-0.5 text-[11px] text-slate-600 ring-1 ring-slate-200 hover:bg-slate-50"
                >
                  {(close) =>
                    view.tags.length === 0 ? (
                      <p className="px-2 py-1 text-xs text-slate-600">No tags yet: an admin adds them under Admin → Tags.</p>
                    ) : (
                      view.tags.map((t) => {
                        const on = thread.tagIds.includes(t.id);
                        return (
                          <MenuItem
                            key={t.id}
                            testId={`tag-option-${t.name}`}
                            onClick={() => {
                              close();
                              actions.tags.mutate(on ? { add: [], remove: [t.id] } : { add: [t.id], remove: [] });
                            }}
                          >
                            <span className="mr-1">{on ? "✓" : " "}</span>
                            <TagChip tag={t} />
                          </MenuItem>
                        );
                      })
                    )
                  }
                </Menu>
              </div>
            </div>
            <div className="flex flex-wrap items-center gap-1.5 text-sm 2xl:shrink-0 2xl:justify-end" data-testid="thread-actions">
              <label className="flex items-center gap-1 text-xs text-slate-600">
                <span className="sr-only">{t.thread.assignee}</span>
                <select
                  data-testid="assignee"
                  value={thread.assigneeId ?? ""}
                  onChange={(e) => actions.assign.mutate(e.target.value ? Number(e.target.value) : null)}
                  className="w-36 truncate rounded-md border-0 bg-white py-1 pr-7 pl-2 text-sm text-slate-700 ring-1 ring-slate-200"
                >
                  <option value="">{t.thread.unassigned}</option>
                  {view.agents.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                      {a.id === me.id ? ` ${t.thread.me}` : ""}
                    </option>
                  ))}
                </select>
              </label>
              {thread.assigneeId !== me.id ? (
                <button
                  type="button"
                  onClick={assignToMe}
                  title="Assign to me (a)"
                  className="rounded-md px-2.5 py-1 text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50"
                >
                  {t.thread.assignToMe}
                </button>
              ) : null}
              {thread.snoozed ? (
                <button
                  type="button"
                  data-testid="unsnooze"
                  onClick={() => actions.snooze.mutate(false)}
                  className="rounded-md px-2.5 py-1 text-indigo-700 ring-1 ring-indigo-200 hover:bg-indigo-50"
                >
                  {t.thread.unsnooze}
                </button>
              ) : open ? (
                <SnoozeMenu onSnooze={(until) => actions.snooze.mutate(until)} />
              ) : null}
              <button
                type="button"
                onClick={toggleStatus}
                title="Close / reopen (e)"
                className={`rounded-md px-2.5 py-1 font-medium ${open ? "bg-slate-900 text-white hover:bg-slate-700" : "text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50"}`}
              >
                {open ? t.thread.close : t.thread.reopen}
              </button>
              <Menu label={t.thread.more} testId="thread-more" align="right">
                {(close) => (
                  <>
                    <MenuItem
                      testId="read-toggle"
                      onClick={() => {
                        close();
                        toggleUnread();
                      }}
                    >
                      {unread ? t.thread.markRead : t.thread.markUnread} (u)
                    </MenuItem>
                    {mergeable ? (
                      <MenuItem
                        testId="merge-open"
                        onClick={() => {
                          close();
                          setMerging(true);
                        }}
                      >
                        Merge into another thread…
                      </MenuItem>
                    ) : null}
                    <MenuItem
                      testId="spam-toggle"
                      onClick={() => {
                        close();
                        actions.spam.mutate(!thread.spam, { onSuccess: afterGone });
                      }}
                    >
                      {thread.spam ? "Not spam (unblock the sender)" : "Mark as spam (block the sender)"}
                    </MenuItem>
                    <MenuItem
                      testId="delete-thread"
                      danger
                      onClick={async () => {
                        close();
                        if (!window.confirm("Move this thread to the trash? An admin can restore it for 30 days.")) return;
                        try {
                          await deleteThread(thread.id);
                          afterGone();
                          router.push("/inbox");
                        } catch (e) {
                          setNotice(e instanceof Error ? e.message : "The thread could not be deleted.");
                        }
                      }}
                    >
                      Delete
                    </MenuItem>
                  </>
                )}
              </Menu>
            </div>
          </div>
          {thread.mergedIntoId ? (
            <p data-testid="merged-banner" className="mt-2 rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900 ring-1 ring-sky-200">
              This thread was merged into{" "}
              <Link href={`/inbox/${thread.mergedIntoId}`} className="font-medium underline">
                #{thread.mergedIntoId}
              </Link>
              : its messages are there now.
            </p>
          ) : null}
          {thread.spam ? (
            <p data-testid="spam-banner" className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
              Marked as spam: hidden from every view, and its sender can no longer write through the contact form or chat.
            </p>
          ) : null}
          {merging ? (
            <div data-testid="merge-dialog" className="mt-2 rounded-md bg-white p-3 text-sm ring-1 ring-slate-300">
              <p className="mb-2 font-medium">Merge this thread into another thread of {thread.customerName || "this customer"}:</p>
              {mergeTargets.length === 0 ? <p className="text-xs text-slate-600">This customer has no other thread that can take it.</p> : null}
              <ul className="space-y-1">
                {mergeTargets.map((t) => (
                  <li key={t.id} className="flex items-center gap-2">
                    <ChannelBadge channel={t.channel} />
                    <span className="min-w-0 flex-1 truncate">
                      #{t.id} {t.subject || "(no subject)"} <span className="text-xs text-slate-600">{t.status}</span>
                    </span>
                    <button
                      type="button"
                      data-testid={`merge-into-${t.id}`}
                      onClick={async () => {
                        try {
                          await patchThread(thread.id, { action: "merge", intoId: t.id });
                          setMerging(false);
                          afterGone();
                          router.push(`/inbox/${t.id}`);
                        } catch (e) {
                          setNotice(e instanceof Error ? e.message : "The threads could not be merged.");
                        }
                      }}
                      className="rounded-md bg-slate-900 px-2 py-0.5 text-xs font-medium text-white hover:bg-slate-700"
                    >
                      Merge into #{t.id}
                    </button>
                  </li>
                ))}
              </ul>
              <button type="button" onClick={() => setMerging(false)} className="mt-2 text-xs text-slate-600 hover:text-slate-800">
                Cancel
              </button>
            </div>
          ) : null}
          {notice ? (
            <div
              role="alert"
              data-testid="thread-error"
              className="mt-2 flex items-center gap-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200"
            >
              <span className="flex-1">{notice}</span>
              <button type="button" onClick={() => setNotice(null)} aria-label="Dismiss" className="text-red-400 hover:text-red-700">
                ×
              </button>
            </div>
          ) : null}
        </header>

        <div ref={pane} data-testid="messages-pane" className="min-h-0 flex-1 overflow-y-auto px-3 py-4 md:px-5">
          <ol ref={content} data-testid="messages" className="mx-auto max-w-3xl space-y-3">
            {entries.map((e) =>
              e.message ? (
                <MessageItem key={e.key} message={e.message} highlighted={e.message.id === target} onToggleRead={toggleMessageRead} />
              ) : (
                <TimelineItem key={e.key} event={e.event!} />
              ),
            )}
            {actions.pending.map((m) => (
              <MessageItem key={m.id} message={m} progress={m.progress} />
            ))}
          </ol>
          {otherSideTyping ? (
            <p data-testid="visitor-typing" role="status" className="mx-auto mt-2 max-w-3xl text-xs text-slate-600">
              {view.thread.customerName || "The customer"} is typing…
            </p>
          ) : null}
        </div>

        {baseline ? (
          <fieldset disabled={preview} aria-busy={preview || undefined} className="contents">
            <Composer
              key={thread.id}
              view={view}
              me={me}
              mode={mode}
              setMode={setMode}
              textareaRef={textareaRef}
              baseline={baseline}
              setBaseline={setBaseline}
              send={(input) => actions.send.mutateAsync(input)}
              sending={actions.send.isPending}
            />
          </fieldset>
        ) : null}
      </div>
      <SidePanel view={view} />
    </section>
  );
}
