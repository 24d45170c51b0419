"use client";
// The open thread: header with actions, messages and timeline, composer, side panel. Data comes
// from React Query (hydrated by the server page), live events refresh it, shortcuts drive it.
import { useEffect, useMemo, useRef, useState } from "react";
import { ChannelBadge } from "@/components/inbox/channel-badge";
import { useShortcut } from "@/components/inbox/shortcuts";
import type { MessageView, TimelineEvent } from "@/lib/messages/queries";
import { Composer, type Baseline, type ComposerMode } from "./composer";
import { MessageItem, TimelineItem } from "./message-item";
import { SidePanel } from "./side-panel";
import { useLiveThread, usePresence, useThread, useThreadActions } from "./use-thread";

type Entry = { at: string; key: string; message?: MessageView; event?: TimelineEvent };

export function ThreadView({
  threadId,
  me,
  channelPanel,
}: {
  threadId: number;
  me: { id: number; name: string };
  /** A channel's own details panel, rendered on the server (contact form fields, discussion facts). */
  channelPanel?: React.ReactNode;
}) {
  const { data: view, error: loadError } = useThread(threadId);
  const [notice, setNotice] = useState<string | null>(null);
  const actions = useThreadActions(threadId, me, setNotice);
  const viewers = usePresence(threadId, me.id);
  useLiveThread(threadId);

  const [mode, setMode] = useState<ComposerMode>("reply");
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

  // Keep the newest entry in sight as messages and events arrive.
  const listEnd = useRef<HTMLDivElement>(null);
  const count = entries.length + actions.pending.length;
  useEffect(() => {
    listEnd.current?.scrollIntoView({ block: "end" });
  }, [count]);

  const focusComposer = (m: ComposerMode) => {
    setMode(m);
    requestAnimationFrame(() => textareaRef.current?.focus());
  };
  const toggleStatus = () => view && actions.status.mutate(view.thread.status === "open" ? "closed" : "open");
  const toggleUnread = () => view && actions.read.mutate({ read: view.thread.unreadCount > 0 });
  const assignToMe = () => actions.assign.mutate(me.id);
  const canReply = view?.replyOptions.kinds.includes("reply") ?? false;
  useShortcut("r", "Reply", () => focusComposer("reply"), canReply);
  useShortcut("n", "Add an internal note", () => focusComposer("note"), !!view);
  useShortcut("e", "Close or reopen the thread", toggleStatus, !!view);
  useShortcut("u", "Toggle read / unread", toggleUnread, !!view);
  useShortcut("a", "Assign to me", assignToMe, !!view);

  if (!view) {
    return (
      <section className="flex min-w-0 flex-1 items-center justify-center text-sm text-slate-500" role="alert">
        {loadError ? `This thread could not be loaded: ${loadError.message}` : "Loading…"}
      </section>
    );
  }
  const { thread } = view;
  const open = thread.status === "open";
  const unread = thread.unreadCount > 0;

  return (
    <section data-testid="thread" data-thread-id={thread.id} data-status={thread.status} data-unread={unread ? "true" : "false"} className="flex h-full min-w-0 flex-1 bg-slate-50">
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="border-b border-slate-200 bg-white px-5 py-3">
          {/* The title keeps its room: the actions wrap below it until the pane is wide. */}
          <div className="flex flex-col gap-2 2xl:flex-row 2xl:items-start 2xl:gap-3">
            <div className="min-w-0 flex-1">
              <div className="flex items-center gap-2">
                <ChannelBadge channel={thread.channel} />
                <span
                  data-testid="thread-status"
                  className={`rounded-full px-2 py-0.5 text-[11px] font-medium ${open ? "bg-green-50 text-green-700 ring-1 ring-green-200" : "bg-slate-100 text-slate-500 ring-1 ring-slate-200"}`}
                >
                  {open ? "Open" : "Closed"}
                </span>
                {thread.channelState ? <span className="text-[11px] text-slate-400">{thread.channelState.replaceAll("_", " ")}</span> : null}
              </div>
              <h1 className="mt-1 truncate text-lg font-semibold text-slate-900">{thread.subject || "(no subject)"}</h1>
              <p className="truncate text-xs text-slate-500">
                {thread.customerName}
                {thread.customerEmail ? ` · ${thread.customerEmail}` : ""}
              </p>
            </div>
            <div className="flex flex-wrap items-center gap-2 text-sm 2xl:shrink-0 2xl:justify-end">
              {viewers.length ? (
                <div data-testid="also-viewing" className="flex items-center gap-1.5 rounded-full bg-emerald-50 py-0.5 pr-2.5 pl-1 text-xs text-emerald-800 ring-1 ring-emerald-200">
                  <span className="flex -space-x-1.5">
                    {viewers.slice(0, 3).map((v) => (
                      <span key={v.userId} title={v.name} className="flex size-5 items-center justify-center rounded-full bg-emerald-600 text-[10px] font-semibold text-white ring-2 ring-white">
                        {v.name.slice(0, 1)}
                      </span>
                    ))}
                  </span>
                  Also viewing: {viewers.map((v) => v.name).join(", ")}
                </div>
              ) : null}
              <label className="flex items-center gap-1 text-xs text-slate-500">
                <span className="sr-only">Assignee</span>
                <select
                  data-testid="assignee"
                  value={thread.assigneeId ?? ""}
                  onChange={(e) => actions.assign.mutate(e.target.value ? Number(e.target.value) : null)}
                  className="rounded-md border-0 bg-white py-1 pr-7 pl-2 text-sm text-slate-700 ring-1 ring-slate-200"
                >
                  <option value="">Unassigned</option>
                  {view.agents.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                      {a.id === me.id ? " (me)" : ""}
                    </option>
                  ))}
                </select>
              </label>
              {thread.assigneeId !== me.id ? (
                <button type="button" onClick={assignToMe} title="Assign to me (a)" className="rounded-md px-2.5 py-1 text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50">
                  Assign to me
                </button>
              ) : null}
              <button type="button" onClick={toggleUnread} title="Toggle read / unread (u)" className="rounded-md px-2.5 py-1 text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50">
                {unread ? "Mark read" : "Mark unread"}
              </button>
              <button
                type="button"
                onClick={toggleStatus}
                title="Close / reopen (e)"
                className={`rounded-md px-2.5 py-1 font-medium ${open ? "bg-slate-900 text-white hover:bg-slate-700" : "text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50"}`}
              >
                {open ? "Close" : "Reopen"}
              </button>
            </div>
          </div>
          {notice ? (
            <div role="alert" data-testid="thread-error" className="mt-2 flex items-center gap-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200">
              <span className="flex-1">{notice}</span>
              <button type="button" onClick={() => setNotice(null)} aria-label="Dismiss" className="text-red-400 hover:text-red-700">
                ×
              </button>
            </div>
          ) : null}
        </header>

        <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">
          <ol data-testid="messages" className="mx-auto max-w-3xl space-y-3">
            {entries.map((e) =>
              e.message ? (
                <MessageItem key={e.key} message={e.message} onToggleRead={(read) => actions.read.mutate({ read, messageIds: [e.message!.id] })} />
              ) : (
                <TimelineItem key={e.key} event={e.event!} />
              ),
            )}
            {actions.pending.map((m) => (
              <MessageItem key={m.id} message={m} progress={m.progress} />
            ))}
          </ol>
          <div ref={listEnd} />
        </div>

        {baseline ? (
          <Composer
            key={thread.id}
            view={view}
            mode={mode}
            setMode={setMode}
            textareaRef={textareaRef}
            baseline={baseline}
            setBaseline={setBaseline}
            send={(input) => actions.send.mutateAsync(input)}
            sending={actions.send.isPending}
          />
        ) : null}
      </div>
      <SidePanel view={view} channelPanel={channelPanel} />
    </section>
  );
}
