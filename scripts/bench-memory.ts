// npm run bench:memory — the whole desk's resident memory on the embedded default, as a new user
// runs it: the database is created, migrated and seeded by the set-up step in its own short-lived
// process, then `next start` serves from it. Prints the server's RSS right after start-up, after the
// first request opened PGlite, and after an agent worked through the inbox for a while.
// Needs a production build (`npx next build`, or one `npm start`).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.BENCH_PORT ?? 3990);
const BASE = `http://127.0.0.1:${PORT}`;

/** Resident memory of a process and all its descendants, in MB (Linux /proc). */
function treeRssMb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      /* the process ended meanwhile */
    }
  }
  let kb = 0;
  const walk = (p: number) => {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      kb += match ? Number(match[1]) : 0;
    } catch {
      /* gone */
    }
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return kb / 1024;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

async function waitFor(url: string, server: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error("the server exited during start-up");
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

/** Signs in through next-auth's credentials endpoint; returns the session cookie header. */
async function signIn(email: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const cookies = csrfResponse.headers.getSetCookie().map((c) => c.split(";")[0]);
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${BASE}/inbox` }),
  });
  const all = [...cookies, ...response.headers.getSetCookie().map((c) => c.split(";")[0])];
  if (!all.some((c) => c.includes("session-token"))) throw new Error(`sign-in failed (${response.status})`);
  return all.join("; ");
}

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
    await run(process.execPath, ["--import", "tsx", "scripts/setup.ts"], env);
    console.log(`set-up (initdb, migrations, demo seed) in its own process: ${((Date.now() - setupStarted) / 1000).toFixed(1)} s`);

    server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"], { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
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
      for (const q of ["", "channel=contact", "channel=discussion", "assignee=none", "unread=1", "sort=waiting", "q=sipari%C5%9F", "q=order"]) await get(`/api/inbox/threads?${q}`);
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
