// The registry holds every channel of the catalog, each under its own name, and generic code
// (the surfaces and the model) never names a channel: adding one is a folder, a registry line,
// a catalog entry and a detail table.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CHANNELS } from "@/db/schema";
import { CHANNEL_CATALOG, CHANNEL_NAMES } from "./catalog";
import { CHANNEL_ENTRIES, channelEntry } from "./registry";

const root = process.cwd();
function filesUnder(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = path.join(dir, d.name);
    if (d.isDirectory()) return filesUnder(rel);
    return /\.(ts|tsx)$/.test(d.name) && !/\.test\.ts$/.test(d.name) ? [rel] : [];
  });
}

describe("the channel registry", () => {
  it("has one entry per channel of the database and of the catalog, under its own name", () => {
    expect([...CHANNEL_NAMES].sort()).toEqual([...CHANNELS].sort());
    expect(CHANNEL_ENTRIES.map((e) => e.name).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) {
      expect(channelEntry(channel).name).toBe(channel);
      expect(CHANNEL_CATALOG[channel].name).toBe(channel);
    }
  });

  it("keeps channel names out of generic code", () => {
    const generic = ["lib/threads", "lib/inbox", "lib/events", "components/inbox", "components/thread", "app/(agent)/inbox/(threads)"];
    const names = CHANNELS.join("|");
    const switching = new RegExp(`case "(${names})"|channel\\s*[!=]==?\\s*"(${names})"|"(${names})"\\s*[!=]==?\\s*\\w*[cC]hannel`);
    const offenders = generic.flatMap(filesUnder).filter((file) => switching.test(fs.readFileSync(path.join(root, file), "utf8")));
    expect(offenders).toEqual([]);
  });
});

describe("server modules", () => {
  it('say `import "server-only"` wherever they reach the database or Node', () => {
    const server = /from "(@\/db\/client|drizzle-orm[^"]*|node:[^"]+|pg|nodemailer|next\/headers)"/;
    // The auth config proxy.ts loads reads its secret from the data folder; it has no database.
    const proxySafe = new Set(["lib/auth/secret.ts"]);
    const missing = filesUnder("lib")
      .concat(filesUnder("db/seed"))
      .filter((file) => {
        const text = fs.readFileSync(path.join(root, file), "utf8");
        const runtime = text.split("\n").some((line) => line.startsWith("import ") && !line.startsWith("import type ") && server.test(line));
        return runtime && !proxySafe.has(file) && !text.includes('import "server-only"') && !text.startsWith('"use server"');
      });
    expect(missing).toEqual([]);
  });
});
