"use client";
// Keyboard shortcuts for the inbox. Any component registers a key with `useShortcut`; `?` shows
// every registered shortcut. Keys are ignored while typing in a field (Escape still works).
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";

interface Shortcut {
  key: string;
  description: string;
  handler: (event: KeyboardEvent) => void;
}

interface Registry {
  register(shortcut: Shortcut): () => void;
}

const ShortcutsContext = createContext<Registry | null>(null);

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    ["TEXTAREA", "SELECT"].includes(target.tagName) ||
    // A checkbox (the list's row picker) takes no text: the keys still work after clicking one.
    (target instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit"].includes(target.type)));

/** Enter on a focused button or link keeps its own meaning (links inside a listbox: the list's Enter). */
const keepsOwnEnter = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.closest("button, summary, select, [role=button]") !== null || (target.closest("a") !== null && target.closest("[role=listbox]") === null));

export function ShortcutsProvider({ children }: { children: React.ReactNode }) {
  const shortcuts = useRef(new Map<string, Shortcut[]>());
  // The list shown by `?`, read from the registry when it opens (null: closed).
  const [help, setHelp] = useState<{ key: string; description: string }[] | null>(null);
  const setHelpOpen = useCallback((open: boolean | ((open: boolean) => boolean)) => {
    setHelp((current) => {
      const next = typeof open === "function" ? open(current !== null) : open;
      if (!next) return null;
      const latest = [...shortcuts.current.values()].map((list) => list[list.length - 1]).filter(Boolean);
      return [...latest.map(({ key, description }) => ({ key, description })), { key: "?", description: "Show this list" }];
    });
  }, []);

  const register = useCallback((shortcut: Shortcut) => {
    const list = shortcuts.current.get(shortcut.key) ?? [];
    shortcuts.current.set(shortcut.key, [...list, shortcut]);
    return () => {
      shortcuts.current.set(
        shortcut.key,
        (shortcuts.current.get(shortcut.key) ?? []).filter((s) => s !== shortcut),
      );
    };
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      if (event.key === "Escape") {
        setHelpOpen(false);
        if (isTyping(event.target)) (event.target as HTMLElement).blur();
        return;
      }
      if (isTyping(event.target)) return;
      if (event.key === "Enter" && keepsOwnEnter(event.target)) return;
      if (event.key === "?") {
        event.preventDefault();
        setHelpOpen((open) => !open);
        return;
      }
      const list = shortcuts.current.get(event.key);
      const latest = list?.[list.length - 1];
      if (latest) {
        event.preventDefault();
        latest.handler(event);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [setHelpOpen]);

  // One value for the provider's life: a new object each render (the help opening) would re-render
  // every registered component, and reach into a part of the page still hydrating.
  const registry = useMemo(() => ({ register }), [register]);
  return (
    <ShortcutsContext.Provider value={registry}>
      {children}
      {help ? (
        <div
          role="dialog"
          aria-modal="true"
          aria-label="Keyboard shortcuts"
          className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/30"
          onClick={() => setHelpOpen(false)}
        >
          <div className="w-80 rounded-lg bg-white p-4 shadow-xl" onClick={(e) => e.stopPropagation()}>
            <h2 className="mb-2 text-sm font-semibold">Keyboard shortcuts</h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              {help.map((s) => (
                <div key={s.key} className="contents">
                  <dt>
                    <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs">{s.key}</kbd>
                  </dt>
                  <dd className="text-slate-600">{s.description}</dd>
                </div>
              ))}
              {/* Keys that belong to a field, not to the page: listed, not registered. */}
              {FIELD_KEYS.map(([key, description]) => (
                <div key={key} className="contents">
                  <dt>
                    <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs">{key}</kbd>
                  </dt>
                  <dd className="text-slate-600">{description}</dd>
                </div>
              ))}
            </dl>
          </div>
        </div>
      ) : null}
    </ShortcutsContext.Provider>
  );
}

const FIELD_KEYS: [string, string][] = [
  ["Ctrl+Enter", "Send the reply or note (⌘+Enter on a Mac)"],
  ["/", "In an empty reply: saved replies"],
  ["Esc", "Leave the field"],
];

/** Registers `key` while the calling component is mounted (and `enabled`). */
export function useShortcut(key: string, description: string, handler: (event: KeyboardEvent) => void, enabled = true) {
  const registry = useContext(ShortcutsContext);
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!registry || !enabled) return;
    return registry.register({ key, description, handler: (e) => latest.current(e) });
  }, [registry, key, description, enabled]);
}
