// The production server (npm start, npm run serve, the browser tests, the benchmarks): Next's own
// request handler behind a plain node:http server, with one thing added before Next sees a
// request — the address of the socket it came from, in x-switchboard-peer (any such header the
// client sent is dropped first). `next start` keeps a client's own X-Forwarded-For and then writes
// the socket's address nowhere, so a throttle could only believe what the client claims; with the
// peer recorded here, lib/throttle's clientIp trusts X-Forwarded-For only from the proxies
// TRUST_PROXY names.
//
//   node scripts/server.mjs [-p PORT] [-H HOST]      (PORT and HOSTNAME work too; port 0: any free port)
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import next from "next";

const args = process.argv.slice(2);
const option = (short, long) => {
  const at = args.findIndex((a) => a === short || a === long);
  return at >= 0 ? args[at + 1] : undefined;
};
const port = Number(option("-p", "--port") ?? process.env.PORT ?? 3000);
const hostname = option("-H", "--hostname") ?? process.env.HOSTNAME ?? "0.0.0.0";
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

process.env.NODE_ENV = "production";
// V8 lets its heap grow to up to 4× what the last full collection kept, and under steady traffic it
// keeps that slack: npm run bench:memory saw 300 MB of heap for 70–110 MB in use, the embedded desk
// at 560 MB and rising. Half as much again as what is kept holds it near 400 MB, at the same
// requests/s. A --heap-growing-percent of one's own (NODE_OPTIONS, node's flags) wins.
if (![...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(" ")].some((flag) => flag.includes("heap-growing-percent")))
  v8.setFlagsFromString("--heap-growing-percent=50");
const app = next({ dev: false, dir, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

// Read by lib/throttle: in this process, x-switchboard-peer is the socket's address, never the client's word.
globalThis[Symbol.for("switchboard.peerHeader")] = true;

// npm run bench:http counts the SQL statements a request sends (db/client.ts, SQL_STATEMENT_COUNT=1).
const countStatements = process.env.SQL_STATEMENT_COUNT === "1";
// npm run bench:memory reads where the memory is (V8's heap, buffers, WebAssembly: PGlite) — MEMORY_REPORT=1.
const reportMemory = process.env.MEMORY_REPORT === "1";

const server = createServer((request, response) => {
  if (countStatements && request.url === "/__sql-statements") {
    response.writeHead(200, { "content-type": "text/plain" }).end(String(globalThis[Symbol.for("switchboard.sqlStatements")] ?? 0));
    return;
  }
  if (reportMemory && request.url?.startsWith("/__memory")) {
    // ?gc=1 under node --expose-gc: what is still held after a full collection.
    if (request.url === "/__memory?gc=1") globalThis.gc?.();
    const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ rss, heapUsed, heapTotal, external, arrayBuffers }));
    return;
  }
  delete request.headers["x-switchboard-peer"];
  request.headers["x-switchboard-peer"] = request.socket.remoteAddress ?? "";
  handle(request, response).catch((error) => {
    console.error(error);
    if (!response.headersSent) response.writeHead(500).end();
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => {
  const address = server.address();
  const shown = hostname === "0.0.0.0" ? "localhost" : hostname;
  console.log(`[server] Switchboard on http://${shown}:${typeof address === "object" && address ? address.port : port}`);
});

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
