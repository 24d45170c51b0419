"use client";
// The composer's saved-reply picker: the team's replies and mine, searched by title and text,
// each inserted in the thread's language (else the desk's default) with its variables filled in.
// Keys: type to search, ↑/↓ to choose, Enter to insert, Escape to close.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { inboxKeys } from "@/lib/inbox/query-keys";
import type { ThreadView } from "@/lib/inbox/views";
import { bodyFor, renderSavedReply, type SavedReplyView } from "@/lib/saved-replies/render";
import { foldForMatch } from "@/lib/search/highlight";

async function fetchReplies(): Promise<{ replies: SavedReplyView[]; defaultLocale: string }> {
  const response = await fetch("/api/saved-replies", { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`saved replies: ${response.status}`);
  return response.json() as Promise<{ replies: SavedReplyView[]; defaultLocale: string }>;
}

export function SavedReplyPicker({
  view,
  me,
  onPick,
  onClose,
}: {
  view: ThreadView;
  me: { id: number; name: string };
  onPick: (text: string) => void;
  onClose: () => void;
}) {
  const { data, isPending, error } = useQuery({ queryKey: inboxKeys.savedReplies(), queryFn: fetchReplies, staleTime: 30_000 });
  const [q, setQ] = useState("");
  const [index, setIndex] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const needle = foldForMatch(q.trim());
  const replies = (data?.replies ?? []).filter((r) => !needle || foldForMatch(`${r.title} ${Object.values(r.bodies).join(" ")}`).includes(needle));
  const locale = view.thread.locale;
  const render = (r: SavedReplyView) =>
    renderSavedReply(bodyFor(r, locale, data?.defaultLocale ?? "en"), {
      customer: { name: view.thread.customerName, email: view.thread.customerEmail },
      agent: { name: me.name },
      thread: { id: view.thread.id, subject: view.thread.subject },
    });
  const pick = (r: SavedReplyView | undefined) => r && onPick(render(r));
  return (
    <div data-testid="saved-reply-picker" className="mb-2 rounded-lg bg-white p-2 shadow-sm ring-1 ring-slate-300">
      <input
        ref={input}
        value={q}
        aria-label="Search saved replies"
        placeholder="Search saved replies…"
        data-testid="saved-reply-search"
        onChange={(e) => {
          setQ(e.target.value);
          setIndex(0);
        }}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.preventDefault();
            onClose();
          } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            const delta = e.key === "ArrowDown" ? 1 : -1;
            setIndex((i) => (replies.length ? (i + delta + replies.length) % replies.length : 0));
          } else if (e.key === "Enter") {
            e.preventDefault();
            pick(replies[index]);
          }
        }}
        className="w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
      />
      {isPending ? <p className="px-1 py-2 text-xs text-slate-600">Loading…</p> : null}
      {error ? <p className="px-1 py-2 text-xs text-red-700">The saved replies could not be loaded.</p> : null}
      {data && replies.length === 0 ? (
        <p className="px-1 py-2 text-xs text-slate-600">
          No saved reply {q ? `matches “${q}”` : "yet"}.{" "}
          <Link href="/inbox/saved-replies" className="text-brand-700 hover:underline">
            Add one
          </Link>
        </p>
      ) : null}
      <ul role="listbox" aria-label="Saved replies" className="mt-1 max-h-56 overflow-y-auto">
        {replies.map((r, i) => (
          <li key={r.id} role="option" aria-selected={i === index} data-testid="saved-reply-option">
            <button
              type="button"
              onMouseEnter={() => setIndex(i)}
              onClick={() => pick(r)}
              className={`block w-full rounded px-2 py-1.5 text-left ${i === index ? "bg-slate-100" : ""}`}
            >
              <span className="flex items-center gap-2 text-sm font-medium text-slate-800">
                {r.title}
                {r.ownerId === null ? <span className="text-[10px] font-normal text-slate-600">team</span> : null}
                <span className="ml-auto text-[10px] font-normal uppercase text-slate-600">{Object.keys(r.bodies).join(" · ")}</span>
              </span>
              <span className="block truncate text-xs text-slate-600">{render(r)}</span>
            </button>
          </li>
        ))}
      </ul>
      <p className="mt-1 px-1 text-[10px] text-slate-600">
        ↑/↓ choose · Enter insert · Esc close ·{" "}
        <Link href="/inbox/saved-replies" className="hover:underline">
          manage
        </Link>
      </p>
    </div>
  );
}
