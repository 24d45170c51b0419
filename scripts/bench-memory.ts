// npm run bench:memory — the whole desk's resident memory on the embedded default, as a new user
// runs it: the database is created, migrated and seeded by the set-up step in its own short-lived
// process, then scripts/server.mjs (next's handler) serves from it. Prints the server's RSS right after start-up, after the
// first request opened PGlite, after an agent worked through the inbox for a while, and then every
// BENCH_MEMORY_SAMPLE_SECONDS (30) over a BENCH_MEMORY_MINUTES (10; 0 skips it) loop of reads and writes.
// Needs a production build (`npx next build`, or one `npm start`).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { run, signIn as signInAt, treeRssMb, waitFor } from "./bench-utils";

const ROOT = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.BENCH_PORT ?? 3990);
const BASE = `http://127.0.0.1:${PORT}`;
const MINUTES = Number(process.env.BENCH_MEMORY_MINUTES ?? 10);
const SAMPLE_SECONDS = Number(process.env.BENCH_MEMORY_SAMPLE_SECONDS ?? 30);
const FLAT_MB = 20;
const signIn = (email: string, password: string) => signInAt(BASE, email, password);

async function main() {
  if (!existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
    console.error("No production build: run `npx next build` (or `npm start` once) first.");
    process.exit(1);
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "switchboard-mem-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    NEXT_TELEMETRY_DISABLED: "1",
    SIGNIN_LIMIT_IP_MAX: "1000",
    CONTACT_LIMIT_IP_MAX: "100000000",
    MEMORY_REPORT: "1",
  };
  delete env.DATABASE_URL;
  let server: ChildProcess | undefined;
  try {
    const setupStarted = Date.now();
    await run(ROOT, process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/setup.ts"], env);
    console.log(`set-up (initdb, migrations, demo seed) in its own process: ${((Date.now() - setupStarted) / 1000).toFixed(1)} s`);

    server = spawn(
      process.execPath,
      ["--expose-gc", ...(process.env.BENCH_MEMORY_NODE_FLAGS?.split(" ").filter(Boolean) ?? []), "scripts/server.mjs", "-p", String(PORT), "-H", "127.0.0.1"],
      {
        cwd: ROOT,
        env,
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
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

    if (MINUTES > 0)
      await loop(
        pid,
        get,
        list.threads.map((t) => t.id),
        cookie,
      );
  } finally {
    server?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The same desk kept busy for MINUTES: an agent's reads (lists, filters, counts, searches, threads,
 * pages) and writes (notes, contact forms), with live subscribers coming and going, one after another
 * as fast as the server answers. Resident memory is read every SAMPLE_SECONDS; "flat" means the
 * second half of the loop grew by less than FLAT_MB.
 */
async function loop(pid: number, get: (p: string) => Promise<string>, threads: number[], cookie: string) {
  const subjects = JSON.parse(await get("/users/contact-us-subjects/")) as { id: number; is_order_needed: boolean }[];
  const subject = subjects.find((s) => !s.is_order_needed);
  const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;
  const post = async (p: string, init: RequestInit) => {
    const response = await fetch(`${BASE}${p}`, { method: "POST", ...init });
    if (!response.ok) throw new Error(`${p}: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
  };
  let seq = 0;
  const steps: (() => Promise<unknown>)[] = [
    () => get(`/api/inbox/threads?${pick(["", "channel=contact", "assignee=me", "unread=1", "sort=waiting", "status=all"])}`),
    () => get("/api/inbox/counts"),
    () => get(`/api/inbox/threads?q=${pick(["order", "sipari%C5%9F", "refund", "delivery", "kargo"])}`),
    () => get(`/api/threads/${pick(threads)}`),
    () => get(`/inbox/${pick(threads)}`),
    () => {
      const form = new FormData();
      form.set("kind", "note");
      form.set("body", `Memory loop note ${++seq}`);
      return post(`/api/threads/${pick(threads)}/messages`, { headers: { cookie }, body: form });
    },
    () =>
      post("/users/contact-us/", {
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ subject: subject?.id, full_name: "Memory Visitor", email: `memory${++seq}@mail.example`, message: `Loop message ${seq}` }),
      }),
    async () => {
      // A live subscriber that stays a moment and leaves (its stream must be let go).
      const controller = new AbortController();
      const response = await fetch(`${BASE}/api/events`, { headers: { cookie, accept: "text/event-stream" }, signal: controller.signal });
      await new Promise((r) => setTimeout(r, 50));
      controller.abort();
      await response.body?.cancel().catch(() => undefined);
    },
  ];

  console.log(`\n${MINUTES}-minute loop (reads, notes, contact forms, live subscribers), resident memory every ${SAMPLE_SECONDS} s:`);
  const samples: { at: number; mb: number; requests: number }[] = [];
  const began = Date.now();
  let requests = 0;
  let nextSample = 0;
  const MB = (bytes: number) => (bytes / 2 ** 20).toFixed(0).padStart(4);
  const retained = async () => ((JSON.parse(await get("/__memory?gc=1")) as { heapUsed: number }).heapUsed / 2 ** 20).toFixed(0);
  const sample = async () => {
    const at = (Date.now() - began) / 1000;
    const mb = treeRssMb(pid);
    const m = JSON.parse(await get("/__memory")) as Record<"heapUsed" | "heapTotal" | "external" | "arrayBuffers", number>;
    samples.push({ at, mb, requests });
    console.log(
      `  ${(at / 60).toFixed(1).padStart(5)} min  ${mb.toFixed(0).padStart(4)} MB  ${requests.toLocaleString("en").padStart(7)} requests` +
        `   V8 heap ${MB(m.heapUsed)} used / ${MB(m.heapTotal)}, external (PGlite's WebAssembly memory, buffers) ${MB(m.external)}, rest (code, native) ${MB(mb * 2 ** 20 - m.heapTotal - m.external)}`,
    );
  };
  while (Date.now() - began < MINUTES * 60_000) {
    if (Date.now() - began >= nextSample * 1000) {
      await sample();
      nextSample += SAMPLE_SECONDS;
    }
    await pick(steps)();
    requests++;
  }
  await sample();
  console.log(`V8 heap still held after a full collection at the end: ${await retained()} MB`);
  const end = samples.at(-1)!;
  const half = samples.find((s) => s.at >= (MINUTES * 60) / 2) ?? samples[0]!;
  const peak = Math.max(...samples.map((s) => s.mb));
  const growth = end.mb - half.mb;
  console.log(
    `${requests.toLocaleString("en")} requests (${(requests / ((Date.now() - began) / 1000)).toFixed(0)}/s); ` +
      `${samples[0]!.mb.toFixed(0)} → ${end.mb.toFixed(0)} MB, peak ${peak.toFixed(0)} MB; second half ${growth >= 0 ? "+" : ""}${growth.toFixed(0)} MB`,
  );
  console.log(
    `target: ≤ 450 MB after the run — ${end.mb <= 450 ? "met" : "NOT met"}; flat (second half < ${FLAT_MB} MB) — ${growth < FLAT_MB ? "met" : "NOT met"}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
