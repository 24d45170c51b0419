// A fresh database for each test file: PGlite in memory, or (TEST_DB=postgres) a new database on
// the PostgreSQL server the test command started, dropped again afterwards.
import { randomBytes } from "node:crypto";
import { openDatabase, setDatabase, type Database } from "@/db/client";

export const testDriver = () => (process.env.TEST_DB === "postgres" ? "postgres" : "pglite");

/** Refuses anything but a local server, so a test can never drop a real database. */
export function assertLocalDatabaseUrl(url: string) {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`Tests only run against a local PostgreSQL, not ${host}.`);
  }
}

export async function createTestDatabase(options: { useAsAppDatabase?: boolean } = {}): Promise<Database> {
  let database: Database;
  if (testDriver() === "postgres") {
    const adminUrl = process.env.TEST_PG_URL;
    if (!adminUrl) throw new Error("TEST_DB=postgres needs TEST_PG_URL (the test command sets it).");
    assertLocalDatabaseUrl(adminUrl);
    const name = `sb_test_${randomBytes(5).toString("hex")}`;
    const { Client } = await import("pg");
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const opened = await openDatabase({ url: url.toString(), migrate: true, poolSize: 4 });
    database = {
      ...opened,
      url: url.toString(),
      close: async () => {
        await opened.close();
        // Dropping is tidying up, not the test: a backend we may not end (autovacuum on a busy
        // machine, without pg_signal_backend) gets a few tries, then the database is left behind.
        const drop = new Client({ connectionString: adminUrl });
        await drop.connect();
        for (let attempt = 1; ; attempt++) {
          try {
            await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            break;
          } catch (error) {
            if (attempt >= 5) {
              console.warn(`test database ${name} left behind: ${(error as Error).message}`);
              break;
            }
            await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
          }
        }
        await drop.end();
      },
    } as Database & { url: string };
  } else {
    database = await openDatabase({ pgliteDir: "memory://", migrate: true });
  }
  if (options.useAsAppDatabase) setDatabase(database);
  return database;
}
