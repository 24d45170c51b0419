// The inbox with no thread open: the right pane invites a choice and shows the main shortcuts.
import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Inbox" };

const HINTS: [string, string][] = [
  ["j / k", "move down / up"],
  ["Enter", "open"],
  ["/", "search"],
  ["?", "all shortcuts"],
];

export default async function InboxPage() {
  await requirePagePermission("inbox.view");
  return (
    <section
      data-testid="inbox-empty-pane"
      className="hidden min-w-0 flex-1 flex-col items-center md:flex justify-center gap-4 bg-slate-50 text-sm text-slate-600"
    >
      <svg viewBox="0 0 24 24" width="40" height="40" fill="none" stroke="currentColor" strokeWidth="1.5" className="text-slate-600" aria-hidden="true">
        <path d="M3 13h4l2 3h6l2-3h4" />
        <path d="M5 5h14l2 8v6H3v-6l2-8z" />
      </svg>
      <p className="text-base text-slate-600">Select a conversation</p>
      <dl className="grid grid-cols-[auto_auto] gap-x-3 gap-y-1 text-xs">
        {HINTS.map(([key, what]) => (
          <div key={key} className="contents">
            <dt className="text-right">
              <kbd className="rounded border border-slate-300 bg-white px-1.5 py-0.5 font-mono text-[11px] text-slate-700">{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
