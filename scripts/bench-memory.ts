// npm run bench:memory — the whole desk's resident memory on the embedded default, as a new user
// runs it: the database is created, migrated and seeded by the set-up step in its own short-lived
// process, then scripts/server.mjs (next's handler) serves from it. Prints the server's RSS right after start-up, after the
// first request opened PGlite, and after an agent worked through the inbox for a while.
// Needs a production build (`npx next build`, or one `npm start`).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { run, signIn as signInAt, treeRssMb, waitFor } from "./bench-utils";

const ROOT = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.BENCH_PORT ?? 3990);
const BASE = `http://127.0.0.1:${PORT}`;
const signIn = (email: string, password: string) => signInAt(BASE, email, password);

async function main() {
  if (!existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
    console.error("No production build: run `npx next build` (or `npm start` once) first.");
    process.exit(1);
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "switchboard-mem-"));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1", SIGNIN_LIMIT_IP_MAX: "1000" };
  delete env.DATABASE_URL;
  let server: ChildProcess | undefined;
  try {
    const setupStarted = Date.now();
    await run(ROOT, process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/setup.ts"], env);
    console.log(`set-up (initdb, migrations, demo seed) in its own process: ${((Date.now() - setupStarted) / 1000).toFixed(1)} s`);

    server = spawn(process.execPath, ["scripts/server.mjs", "-p", String(PORT), "-H", "127.0.0.1"], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "ignore", "inherit"],
    });
    const pid = server.pid!;
    const started = Date.now();
    await waitFor(`${BASE}/login`, server);
    const atStart = treeRssMb(pid);
    console.log(`server up in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const cookie = await signIn("agent@example.com", "switchboard-agent");
    const get = async (p: string) => {
      const response = await fetch(`${BASE}${p}`, { headers: { cookie } });
      if (!response.ok) throw new Error(`${p}: ${response.status}`);
      return response.text();
    };
    await get("/inbox");
    const afterOpen = treeRssMb(pid);

    // An agent's hour, compressed: list pages and filters, counts, searches, threads opened.
    const list = JSON.parse(await get("/api/inbox/threads?status=all")) as { threads: { id: number }[] };
    for (let round = 0; round < 5; round++) {
      for (const q of ["", "channel=contact", "channel=discussion", "assignee=none", "unread=1", "sort=waiting", "q=sipari%C5%9F", "q=order"])
        await get(`/api/inbox/threads?${q}`);
      await get("/api/inbox/counts");
      for (const t of list.threads.slice(0, 20)) await get(`/inbox/${t.id}`);
    }
    const afterWork = treeRssMb(pid);

    console.log("\nresident memory of the server (process tree), embedded PGlite with the demo desk:");
    console.log(`  after start-up             ${atStart.toFixed(0)} MB`);
    console.log(`  after the first request    ${afterOpen.toFixed(0)} MB   (PGlite opened)`);
    console.log(`  after ~500 inbox requests  ${afterWork.toFixed(0)} MB`);
    console.log(`target: well under 500 MB — ${afterWork < 500 ? "met" : "NOT met"}`);
  } finally {
    server?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
