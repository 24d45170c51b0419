// Who has a thread open right now ("also viewing"). A row per (thread, user), heartbeated by the
// open thread; rows older than the expiry are ignored and pruned. Kept in the database, not in
// memory, so every app instance sees every viewer.
import { bigint, index, pgTable, primaryKey, timestamp } from "drizzle-orm/pg-core";
import { threads } from "./threads";
import { users } from "./users";

export const threadViewers = pgTable(
  "thread_viewers",
  {
    threadId: bigint("thread_id", { mode: "number" })
      .notNull()
      .references(() => threads.id, { onDelete: "cascade" }),
    userId: bigint("user_id", { mode: "number" })
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    seenAt: timestamp("seen_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.userId] }), index("thread_viewers_seen_idx").on(t.seenAt)],
);
export type ThreadViewer = typeof threadViewers.$inferSelect;
