// A small icon per channel, coloured like its badge; the label is the tooltip and the accessible
// name. Colours, icon and label come from the channel catalog.
import type { Channel } from "@/db/schema";
import { CHANNEL_CATALOG } from "@/lib/channels/catalog";

export function ChannelIcon({ channel, className = "" }: { channel: Channel; className?: string }) {
  const info = CHANNEL_CATALOG[channel];
  return (
    <span
      data-channel={channel}
      title={info.label}
      className={`inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-md ${info.iconClass} ${className}`}
    >
      <svg
        viewBox="0 0 24 24"
        width="14"
        height="14"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
        role="img"
        aria-label={info.label}
      >
        {info.iconPaths.map((d) => (
          <path key={d} d={d} />
        ))}
      </svg>
    </span>
  );
}
