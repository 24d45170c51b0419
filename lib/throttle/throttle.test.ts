// Whose address a throttle counts: the socket's peer, and X-Forwarded-For only as far as proxies
// we trust (TRUST_PROXY) vouch for it — so rotating the header buys nothing and sending someone
// else's address blames only yourself. Counting is atomic: parallel hits never pass a limit.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/e2e/support/test-db";
import { clientIp, hit, normalizeIp, parseTrustProxy, release, resolveClientIp } from "./index";

const PEER_MARK = Symbol.for("switchboard.peerHeader");
const served = (on: boolean) => ((globalThis as Record<symbol, unknown>)[PEER_MARK] = on ? true : undefined);
const headers = (peer: string, forwarded?: string) => new Headers({ "x-switchboard-peer": peer, ...(forwarded ? { "x-forwarded-for": forwarded } : {}) });

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});
afterEach(() => {
  served(false);
  delete process.env.TRUST_PROXY;
});

describe("clientIp behind scripts/server.mjs", () => {
  it("trusts no proxy by default: the socket's peer, whatever X-Forwarded-For says", () => {
    served(true);
    for (const forged of ["203.0.113.1", "203.0.113.2, 10.0.0.1", "1.1.1.1", "garbage"]) {
      expect(clientIp(headers("198.51.100.7", forged))).toBe("198.51.100.7");
    }
    expect(clientIp(headers("::ffff:198.51.100.7"))).toBe("198.51.100.7");
  });

  it("believes as many hops as TRUST_PROXY counts, and no more", () => {
    served(true);
    process.env.TRUST_PROXY = "1";
    expect(clientIp(headers("10.0.0.2", "203.0.113.9"))).toBe("203.0.113.9");
    // A client that prepends its own entry only fills a hop nobody trusts.
    expect(clientIp(headers("10.0.0.2", "6.6.6.6, 203.0.113.9"))).toBe("203.0.113.9");
    process.env.TRUST_PROXY = "2";
    expect(clientIp(headers("10.0.0.2", "6.6.6.6, 203.0.113.9, 10.0.0.1"))).toBe("203.0.113.9");
  });

  it("believes only the listed proxies (addresses and CIDR ranges, loopback)", () => {
    served(true);
    process.env.TRUST_PROXY = "10.0.0.0/8, 192.0.2.1";
    expect(clientIp(headers("10.1.2.3", "203.0.113.9"))).toBe("203.0.113.9");
    expect(clientIp(headers("192.0.2.1", "6.6.6.6, 203.0.113.9, 10.0.0.5"))).toBe("203.0.113.9");
    // From a peer that is no trusted proxy, the header is the client's own claim.
    expect(clientIp(headers("198.51.100.50", "203.0.113.9"))).toBe("198.51.100.50");
    process.env.TRUST_PROXY = "loopback";
    expect(clientIp(headers("127.0.0.1", "203.0.113.4"))).toBe("203.0.113.4");
    expect(clientIp(headers("::1", "203.0.113.5"))).toBe("203.0.113.5");
  });

  it("ignores a client's x-switchboard-peer outside the server that writes it", () => {
    served(false);
    expect(clientIp(new Headers({ "x-switchboard-peer": "9.9.9.9", "x-forwarded-for": "198.51.100.3" }))).toBe("198.51.100.3");
  });

  it("parses TRUST_PROXY strictly and normalizes addresses", () => {
    expect(parseTrustProxy(undefined)).toEqual({ hops: 0 });
    expect(parseTrustProxy("0")).toEqual({ hops: 0 });
    expect(parseTrustProxy("3")).toEqual({ hops: 3 });
    expect(() => parseTrustProxy("proxy.example")).toThrow(/TRUST_PROXY/);
    expect(normalizeIp("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(normalizeIp("203.0.113.1:8080")).toBe("203.0.113.1");
    expect(resolveClientIp({ peer: null, forwardedFor: null, trust: { hops: 0 } })).toBe("unknown");
  });
});

describe("counting", () => {
  it("counts parallel hits atomically: exactly `max` are allowed", async () => {
    const key = `test:parallel:${Math.random()}`;
    const results = await Promise.all(Array.from({ length: 30 }, () => hit(database.db, key, { max: 5, windowSeconds: 60 })));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    await release(database.db, key);
    expect((await hit(database.db, key, { max: 100, windowSeconds: 60 })).count).toBe(30);
  });
});
