import type { Channel } from "@/db/schema";

export const CHANNEL_LABELS: Record<Channel, string> = {
  contact: "Contact",
  conversation: "Conversation",
  discussion: "Discussion",
  call_request: "Call request",
  chat: "Chat",
};

const STYLES: Record<Channel, string> = {
  contact: "bg-sky-50 text-sky-700 ring-sky-200",
  conversation: "bg-violet-50 text-violet-700 ring-violet-200",
  discussion: "bg-amber-50 text-amber-800 ring-amber-200",
  call_request: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  chat: "bg-rose-50 text-rose-700 ring-rose-200",
};

export function ChannelBadge({ channel }: { channel: Channel }) {
  return (
    <span
      data-channel={channel}
      className={`inline-flex shrink-0 items-center rounded px-1.5 py-0.5 text-[11px] font-medium ring-1 ring-inset ${STYLES[channel]}`}
    >
      {CHANNEL_LABELS[channel]}
    </span>
  );
}
