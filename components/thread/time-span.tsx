"use client";
// A stretch of real time (a call-back window) in the viewer's own zone once hydrated — the server
// cannot know it, so the HTML shows the zone it was given in — with "now" or "passed" beside it,
// and the customer's own clock when the two zones differ.
import { formatWindow, windowState } from "@/lib/i18n/zones";
import { useHydrated } from "@/components/ui/use-hydrated";

export interface TimeSpanLabels {
  now: string;
  passed: string;
  theirTime: string;
}

const EN: TimeSpanLabels = { now: "now", passed: "passed", theirTime: "their time" };

export function TimeSpan({
  from,
  to,
  zone,
  locale = "en",
  labels = EN,
  showState = true,
}: {
  from: string;
  to: string;
  zone: string;
  locale?: string;
  labels?: TimeSpanLabels;
  showState?: boolean;
}) {
  const hydrated = useHydrated();
  const span = { startsAt: new Date(from), endsAt: new Date(to) };
  const viewerZone = hydrated ? Intl.DateTimeFormat().resolvedOptions().timeZone : zone;
  const state = hydrated ? windowState(span, new Date()) : null;
  return (
    <span data-testid="time-span" data-state={state ?? undefined} className="inline-flex flex-wrap items-baseline gap-x-1">
      <time dateTime={from} className="whitespace-nowrap">
        {formatWindow(span, viewerZone, locale)}
      </time>
      {viewerZone !== zone ? (
        <span className="text-[11px] whitespace-nowrap text-slate-600" data-testid="time-span-theirs">
          ({labels.theirTime}: {formatWindow(span, zone, locale)}, {zone})
        </span>
      ) : hydrated ? null : (
        <span className="text-[11px] text-slate-600">{zone}</span>
      )}
      {showState && state === "now" ? <span className="rounded bg-green-100 px-1 text-[11px] font-medium text-green-900">{labels.now}</span> : null}
      {showState && state === "passed" ? <span className="text-[11px] text-slate-600">({labels.passed})</span> : null}
    </span>
  );
}
