// Days and wall-clock times in IANA time zones, with Intl only (browser-safe): a time a customer
// gave in their zone, shown in an agent's.

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Whether the runtime knows this IANA zone ("Europe/Istanbul", "UTC"). */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== "string" || !zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock parts of an instant in a zone. */
export function partsIn(instant: Date, zone: string) {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") };
}

/** The calendar day ("2026-05-14") of an instant in a zone. */
export function dayIn(instant: Date, zone: string): string {
  const p = partsIn(instant, zone);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/** A day plus a number of days, as a day. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The instant a wall-clock time (minutes after midnight, 1440 = the next midnight) on a day in a zone names. */
export function zonedInstant(day: string, minutes: number, zone: string): Date {
  const naive = Date.parse(`${day}T00:00:00Z`) + minutes * 60_000;
  // The zone's offset at that moment, found by reading the guess back (twice, for a DST edge).
  let guess = naive;
  for (let i = 0; i < 2; i++) {
    const p = partsIn(new Date(guess), zone);
    const seen = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    guess += naive - seen;
  }
  return new Date(guess);
}

/** "Thu 14 May" (with the year when it is not this year's), "09:00" in a zone, in English or Turkish. */
export function formatWindowDay(instant: Date, zone: string, locale = "en", now = new Date()): string {
  const sameYear = partsIn(instant, zone).year === partsIn(now, zone).year;
  return instant.toLocaleDateString(locale === "tr" ? "tr-TR" : "en-GB", {
    timeZone: zone,
    weekday: "short",
    day: "numeric",
    month: "short",
    ...(sameYear ? {} : { year: "numeric" }),
  });
}

export function formatClock(instant: Date, zone: string): string {
  return instant.toLocaleTimeString("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
}

/** "Thu 14 May, 09:00–10:00" in a zone (an end at the next midnight reads 24:00). */
export function formatWindow(w: { startsAt: Date; endsAt: Date }, zone: string, locale = "en", now = new Date()): string {
  const endClock = formatClock(w.endsAt, zone);
  const sameDay = dayIn(w.startsAt, zone) === dayIn(new Date(w.endsAt.getTime() - 1), zone);
  const end = sameDay && endClock === "00:00" ? "24:00" : sameDay ? endClock : `${formatWindowDay(w.endsAt, zone, locale, now)}, ${endClock}`;
  return `${formatWindowDay(w.startsAt, zone, locale, now)}, ${formatClock(w.startsAt, zone)}–${end}`;
}

export type WindowState = "passed" | "now" | "upcoming";
export const windowState = (w: { startsAt: Date; endsAt: Date }, now: Date): WindowState =>
  now >= w.endsAt ? "passed" : now >= w.startsAt ? "now" : "upcoming";
