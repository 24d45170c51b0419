/** "5m", "3h", "2d" or a date; the full time in the tooltip. */
export function RelativeTime({ date, now = new Date() }: { date: Date; now?: Date }) {
  const seconds = Math.max(0, Math.round((now.getTime() - date.getTime()) / 1000));
  let label: string;
  if (seconds < 60) label = "now";
  else if (seconds < 3600) label = `${Math.floor(seconds / 60)}m`;
  else if (seconds < 86400) label = `${Math.floor(seconds / 3600)}h`;
  else if (seconds < 86400 * 7) label = `${Math.floor(seconds / 86400)}d`;
  else label = date.toISOString().slice(0, 10);
  return (
    // The label depends on the clock: the server's and the browser's "now" may straddle a minute.
    <time dateTime={date.toISOString()} title={date.toISOString().replace("T", " ").slice(0, 16)} suppressHydrationWarning>
      {label}
    </time>
  );
}
