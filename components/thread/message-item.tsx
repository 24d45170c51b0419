"use client";
// One message in the thread: a bubble styled by who wrote it; notes are yellow and say they stay
// internal; images preview inline, other files download.
import type { AttachmentView, MessageView, TimelineEvent } from "@/lib/inbox/views";
import { LocalTime } from "@/components/ui/local-time";
import { memo } from "react";

const ROLE_LABEL: Record<MessageView["authorRole"], string> = {
  customer: "Customer",
  agent: "Agent",
  seller: "Seller",
  customer_service: "Customer service",
  system: "System",
};

const BUBBLE: Record<MessageView["authorRole"], string> = {
  customer: "bg-white ring-1 ring-slate-200",
  customer_service: "bg-sky-50 ring-1 ring-sky-200",
  seller: "bg-violet-50 ring-1 ring-violet-200",
  agent: "bg-brand-50 ring-1 ring-brand-100",
  system: "bg-slate-50 ring-1 ring-slate-200",
};

const ROLE_TAG: Record<MessageView["authorRole"], string> = {
  customer: "bg-slate-100 text-slate-600",
  customer_service: "bg-sky-100 text-sky-700",
  seller: "bg-violet-100 text-violet-700",
  agent: "bg-brand-100 text-brand-700",
  system: "bg-slate-100 text-slate-600",
};

export function PaperclipIcon() {
  return (
    <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" className="size-3.5 shrink-0 text-slate-600" aria-hidden>
      <path d="M14.5 9.5 9 15a3.5 3.5 0 0 1-5-5l6-6a2.3 2.3 0 0 1 3.3 3.3l-6 6a1.2 1.2 0 0 1-1.7-1.7L11 6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function formatSize(bytes: number) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function Attachments({ files }: { files: AttachmentView[] }) {
  if (!files.length) return null;
  const images = files.filter((f) => f.isImage && f.id > 0);
  const others = files.filter((f) => !(f.isImage && f.id > 0));
  return (
    <div className="mt-2 space-y-2">
      {images.length ? (
        <div className="flex flex-wrap gap-2">
          {images.map((f) => (
            <a key={f.id} href={`/api/attachments/${f.id}`} title={`Download ${f.fileName}`} data-testid="attachment-image">
              {/* eslint-disable-next-line @next/next/no-img-element -- authorized route, not a static asset */}
              <img
                src={`/api/attachments/${f.id}?inline=1`}
                alt={f.fileName}
                className="max-h-48 max-w-64 rounded-md object-contain ring-1 ring-slate-200"
                loading="lazy"
              />
            </a>
          ))}
        </div>
      ) : null}
      {others.map((f) =>
        f.id > 0 ? (
          <a
            key={f.id}
            href={`/api/attachments/${f.id}`}
            download={f.fileName}
            data-testid="attachment-file"
            className="flex w-fit items-center gap-2 rounded-md bg-white px-2.5 py-1.5 text-xs ring-1 ring-slate-200 hover:bg-slate-50"
          >
            <PaperclipIcon />
            <span className="font-medium text-slate-700">{f.fileName}</span>
            <span className="text-slate-600">{formatSize(f.size)}</span>
          </a>
        ) : (
          <span key={f.id} className="flex w-fit items-center gap-2 rounded-md bg-white/60 px-2.5 py-1.5 text-xs text-slate-600 ring-1 ring-slate-200">
            <PaperclipIcon /> {f.fileName} <span className="text-slate-600">{formatSize(f.size)}</span>
          </span>
        ),
      )}
    </div>
  );
}

/**
 * Memoized, like TimelineItem: a thread re-renders on every presence, typing or status change,
 * and its messages (the same objects from React Query while unchanged) need not.
 */
export const MessageItem = memo(function MessageItem({
  message,
  onToggleRead,
  progress,
  highlighted,
}: {
  message: MessageView;
  /** Stable across renders (memo): the message's id comes back with the new read state. */
  onToggleRead?: (messageId: number, read: boolean) => void;
  /** 0..1 while the message is being sent. */
  progress?: number;
  /** The message a link (a search result) pointed at. */
  highlighted?: boolean;
}) {
  const ours = message.authorRole === "agent";
  const note = message.isInternal;
  const unread = !message.readAt;
  if (message.authorRole === "system" && !note) {
    return (
      <li id={`message-${message.id}`} data-testid="message" data-role="system" className="py-1 text-center text-xs text-slate-600">
        {message.body} · <LocalTime iso={message.createdAt} />
      </li>
    );
  }
  const bubble = note ? "bg-amber-50 ring-1 ring-amber-200" : BUBBLE[message.authorRole];
  return (
    <li
      id={message.id > 0 ? `message-${message.id}` : undefined}
      data-testid="message"
      data-id={message.id}
      data-highlighted={highlighted ? "true" : undefined}
      data-role={message.authorRole}
      data-internal={note ? "true" : "false"}
      data-unread={unread ? "true" : "false"}
      data-pending={progress !== undefined ? "true" : undefined}
      className={`group flex ${ours || note ? "justify-end pl-12" : "justify-start pr-12"}`}
    >
      <article
        className={`relative w-fit max-w-full min-w-48 rounded-xl px-4 py-3 shadow-xs ${bubble} ${progress !== undefined ? "opacity-70" : ""} ${highlighted ? "ring-2 ring-yellow-400" : ""}`}
      >
        <header className="mb-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
          {unread ? <span className="size-2 rounded-full bg-brand-500" title="Unread" aria-label="Unread" /> : null}
          <span className="font-semibold text-slate-800">{message.authorName || ROLE_LABEL[message.authorRole]}</span>
          {note ? (
            <span className="rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-800">Internal note · not sent</span>
          ) : (
            <span className={`rounded px-1.5 py-0.5 ${ROLE_TAG[message.authorRole]}`}>{ROLE_LABEL[message.authorRole]}</span>
          )}
          {message.receivers?.length ? (
            <span className="text-slate-600">
              to {message.receivers.map((r) => (r.userType === "GrcOperator" ? "customer service" : r.userType.toLowerCase())).join(", ")}
            </span>
          ) : null}
          <span className="ml-auto text-slate-600" suppressHydrationWarning>
            {progress !== undefined ? progress < 1 ? `Sending… ${Math.round(progress * 100)}%` : "Saving…" : <LocalTime iso={message.createdAt} />}
          </span>
          {onToggleRead && progress === undefined ? (
            <button
              type="button"
              onClick={() => onToggleRead(message.id, unread)}
              className="text-slate-600 opacity-0 transition group-hover:opacity-100 hover:text-slate-700 focus:opacity-100"
              data-testid="message-toggle-read"
            >
              {unread ? "Mark read" : "Mark unread"}
            </button>
          ) : null}
        </header>
        {message.body ? <div className="text-sm leading-relaxed whitespace-pre-wrap text-slate-800 [overflow-wrap:anywhere]">{message.body}</div> : null}
        <Attachments files={message.attachments} />
        {progress !== undefined ? (
          <div
            className="mt-2 h-1 overflow-hidden rounded bg-slate-200"
            role="progressbar"
            aria-valuenow={Math.round(progress * 100)}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-label="Upload progress"
          >
            <div className="h-full bg-brand-500 transition-all" style={{ width: `${Math.round(progress * 100)}%` }} />
          </div>
        ) : null}
      </article>
    </li>
  );
});

const EVENT_TEXT: Record<string, (e: TimelineEvent) => string> = {
  closed: (e) => `${e.actorName ?? "Someone"} closed the thread`,
  reopened: (e) => `${e.actorName ?? "Someone"} reopened the thread`,
  assigned: (e) =>
    !e.data.to
      ? `${e.actorName ?? "Someone"} unassigned it`
      : e.actorName && e.data.toName === e.actorName
        ? `${e.actorName} took it`
        : `${e.actorName ?? "Someone"} assigned it to ${String(e.data.toName ?? "an agent")}`,
  state: (e) => `${e.actorName ?? "Someone"} set the state to ${String(e.data.state ?? "")}`.replaceAll("_", " "),
  tagged: (e) => {
    const list = (v: unknown) => (Array.isArray(v) ? v.map(String).join(", ") : "");
    const added = list(e.data.added);
    const removed = list(e.data.removed);
    return `${e.actorName ?? "Someone"} ${[added && `tagged it ${added}`, removed && `removed ${removed}`].filter(Boolean).join(" and ")}`;
  },
  snoozed: (e) =>
    `${e.actorName ?? "Someone"} snoozed it ${e.data.until ? `until ${new Date(String(e.data.until)).toLocaleString("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" })}` : "until the customer replies"}`,
  woke: (e) => (e.data.reason === "time" ? "The snooze ended" : `${e.actorName ?? "Someone"} ended the snooze`),
  spam: (e) => `${e.actorName ?? "Someone"} marked it as spam`,
  not_spam: (e) => `${e.actorName ?? "Someone"} marked it as not spam`,
  merged: (e) => `${e.actorName ?? "Someone"} merged it into #${String(e.data.into)}`,
  merged_from: (e) => `${e.actorName ?? "Someone"} merged #${String(e.data.from)} into this thread`,
  restored: (e) => `${e.actorName ?? "Someone"} restored it from the trash`,
  customer_merged: (e) => `${e.actorName ?? "Someone"} merged the customer's records`,
};

export const TimelineItem = memo(function TimelineItem({ event }: { event: TimelineEvent }) {
  const text = EVENT_TEXT[event.type]?.(event) ?? event.type;
  return (
    <li data-testid="timeline-event" data-type={event.type} className="flex items-center gap-3 py-0.5 text-xs text-slate-600">
      <span className="h-px flex-1 bg-slate-200" />
      <span>
        {text} · <LocalTime iso={event.createdAt} />
      </span>
      <span className="h-px flex-1 bg-slate-200" />
    </li>
  );
});
