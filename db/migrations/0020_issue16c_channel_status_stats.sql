-- The planner's estimate for a channel and a status together (the sidebar's per-channel counts,
-- the list's channel filter): without joint statistics it multiplies the two columns' shares, so a
-- channel whose threads are all closed looks like thousands of open rows, and a capped count walks
-- the whole table instead of the (channel, status) index (0.1 ms → 100–250 ms at 100k threads).
CREATE STATISTICS IF NOT EXISTS "threads_channel_status_stats" (mcv) ON "channel", "status" FROM "threads";--> statement-breakpoint
ANALYZE "threads";
