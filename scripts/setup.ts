// Prepares the database in its own short-lived process, before the server starts: PGlite keeps
// the memory of creating a database for the life of the process that created it (~870 MB against
// ~370 MB when reopening one), so the server should only ever open an existing one.
//   embedded (no DATABASE_URL): create if missing and migrate; the demo desk only when this run
//                               created the database (or SEED_DEMO=true)
//   PostgreSQL (DATABASE_URL):  migrate; the demo desk only with SEED_DEMO=true
// Never again on a restart: demo accounts an admin disabled or whose passwords were changed stay so,
// and the published demo sign-ins are printed only when they were just written.
import { sql } from "drizzle-orm";
import { openDatabase, pgliteDir, queryRows } from "@/db/client";
import { DEMO, seed } from "@/db/seed";
import { storeFromEnv } from "@/lib/storage/store";

async function main() {
  const url = process.env.DATABASE_URL || undefined;
  const started = Date.now();
  const database = await openDatabase({ url });
  try {
    const [before] = await queryRows<{ exists: boolean }>(database.db, sql`select to_regclass('public.users') is not null as exists`);
    const created = !before?.exists;
    const { migrate } = url ? await import("drizzle-orm/node-postgres/migrator") : await import("drizzle-orm/pglite/migrator");
    const { MIGRATIONS_FOLDER } = await import("@/db/client");
    await (migrate as (db: unknown, config: { migrationsFolder: string }) => Promise<void>)(database.db, { migrationsFolder: MIGRATIONS_FOLDER });
    console.log(`[setup] ${url ? "PostgreSQL" : `embedded database at ${pgliteDir()}`}: ${created ? "created, " : ""}migrations applied`);
    const seedNow = process.env.SEED_DEMO === "true" || (!url && created);
    if (seedNow) {
      await seed(database.db, { store: storeFromEnv(), log: (line) => console.log(`[setup] ${line}`) });
      console.log("[setup] Demo sign-ins (published in the README: change or disable them at /admin/users before real use):");
      console.log(`[setup]   admin     ${DEMO.admin.email} / ${DEMO.admin.password}`);
      console.log(`[setup]   agent     ${DEMO.agent.email} / ${DEMO.agent.password}`);
      console.log(`[setup]   customer  ${DEMO.customer.email} / ${DEMO.customer.password}`);
      console.log(`[setup]   customer  ${DEMO.customer2.email} / ${DEMO.customer2.password}`);
    }
  } finally {
    await database.close();
  }
  console.log(`[setup] done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error) => {
  console.error(`[setup] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
