// Fixed-window throttles kept in the database, so every app instance counts the same hits.
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";

export interface Limit {
  /** Hits allowed per window. */
  max: number;
  windowSeconds: number;
}

export interface ThrottleResult {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

/** Counts one hit against `key` and says whether it is still within the limit. */
export async function hit(db: Db, key: string, limit: Limit): Promise<ThrottleResult> {
  const interval = `${limit.windowSeconds} seconds`;
  const [row] = await queryRows<{ count: number; retry: number }>(
    db,
    sql`insert into rate_limits as r (key, window_start, count) values (${key}, now(), 1)
        on conflict (key) do update set
          count = case when r.window_start <= now() - ${interval}::interval then 1 else r.count + 1 end,
          window_start = case when r.window_start <= now() - ${interval}::interval then now() else r.window_start end
        returning count, ceil(extract(epoch from (window_start + ${interval}::interval - now())))::int as retry`,
  );
  return { allowed: row.count <= limit.max, count: row.count, retryAfterSeconds: Math.max(1, row.retry) };
}

/** Whether `key` is over its limit, without counting a hit. */
export async function peek(db: Db, key: string, limit: Limit): Promise<ThrottleResult> {
  const interval = `${limit.windowSeconds} seconds`;
  const [row] = await queryRows<{ count: number; retry: number }>(
    db,
    sql`select count, ceil(extract(epoch from (window_start + ${interval}::interval - now())))::int as retry
        from rate_limits where key = ${key} and window_start > now() - ${interval}::interval`,
  );
  if (!row) return { allowed: true, count: 0, retryAfterSeconds: 0 };
  return { allowed: row.count < limit.max, count: row.count, retryAfterSeconds: Math.max(1, row.retry) };
}

export async function reset(db: Db, key: string): Promise<void> {
  await db.execute(sql`delete from rate_limits where key = ${key}`);
}

/** Limits read from the environment, so a test or a busy desk can change them without code. */
export function envLimit(name: string, fallback: Limit): Limit {
  const max = Number(process.env[`${name}_MAX`]);
  const windowSeconds = Number(process.env[`${name}_WINDOW_SECONDS`]);
  return {
    max: Number.isFinite(max) && max > 0 ? max : fallback.max,
    windowSeconds: Number.isFinite(windowSeconds) && windowSeconds > 0 ? windowSeconds : fallback.windowSeconds,
  };
}

/** The caller's address as the proxy in front of us (or Next itself) reports it. */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) return forwarded.split(",")[0]!.trim();
  return headers.get("x-real-ip") ?? "unknown";
}
