// Runs as a separate OS process in tests: `tsx e2e/support/child-process.ts <command> <arg>`.
//   open-pglite <dir>         open (and hold) a PGlite folder, print "opened", write a row, wait
//   publish <postgres url>    record one event through a second "app instance"
//   fault-writer <json>       writes notes one after another, printing "ack <n>" after each commit,
//                             until killed ({ url } or { pgliteDir }, { tag }) — the kill -9 test
//   event-writers <json>      a second app instance: writers recording events while its own stream
//                             listens; prints "ids <json>" with the ids its stream delivered (e2e/support/event-load.ts)
import { sql } from "drizzle-orm";
import { openDatabase, setDatabase } from "@/db/client";
import { inTransaction } from "@/lib/events";
import { runEventLoad, type EventLoad } from "./event-load";

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
    // Not a real thread change: a marker the test recognises (hence the cast past the event's type).
    await inTransaction(database.db, async (_tx, emit) => emit("thread.updated", { from: "other-instance", pid: process.pid } as never));
    await database.close();
    console.log("published");
    return;
  }
  if (command === "fault-writer") {
    const spec = JSON.parse(arg!) as { url?: string; pgliteDir?: string; tag: string };
    const database = await openDatabase({ url: spec.url, pgliteDir: spec.pgliteDir, migrate: true, poolSize: 2 });
    setDatabase(database);
    const { makeThread, makeUser } = await import("./factories");
    const { postReply } = await import("@/lib/channels/reply");
    const agent = await makeUser(database.db, "agent");
    const { thread } = await makeThread(database.db, { channel: "conversation" });
    console.log(`thread ${thread.id}`);
    for (let n = 1; ; n++) {
      await postReply(database.db, { threadId: thread.id, kind: "note", body: `${spec.tag} ${n}` }, agent.actor);
      console.log(`ack ${n}`);
    }
  }
  if (command === "event-writers") {
    const load = JSON.parse(arg!) as EventLoad & { url: string };
    const database = await openDatabase({ url: load.url, poolSize: load.writers + 4 });
    setDatabase(database);
    const received = await runEventLoad(database.db, load);
    console.log(`ids ${JSON.stringify(received)}`);
    await database.close();
    process.exit(0);
  }
  throw new Error(`unknown command ${command}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
