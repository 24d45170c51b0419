// A channel's badge: its label in its colours, both from the channel catalog.
import type { Channel } from "@/db/schema";
import { CHANNEL_CATALOG } from "@/lib/channels/catalog";

export function ChannelBadge({ channel }: { channel: Channel }) {
  const info = CHANNEL_CATALOG[channel];
  return (
    <span
      data-channel={channel}
      className={`inline-flex shrink-0 items-center rounded px-1.5 py-0.5 text-[11px] font-medium ring-1 ring-inset ${info.badgeClass}`}
    >
      {info.label}
    </span>
  );
}
