// Where the browser tests find their servers and database; scripts/test.sh sets the same values.
import { createHash } from "node:crypto";
import path from "node:path";

const port = Number(process.env.E2E_PORT ?? 3100);
// scripts/test.sh names the database after the checkout (so two checkouts can test at once).
const runId = createHash("md5").update(process.cwd()).digest("hex").slice(0, 8);
const databaseUrl = process.env.E2E_DATABASE_URL ?? `postgres://switchboard:switchboard@127.0.0.1:5432/switchboard_e2e_${runId}`;

// Dub's assertLocalDatabaseEnv: the browser tests write and delete; never against a remote server.
const host = new URL(databaseUrl).hostname;
if (!["127.0.0.1", "localhost", "::1"].includes(host)) throw new Error(`E2E refuses a non-local database (${host}).`);

const dataDir = path.resolve(process.env.E2E_DATA_DIR ?? ".data/e2e");

export const E2E = {
  port,
  secondPort: port + 1,
  embeddedPort: port + 2,
  baseURL: `http://127.0.0.1:${port}`,
  secondURL: `http://127.0.0.1:${port + 1}`,
  embeddedURL: `http://127.0.0.1:${port + 2}`,
  /** A real SMTP server every app server sends to; its mail list over HTTP (scripts/e2e-smtp-sink.ts). */
  smtpPort: port + 3,
  smtpListURL: `http://127.0.0.1:${port + 4}`,
  /** A plain shop page on another origin that embeds the chat widget (e2e/chat). */
  shopPort: port + 6,
  databaseUrl,
  dataDir,
  jsonReport: process.env.E2E_JSON_REPORT ?? path.join(dataDir, "playwright.json"),
  /** Generous throttles, so a test run's many sign-ins from one address are not refused. */
  serverEnv: {
    SIGNIN_LIMIT_IP_MAX: "1000",
    CALLBACK_LIMIT_IP_MAX: "1000",
    CONTACT_LIMIT_IP_MAX: "1000",
    SOAP_BASIC_LIMIT_IP_MAX: "1000",
    CHAT_ROOM_LIMIT_IP_MAX: "1000",
    CHAT_MESSAGE_LIMIT_IP_MAX: "5000",
    SMTP_URL: `smtp://127.0.0.1:${port + 3}`,
  } as Record<string, string>,
};
