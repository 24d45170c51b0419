// Fixed-window throttles kept in the database, so every app instance counts the same hits.
import "server-only";
import { sql } from "drizzle-orm";
import { BlockList, isIP } from "node:net";
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

/** Gives back one hit of `key` (an attempt that turned out fine, e.g. the right password). */
export async function release(db: Db, key: string): Promise<void> {
  await db.execute(sql`update rate_limits set count = greatest(count - 1, 0) where key = ${key}`);
}

// ---------------------------------------------------------------------------------------------
// Who is calling. The socket's address is the only one nobody can forge; X-Forwarded-For is the
// client's own claim until a proxy we trust (TRUST_PROXY) has appended to it.
//
// `next start` writes the socket's address into X-Forwarded-For only when the client sent none
// (`x-forwarded-for ??= socket.remoteAddress`): a client that sends one hides the socket from the
// app. So the desk serves through scripts/server.mjs, which records the socket's address in
// x-switchboard-peer (removing any such header the client sent) before Next sees the request, and
// marks the process so that only then is that header believed.

const PEER_HEADER = "x-switchboard-peer";
const PEER_MARK = Symbol.for("switchboard.peerHeader");

export type TrustProxy = { hops: number } | { list: BlockList };

/** TRUST_PROXY: unset (trust no proxy), a number of hops in front of us, or addresses/CIDRs ("loopback" for 127.0.0.0/8 and ::1). */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const raw = (value ?? "").trim().toLowerCase();
  if (!raw || raw === "false" || raw === "none") return { hops: 0 };
  if (/^\d+$/.test(raw)) return { hops: Math.min(Number(raw), 20) };
  const list = new BlockList();
  for (const entry of raw.split(/[\s,]+/).filter(Boolean)) {
    if (entry === "loopback") {
      list.addSubnet("127.0.0.0", 8, "ipv4");
      list.addAddress("::1", "ipv6");
      continue;
    }
    const [address, bits] = entry.split("/") as [string, string | undefined];
    const family = isIP(address);
    if (!family) throw new Error(`TRUST_PROXY: ${entry} is not an IP address or CIDR range.`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return { list };
}

let trustCache: { raw: string | undefined; trust: TrustProxy } | undefined;
function trustProxy(): TrustProxy {
  const raw = process.env.TRUST_PROXY;
  if (!trustCache || trustCache.raw !== raw) trustCache = { raw, trust: parseTrustProxy(raw) };
  return trustCache.trust;
}

/** An address as written in a header or by the socket: without a port, IPv4-mapped IPv6 as IPv4. */
export function normalizeIp(value: string): string {
  let v = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(v);
  if (bracketed) v = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(v)) v = v.replace(/:\d+$/, "");
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(v)) v = v.slice(7);
  return v.toLowerCase();
}

function isTrusted(trust: TrustProxy, address: string, hopFromUs: number): boolean {
  if ("hops" in trust) return hopFromUs < trust.hops;
  const family = isIP(address);
  return family !== 0 && trust.list.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address from the socket's peer and the X-Forwarded-For chain: walking from the
 * nearest hop outwards, every hop we trust is a proxy and passed on what it was told; the first
 * hop we do not trust is the client. With no trusted proxy that is the peer itself.
 */
export function resolveClientIp(input: { peer: string | null | undefined; forwardedFor: string | null | undefined; trust: TrustProxy }): string {
  const forwarded = (input.forwardedFor ?? "")
    .split(",")
    .map((s) => normalizeIp(s))
    .filter(Boolean);
  const chain = input.peer ? [...forwarded, normalizeIp(input.peer)] : forwarded;
  if (chain.length === 0) return "unknown";
  let i = chain.length - 1;
  while (i > 0 && isTrusted(input.trust, chain[i]!, chain.length - 1 - i)) i--;
  return chain[i]!;
}

let warned = false;

/** The caller's address: the socket's peer, or the client a trusted proxy (TRUST_PROXY) speaks for. */
export function clientIp(headers: Headers): string {
  const marked = (globalThis as Record<symbol, unknown>)[PEER_MARK] === true;
  if (marked) return resolveClientIp({ peer: headers.get(PEER_HEADER), forwardedFor: headers.get("x-forwarded-for"), trust: trustProxy() });
  // Not served through scripts/server.mjs (next dev, a bare `next start`, tests): the nearest
  // X-Forwarded-For entry is what Next wrote from the socket — unless the client wrote its own.
  if (!warned && process.env.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build") {
    warned = true;
    console.warn("[throttle] not started through scripts/server.mjs: the socket's address is unknown, so throttles trust X-Forwarded-For.");
  }
  const forwarded = headers.get("x-forwarded-for");
  if (!forwarded) return headers.get("x-real-ip") ?? "unknown";
  const entries = forwarded.split(",");
  return resolveClientIp({ peer: entries.pop(), forwardedFor: entries.join(","), trust: trustProxy() });
}
