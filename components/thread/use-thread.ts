"use client";
// The open thread's data and actions. Every change is optimistic: the cache changes at once, the
// server decides, and a refusal rolls the cache back and surfaces the server's message.
import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { useLiveEvent, type LiveEvent } from "@/components/live/live-events-provider";
import { inboxKeys } from "@/lib/inbox/query-keys";
import type { MessageView, ThreadView } from "@/lib/inbox/views";
import { ApiError, fetchThread, heartbeat, leave, patchThread, sendMessage, type SendInput, type SendResult } from "./api";

/** How long a read thread counts as current; live events invalidate it sooner when it changes. */
const THREAD_STALE_MS = 10_000;

export function useThread(id: number) {
  return useQuery({ queryKey: inboxKeys.thread(id), queryFn: () => fetchThread(id), staleTime: THREAD_STALE_MS });
}

/** Loads a thread the agent is likely to open next (a hovered or selected row), unless it is cached and current. */
export function prefetchThread(qc: QueryClient, id: number): void {
  void qc.prefetchQuery({ queryKey: inboxKeys.thread(id), queryFn: () => fetchThread(id), staleTime: THREAD_STALE_MS });
}

/** An optimistic message not yet confirmed by the server. */
export interface PendingMessage extends MessageView {
  pending: true;
  progress: number;
}

type Patch = (view: ThreadView) => ThreadView;

export function useThreadActions(id: number, me: { id: number; name: string }, onError: (message: string) => void) {
  const qc = useQueryClient();
  const key = inboxKeys.thread(id);

  const afterChange = () => {
    void qc.invalidateQueries({ queryKey: key });
    void qc.invalidateQueries({ queryKey: inboxKeys.lists() });
    void qc.invalidateQueries({ queryKey: inboxKeys.counts() });
  };

  /** One optimistic mutation: apply `patch` now, roll back and report when the server refuses. */
  function useOptimisticChange<V>(run: (v: V) => Promise<unknown>, patch: (v: V) => Patch, what: string) {
    return useMutation({
      mutationFn: run,
      onMutate: async (variables: V) => {
        await qc.cancelQueries({ queryKey: key });
        const previous = qc.getQueryData<ThreadView>(key);
        if (previous) qc.setQueryData<ThreadView>(key, patch(variables)(previous));
        return { previous };
      },
      onError: (error, _v, context) => {
        if (context?.previous) qc.setQueryData(key, context.previous);
        onError(`${what} failed: ${error instanceof Error ? error.message : "unknown error"}`);
      },
      onSuccess: afterChange,
    });
  }

  const status = useOptimisticChange(
    (s: "open" | "closed") => patchThread(id, { action: "status", status: s }),
    (s) => (v) => ({ ...v, thread: { ...v.thread, status: s } }),
    "Changing the status",
  );
  const assign = useOptimisticChange(
    (assigneeId: number | null) => patchThread(id, { action: "assign", assigneeId }),
    (assigneeId) => (v) => ({
      ...v,
      thread: { ...v.thread, assigneeId, assigneeName: assigneeId ? (v.agents.find((a) => a.id === assigneeId)?.name ?? null) : null },
    }),
    "Assigning",
  );
  const read = useOptimisticChange(
    ({ read, messageIds }: { read: boolean; messageIds?: number[] }) => patchThread(id, { action: "read", read, messageIds }),
    ({ read, messageIds }) =>
      (v) => {
        const now = new Date().toISOString();
        // Mirrors the server: a whole thread goes unread through what the customer side wrote.
        let ids = messageIds;
        if (!read && !ids) {
          const inbound = v.messages.filter((m) => (m.authorRole === "customer" || m.authorRole === "customer_service") && !m.isInternal);
          ids = (inbound.length ? inbound : v.messages.slice(-1)).map((m) => m.id);
        }
        const messages = v.messages.map((m) => (!ids || ids.includes(m.id) ? { ...m, readAt: read ? (m.readAt ?? now) : null } : m));
        return { ...v, messages, thread: { ...v.thread, unreadCount: messages.filter((m) => !m.readAt).length } };
      },
    "Changing the read state",
  );

  const tags = useOptimisticChange(
    ({ add, remove }: { add: number[]; remove: number[] }) => patchThread(id, { action: "tags", add, remove }),
    ({ add, remove }) =>
      (v) => ({
        ...v,
        thread: { ...v.thread, tagIds: [...v.thread.tagIds.filter((t) => !remove.includes(t)), ...add.filter((t) => !v.thread.tagIds.includes(t))] },
      }),
    "Tagging",
  );
  const snooze = useOptimisticChange(
    (until: string | null | false) => (until === false ? patchThread(id, { action: "unsnooze" }) : patchThread(id, { action: "snooze", until })),
    (until) => (v) => ({ ...v, thread: { ...v.thread, snoozed: until !== false, snoozeUntil: until === false ? null : until } }),
    "Snoozing",
  );
  const spam = useOptimisticChange(
    (value: boolean) => patchThread(id, { action: "spam", spam: value }),
    (value) => (v) => ({ ...v, thread: { ...v.thread, spam: value } }),
    "Marking as spam",
  );

  const [pending, setPending] = useState<PendingMessage[]>([]);
  const send = useMutation<SendResult, ApiError, SendInput, { tempId: number }>({
    mutationFn: (input) => {
      const tempId = -Date.now();
      setPending((list) => [
        ...list,
        {
          id: tempId,
          pending: true,
          progress: 0,
          authorRole: "agent",
          authorName: me.name,
          authorUserId: me.id,
          body: input.body,
          isInternal: input.kind === "note",
          receivers: null,
          readAt: new Date().toISOString(),
          createdAt: new Date().toISOString(),
          attachments: input.attachments.map((a) => ({ ...a, id: -a.id, isImage: false })),
        },
      ]);
      return sendMessage(id, input, (p) => setPending((list) => list.map((m) => (m.id === tempId ? { ...m, progress: p } : m)))).finally(() =>
        setPending((list) => list.filter((m) => m.id !== tempId)),
      );
    },
    onSuccess: afterChange,
    onError: (error) => {
      if (error.code === "conflict") void qc.invalidateQueries({ queryKey: key });
    },
  });

  return { status, assign, read, tags, snooze, spam, send, pending };
}

/** Refreshes the open thread when anything about it changes, from any instance. */
export function useLiveThread(id: number) {
  const qc = useQueryClient();
  useLiveEvent(
    [
      "message.created",
      "message.updated",
      "thread.updated",
      "thread.closed",
      "thread.reopened",
      "thread.assigned",
      "thread.read",
      "thread.tagged",
      "thread.snoozed",
      "thread.spam",
      "thread.merged",
    ],
    (event) => {
      if (Number(event.data.threadId) !== id) return;
      // What the event itself says shows at once; the read that follows brings the rest (the
      // timeline, the message) and is the truth. An older read still in flight is cancelled by it.
      const patch = fromEvent(event);
      if (patch) qc.setQueryData<ThreadView>(inboxKeys.thread(id), (v) => (v ? patch(v) : v));
      void qc.invalidateQueries({ queryKey: inboxKeys.thread(id) });
    },
  );
}

/** The change an event describes in full, as a patch of the open thread (status and assignee). */
function fromEvent(event: LiveEvent): Patch | null {
  const d = event.data;
  if ((event.name === "thread.closed" || event.name === "thread.reopened") && (d.status === "open" || d.status === "closed")) {
    const status = d.status;
    return (v) => ({ ...v, thread: { ...v.thread, status } });
  }
  if (event.name === "thread.assigned" && "assigneeId" in d) {
    const assigneeId = typeof d.assigneeId === "number" ? d.assigneeId : null;
    return (v) => ({
      ...v,
      thread: { ...v.thread, assigneeId, assigneeName: assigneeId ? (v.agents.find((a) => a.id === assigneeId)?.name ?? null) : null },
    });
  }
  return null;
}

export interface Viewer {
  userId: number;
  name: string;
  typing?: boolean;
}

/**
 * Who else has this thread open (a heartbeat every 15 s, updated at once by `viewing` events) and
 * who of them is writing ("… is replying": `draft.typing` events, and the heartbeat's answer for
 * whoever started before this tab opened). A typing mark fades TYPING_MS after its last signal.
 */
export function usePresence(id: number, myId: number) {
  const [viewers, setViewers] = useState<Viewer[]>([]);
  const [typing, setTyping] = useState<Record<number, { name: string; at: number }>>({});
  const update = useCallback(
    (list: Viewer[]) => {
      setViewers(list.filter((v) => v.userId !== myId));
      const now = Date.now();
      setTyping((current) => {
        const next = { ...current };
        for (const v of list) if (v.userId !== myId && v.typing) next[v.userId] = { name: v.name, at: now };
        return next;
      });
    },
    [myId],
  );
  useLiveEvent(["draft.typing"], (event) => {
    const d = event.data as { threadId: number; userId: number; name: string; typing: boolean };
    if (Number(d.threadId) !== id || d.userId === myId) return;
    setTyping((current) => {
      const next = { ...current };
      if (d.typing) next[d.userId] = { name: d.name, at: Date.now() };
      else delete next[d.userId];
      return next;
    });
  });
  useEffect(() => {
    const tick = setInterval(() => {
      setTyping((current) => {
        const now = Date.now();
        const kept = Object.entries(current).filter(([, v]) => now - v.at < TYPING_MS);
        return kept.length === Object.keys(current).length ? current : Object.fromEntries(kept);
      });
    }, 1000);
    return () => clearInterval(tick);
  }, []);
  useEffect(() => {
    let alive = true;
    // The view shown from the cache while the page loads hands over to the page's own (a remount):
    // that is not leaving, so a departure waits a moment for a view of the same thread to cancel it.
    const pendingLeave = leaving.get(id);
    if (pendingLeave) clearTimeout(pendingLeave);
    leaving.delete(id);
    const beat = () => void heartbeat(id).then((list) => alive && update(list));
    beat();
    const timer = setInterval(beat, 15_000);
    const onHide = () => leave(id);
    window.addEventListener("pagehide", onHide);
    return () => {
      alive = false;
      clearInterval(timer);
      window.removeEventListener("pagehide", onHide);
      leaving.set(
        id,
        setTimeout(() => {
          leaving.delete(id);
          leave(id);
        }, LEAVE_GRACE_MS),
      );
    };
  }, [id, update]);
  useLiveEvent(["viewing"], (event) => {
    if (Number(event.data.threadId) !== id) return;
    update((event.data.viewers as Viewer[] | undefined) ?? []);
  });
  return { viewers, typing: Object.values(typing).map((t) => t.name) };
}

/** "Visitor is typing…": the other side's typing events for this thread, shown until they stop, write, or 8 s pass. */
export function useOtherSideTyping(id: number): boolean {
  const [typing, setTyping] = useState(false);
  useEffect(() => {
    if (!typing) return;
    const t = setTimeout(() => setTyping(false), 8000);
    return () => clearTimeout(t);
  }, [typing]);
  useLiveEvent(["typing", "message.created"], (event) => {
    if (Number(event.data.threadId) !== id) return;
    if (event.name === "message.created") {
      if (event.data.authorRole === "customer") setTyping(false);
      return;
    }
    if (event.data.side === "visitor") setTyping(event.data.typing === true);
  });
  return typing;
}

/** Departures not yet announced, by thread (see usePresence). */
const leaving = new Map<number, ReturnType<typeof setTimeout>>();
const LEAVE_GRACE_MS = 1_500;

/** "… is replying" shows this long after the last typing signal. */
const TYPING_MS = 8_000;
