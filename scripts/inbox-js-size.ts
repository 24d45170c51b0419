// Prints the first-load JavaScript of /inbox (and the other routes), gzipped, from the last
// `next build` (its .next/diagnostics/route-bundle-stats.json lists each route's chunks).
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const stats = JSON.parse(fs.readFileSync(path.join(".next", "diagnostics", "route-bundle-stats.json"), "utf8")) as {
  route: string;
  firstLoadUncompressedJsBytes: number;
  firstLoadChunkPaths: string[];
}[];
export function firstLoadKb(route: string): { raw: number; gzip: number } | null {
  const entry = stats.find((s) => s.route === route);
  if (!entry) return null;
  const gzip = entry.firstLoadChunkPaths.reduce((sum, p) => sum + gzipSync(fs.readFileSync(p), { level: 9 }).length, 0);
  return { raw: entry.firstLoadUncompressedJsBytes / 1024, gzip: gzip / 1024 };
}
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const route of process.argv.slice(2).length ? process.argv.slice(2) : ["/inbox", "/inbox/[threadId]", "/inbox/calls"]) {
    const kb = firstLoadKb(route);
    console.log(kb ? `${route}: first-load JS ${kb.gzip.toFixed(1)} kB gzipped (${kb.raw.toFixed(1)} kB raw)` : `${route}: not in the build`);
  }
}
