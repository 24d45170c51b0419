// One row of the inbox list: a box to pick it for bulk actions, channel icon, customer, subject,
// tags, last message (or, in a search, the message that matched: who wrote it, when, the words
// marked), unread mark, draft, snooze, assignee and age. Compact: three or four short lines.
import Link, { useLinkStatus } from "next/link";
import { memo } from "react";
import type { Channel } from "@/db/schema";
import { stateLabel } from "@/lib/channels/catalog";
import type { InboxRow } from "@/lib/inbox/views";
import type { TagView } from "@/lib/tags/palette";
import { RelativeTime } from "@/components/ui/relative-time";
import { ChannelIcon } from "./channel-icon";
import { TagChip } from "./tag-chip";

const HL = /\u0001([^\u0002]*)\u0002/g;

/** Text with search-match markers (\u0001…\u0002, from lib/search/highlight) as <mark>; never raw HTML. */
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

const ROLE: Record<string, string> = { customer: "Customer", agent: "Agent", seller: "Seller", customer_service: "Customer service", system: "System" };

/** Memoized: the list re-renders on every selection move and navigation; a row only when its own props change. */
export const ThreadRow = memo(function ThreadRow({
  row,
  href,
  index,
  active,
  selected,
  picked,
  onPick,
  onIntent,
  tags,
  waitingSort,
  now,
}: {
  row: InboxRow;
  href: string;
  index: number;
  active: boolean;
  selected: boolean;
  picked: boolean;
  /** Stable across renders (memo): called with the row's index and whether shift was held. */
  onPick: (index: number, range: boolean) => void;
  /** The pointer is on the row or the keyboard is: it is likely to be opened next (called with its id). */
  onIntent?: (id: number) => void;
  tags: TagView[];
  waitingSort: boolean;
  now: Date;
}) {
  const unread = row.unreadCount > 0;
  const who = row.customerName || row.customerEmail || "Unknown customer";
  const state = row.channelState ? stateLabel(row.channelState, row.channel as Channel) : null;
  const ageDate = new Date(waitingSort && row.waitingSince ? row.waitingSince : row.lastMessageAt);
  const rowTags = row.tagIds.map((id) => tags.find((t) => t.id === id)).filter((t): t is TagView => Boolean(t));
  return (
    <li
      aria-current={selected ? "true" : undefined}
      data-testid="thread-row"
      data-id={row.id}
      data-channel={row.channel}
      data-unread={unread ? "true" : "false"}
      data-selected={selected ? "true" : "false"}
      data-picked={picked ? "true" : "false"}
      data-row-index={index}
      className="relative"
    >
      <input
        type="checkbox"
        data-testid="row-pick"
        aria-label={`Select ${who}: ${row.subject || "(no subject)"}`}
        checked={picked}
        onChange={() => {}}
        onClick={(e) => {
          e.stopPropagation();
          onPick(index, e.shiftKey);
        }}
        className="absolute top-2.5 left-1.5 z-10 size-3.5 cursor-pointer accent-brand-600"
      />
      <Link
        href={href}
        scroll={false}
        onMouseEnter={onIntent ? () => onIntent(row.id) : undefined}
        onFocus={onIntent ? () => onIntent(row.id) : undefined}
        className={`relative flex gap-2.5 border-l-2 py-2 pr-3 pl-6 text-sm ${
          picked ? "bg-brand-50" : ""
        } ${active ? "border-l-brand-600 bg-brand-50/70" : selected ? "border-l-slate-400 bg-slate-100" : "border-l-transparent hover:bg-slate-50"}`}
      >
        <OpeningMark />
        <ChannelIcon channel={row.channel as Channel} className="mt-0.5" />
        <div className="min-w-0 flex-1">
          <div className="flex items-center gap-1.5">
            {unread ? <span data-testid="unread-dot" aria-label={`${row.unreadCount} unread`} className="h-2 w-2 shrink-0 rounded-full bg-brand-600" /> : null}
            <span data-testid="row-customer" className={`min-w-0 flex-1 truncate ${unread ? "font-semibold text-slate-900" : "text-slate-700"}`}>
              {row.customerHighlight ? <Highlighted text={row.customerHighlight} /> : who}
            </span>
            {row.hasDraft ? (
              <span data-testid="row-draft" className="shrink-0 text-[11px] font-medium text-rose-700">
                Draft
              </span>
            ) : null}
            <span
              className={`shrink-0 text-xs tabular-nums ${waitingSort ? "text-amber-700" : "text-slate-600"}`}
              title={waitingSort ? "Waiting since" : "Last activity"}
            >
              <RelativeTime date={ageDate} now={now} />
            </span>
          </div>
          <div className="flex items-center gap-1.5">
            <span data-testid="row-subject" className={`min-w-0 flex-1 truncate ${unread ? "font-medium text-slate-900" : "text-slate-600"}`}>
              {row.subjectHighlight ? <Highlighted text={row.subjectHighlight} /> : row.subject || "(no subject)"}
            </span>
            {row.snoozed ? (
              <span
                data-testid="row-snoozed"
                title={row.snoozeUntil ? `Snoozed until ${new Date(row.snoozeUntil).toLocaleString()}` : "Snoozed until the customer replies"}
                className="shrink-0 rounded bg-indigo-50 px-1 text-[10px] text-indigo-700"
              >
                Snoozed
              </span>
            ) : null}
            {row.status === "closed" ? (
              <span className="shrink-0 rounded bg-slate-100 px-1 text-[10px] font-medium uppercase text-slate-600">Closed</span>
            ) : null}
            {state ? <span className="shrink-0 rounded bg-slate-100 px-1 text-[10px] text-slate-600">{state}</span> : null}
            {row.assigneeName ? (
              <span
                title={`Assigned to ${row.assigneeName}`}
                data-testid="row-assignee"
                className="flex h-4 w-4 shrink-0 items-center justify-center rounded-full bg-slate-700 text-[8px] font-semibold text-white"
              >
                {initials(row.assigneeName)}
              </span>
            ) : null}
          </div>
          {rowTags.length ? (
            <div className="mt-0.5 flex gap-1 overflow-hidden" data-testid="row-tags">
              {rowTags.slice(0, 3).map((t) => (
                <TagChip key={t.id} tag={t} />
              ))}
              {rowTags.length > 3 ? <span className="text-[10px] text-slate-600">+{rowTags.length - 3}</span> : null}
            </div>
          ) : null}
          {row.match ? (
            <p data-testid="row-match" className="mt-0.5 line-clamp-2 text-xs text-slate-600">
              <span className="font-medium text-slate-600">
                ↳ {row.match.isInternal ? "Note by " : ""}
                {row.match.authorName || ROLE[row.match.authorRole]} · <RelativeTime date={new Date(row.match.createdAt)} now={now} />:{" "}
              </span>
              {row.bodyHighlight ? <Highlighted text={row.bodyHighlight} /> : null}
            </p>
          ) : (
            <p data-testid="row-preview" className="truncate text-xs text-slate-600">
              {row.bodyHighlight ? <Highlighted text={row.bodyHighlight} /> : row.lastMessagePreview}
            </p>
          )}
        </div>
      </Link>
    </li>
  );
});

/** The row says at once that its thread is opening (the page may take a moment on a slow line). */
function OpeningMark() {
  const { pending } = useLinkStatus();
  return pending ? (
    <span data-testid="row-opening" role="status" className="absolute top-1 right-2 text-[11px] font-medium text-brand-700">
      Opening…
    </span>
  ) : null;
}
