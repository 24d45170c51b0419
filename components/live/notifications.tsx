"use client";
// An agent's notifications, in every page of the agent area: the unread count in the tab title,
// and — opted into from the header's bell — a desktop notification and a sound for a new message
// in a thread assigned to me, a thread assigned to me by someone else, and a note mentioning me.
// It also tells the server this agent is online (round-robin assignment asks), every 30 s.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { inboxKeys } from "@/lib/inbox/query-keys";
import type { InboxCounts } from "@/lib/inbox/views";
import { saveNotificationSettingsAction } from "@/lib/notifications/actions";
import { useLiveEvent, type LiveEvent } from "./live-events-provider";

interface Settings {
  desktop: boolean;
  sound: boolean;
}

interface NotificationsContext {
  settings: Settings;
  permission: NotificationPermission | "unsupported";
  setSettings: (s: Settings) => Promise<void>;
  /** The last few notifications (shown in the bell's menu). */
  recent: { id: number; title: string; body: string; href: string }[];
}

const Context = createContext<NotificationsContext | null>(null);
export const useNotifications = () => useContext(Context);

async function fetchSidebar(): Promise<{ counts: InboxCounts }> {
  const response = await fetch("/api/inbox/counts", { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`counts: ${response.status}`);
  return response.json() as Promise<{ counts: InboxCounts }>;
}

/** A short two-note chime (WebAudio: no file to load). */
function chime() {
  // Counted for the browser tests, whether or not this browser can play it.
  const w = window as unknown as { __switchboardChimes?: number };
  w.__switchboardChimes = (w.__switchboardChimes ?? 0) + 1;
  try {
    const ctx = new AudioContext();
    for (const [i, freq] of [880, 1320].entries()) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.08, ctx.currentTime + i * 0.12);
      gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + i * 0.12 + 0.25);
      osc.connect(gain).connect(ctx.destination);
      osc.start(ctx.currentTime + i * 0.12);
      osc.stop(ctx.currentTime + i * 0.12 + 0.3);
    }
    (window as unknown as { __switchboardChimes?: number }).__switchboardChimes =
      ((window as unknown as { __switchboardChimes?: number }).__switchboardChimes ?? 0) + 1;
  } catch {
    /* no audio */
  }
}

/** What, if anything, an event tells me. */
function notificationFor(event: LiveEvent, me: number): { title: string; body: string; href: string } | null {
  const d = event.data as Record<string, unknown>;
  const href = `/inbox/${String(d.threadId)}`;
  if (event.name === "message.created") {
    const inbound = d.authorRole === "customer" || d.authorRole === "customer_service";
    if (inbound && !d.isInternal && Number(d.assigneeId) === me)
      return { title: `New message: ${String(d.subject ?? "")}`.trim(), body: String(d.preview ?? ""), href };
  }
  if (event.name === "thread.assigned" && Number(d.assigneeId) === me && Number(d.byUserId) !== me) {
    return { title: "Assigned to you", body: `Thread #${String(d.threadId)}`, href };
  }
  if (event.name === "note.mentioned" && Array.isArray(d.userIds) && d.userIds.map(Number).includes(me)) {
    return { title: `${String(d.byName)} mentioned you`, body: String(d.preview ?? ""), href: `${href}#message-${String(d.messageId)}` };
  }
  return null;
}

export function NotificationsProvider({ me, initial, children }: { me: number; initial: Settings; children: React.ReactNode }) {
  const [settings, setLocal] = useState<Settings>(initial);
  // Only shown in the bell's menu, which renders in the browser: no server markup to match.
  const [permission, setPermission] = useState<NotificationPermission | "unsupported">(() =>
    typeof Notification === "undefined" ? "unsupported" : Notification.permission,
  );
  const [recent, setRecent] = useState<NotificationsContext["recent"]>([]);

  // The tab title: "(3) Inbox · Switchboard" — open threads with unread messages (capped like the sidebar).
  const { data } = useQuery({ queryKey: inboxKeys.counts(), queryFn: fetchSidebar, staleTime: 15_000, refetchInterval: 60_000 });
  const unread = data?.counts.unread;
  const cap = data?.counts.cap;
  useEffect(() => {
    if (unread === undefined) return;
    const prefix = unread > 0 ? `(${cap !== undefined && unread >= cap ? `${cap - 1}+` : unread}) ` : "";
    const apply = () => {
      const base = document.title.replace(/^\(\d+\+?\) /, "");
      if (document.title !== prefix + base) document.title = prefix + base;
    };
    apply();
    // Next sets the title again when the page changes: put the count back.
    const title = document.querySelector("title");
    const observer = title ? new MutationObserver(apply) : null;
    if (title) observer!.observe(title, { childList: true, characterData: true, subtree: true });
    return () => observer?.disconnect();
  }, [unread, cap]);

  // Live counts for the title on pages without the inbox's list (it refreshes them itself).
  const qc = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useLiveEvent(["message.created", "thread.read", "thread.closed", "thread.reopened", "thread.snoozed", "thread.spam", "thread.updated"], () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void qc.invalidateQueries({ queryKey: inboxKeys.counts() });
    }, 1500);
  });

  const notify = useCallback(
    (event: LiveEvent) => {
      const n = notificationFor(event, me);
      if (!n) return;
      setRecent((list) => [{ id: event.id, ...n }, ...list].slice(0, 8));
      if (settings.desktop && typeof Notification !== "undefined" && Notification.permission === "granted") {
        const shown = new Notification(n.title, { body: n.body, tag: `switchboard-${event.id}` });
        shown.onclick = () => {
          window.focus();
          window.location.assign(n.href);
        };
      }
      if (settings.sound) chime();
    },
    [me, settings],
  );
  useLiveEvent(["message.created", "thread.assigned", "note.mentioned"], notify);

  // Online, for round-robin: a beat while any tab of the agent area is open.
  useEffect(() => {
    const beat = () => void fetch("/api/presence", { method: "POST" }).catch(() => {});
    beat();
    const t = setInterval(beat, 30_000);
    return () => clearInterval(t);
  }, []);

  const setSettings = useCallback(async (next: Settings) => {
    if (next.desktop && typeof Notification !== "undefined" && Notification.permission === "default") {
      setPermission(await Notification.requestPermission());
    }
    setLocal(next);
    await saveNotificationSettingsAction(next);
  }, []);

  // A new value only when one of these changes, not each time the title's counts come in.
  const value = useMemo(() => ({ settings, permission, setSettings, recent }), [settings, permission, setSettings, recent]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}
