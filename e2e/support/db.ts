// A direct line to the browser tests' database, for set-up no UI offers and for checking what was
// stored. One short connection per call: the tests are few and the servers hold the pool.
import { Client } from "pg";
import { E2E } from "./env";

export async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: E2E.databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}
