// Browser tests: Debian's Chromium against the built app. Two instances share one PostgreSQL (the
// suite's own database, prepared by scripts/test.sh); a third runs on a fresh embedded database
// for the smoke test of the default set-up.
import { defineConfig } from "@playwright/test";
import { E2E } from "./e2e/support/env";

const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--disable-dev-shm-usage",
];

const serverEnv = {
  // The test runner runs with --conditions=react-server (so the factories can load server modules);
  // the app servers must not.
  NODE_OPTIONS: "",
  NEXT_TELEMETRY_DISABLED: "1",
  AUTH_SECRET: "e2e-secret-not-for-production-0123456789",
  ...E2E.serverEnv,
};

export default defineConfig({
  testDir: "./e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"], ["json", { outputFile: E2E.jsonReport }]] : [["list"], ["json", { outputFile: E2E.jsonReport }]],
  use: {
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "postgres", testIgnore: /smoke\//, use: { baseURL: E2E.baseURL } },
    { name: "embedded", testMatch: /smoke\/.*\.spec\.ts/, use: { baseURL: E2E.embeddedURL } },
  ],
  webServer: [
    {
      command: "node --conditions=react-server --import tsx scripts/e2e-smtp-sink.ts",
      url: `${E2E.smtpListURL}/health`,
      timeout: 30_000,
      reuseExistingServer: false,
      env: { SMTP_SINK_PORT: String(E2E.smtpPort), SMTP_SINK_HTTP_PORT: String(E2E.smtpListURL.split(":").pop()) },
    },
    {
      command: `bash scripts/e2e-server.sh postgres ${E2E.port}`,
      url: `${E2E.baseURL}/login`,
      timeout: 180_000,
      reuseExistingServer: false,
      env: { ...serverEnv, DATABASE_URL: E2E.databaseUrl, DATA_DIR: `${E2E.dataDir}/pg-a` },
    },
    {
      command: `bash scripts/e2e-server.sh postgres ${E2E.secondPort}`,
      url: `${E2E.secondURL}/login`,
      timeout: 180_000,
      reuseExistingServer: false,
      env: { ...serverEnv, DATABASE_URL: E2E.databaseUrl, DATA_DIR: `${E2E.dataDir}/pg-b` },
    },
    {
      command: `bash scripts/e2e-server.sh pglite ${E2E.embeddedPort}`,
      url: `${E2E.embeddedURL}/login`,
      timeout: 300_000,
      reuseExistingServer: false,
      env: { ...serverEnv, DATA_DIR: `${E2E.dataDir}/embedded` },
    },
  ],
});
