// The embedded database's guard rails: one process per folder, and a restart after kill -9.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startChild } from "@/e2e/support/spawn";
import { testDriver } from "@/e2e/support/test-db";
import { acquirePgliteLock, openDatabase, queryRows } from "./client";

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "sb-pglite-"));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

// These are about PGlite itself; run them once, in the PGlite pass.
describe.runIf(testDriver() === "pglite")("embedded database folder", () => {
  it("refuses a second process at once, with a clear message", async () => {
    const dir = path.join(tmp, "held");
    const holder = startChild("open-pglite", dir);
    try {
      await holder.waitFor("opened", 60_000);
      await expect(openDatabase({ pgliteDir: dir })).rejects.toThrow(/already open in process \d+.*DATABASE_URL/s);
    } finally {
      holder.process.kill("SIGKILL");
      await holder.exited;
    }
  }, 90_000);

  it("is one database however its path is written: a trailing slash, a relative path or a symlink meets the same lock", async () => {
    const dir = path.join(tmp, "aliased");
    const holder = startChild("open-pglite", dir);
    try {
      await holder.waitFor("opened", 60_000);
      const link = path.join(tmp, "link-to-aliased");
      await fs.symlink(dir, link);
      for (const alias of [`${dir}/`, `${dir}//`, path.relative(process.cwd(), dir), `${path.join(tmp, ".", "aliased")}`, link, `${link}/`]) {
        await expect(openDatabase({ pgliteDir: alias }), alias).rejects.toThrow(/already open in process \d+/);
      }
    } finally {
      holder.process.kill("SIGKILL");
      await holder.exited;
    }
  }, 90_000);

  it("opens again after its process was killed with kill -9, data intact", async () => {
    const dir = path.join(tmp, "killed");
    const child = startChild("open-pglite", dir);
    await child.waitFor("opened", 60_000);
    const pid = child.process.pid!;
    child.process.kill("SIGKILL");
    await child.exited;
    const database = await openDatabase({ pgliteDir: dir, migrate: true });
    try {
      const rows = await queryRows<{ value: number }>(database.db, sql`select value from settings where key = 'child.pid'`);
      expect(rows[0]?.value).toBe(pid);
    } finally {
      await database.close();
    }
  }, 90_000);

  it("takes over a lock left by a dead process, and releases its own", async () => {
    const dir = path.join(tmp, "stale");
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(`${dir}.lock`, "999999999");
    const release = acquirePgliteLock(dir);
    expect((await fs.readFile(`${dir}.lock`, "utf8")).trim()).toBe(String(process.pid));
    release();
    await expect(fs.stat(`${dir}.lock`)).rejects.toThrow();
  });
});
