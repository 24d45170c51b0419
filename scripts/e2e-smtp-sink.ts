// A real SMTP server for the browser tests: accepts every mail on SMTP_SINK_PORT and lists what it
// received over HTTP on SMTP_SINK_HTTP_PORT (GET /messages → [{ to, from, raw, receivedAt }],
// GET /health). Kept in memory; the test run starts and stops it (playwright.config.ts).
import http from "node:http";
import { startSmtpSink } from "@/e2e/support/smtp-sink";

const smtpPort = Number(process.env.SMTP_SINK_PORT ?? 2525);
const httpPort = Number(process.env.SMTP_SINK_HTTP_PORT ?? smtpPort + 1);

async function main() {
  const sink = await startSmtpSink(smtpPort);
  const web = http.createServer((request, response) => {
    if (request.url === "/health") return void response.end("ok");
    if (request.url?.startsWith("/messages")) {
      response.setHeader("content-type", "application/json");
      return void response.end(JSON.stringify(sink.received));
    }
    response.statusCode = 404;
    response.end();
  });
  web.listen(httpPort, "127.0.0.1", () => console.log(`SMTP sink on ${smtpPort}, mail list on http://127.0.0.1:${httpPort}/messages`));
  const stop = () => void sink.close().then(() => web.close(() => process.exit(0)));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
