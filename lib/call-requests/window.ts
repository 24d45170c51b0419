// A call-back window on a calendar: the day and the customer's time zone beside the times they
// gave, so "09:00–10:00" means one stretch of real time that can be in the past, today or later,
// and can be shown in any agent's zone. Pure functions (browser-safe).
import { parseTimeOfDay } from "./schemas";
import { addDays, DATE_PATTERN, dayIn, zonedInstant } from "@/lib/i18n/zones";

export interface CallWindow {
  /** The customer's day, "YYYY-MM-DD". */
  date: string;
  zone: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * The window's real start and end. No times: the whole day. A start alone lasts to the end of
 * the day; an end alone starts at midnight. Without a day, the day is the first one (from
 * `from`, the time the request was made) whose window has not ended yet — what a client that
 * sends only "9:00"–"10:00" means.
 */
export function resolveWindow(input: { date?: string | null; timeFrom?: string | null; timeTo?: string | null; zone: string; from: Date }): CallWindow {
  const start = parseTimeOfDay(input.timeFrom) ?? 0;
  const endRaw = parseTimeOfDay(input.timeTo);
  const end = endRaw !== null && endRaw > start ? endRaw : 24 * 60;
  let date = input.date && DATE_PATTERN.test(input.date) ? input.date : dayIn(input.from, input.zone);
  if (!input.date && zonedInstant(date, end, input.zone) <= input.from) date = addDays(date, 1);
  return { date, zone: input.zone, startsAt: zonedInstant(date, start, input.zone), endsAt: zonedInstant(date, end, input.zone) };
}
