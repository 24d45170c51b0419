// Who has a thread open right now ("also viewing"). A row per (thread, user), heartbeated by the
// open thread; rows older than the expiry are ignored and pruned. Kept in the database, not in
// memory, so every app instance sees every viewer. agent_presence is the same for the desk as a
// whole: who is online (any inbox tab open), which round-robin assignment asks.
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
    /** Last keystroke in the composer ("… is replying"); null when they stopped or sent. */
    typingAt: timestamp("typing_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.userId] }), index("thread_viewers_seen_idx").on(t.seenAt)],
);
export type ThreadViewer = typeof threadViewers.$inferSelect;

export const agentPresence = pgTable(
  "agent_presence",
  {
    userId: bigint("user_id", { mode: "number" })
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    seenAt: timestamp("seen_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /** When round-robin last gave them a thread: the next one goes to whoever waited longest. */
    lastAssignedAt: timestamp("last_assigned_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("agent_presence_seen_idx").on(t.seenAt)],
);
export type AgentPresence = typeof agentPresence.$inferSelect;
