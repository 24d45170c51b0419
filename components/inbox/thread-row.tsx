// One row of the inbox list: channel icon, customer, subject, last message (or the search match),
// unread mark, assignee and age. Compact: three short lines.
import Link from "next/link";
import type { Channel } from "@/db/schema";
import type { InboxRow } from "@/lib/inbox/list";
import { STATE_LABELS } from "@/lib/inbox/filters";
import { RelativeTime } from "@/components/ui/relative-time";
import { ChannelIcon } from "./channel-icon";

const HL = /\u0001([^\u0002]*)\u0002/g;

/** Text with search-match markers (\u0001…\u0002, from ts_headline) as <mark>; never raw HTML. */
export function Highlighted({ text }: { text: string }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(HL)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push(
      <mark key={m.index} className="rounded-sm bg-yellow-200/80 px-0.5 text-inherit">
        {m[1]}
      </mark>,
    );
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");

export function ThreadRow({ row, href, index, active, selected, waitingSort, now }: { row: InboxRow; href: string; index: number; active: boolean; selected: boolean; waitingSort: boolean; now: Date }) {
  const unread = row.unreadCount > 0;
  const who = row.customerName || row.customerEmail || "Unknown customer";
  const state = row.channelState ? (STATE_LABELS[row.channelState] ?? row.channelState) : null;
  const ageDate = new Date(waitingSort && row.waitingSince ? row.waitingSince : row.lastMessageAt);
  return (
    <li role="option" aria-selected={selected} data-testid="thread-row" data-id={row.id} data-channel={row.channel} data-unread={unread ? "true" : "false"} data-selected={selected ? "true" : "false"} data-row-index={index}>
      <Link
        href={href}
        scroll={false}
        className={`relative flex gap-2.5 border-l-2 py-2 pl-2.5 pr-3 text-sm ${
          active ? "border-l-brand-600 bg-brand-50/70" : selected ? "border-l-slate-400 bg-slate-100" : "border-l-transparent hover:bg-slate-50"
        }`}
      >
        <ChannelIcon channel={row.channel as Channel} className="mt-0.5" />
        <div className="min-w-0 flex-1">
          <div className="flex items-center gap-1.5">
            {unread ? <span data-testid="unread-dot" aria-label={`${row.unreadCount} unread`} className="h-2 w-2 shrink-0 rounded-full bg-brand-600" /> : null}
            <span data-testid="row-customer" className={`min-w-0 flex-1 truncate ${unread ? "font-semibold text-slate-900" : "text-slate-700"}`}>
              {who}
            </span>
            <span className={`shrink-0 text-xs tabular-nums ${waitingSort ? "text-amber-700" : "text-slate-400"}`} title={waitingSort ? "Waiting since" : "Last activity"}>
              <RelativeTime date={ageDate} now={now} />
            </span>
          </div>
          <div className="flex items-center gap-1.5">
            <span data-testid="row-subject" className={`min-w-0 flex-1 truncate ${unread ? "font-medium text-slate-900" : "text-slate-600"}`}>
              {row.subjectHighlight ? <Highlighted text={row.subjectHighlight} /> : row.subject || "(no subject)"}
            </span>
            {row.status === "closed" ? <span className="shrink-0 rounded bg-slate-100 px-1 text-[10px] font-medium uppercase text-slate-500">Closed</span> : null}
            {state ? <span className="shrink-0 rounded bg-slate-100 px-1 text-[10px] text-slate-500">{state}</span> : null}
            {row.assigneeName ? (
              <span title={`Assigned to ${row.assigneeName}`} data-testid="row-assignee" className="flex h-4 w-4 shrink-0 items-center justify-center rounded-full bg-slate-700 text-[8px] font-semibold text-white">
                {initials(row.assigneeName)}
              </span>
            ) : null}
          </div>
          <p data-testid="row-preview" className="truncate text-xs text-slate-500">
            {row.bodyHighlight ? <Highlighted text={row.bodyHighlight} /> : row.lastMessagePreview}
          </p>
        </div>
      </Link>
    </li>
  );
}
