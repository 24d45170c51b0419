// npm run db:migrate — applies pending migrations to DATABASE_URL (or the embedded database).
import { openDatabase } from "@/db/client";

async function main() {
  const database = await openDatabase({ url: process.env.DATABASE_URL || undefined, migrate: true });
  await database.close();
  console.log(`[migrate] ${database.driver}: up to date`);
}

main().catch((error) => {
  console.error(`[migrate] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
