// A real SMTP server for the browser tests: accepts every mail on SMTP_SINK_PORT and lists what it
// received over HTTP on SMTP_SINK_HTTP_PORT (GET /messages → [{ to, from, raw, receivedAt }],
// GET /health). Kept in memory; the test run starts and stops it (playwright.config.ts).
import http from "node:http";
import { SMTPServer } from "smtp-server";

const smtpPort = Number(process.env.SMTP_SINK_PORT ?? 2525);
const httpPort = Number(process.env.SMTP_SINK_HTTP_PORT ?? smtpPort + 1);
const received: { to: string[]; from: string; raw: string; receivedAt: string }[] = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  size: 30 * 1024 * 1024,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => {
      received.push({
        to: session.envelope.rcptTo.map((r) => r.address),
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
        raw: Buffer.concat(chunks).toString("utf8"),
        receivedAt: new Date().toISOString(),
      });
      callback();
    });
  },
});

const web = http.createServer((request, response) => {
  if (request.url === "/health") return void response.end("ok");
  if (request.url?.startsWith("/messages")) {
    response.setHeader("content-type", "application/json");
    return void response.end(JSON.stringify(received));
  }
  response.statusCode = 404;
  response.end();
});

smtp.listen(smtpPort, "127.0.0.1", () => {
  web.listen(httpPort, "127.0.0.1", () => console.log(`SMTP sink on ${smtpPort}, mail list on http://127.0.0.1:${httpPort}/messages`));
});
const stop = () => {
  smtp.close(() => web.close(() => process.exit(0)));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
