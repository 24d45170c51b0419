// npm run db:seed — writes the demo desk; running it again adds nothing twice.
import { openDatabase } from "@/db/client";
import { DEMO, seed } from "@/db/seed";
import { storeFromEnv } from "@/lib/storage/store";

async function main() {
  const database = await openDatabase({ url: process.env.DATABASE_URL || undefined, migrate: true });
  try {
    await seed(database.db, { store: storeFromEnv(), log: (line) => console.log(`[seed] ${line}`) });
    console.log(`[seed] admin ${DEMO.admin.email} / ${DEMO.admin.password}`);
    console.log(`[seed] agent ${DEMO.agent.email} / ${DEMO.agent.password}`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(`[seed] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
