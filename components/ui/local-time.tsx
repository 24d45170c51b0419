"use client";
// A date and time in the agent's own time zone. The server cannot know that zone, so the HTML
// carries the time in UTC and the browser rewrites it once hydrated (no hydration mismatch).
import { useHydrated } from "./use-hydrated";

const OPTIONS: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" };

/** "29 Nov, 09:57" in the browser's zone (English, like the rest of the agent screens). */
export function formatLocalTime(iso: string, timeZone?: string): string {
  return new Date(iso).toLocaleString("en-GB", timeZone ? { ...OPTIONS, timeZone } : OPTIONS);
}

export function LocalTime({ iso }: { iso: string }) {
  const inBrowser = useHydrated();
  return (
    <time dateTime={iso} title={iso}>
      {inBrowser ? formatLocalTime(iso) : `${formatLocalTime(iso, "UTC")} UTC`}
    </time>
  );
}
