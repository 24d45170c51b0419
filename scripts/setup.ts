// Prepares the database in its own short-lived process, before the server starts: PGlite keeps
// the memory of creating a database for the life of the process that created it (~870 MB against
// ~370 MB when reopening one), so the server should only ever open an existing one.
//   embedded (no DATABASE_URL): create if missing, migrate, seed the demo desk
//   PostgreSQL (DATABASE_URL):  migrate; seed only with SEED_DEMO=true
import { openDatabase, pgliteDir } from "@/db/client";
import { DEMO, seed } from "@/db/seed";
import { storeFromEnv } from "@/lib/storage/store";

async function main() {
  const url = process.env.DATABASE_URL || undefined;
  const started = Date.now();
  const database = await openDatabase({ url, migrate: true });
  console.log(`[setup] ${url ? "PostgreSQL" : `embedded database at ${pgliteDir()}`}: migrations applied`);
  try {
    if (!url || process.env.SEED_DEMO === "true") {
      await seed(database.db, { store: storeFromEnv(), log: (line) => console.log(`[setup] ${line}`) });
      console.log("[setup] Demo sign-ins:");
      console.log(`[setup]   admin     ${DEMO.admin.email} / ${DEMO.admin.password}`);
      console.log(`[setup]   agent     ${DEMO.agent.email} / ${DEMO.agent.password}`);
      console.log(`[setup]   customer  ${DEMO.customer.email} / ${DEMO.customer.password}`);
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
