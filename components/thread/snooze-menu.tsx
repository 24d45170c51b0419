"use client";
// When a snooze ends: the usual choices (in the agent's own time zone), until the customer writes
// again, or a date and time of their choosing.
import { useState } from "react";
import { Menu, MenuItem } from "@/components/ui/menu";

export interface SnoozeChoice {
  label: string;
  /** ISO time; null: until the customer writes again. */
  until: string | null;
}

/** Later today, tomorrow morning, next Monday morning, until the customer replies. */
export function snoozeChoices(now: Date): SnoozeChoice[] {
  const at = (d: Date, h: number) => {
    const x = new Date(d);
    x.setHours(h, 0, 0, 0);
    return x;
  };
  const tomorrow = new Date(now);
  tomorrow.setDate(now.getDate() + 1);
  const monday = new Date(now);
  monday.setDate(now.getDate() + ((8 - now.getDay()) % 7 || 7));
  const fmt = (d: Date) => d.toLocaleString(undefined, { weekday: "short", hour: "2-digit", minute: "2-digit" });
  const inOneHour = new Date(now.getTime() + 3_600_000);
  const inThreeHours = new Date(now.getTime() + 3 * 3_600_000);
  return [
    { label: `In 1 hour (${fmt(inOneHour)})`, until: inOneHour.toISOString() },
    { label: `In 3 hours (${fmt(inThreeHours)})`, until: inThreeHours.toISOString() },
    { label: `Tomorrow morning (${fmt(at(tomorrow, 9))})`, until: at(tomorrow, 9).toISOString() },
    { label: `Next week (${fmt(at(monday, 9))})`, until: at(monday, 9).toISOString() },
    { label: "Until the customer replies", until: null },
  ];
}

export function SnoozeMenu({ onSnooze, disabled }: { onSnooze: (until: string | null) => void; disabled?: boolean }) {
  const [custom, setCustom] = useState("");
  return (
    <Menu label="Snooze" testId="snooze" disabled={disabled} align="right" title="Snooze: out of the open views until…">
      {(close) => (
        <div data-testid="snooze-menu">
          {snoozeChoices(new Date()).map((c) => (
            <MenuItem
              key={c.label}
              onClick={() => {
                close();
                onSnooze(c.until);
              }}
            >
              {c.label}
            </MenuItem>
          ))}
          <form
            className="flex items-center gap-1 border-t border-slate-100 px-2 pt-2 pb-1"
            onSubmit={(e) => {
              e.preventDefault();
              const when = new Date(custom);
              if (!custom || Number.isNaN(when.getTime())) return;
              close();
              onSnooze(when.toISOString());
            }}
          >
            <input
              type="datetime-local"
              aria-label="Snooze until"
              data-testid="snooze-custom"
              value={custom}
              onChange={(e) => setCustom(e.target.value)}
              className="min-w-0 flex-1 rounded border border-slate-300 px-1 py-0.5 text-xs"
            />
            <button type="submit" className="rounded bg-slate-900 px-2 py-0.5 text-xs text-white">
              Snooze
            </button>
          </form>
        </div>
      )}
    </Menu>
  );
}
