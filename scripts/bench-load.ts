// npm run bench:load — mixed traffic against the built app on PostgreSQL with two instances: inbox
// pages, thread opens, agents' notes, contact posts, seller API calls, and live SSE subscribers,
// at a steady rate (open loop: requests leave on schedule whether or not earlier ones answered).
// Prints throughput, p50/p95/p99 per kind of request, errors (should be 0), each instance's
// memory at the start and the end, and whether every SSE subscriber heard every event.
//
//   BENCH_LOAD_SECONDS (600)  BENCH_LOAD_RATE (100 requests/s)  BENCH_LOAD_SSE (10 subscribers)
//   BENCH_PG_URL (postgres://switchboard:switchboard@127.0.0.1:5432/postgres): the server to use;
//   a scratch database switchboard_bench_load is dropped and created on it. Needs `npx next build`.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { pct } from "./bench-utils";

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 600);
const RATE = Number(process.env.BENCH_LOAD_RATE ?? 100);
const SUBSCRIBERS = Number(process.env.BENCH_LOAD_SSE ?? 10);
const ADMIN_URL = process.env.BENCH_PG_URL ?? "postgres://switchboard:switchboard@127.0.0.1:5432/postgres";
const DB_NAME = "switchboard_bench_load";
const ROOT = path.resolve(import.meta.dirname, "..");

const dbUrl = (() => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB_NAME}`;
  return url.toString();
})();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function prepareDatabase() {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB_NAME}`);
  await admin.end();
  const setup = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/setup.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: dbUrl, SEED_DEMO: "true", DATA_DIR: path.join(ROOT, ".data/bench-load/a") },
    stdio: "inherit",
  });
  if (setup.status !== 0) throw new Error("set-up failed");
}

interface Instance {
  name: string;
  base: string;
  process: ChildProcess;
}

async function startInstance(name: string): Promise<Instance> {
  const child = spawn(process.execPath, ["scripts/server.mjs", "-p", "0", "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_OPTIONS: "",
      NODE_ENV: "production",
      DATABASE_URL: dbUrl,
      DATA_DIR: path.join(ROOT, `.data/bench-load/${name}`),
      AUTH_SECRET: "bench-load-secret-0123456789-abcdefghijklmnop",
      CONTACT_LIMIT_IP_MAX: "1000000",
      SIGNIN_LIMIT_IP_MAX: "1000000",
      CONTACT_DEDUPE_SECONDS: "1",
      CONTACT_MAIL_SWEEP_SECONDS: "0",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const started = Date.now();
  for (;;) {
    const port = /Switchboard on http:\/\/[^:]+:(\d+)/.exec(out)?.[1];
    if (port) {
      const base = `http://127.0.0.1:${port}`;
      try {
        if ((await fetch(`${base}/login`)).ok) return { name, base, process: child };
      } catch {
        /* not yet */
      }
    }
    if (Date.now() - started > 120_000) throw new Error(`instance ${name} did not start:\n${out}`);
    await sleep(250);
  }
}

const rss = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

function cookiesOf(response: Response, current = ""): string {
  const jar = new Map(current ? current.split("; ").map((c) => [c.slice(0, c.indexOf("=")), c.slice(c.indexOf("=") + 1)] as [string, string]) : []);
  for (const set of response.headers.getSetCookie()) {
    const pair = set.split(";")[0]!;
    jar.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  let cookie = cookiesOf(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" }),
  });
  cookie = cookiesOf(response, cookie);
  if (!cookie.includes("session-token")) throw new Error(`sign-in failed on ${base}`);
  return cookie;
}

async function sellerToken(base: string): Promise<string> {
  const response = await fetch(`${base}/auth/realms/maas/protocol/openid-connect/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: "sb_seller_demo0000", client_secret: "demo-seller-secret-0001" }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

/** An SSE subscriber: counts the events it hears and remembers their ids. */
function subscribe(base: string, cookie: string, from: number) {
  const abort = new AbortController();
  const ids: number[] = [];
  let failed = false;
  const done = (async () => {
    try {
      const response = await fetch(`${base}/api/events?lastEventId=${from}`, { headers: { cookie }, signal: abort.signal });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      for (;;) {
        const { done: end, value } = await reader.read();
        if (end) break;
        buffer += decoder.decode(value, { stream: true });
        const blocks = buffer.split("\n\n");
        buffer = blocks.pop()!; // an event not yet complete
        for (const block of blocks) {
          const id = /^id: (\d+)$/m.exec(block)?.[1];
          if (id) ids.push(Number(id));
        }
      }
    } catch (error) {
      if (!abort.signal.aborted) failed = !!error;
    }
  })();
  return { ids, stop: () => (abort.abort(), done), failed: () => failed };
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, ".next/BUILD_ID"))) throw new Error("Build first: npx next build");
  console.log(`[bench:load] ${SECONDS} s at ${RATE} requests/s, ${SUBSCRIBERS} SSE subscribers, two instances on PostgreSQL (${DB_NAME})`);
  await prepareDatabase();
  const instances = [await startInstance("a"), await startInstance("b")];
  const pg = new Client({ connectionString: dbUrl });
  await pg.connect();
  const sessions = await Promise.all(
    instances.map(async (i) => ({
      instance: i,
      agent: await signIn(i.base, "agent@example.com", "switchboard-agent"),
      admin: await signIn(i.base, "admin@example.com", "switchboard-admin"),
      token: await sellerToken(i.base),
    })),
  );
  const threads = (await pg.query<{ id: string }>("select id from threads where deleted_at is null order by id")).rows.map((r) => Number(r.id));
  const discussions = (
    await pg.query<{ id: string }>(
      "select id from threads where channel = 'discussion' and seller_id = (select id from sellers where external_id = 'SELLER-1001')",
    )
  ).rows.map((r) => Number(r.id));
  const [subject] = (await pg.query<{ id: string }>("select id from contact_subjects where code = 'technical'")).rows;
  const startEvent = Number((await pg.query<{ id: string }>("select coalesce(max(id), 0) as id from realtime_events")).rows[0]!.id);
  const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;

  // Warm each instance up before its memory is taken as the start.
  for (const s of sessions) for (let i = 0; i < 20; i++) await fetch(`${s.instance.base}/api/inbox/threads?limit=50`, { headers: { cookie: s.agent } });
  const memory = instances.map((i) => ({ name: i.name, start: rss(i.process.pid!), end: 0 }));
  const subscribers = Array.from({ length: SUBSCRIBERS }, (_, n) => subscribe(sessions[n % 2]!.instance.base, sessions[n % 2]!.agent, startEvent));

  type Kind = { name: string; weight: number; run: (s: (typeof sessions)[number]) => Promise<Response> };
  let seq = 0;
  const kinds: Kind[] = [
    {
      name: "inbox page",
      weight: 25,
      run: (s) => fetch(`${s.instance.base}/api/inbox/threads?limit=50${Math.random() < 0.3 ? "&assignee=me" : ""}`, { headers: { cookie: s.agent } }),
    },
    { name: "inbox counts", weight: 5, run: (s) => fetch(`${s.instance.base}/api/inbox/counts`, { headers: { cookie: s.agent } }) },
    { name: "thread open", weight: 25, run: (s) => fetch(`${s.instance.base}/api/threads/${pick(threads)}`, { headers: { cookie: s.agent } }) },
    {
      name: "agent note",
      weight: 10,
      run: (s) => {
        const form = new FormData();
        form.set("kind", "note");
        form.set("body", `Load note ${++seq}`);
        return fetch(`${s.instance.base}/api/threads/${pick(threads)}/messages`, { method: "POST", headers: { cookie: s.admin }, body: form });
      },
    },
    {
      name: "contact post",
      weight: 10,
      run: (s) =>
        fetch(`${s.instance.base}/users/contact-us/`, {
          method: "POST",
          body: JSON.stringify({ subject: Number(subject!.id), full_name: "Load Visitor", email: `load${++seq}@mail.example`, message: `Load message ${seq}` }),
        }),
    },
    {
      name: "seller list",
      weight: 15,
      run: (s) => fetch(`${s.instance.base}/seller/v2/discussions?pageSize=20`, { headers: { authorization: `Bearer ${s.token}`, sellerid: "SELLER-1001" } }),
    },
    {
      name: "seller discussion",
      weight: 10,
      run: (s) =>
        fetch(`${s.instance.base}/seller/v2/discussions/${pick(discussions)}`, { headers: { authorization: `Bearer ${s.token}`, sellerid: "SELLER-1001" } }),
    },
  ];
  const total = kinds.reduce((n, k) => n + k.weight, 0);
  const choose = () => {
    let r = Math.random() * total;
    for (const k of kinds) if ((r -= k.weight) < 0) return k;
    return kinds[0]!;
  };
  const timings = new Map<string, number[]>(kinds.map((k) => [k.name, []]));
  const errors: string[] = [];
  const pending = new Set<Promise<void>>();
  const began = Date.now();
  let sent = 0;
  while (Date.now() - began < SECONDS * 1000) {
    const due = Math.floor(((Date.now() - began) / 1000) * RATE);
    while (sent < due) {
      sent++;
      const kind = choose();
      const session = sessions[sent % 2]!;
      const t0 = performance.now();
      const p: Promise<void> = kind
        .run(session)
        .then(async (response) => {
          await response.arrayBuffer();
          timings.get(kind.name)!.push(performance.now() - t0);
          if (response.status >= 400) errors.push(`${kind.name} on ${session.instance.name}: ${response.status}`);
        })
        .catch((error) => void errors.push(`${kind.name} on ${session.instance.name}: ${error instanceof Error ? error.message : error}`))
        .finally(() => pending.delete(p));
      pending.add(p);
    }
    if (sent % (RATE * 60) === 0 && sent > 0) console.log(`[bench:load] ${Math.round((Date.now() - began) / 1000)} s, ${sent} sent, ${errors.length} errors`);
    await sleep(5);
  }
  await Promise.all(pending);
  const elapsed = (Date.now() - began) / 1000;
  await sleep(3000); // the last events reach the streams
  for (const m of memory) m.end = rss(instances.find((i) => i.name === m.name)!.process.pid!);
  const committed = (
    await pg.query<{ id: string }>("select id from realtime_events where id > $1 and (audience->>'staff')::boolean order by id", [startEvent])
  ).rows.map((r) => Number(r.id));
  await Promise.all(subscribers.map((s) => s.stop()));

  console.log("");
  console.log(`| request | count | p50 ms | p95 ms | p99 ms |`);
  console.log(`|---|---|---|---|---|`);
  let answered = 0;
  for (const [name, xs] of timings) {
    xs.sort((a, b) => a - b);
    answered += xs.length;
    console.log(`| ${name} | ${xs.length} | ${pct(xs, 50).toFixed(1)} | ${pct(xs, 95).toFixed(1)} | ${pct(xs, 99).toFixed(1)} |`);
  }
  console.log("");
  console.log(`throughput: ${(answered / elapsed).toFixed(1)} requests/s answered over ${elapsed.toFixed(0)} s (${sent} sent)`);
  console.log(`errors: ${errors.length}${errors.length ? ` — first: ${errors.slice(0, 5).join("; ")}` : ""}`);
  for (const m of memory)
    console.log(
      `instance ${m.name}: ${m.start.toFixed(0)} MB at the start, ${m.end.toFixed(0)} MB at the end (${(m.end - m.start >= 0 ? "+" : "") + (m.end - m.start).toFixed(0)} MB)`,
    );
  const heard = subscribers.map((s) => s.ids.filter((id) => id > startEvent));
  const complete = heard.filter((ids) => ids.length === committed.length && ids.every((id, i) => id === committed[i])).length;
  console.log(
    `SSE: ${committed.length} staff events committed; ${complete} of ${SUBSCRIBERS} subscribers heard every one exactly once, in order${subscribers.some((s) => s.failed()) ? " (a stream failed)" : ""}`,
  );

  await pg.end();
  for (const i of instances) i.process.kill("SIGTERM");
  process.exit(errors.length ? 1 : 0);
}

main().catch((error) => {
  console.error(`[bench:load] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
