"use client";
// One EventSource to /api/events per tab, shared by every component that wants live updates:
// `useLiveEvent(names, handler)` runs `handler` for each event with one of those names. The
// browser resumes after a dropped connection with Last-Event-ID, so nothing is missed.
// (A minimal version for the call queue; the inbox's provider replaces it with the same API.)
import { createContext, useContext, useEffect, useRef, useState } from "react";

export interface LiveEvent {
  id: number;
  name: string;
  data: Record<string, unknown>;
}
type Handler = (event: LiveEvent) => void;

interface Hub {
  subscribe(names: readonly string[], handler: Handler): () => void;
}

const LiveEventsContext = createContext<Hub | null>(null);

/** Opens the EventSource on the first subscription (so only in the browser), closes it on demand. */
function createHub(url: string): Hub & { close(): void } {
  const handlers = new Map<string, Set<Handler>>();
  let source: EventSource | null = null;
  let attached = new Set<string>();
  const attach = (name: string) => {
    if (!source || attached.has(name)) return;
    attached.add(name);
    source.addEventListener(name, (message) => {
      const m = message as MessageEvent<string>;
      let data: Record<string, unknown> = {};
      try {
        data = JSON.parse(m.data) as Record<string, unknown>;
      } catch {
        /* not JSON: deliver without data */
      }
      const event = { id: Number(m.lastEventId) || 0, name, data };
      for (const handler of handlers.get(name) ?? []) handler(event);
    });
  };
  return {
    subscribe(names, handler) {
      if (!source) {
        source = new EventSource(url);
        attached = new Set();
        for (const name of handlers.keys()) attach(name);
      }
      for (const name of names) {
        let set = handlers.get(name);
        if (!set) handlers.set(name, (set = new Set()));
        set.add(handler);
        attach(name);
      }
      return () => {
        for (const name of names) handlers.get(name)?.delete(handler);
      };
    },
    close() {
      source?.close();
      source = null;
    },
  };
}

export function LiveEventsProvider({ children, url = "/api/events" }: { children: React.ReactNode; url?: string }) {
  const [hub] = useState(() => createHub(url));
  useEffect(() => () => hub.close(), [hub]);
  return <LiveEventsContext.Provider value={hub}>{children}</LiveEventsContext.Provider>;
}

/** Calls `handler` for every live event named in `names`, while the component is mounted. */
export function useLiveEvent(names: readonly string[], handler: Handler): void {
  const hub = useContext(LiveEventsContext);
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  const key = names.join("|");
  useEffect(() => {
    if (!hub) return;
    return hub.subscribe(key.split("|"), (event) => latest.current(event));
  }, [hub, key]);
}
