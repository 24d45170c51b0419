// The one database module. PGlite under .data/ when DATABASE_URL is unset, node-postgres when set.
// Same schema, same migrations, same queries on both.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations, SQL } from "drizzle-orm";
import * as schema from "./schema";

export type Schema = typeof schema;
/** A database or a transaction: every query and service function takes one as its first argument. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/**
 * An open transaction. A Tx is a Db (anything that reads or writes takes one), but a Db is not a
 * Tx: the shared steps of lib/threads, which must run inside their caller's transaction, ask for
 * a Tx, so the type checker refuses a call outside one.
 */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export const MIGRATIONS_FOLDER = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");

export type Driver = "pglite" | "postgres";

export interface Database {
  db: Db;
  driver: Driver;
  /** node-postgres pool (postgres driver only), for LISTEN and raw use. */
  pool?: import("pg").Pool;
  /**
   * Calls `onPayload` for every NOTIFY on `channel`, from any process (PostgreSQL) or from this one
   * (PGlite). `onReconnect` runs after a lost listening connection is back, so nothing is missed.
   */
  listen(channel: string, onPayload: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR ?? path.join(process.cwd(), ".data"));
}

export function pgliteDir(): string {
  return process.env.PGLITE_DIR ?? path.join(dataDir(), "pglite");
}

/** Rows of a raw SQL query, whichever driver runs it. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

// ---------------------------------------------------------------------------------------------
// The lock: one PGlite folder, one process. Two processes on one folder corrupt it silently.

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The folder as the file system knows it: absolute, without a trailing slash, symlinks resolved.
 * `…/pglite/`, `…/pglite` and a link to it are one database, so they must be one lock.
 */
export function canonicalPgliteDir(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  return fs.realpathSync.native(path.resolve(/*turbopackIgnore: true*/ dir));
}

/** Takes the folder's lock file or throws; a lock left by a dead process (kill -9) is taken over. */
export function acquirePgliteLock(folder: string): () => void {
  const dir = canonicalPgliteDir(folder);
  const lockPath = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, "wx");
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      const release = () => {
        try {
          if (fs.readFileSync(lockPath, "utf8").trim() === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number.parseInt(fs.readFileSync(lockPath, "utf8").trim(), 10);
      if (owner === process.pid) return () => {};
      if (Number.isFinite(owner) && isAlive(owner)) {
        throw new Error(
          `The embedded database at ${dir} is already open in process ${owner}. ` +
            "PGlite allows one process per folder: stop that process first, " +
            "or set DATABASE_URL to use PostgreSQL, which any number of processes can share.",
        );
      }
      fs.unlinkSync(lockPath); // stale: its process is gone
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}

// ---------------------------------------------------------------------------------------------

export interface OpenOptions {
  /** A postgres:// URL; unset means PGlite. */
  url?: string;
  /** PGlite folder or `memory://`. */
  pgliteDir?: string;
  /** Apply pending migrations after opening. */
  migrate?: boolean;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  if (options.url) {
    const { Pool } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const pool = new Pool({
      connectionString: options.url,
      max: options.poolSize ?? Number(process.env.DATABASE_POOL_SIZE ?? 10),
    });
    // An idle connection the server drops (a restart, a terminated backend) is an error event on
    // the pool; unhandled, it would end the process. The pool replaces the connection on next use.
    pool.on("error", (error) => console.warn(`[db] a pooled connection was lost: ${error.message}`));
    // A connection lost while checked out (between the statements of a transaction) errors on the
    // client itself, where the pool listens no longer: the work on it fails, the process does not.
    pool.on("connect", (client) => client.on("error", (error) => console.warn(`[db] a connection in use was lost: ${error.message}`)));
    if (process.env.SQL_STATEMENT_COUNT === "1") countStatements(pool);
    const db = drizzle({ client: pool, schema }) as unknown as Db;
    if (options.migrate) {
      const { migrate } = await import("drizzle-orm/node-postgres/migrator");
      await migrate(drizzle({ client: pool, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
    }
    return {
      db,
      driver: "postgres",
      pool,
      listen: (channel, onPayload, onReconnect) => listenPostgres(options.url!, channel, onPayload, onReconnect),
      close: () => pool.end(),
    };
  }

  const given = options.pgliteDir ?? pgliteDir();
  const inMemory = given.startsWith("memory://");
  // Lock and open the folder by its real path: one database, however it is written.
  const dir = inMemory ? given : canonicalPgliteDir(given);
  const release = inMemory ? () => {} : acquirePgliteLock(dir);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const extensions = await pgliteExtensions();
    // PostgreSQL's default 128 MB of shared buffers is most of PGlite's resident memory; the files
    // sit in the OS page cache anyway, so a small desk loses little with less (npm run bench:memory).
    const sharedBuffers = process.env.PGLITE_SHARED_BUFFERS ?? "32MB";
    if (!/^\d+(kB|MB|GB)$/.test(sharedBuffers)) throw new Error(`PGLITE_SHARED_BUFFERS must look like 32MB, not ${sharedBuffers}.`);
    const client = await PGlite.create(dir, {
      startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${sharedBuffers}`],
      extensions,
    });
    // With statistics PGlite sometimes prefers a bitmap scan plus sort for a thread's messages.
    await client.exec("SET random_page_cost = 1.1");
    const pglite = drizzle({ client, schema });
    if (options.migrate) {
      const { migrate } = await import("drizzle-orm/pglite/migrator");
      await migrate(pglite, { migrationsFolder: MIGRATIONS_FOLDER });
    }
    return {
      db: pglite as unknown as Db,
      driver: "pglite",
      listen: async (channel, onPayload) => {
        const unlisten = await client.listen(channel, onPayload);
        return async () => unlisten();
      },
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * For `npm run bench:http` (SQL_STATEMENT_COUNT=1): every statement a pooled connection sends
 * (BEGIN and COMMIT too) adds one to a process-wide counter that scripts/server.mjs reports.
 */
function countStatements(pool: import("pg").Pool) {
  const g = globalThis as typeof globalThis & { [statementsKey]?: number };
  g[statementsKey] ??= 0;
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      g[statementsKey] = (g[statementsKey] ?? 0) + 1;
      return query(...args);
    };
  });
}
const statementsKey = Symbol.for("switchboard.sqlStatements");

/**
 * The PostgreSQL extensions the migrations create (search: unaccent, pg_trgm). PostgreSQL has them
 * in its contrib; PGlite ships them as its own modules, which must be handed to every PGlite.create.
 */
export async function pgliteExtensions() {
  const [{ unaccent }, { pg_trgm }] = await Promise.all([import("@electric-sql/pglite/contrib/unaccent"), import("@electric-sql/pglite/contrib/pg_trgm")]);
  return { unaccent, pg_trgm };
}

/** A dedicated connection for LISTEN (a pooled one would be handed to queries), reconnecting. */
async function listenPostgres(url: string, channel: string, onPayload: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>> {
  const { Client } = await import("pg");
  let client: import("pg").Client | undefined;
  let stopped = false;
  let retryTimer: NodeJS.Timeout | undefined;

  const connect = async (isRetry: boolean): Promise<void> => {
    const next = new Client({ connectionString: url });
    next.on("notification", (message) => {
      if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
    });
    next.on("error", () => scheduleRetry());
    next.on("end", () => scheduleRetry());
    await next.connect();
    await next.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
    client = next;
    if (isRetry) onReconnect?.();
  };
  const scheduleRetry = () => {
    if (stopped || retryTimer) return;
    client = undefined;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      connect(true).catch(() => scheduleRetry());
    }, 1000);
    retryTimer.unref?.();
  };

  await connect(false);
  return async () => {
    stopped = true;
    if (retryTimer) clearTimeout(retryTimer);
    await client?.end().catch(() => {});
  };
}

// ---------------------------------------------------------------------------------------------
// The app's database: opened lazily, once per process. Next loads server modules more than once,
// so the handle lives on globalThis.

const globalKey = Symbol.for("switchboard.database");
type GlobalWithDb = typeof globalThis & { [globalKey]?: Promise<Database> };

export function getDatabase(): Promise<Database> {
  if (process.env.NEXT_PHASE === "phase-production-build") {
    throw new Error("The database must not be opened while building: mark the route dynamic.");
  }
  const g = globalThis as GlobalWithDb;
  if (!g[globalKey]) {
    const url = process.env.DATABASE_URL || undefined;
    g[globalKey] = openDatabase({ url, migrate: !url }).catch((error) => {
      delete g[globalKey];
      throw error;
    });
  }
  return g[globalKey]!;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** Replaces the process's database (tests hand in their own). */
export function setDatabase(database: Database): void {
  (globalThis as GlobalWithDb)[globalKey] = Promise.resolve(database);
}
