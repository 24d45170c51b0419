"use client";
// A date and time in the agent's own time zone. The server cannot know that zone, so the HTML
// carries the time in UTC and the browser rewrites it once hydrated (no hydration mismatch).
import { useHydrated } from "./use-hydrated";

const OPTIONS: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZoneName: "short" };

/** "29 Nov, 09:57 GMT+3" in the browser's zone (or the one given), with the year when it is not this year's. */
export function formatLocalTime(iso: string, timeZone?: string, now = new Date()): string {
  const date = new Date(iso);
  const year = (d: Date) => d.toLocaleString("en-GB", { year: "numeric", ...(timeZone ? { timeZone } : {}) });
  const options = { ...OPTIONS, ...(year(date) !== year(now) ? { year: "numeric" as const } : {}), ...(timeZone ? { timeZone } : {}) };
  return date.toLocaleString("en-GB", options);
}

export function LocalTime({ iso }: { iso: string }) {
  const inBrowser = useHydrated();
  return (
    <time dateTime={iso} title={iso}>
      {inBrowser ? formatLocalTime(iso) : formatLocalTime(iso, "UTC")}
    </time>
  );
}
