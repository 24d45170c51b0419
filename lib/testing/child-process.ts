// Runs as a separate OS process in tests: `tsx lib/testing/child-process.ts <command> <arg>`.
//   open-pglite <dir>         open (and hold) a PGlite folder, print "opened", write a row, wait
//   publish <postgres url>    record one event through a second "app instance"
import { sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { inTransaction } from "@/lib/events";

async function main() {
  const [command, arg] = process.argv.slice(2);
  if (command === "open-pglite") {
    const database = await openDatabase({ pgliteDir: arg, migrate: true });
    await database.db.execute(sql`insert into settings (key, value) values ('child.pid', ${JSON.stringify(process.pid)}::jsonb)
      on conflict (key) do update set value = excluded.value`);
    console.log("opened");
    setInterval(() => {}, 1000); // hold the folder until killed
    return;
  }
  if (command === "publish") {
    const database = await openDatabase({ url: arg });
    await inTransaction(database.db, async (_tx, emit) => emit("thread.updated", { from: "other-instance", pid: process.pid }));
    await database.close();
    console.log("published");
    return;
  }
  throw new Error(`unknown command ${command}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
