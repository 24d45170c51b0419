// A small icon per channel, coloured like its badge; the label is the tooltip and the accessible name.
import type { Channel } from "@/db/schema";
import { CHANNEL_LABELS } from "./channel-badge";

const COLORS: Record<Channel, string> = {
  contact: "text-sky-600 bg-sky-50",
  conversation: "text-violet-600 bg-violet-50",
  discussion: "text-amber-700 bg-amber-50",
  call_request: "text-emerald-600 bg-emerald-50",
  chat: "text-rose-600 bg-rose-50",
};

const PATHS: Record<Channel, React.ReactNode> = {
  contact: (
    <>
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <path d="m3 7 9 6 9-6" />
    </>
  ),
  conversation: (
    <>
      <path d="M4 5h11a2 2 0 0 1 2 2v6a2 2 0 0 1-2 2H9l-4 3v-3H4a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z" />
      <path d="M19 9h1a2 2 0 0 1 2 2v5a2 2 0 0 1-2 2v2l-3-2h-5" />
    </>
  ),
  discussion: (
    <>
      <path d="M5 8h14l-1 12H6L5 8z" />
      <path d="M9 8V6a3 3 0 0 1 6 0v2" />
    </>
  ),
  call_request: <path d="M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2z" />,
  chat: (
    <>
      <path d="M21 12a8 8 0 0 1-11.5 7.2L4 20l1-4.5A8 8 0 1 1 21 12z" />
      <path d="M8 12h.01M12 12h.01M16 12h.01" />
    </>
  ),
};

export function ChannelIcon({ channel, className = "" }: { channel: Channel; className?: string }) {
  return (
    <span
      data-channel={channel}
      title={CHANNEL_LABELS[channel]}
      className={`inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-md ${COLORS[channel]} ${className}`}
    >
      <svg viewBox="0 0 24 24" width="14" height="14" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" role="img" aria-label={CHANNEL_LABELS[channel]}>
        {PATHS[channel]}
      </svg>
    </span>
  );
}
