// npm run bench:chat — live chat on one instance (the embedded default, set up fresh in its own
// process like bench:memory; needs a production build). Holds 500 open widget streams (SSE, one
// room each), sends messages both ways at a steady rate, and prints: delivery latency visitor →
// agent (create_message until the agent's stream has it) and agent → visitor (the inbox's reply
// until the room's stream has it and the widget's get_messages returned it), p50/p95; get_messages
// throughput with and without If-None-Match; the server's resident memory before and with the
// idle connections; and the loader's and the panel's gzipped sizes. BENCH_PG_URL=postgres://… runs
// the instance on PostgreSQL instead (a scratch database `switchboard_bench_chat` on that server is
// dropped and recreated).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { pct, run, signIn, treeRssMb, waitFor } from "./bench-utils";

const ROOT = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.BENCH_PORT ?? 3991);
const BASE = `http://127.0.0.1:${PORT}`;
const CONNECTIONS = Number(process.env.BENCH_CHAT_CONNECTIONS ?? 500);
const MESSAGES = Number(process.env.BENCH_CHAT_MESSAGES ?? 100);
const RATE = Number(process.env.BENCH_CHAT_RATE ?? 5); // messages per second, each way

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Stream = { close(): void };

/** Reads a Server-Sent Events response, calling `on` for each event. */
function readStream(url: string, headers: Record<string, string>, on: (name: string, data: Record<string, unknown>) => void): Promise<Stream> {
  const controller = new AbortController();
  return fetch(url, { headers, signal: controller.signal }).then((response) => {
    if (!response.ok || !response.body) throw new Error(`${url}: ${response.status}`);
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          let at: number;
          while ((at = buffer.indexOf("\n\n")) >= 0) {
            const block = buffer.slice(0, at);
            buffer = buffer.slice(at + 2);
            let name = "";
            let data = "";
            for (const line of block.split("\n")) {
              if (line.startsWith("event: ")) name = line.slice(7);
              else if (line.startsWith("data: ")) data = line.slice(6);
            }
            if (name) on(name, data ? (JSON.parse(data) as Record<string, unknown>) : {});
          }
        }
      } catch {
        /* closed */
      }
    })();
    return { close: () => controller.abort() };
  });
}

async function post(pathname: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${BASE}${pathname}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${pathname}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** `n` requests, `concurrency` at a time: requests per second. */
async function throughput(n: number, concurrency: number, fn: () => Promise<unknown>): Promise<number> {
  let left = n;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left-- > 0) await fn();
    }),
  );
  return n / ((performance.now() - started) / 1000);
}

async function main() {
  if (!existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
    console.error("No production build: run `npx next build` (or `npm start` once) first.");
    process.exit(1);
  }
  const loader = readFileSync(path.join(ROOT, "public/widget.js"));
  const panelJs = readFileSync(path.join(ROOT, "public/widget-panel.js"));
  const panelCss = readFileSync(path.join(ROOT, "public/widget-panel.css"));

  const dataDir = mkdtempSync(path.join(tmpdir(), "switchboard-chat-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    NEXT_TELEMETRY_DISABLED: "1",
    SIGNIN_LIMIT_IP_MAX: "1000",
    CHAT_ROOM_LIMIT_IP_MAX: "100000",
    CHAT_MESSAGE_LIMIT_IP_MAX: "100000",
  };
  delete env.DATABASE_URL;
  const pgUrl = process.env.BENCH_PG_URL;
  if (pgUrl) {
    const { Client } = await import("pg");
    const admin = new Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query("DROP DATABASE IF EXISTS switchboard_bench_chat WITH (FORCE)");
    await admin.query("CREATE DATABASE switchboard_bench_chat");
    await admin.end();
    const url = new URL(pgUrl);
    url.pathname = "/switchboard_bench_chat";
    env.DATABASE_URL = url.toString();
    env.SEED_DEMO = "true";
  }
  const driver = pgUrl ? "PostgreSQL" : "embedded PGlite";
  let server: ChildProcess | undefined;
  const streams: Stream[] = [];
  try {
    await run(ROOT, process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/setup.ts"], env);
    server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "ignore", "inherit"],
    });
    const pid = server.pid!;
    process.on("exit", () => server?.kill("SIGTERM"));
    await waitFor(`${BASE}/login`, server);
    const panelHtml = Buffer.from(await (await fetch(`${BASE}/widget/DOWELL12345?product=WORKFLOWAI`)).text());
    const cookie = await signIn(BASE, "agent@example.com", "switchboard-agent");

    // The rooms, and a warm-up of every path the run uses.
    const rooms: { key: string; threadId: number }[] = [];
    for (let i = 0; i < CONNECTIONS; i++) {
      const opened = await post("/api/v2/room-control/", { user_id: `bench-${i}`, org_id: "DOWELL12345", product_name: "WORKFLOWAI" });
      const response = opened.response as { room_room_id: string };
      rooms.push({ key: String(opened.inserted_id), threadId: Number(response.room_room_id.split("-")[0]) });
    }
    await fetch(`${BASE}/api/v2/room-service/?type=get_messages&room_id=${rooms[0]!.key}`);
    await sleep(2000);
    const before = treeRssMb(pid);

    // The agent's stream and the widgets' streams.
    const toAgent = new Map<string, number>();
    streams.push(
      await readStream(`${BASE}/api/events`, { cookie }, (name, data) => {
        if (name === "message.created") toAgent.set(String(data.messageId), performance.now());
      }),
    );
    const toVisitor = new Map<string, number>();
    for (let i = 0; i < rooms.length; i += 50) {
      const batch = rooms.slice(i, i + 50);
      const opened = await Promise.all(
        batch.map((room) =>
          readStream(`${BASE}/api/widget/rooms/${room.key}/events`, { origin: "https://shop.example" }, (name, data) => {
            if (name !== "message.created" || data.authorRole === "customer") return;
            // What the widget does next: read the room's messages.
            void fetch(`${BASE}/api/v2/room-service/?type=get_messages&room_id=${room.key}`)
              .then((r) => r.json())
              .then(() => toVisitor.set(String(data.messageId), performance.now()));
          }),
        ),
      );
      streams.push(...opened);
    }
    await sleep(5000);
    const idle = treeRssMb(pid);

    // Messages both ways at a steady rate.
    const visitorSent = new Map<string, number>();
    const agentSent = new Map<string, number>();
    // The floor: each write's own HTTP round trip, timed in the same run (what delivery adds is the
    // rest of the latency).
    const visitorWrite: number[] = [];
    const agentWrite: number[] = [];
    const interval = 1000 / RATE;
    const pending: Promise<unknown>[] = [];
    const failures: string[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      const room = rooms[(i * 7) % rooms.length]!;
      const started = performance.now();
      pending.push(
        post("/api/v2/room-service/", {
          type: "create_message",
          room_id: room.key,
          message_data: `visitor message ${i}`,
          side: true,
          author: "client",
          message_type: "TEXT",
        }).then((b) => {
          visitorWrite.push(performance.now() - started);
          visitorSent.set(String((b.response as { _id: string })._id), started);
        }),
      );
      const other = rooms[(i * 13 + 3) % rooms.length]!;
      const form = new FormData();
      form.set("kind", "reply");
      form.set("body", `agent reply ${i}`);
      const replyStarted = performance.now();
      pending.push(
        fetch(`${BASE}/api/threads/${other.threadId}/messages`, { method: "POST", headers: { cookie }, body: form })
          .then((r) => r.json())
          .then((b) => {
            agentWrite.push(performance.now() - replyStarted);
            agentSent.set(String((b as { messageId: number }).messageId), replyStarted);
          })
          .catch((error) => failures.push(String(error))),
      );
      await sleep(interval);
    }
    await Promise.all(pending);
    await sleep(3000);
    const latencies = (sent: Map<string, number>, seen: Map<string, number>) =>
      [...sent].flatMap(([id, at]) => (seen.has(id) ? [seen.get(id)! - at] : [])).sort((a, b) => a - b);
    const v2a = latencies(visitorSent, toAgent);
    const a2v = latencies(agentSent, toVisitor);
    visitorWrite.sort((a, b) => a - b);
    agentWrite.sort((a, b) => a - b);

    // get_messages, polled: a full answer, and a 304 for an unchanged room.
    const room = rooms[7]!;
    const url = `${BASE}/api/v2/room-service/?type=get_messages&room_id=${room.key}`;
    const etag = (await fetch(url)).headers.get("etag")!;
    const full = await throughput(2000, 8, async () => (await fetch(url)).arrayBuffer());
    const cached = await throughput(2000, 8, async () => {
      const response = await fetch(url, { headers: { "if-none-match": etag } });
      if (response.status !== 304) throw new Error(`expected 304, got ${response.status}`);
      await response.arrayBuffer();
    });
    const withConnections = treeRssMb(pid);

    const f = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms (${xs.length} messages)`;
    console.log(`\nlive chat on one instance (${driver}, demo desk), ${CONNECTIONS} widget streams open, ${MESSAGES} messages each way at ${RATE}/s:`);
    console.log(`  visitor → agent   ${f(v2a)}   (create_message until the agent's stream has it)`);
    console.log(`  agent → visitor   ${f(a2v)}   (the inbox's reply until the widget's get_messages returned it)`);
    const ratio = (xs: number[], floor: number[]) =>
      `${(pct(xs, 50) / pct(floor, 50)).toFixed(1)}× at p50, ${(pct(xs, 95) / pct(floor, 95)).toFixed(1)}× at p95`;
    console.log(`  floor             create_message alone ${f(visitorWrite)}; the reply's POST alone ${f(agentWrite)}`);
    console.log(`  ratio             visitor → agent ${ratio(v2a, visitorWrite)} of its write; agent → visitor ${ratio(a2v, agentWrite)} of its write`);
    console.log(`  get_messages      ${full.toFixed(0)} req/s full answer, ${cached.toFixed(0)} req/s with If-None-Match (304), 8 clients`);
    console.log(
      `  server memory     ${before.toFixed(0)} MB before, ${idle.toFixed(0)} MB with ${CONNECTIONS} idle streams (+${(idle - before).toFixed(1)} MB), ${withConnections.toFixed(0)} MB after the run`,
    );
    console.log(`  loader            public/widget.js ${kb(gzipSync(loader, { level: 9 }).length)} gzipped (${kb(loader.length)} raw)`);
    const panel = gzipSync(panelJs, { level: 9 }).length + gzipSync(panelCss, { level: 9 }).length + gzipSync(panelHtml, { level: 9 }).length;
    console.log(
      `  panel             ${kb(panel)} gzipped: widget-panel.js + widget-panel.css + its page (${kb(panelJs.length + panelCss.length + panelHtml.length)} raw)`,
    );
    const lost = MESSAGES * 2 - v2a.length - a2v.length;
    if (failures.length) console.log(`  ${failures.length} sends failed, e.g. ${failures[0]}`);
    console.log(
      `targets: p95 ≤ 250 ms — ${Math.max(pct(v2a, 95), pct(a2v, 95)) <= 250 ? "met" : "NOT met"}; ≤ 50 MB for the idle streams — ${idle - before <= 50 ? "met" : "NOT met"}; loader ≤ 3 kB gz — ${gzipSync(loader, { level: 9 }).length <= 3072 ? "met" : "NOT met"}; panel ≤ 40 kB gz — ${panel <= 40 * 1024 ? "met" : "NOT met"}${lost ? `; ${lost} messages not delivered` : ""}`,
    );
  } finally {
    for (const s of streams) s.close();
    server?.kill("SIGTERM");
    await sleep(500);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
