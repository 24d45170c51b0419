// npm run bench:http — the desk as an agent and an integration meet it: over HTTP, the built app on
// PostgreSQL with the bench desk (npm run bench's generator, default 100k threads / 1M messages)
// plus the demo accounts, and in the same run a bare Next.js route handler answering 50 small rows
// (scripts/bench-floor) as the floor. Closed loop over keep-alive connections from this process:
// each connection sends its next request when the last one answered. Prints, per request, p50 /
// p95 / p99 and requests/s at 1 and 10 connections beside the floor's, the ratios, and the SQL
// statements one request sends (counted in the server: SQL_STATEMENT_COUNT=1); per write, at 1 and
// 8 clients across random threads, writes/s, p50, p95 beside a plain SQL insert + update (and the same with the event).
//
//   BENCH_PG_ADMIN_URL   server to create the scratch database on (default: local switchboard user)
//   BENCH_DB             scratch database (default switchboard_bench_http; dropped and recreated)
//   BENCH_REUSE=1        keep an already loaded scratch database
//   BENCH_THREADS / BENCH_MESSAGES   the desk's size (100,000 / 1,000,000); the figures say which
//   BENCH_HTTP_SECONDS   seconds per measurement (5), after a second of warm-up
//   BENCH_HTTP_PORT      the app's port (3950); the floor's is the next one
//   BENCH_HTTP_BUILD=1   build the app again even when .next holds a build
//   BENCH_HTTP_ONLY      comma-separated names of the rows to run (e.g. list,note)
//   BENCH_HTTP_PROFILE   a folder: the app runs with --cpu-prof and writes its profile there on exit
//   BENCH_HTTP_INSTANCES=2   also run each write at 8 clients across two instances of the app (its port + 2)
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { Client, Pool } from "pg";
import { openDatabase } from "@/db/client";
import { generate } from "./bench-data";
import { pct, run, signIn, treeRssMb, waitFor } from "./bench-utils";

const ROOT = path.resolve(import.meta.dirname, "..");
const FLOOR_DIR = path.join(ROOT, "scripts/bench-floor");
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 5);
const PORT = Number(process.env.BENCH_HTTP_PORT ?? 3950);
const THREADS = Number(process.env.BENCH_THREADS ?? 100_000);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
const ONLY = process.env.BENCH_HTTP_ONLY?.split(",").map((s) => s.trim());
const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? "postgres://switchboard:switchboard@127.0.0.1:5432/postgres";
const DB_NAME = process.env.BENCH_DB ?? "switchboard_bench_http";
if (!/^[a-z_][a-z0-9_]*$/.test(DB_NAME)) throw new Error("BENCH_DB: letters, digits and _ only");
const DB_URL = (() => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB_NAME}`;
  return url.toString();
})();
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");
const log = (s: string) => console.log(`[bench:http] ${s}`);

// ---------------------------------------------------------------------------------------------
// The desk and the two servers.

async function prepareDatabase(): Promise<void> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const exists = (await admin.query("select 1 from pg_database where datname = $1", [DB_NAME])).rowCount;
  if (process.env.BENCH_REUSE && exists) {
    await admin.end();
    const probe = new Client({ connectionString: DB_URL });
    await probe.connect();
    const loaded = await probe
      .query<{ n: number }>("select count(*)::int as n from threads where customer_email like '%@bench.example'")
      .then((r) => r.rows[0]!.n > 0)
      .catch(() => false);
    await probe.end();
    if (loaded) return log(`reusing ${DB_NAME}`);
  } else {
    await admin.query(`drop database if exists ${DB_NAME} with (force)`);
    await admin.query(`create database ${DB_NAME}`);
    await admin.end();
  }
  // The demo desk first (its accounts and API keys sign the requests in), then the bench's rows.
  await run(ROOT, process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/setup.ts"], {
    ...process.env,
    DATABASE_URL: DB_URL,
    SEED_DEMO: "true",
    DATA_DIR: path.join(ROOT, ".data/bench-http"),
  });
  const database = await openDatabase({ url: DB_URL, poolSize: 4 });
  try {
    await generate(database.db, THREADS, MESSAGES, log);
  } finally {
    await database.close();
  }
}

let stopping = false;

function start(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...env, NODE_OPTIONS: "", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let tail = "";
  const keep = (d: Buffer) => void (tail = (tail + d.toString()).slice(-4000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  child.on("exit", (code) => {
    if (code && !stopping) console.error(`[bench:http] ${name} exited with ${code}:\n${tail}`);
  });
  return child;
}

/** CPU seconds a process and its descendants have used so far (user + system, Linux /proc). */
function cpuSeconds(pid: number): number {
  const stats = new Map<number, string[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      stats.set(Number(entry), stat.slice(stat.lastIndexOf(")") + 2).split(" "));
    } catch {
      /* ended meanwhile */
    }
  }
  let ticks = 0;
  const walk = (p: number) => {
    const fields = stats.get(p);
    if (fields) ticks += Number(fields[11]) + Number(fields[12]);
    for (const [child, f] of stats) if (Number(f[1]) === p) walk(child);
  };
  walk(pid);
  return ticks / 100;
}

// ---------------------------------------------------------------------------------------------
// The load: `connections` keep-alive connections, each sending its next request when the last
// one answered, for SECONDS after a second of warm-up.

interface Req {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

interface Result {
  n: number;
  errors: number;
  firstError?: string;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  cpu?: number;
  /** PostgreSQL's share of a core (all its processes) and this load generator's, during the run. */
  pgCpu?: number;
  loadCpu?: number;
}

/** The PostgreSQL server's main process (its backends are its children), for its CPU time; set once connected. */
let postmasterPid: number | undefined;

/** CPU seconds so far of the PostgreSQL server and each of its processes (a backend that ends meanwhile drops out of both readings). */
function pgCpuTimes(): Map<number, number> {
  const times = new Map<number, number>();
  if (!postmasterPid) return times;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(entry) === postmasterPid || Number(fields[1]) === postmasterPid) times.set(Number(entry), (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      /* ended meanwhile */
    }
  }
  return times;
}

function send(agent: http.Agent, port: number, req: Req): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, ...(req.body !== undefined ? { "content-length": String(Buffer.byteLength(req.body)) } : {}) };
    const r = http.request({ host: "127.0.0.1", port, agent, method: req.method ?? "GET", path: req.path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (c: Buffer) => chunks.push(c));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      response.on("error", reject);
    });
    r.on("error", reject);
    r.end(req.body);
  });
}

/** `port` (or each connection to one of `ports`, in turn); `pid`(s): the server processes whose CPU time is counted. */
async function load(port: number | number[], make: () => Req, connections: number, pid?: number | number[]): Promise<Result> {
  const ports = Array.isArray(port) ? port : [port];
  const pids = pid === undefined ? [] : Array.isArray(pid) ? pid : [pid];
  const cpuNow = () => pids.reduce((sum, p) => sum + cpuSeconds(p), 0);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const loop = async (until: number, record: boolean, port: number) => {
    while (performance.now() < until) {
      const t0 = performance.now();
      try {
        const { status, body } = await send(agent, port, make());
        if (status >= 400) {
          errors++;
          firstError ??= `${status} ${body.slice(0, 200)}`;
        }
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
      if (record) latencies.push(performance.now() - t0);
    }
  };
  const warm = performance.now() + 1000;
  await Promise.all(Array.from({ length: connections }, (_, i) => loop(warm, false, ports[i % ports.length]!)));
  errors = 0;
  firstError = undefined;
  const cpu0 = cpuNow();
  const pg0 = pgCpuTimes();
  const own0 = process.cpuUsage();
  const began = performance.now();
  await Promise.all(Array.from({ length: connections }, (_, i) => loop(began + SECONDS * 1000, true, ports[i % ports.length]!)));
  const elapsed = (performance.now() - began) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    n: latencies.length,
    errors,
    firstError,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
    rps: latencies.length / elapsed,
    cpu: pids.length ? (cpuNow() - cpu0) / elapsed : undefined,
    pgCpu: postmasterPid ? [...pgCpuTimes()].reduce((sum, [p, t]) => sum + t - (pg0.get(p) ?? 0), 0) / elapsed : undefined,
    loadCpu: ((u) => (u.user + u.system) / 1e6 / elapsed)(process.cpuUsage(own0)),
  };
}

/** The SQL statements one request sends: the server's counter across 20 requests in a row. */
async function statementsPer(port: number, make: () => Req): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const count = async () => Number((await send(agent, port, { path: "/__sql-statements" })).body);
  const runs = 20;
  const before = await count();
  for (let i = 0; i < runs; i++) await send(agent, port, make());
  const after = await count();
  agent.destroy();
  return (after - before) / runs;
}

function multipart(fields: Record<string, string>): { body: string; type: string } {
  const boundary = "----benchhttp" + Math.random().toString(16).slice(2);
  const body =
    Object.entries(fields)
      .map(([k, v]) => `--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join("") + `--${boundary}--\r\n`;
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

/**
 * The plain SQL of a note: insert the message and update its thread, one transaction. With
 * `event`, also what the app adds to every write's transaction for live updates (lib/events
 * recordEvents): the events' commit-order advisory lock, the event's insert and its NOTIFY —
 * "separate" as the app did before (the lock a statement of its own), "folded" as it does now (the
 * lock taken by the insert) — so the rows side by side show what the lock, held to the commit, and
 * NOTIFY's commit-time lock cost under 8 clients.
 */
async function sqlWrites(threads: number[], clients: number, event?: "separate" | "folded"): Promise<Result> {
  const pool = new Pool({ connectionString: DB_URL, max: clients });
  const pick = () => threads[Math.floor(Math.random() * threads.length)]!;
  const one = async () => {
    const client = await pool.connect();
    try {
      const id = pick();
      await client.query("begin");
      await client.query("insert into messages (thread_id, author_role, author_name, body) values ($1, 'agent', 'Bench', 'A plain SQL note')", [id]);
      await client.query("update threads set message_count = message_count + 1, updated_at = now() where id = $1", [id]);
      if (event) {
        const lock = "select pg_advisory_xact_lock(hashtextextended('switchboard.realtime_events', 0))";
        if (event === "separate") await client.query(lock);
        await client.query(
          `with ${event === "folded" ? `l as materialized (${lock}), ` : ""}e as (
             insert into realtime_events (name, data, audience)
             select 'bench.plain', $1::jsonb, '{"staff":false}'::jsonb ${event === "folded" ? "from l" : ""} returning id, name, data)
           select pg_notify('switchboard_bench_plain', json_build_object('id', e.id, 'name', e.name, 'data', e.data)::text) from e`,
          [JSON.stringify({ threadId: id })],
        );
      }
      await client.query("commit");
    } finally {
      client.release();
    }
  };
  const latencies: number[] = [];
  const loop = async (until: number, record: boolean) => {
    while (performance.now() < until) {
      const t0 = performance.now();
      await one();
      if (record) latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: clients }, () => loop(performance.now() + 1000, false)));
  const began = performance.now();
  await Promise.all(Array.from({ length: clients }, () => loop(began + SECONDS * 1000, true)));
  const elapsed = (performance.now() - began) / 1000;
  await pool.end();
  latencies.sort((a, b) => a - b);
  return { n: latencies.length, errors: 0, p50: pct(latencies, 50), p95: pct(latencies, 95), p99: pct(latencies, 99), rps: latencies.length / elapsed };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  if (process.env.BENCH_HTTP_BUILD || !fs.existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
    log("building the app (next build)");
    await run(ROOT, process.execPath, [NEXT_BIN, "build"], { ...process.env, NODE_OPTIONS: "", NEXT_TELEMETRY_DISABLED: "1" });
  }
  if (process.env.BENCH_HTTP_BUILD || !fs.existsSync(path.join(FLOOR_DIR, ".next/BUILD_ID"))) {
    log("building the floor (scripts/bench-floor)");
    await run(ROOT, process.execPath, [NEXT_BIN, "build", FLOOR_DIR], { ...process.env, NODE_OPTIONS: "", NEXT_TELEMETRY_DISABLED: "1" });
  }
  await prepareDatabase();
  log(`desk ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);

  const appPort = PORT;
  const floorPort = PORT + 1;
  const profile = process.env.BENCH_HTTP_PROFILE ? ["--cpu-prof", "--cpu-prof-dir", path.resolve(process.env.BENCH_HTTP_PROFILE)] : [];
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: DB_URL,
    DATA_DIR: path.join(ROOT, ".data/bench-http"),
    AUTH_SECRET: "bench-http-secret-0123456789-abcdefghijklmnop",
    SQL_STATEMENT_COUNT: "1",
    CONTACT_LIMIT_IP_MAX: "100000000",
    SIGNIN_LIMIT_IP_MAX: "1000000",
    CONTACT_DEDUPE_SECONDS: "1",
    CONTACT_MAIL_SWEEP_SECONDS: "0",
  };
  const app = start("the app", [...profile, "scripts/server.mjs", "-p", String(appPort), "-H", "127.0.0.1"], appEnv);
  // BENCH_HTTP_INSTANCES=2: a second instance of the app on the same database, for the writes at 8 clients across both.
  const app2Port = PORT + 2;
  const app2 =
    process.env.BENCH_HTTP_INSTANCES === "2"
      ? start("the second instance", [...profile, "scripts/server.mjs", "-p", String(app2Port), "-H", "127.0.0.1"], { ...appEnv, SQL_STATEMENT_COUNT: "0" })
      : undefined;
  const floor = start("the floor", [NEXT_BIN, "start", FLOOR_DIR, "-p", String(floorPort), "-H", "127.0.0.1"], { ...process.env, NODE_ENV: "production" });
  const stop = () => {
    stopping = true;
    app.kill("SIGTERM");
    app2?.kill("SIGTERM");
    floor.kill("SIGTERM");
  };
  process.on("exit", stop);
  try {
    const BASE = `http://127.0.0.1:${appPort}`;
    await Promise.all([
      waitFor(`${BASE}/login`, app),
      waitFor(`http://127.0.0.1:${floorPort}/rows`, floor),
      ...(app2 ? [waitFor(`http://127.0.0.1:${app2Port}/login`, app2)] : []),
    ]);
    const agentCookie = await signIn(BASE, "agent@example.com", "switchboard-agent");
    const sellerToken = (
      (await (
        await fetch(`${BASE}/auth/realms/maas/protocol/openid-connect/token`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ grant_type: "client_credentials", client_id: "sb_seller_demo0000", client_secret: "demo-seller-secret-0001" }),
        })
      ).json()) as { access_token: string }
    ).access_token;
    const basic = "Basic " + Buffer.from("admin@example.com:sb_cr_demo0000.demo-call-requests-secret-0001").toString("base64");

    const pg = new Client({ connectionString: DB_URL });
    await pg.connect();
    // Local PostgreSQL only: its backend's parent is the server whose processes share this machine's cores.
    const backend = (await pg.query<{ pid: number }>("select pg_backend_pid() as pid")).rows[0]!.pid;
    try {
      const stat = fs.readFileSync(`/proc/${backend}/stat`, "utf8");
      postmasterPid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    } catch {
      /* not on this machine */
    }
    const ids = async (query: string) => (await pg.query<{ id: string }>(query)).rows.map((r) => Number(r.id));
    const benchThreads = await ids("select id from threads where customer_email like '%@bench.example' and status = 'open' order by random() limit 2000");
    const discussions = await ids(
      "select t.id from threads t join discussion_details d on d.thread_id = t.id where t.seller_id = (select id from sellers where external_id = 'SELLER-1001')",
    );
    const [subject] = await ids("select id from contact_subjects where code = 'technical'");
    const [counts] = (await pg.query<{ t: number; m: number }>("select (select count(*) from threads)::int as t, (select count(*) from messages)::int as m"))
      .rows;
    const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;
    const staff = { cookie: agentCookie };
    let seq = 0;

    const reads: { name: string; what: string; make: () => Req }[] = [
      { name: "list", what: "`GET /api/inbox/threads?limit=50`", make: () => ({ path: "/api/inbox/threads?limit=50", headers: staff }) },
      { name: "counts", what: "`GET /api/inbox/counts`", make: () => ({ path: "/api/inbox/counts", headers: staff }) },
      { name: "thread", what: "`GET /api/threads/{id}` (random threads)", make: () => ({ path: `/api/threads/${pick(benchThreads)}`, headers: staff }) },
      {
        name: "search",
        what: "`GET /api/inbox/threads?q=zebrafinch` (a rare word)",
        make: () => ({ path: "/api/inbox/threads?limit=50&q=zebrafinch", headers: staff }),
      },
      { name: "session", what: "`GET /api/auth/session`", make: () => ({ path: "/api/auth/session", headers: staff }) },
      { name: "subjects", what: "`GET /users/contact-us-subjects/` (no session)", make: () => ({ path: "/users/contact-us-subjects/" }) },
      {
        name: "seller-list",
        what: "`GET /seller/v2/discussions?pageSize=20` (seller token)",
        make: () => ({ path: "/seller/v2/discussions?pageSize=20", headers: { authorization: `Bearer ${sellerToken}`, sellerid: "SELLER-1001" } }),
      },
      {
        name: "seller-discussion",
        what: "`GET /seller/v2/discussions/{id}`",
        make: () => ({ path: `/seller/v2/discussions/${pick(discussions)}`, headers: { authorization: `Bearer ${sellerToken}`, sellerid: "SELLER-1001" } }),
      },
      {
        name: "call-requests",
        what: "`GET /api/2.0/call_requests?items_per_page=20` (Basic key)",
        make: () => ({ path: "/api/2.0/call_requests?items_per_page=20", headers: { authorization: basic } }),
      },
    ];
    const note = () => {
      const form = multipart({ kind: "note", body: `Bench note ${++seq}` });
      return { method: "POST", path: `/api/threads/${pick(benchThreads)}/messages`, headers: { ...staff, "content-type": form.type }, body: form.body };
    };
    // A reply (no receivers to pick, no mail to send): open conversation threads of the bench desk.
    const replyThreads = await ids(
      "select id from threads where customer_email like '%@bench.example' and status = 'open' and channel = 'conversation' order by random() limit 2000",
    );
    const reply = () => {
      const form = multipart({ kind: "reply", body: `Bench reply ${++seq}` });
      return { method: "POST", path: `/api/threads/${pick(replyThreads)}/messages`, headers: { ...staff, "content-type": form.type }, body: form.body };
    };
    // Close and assign change something every time: each thread goes back and forth (closed ↔ open, mine ↔ nobody's).
    const agentId = (await ids("select id from users where email = 'agent@example.com'"))[0]!;
    const state = new Map<number, { closed: boolean; mine: boolean }>(
      (
        await pg.query<{ id: string; mine: boolean }>(
          "select id, assignee_id is not distinct from $2::bigint as mine from threads where id = any($1::bigint[])",
          [benchThreads, agentId],
        )
      ).rows.map((r) => [Number(r.id), { closed: false, mine: r.mine }]),
    );
    const patch = (body: (s: { closed: boolean; mine: boolean }) => object) => () => {
      const id = pick(benchThreads);
      const s = state.get(id)!;
      return { method: "PATCH", path: `/api/threads/${id}`, headers: { ...staff, "content-type": "application/json" }, body: JSON.stringify(body(s)) };
    };
    const close = patch((s) => ({ action: "status", status: (s.closed = !s.closed) ? "closed" : "open" }));
    const assign = patch((s) => ({ action: "assign", assigneeId: (s.mine = !s.mine) ? "me" : null }));
    const openDiscussions = await ids(
      "select t.id from threads t join discussion_details d on d.thread_id = t.id where t.status = 'open' and t.seller_id = (select id from sellers where external_id = 'SELLER-1001')",
    );
    const sellerReply = () => ({
      method: "POST",
      path: "/seller/v2/messages",
      headers: { authorization: `Bearer ${sellerToken}`, sellerid: "SELLER-1001", "content-type": "application/json" },
      body: JSON.stringify({ discussionId: String(pick(openDiscussions)), body: `Bench seller reply ${++seq}`, receivers: [{ userType: "Customer" }] }),
    });
    const writes: { name: string; what: string; make: () => Req }[] = [
      { name: "note", what: "`POST /api/threads/{id}/messages` (a note, random threads)", make: note },
      { name: "reply", what: "`POST /api/threads/{id}/messages` (a reply, random conversation threads)", make: reply },
      { name: "close", what: "`PATCH /api/threads/{id}` close / reopen (random threads)", make: close },
      { name: "assign", what: "`PATCH /api/threads/{id}` assign to me / nobody (random threads)", make: assign },
      { name: "seller-reply", what: "`POST /seller/v2/messages` (a seller's reply, the demo seller's open discussions)", make: sellerReply },
      {
        name: "contact",
        what: "`POST /users/contact-us/` (a contact form, new thread)",
        make: () => ({
          method: "POST",
          path: "/users/contact-us/",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ subject, full_name: "Bench Visitor", email: `bench${++seq}@mail.example`, message: `Bench message ${seq}` }),
        }),
      },
    ];
    const chosen = <T extends { name: string }>(xs: T[]) => xs.filter((x) => !ONLY || ONLY.includes(x.name));

    log(`${counts!.t.toLocaleString("en")} threads, ${counts!.m.toLocaleString("en")} messages; ${SECONDS} s per measurement; server ${app.pid}`);
    // The floor before and after the reads (the machine's load drifts); each ratio is to the better of the two.
    const floorReq = () => ({ path: "/rows" });
    const floorRuns = new Map<number, Result[]>([
      [1, []],
      [10, []],
    ]);
    const measureFloor = async () => {
      for (const c of [1, 10]) floorRuns.get(c)!.push(await load(floorPort, floorReq, c, floor.pid));
    };
    await measureFloor();
    log("floor measured");
    const floorAt = new Map<number, Result>();

    // Server CPU time per request: steadier than latency on a machine shared with other work.
    const cpuMs = (r: Result) => ((1000 * (r.cpu ?? 0)) / r.rps).toFixed(1);
    const f = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));
    const lines: string[] = [];
    lines.push(
      `| request | conns | p50 / p95 / p99 ms | req/s | floor p50 / p95 / p99 ms | floor req/s | p50 ÷ floor | req/s ÷ floor | server CPU | CPU ms / request (floor) | SQL statements |`,
      `|---|---|---|---|---|---|---|---|---|---|---|`,
    );
    const readRows: { what: string; c: number; ours: Result; statements: number }[] = [];
    for (const r of chosen(reads)) {
      const statements = await statementsPer(appPort, r.make);
      for (const c of [1, 10]) {
        readRows.push({ what: r.what, c, ours: await load(appPort, r.make, c, app.pid), statements });
      }
      log(`${r.name} measured`);
    }
    await measureFloor();
    for (const c of [1, 10])
      floorAt.set(
        c,
        floorRuns.get(c)!.reduce((a, b) => (b.p50 < a.p50 ? b : a)),
      );
    for (const { what, c, ours, statements } of readRows) {
      {
        const fl = floorAt.get(c)!;
        lines.push(
          `| ${what} | ${c} | ${f(ours.p50)} / ${f(ours.p95)} / ${f(ours.p99)} | ${ours.rps.toFixed(0)} | ${f(fl.p50)} / ${f(fl.p95)} / ${f(fl.p99)} | ${fl.rps.toFixed(0)} | ${(ours.p50 / fl.p50).toFixed(1)}× | ${((100 * ours.rps) / fl.rps).toFixed(0)}% | ${((ours.cpu ?? 0) * 100).toFixed(0)}% | ${cpuMs(ours)} (${cpuMs(fl)}) | ${statements.toFixed(1)} |`,
        );
        if (ours.errors) lines.push(`|   ↳ ${ours.errors} errors; first: ${ours.firstError?.replaceAll("|", "/")} | | | | | | | | | | |`);
      }
    }
    const floorLine = (c: number) =>
      floorRuns
        .get(c)!
        .map((r) => `p50 ${f(r.p50)} ms, ${r.rps.toFixed(0)} req/s`)
        .join(" / ");
    lines.push("", `floor before / after the reads: 1 connection ${floorLine(1)}; 10 connections ${floorLine(10)}`);
    if (chosen(writes).length) {
      // The floor of a write: the same note as plain SQL, without and with the event.
      lines.push("", `| plain SQL, same run | clients | writes/s | p50 / p95 ms |`, `|---|---|---|---|`);
      const plainRows = [
        { what: "insert message + update thread, one transaction", event: undefined },
        { what: "+ the event: lock, then insert + NOTIFY (the app before)", event: "separate" as const },
        { what: "+ the event: insert + NOTIFY taking the lock (the app now)", event: "folded" as const },
      ];
      for (const row of plainRows)
        for (const c of [1, 8]) {
          const p = await sqlWrites(benchThreads, c, row.event);
          lines.push(`| ${row.what} | ${c} | ${p.rps.toFixed(0)} | ${f(p.p50)} / ${f(p.p95)} |`);
        }
      log("plain SQL writes measured");
    }
    lines.push(
      "",
      `| write | clients | writes/s | p50 / p95 ms | server CPU | CPU ms / write | PostgreSQL / load generator CPU | SQL statements |`,
      `|---|---|---|---|---|---|---|---|`,
    );
    const runs: { clients: number; ports: number[]; pids: number[]; label: string }[] = [
      { clients: 1, ports: [appPort], pids: [app.pid!], label: "1" },
      { clients: 8, ports: [appPort], pids: [app.pid!], label: "8" },
      ...(app2 ? [{ clients: 8, ports: [appPort, app2Port], pids: [app.pid!, app2.pid!], label: "8, 2 instances" }] : []),
    ];
    for (const w of chosen(writes)) {
      const statements = await statementsPer(appPort, w.make);
      for (const r of runs) {
        const ours = await load(r.ports, w.make, r.clients, r.pids);
        lines.push(
          `| ${w.what} | ${r.label} | ${ours.rps.toFixed(0)} | ${f(ours.p50)} / ${f(ours.p95)} | ${((ours.cpu ?? 0) * 100).toFixed(0)}% | ${cpuMs(ours)} | ${((ours.pgCpu ?? 0) * 100).toFixed(0)}% / ${((ours.loadCpu ?? 0) * 100).toFixed(0)}% | ${statements.toFixed(1)} |`,
        );
        if (ours.errors) lines.push(`|   ↳ ${ours.errors} errors; first: ${ours.firstError?.replaceAll("|", "/")} | | | | | | | |`);
      }
      log(`${w.name} measured`);
    }
    await pg.end();
    console.log(
      `\n## Over HTTP: built app on PostgreSQL, ${counts!.t.toLocaleString("en")} threads / ${counts!.m.toLocaleString("en")} messages; floor: a bare Next route handler (50 rows), same run\n`,
    );
    console.log(lines.join("\n"));
    console.log(`\nthe app's resident memory at the end: ${treeRssMb(app.pid!).toFixed(0)} MB`);
  } finally {
    stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
