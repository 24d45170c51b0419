// The admin overview: a few small aggregate reads (grouped once, not one COUNT per card).
import { sql } from "drizzle-orm";
import { getDatabase, queryRows, type Db } from "@/db/client";
import { CHANNELS, type Channel } from "@/db/schema";

export async function getDeskOverview(db: Db) {
  const [byChannel, [counts], database] = await Promise.all([
    queryRows<{ channel: Channel; total: number; open: number }>(
      db,
      sql`select channel, count(*)::int as total, count(*) filter (where status = 'open')::int as open
          from threads where deleted_at is null group by channel`,
    ),
    queryRows<{ staff: number; api_keys: number }>(
      db,
      sql`select (select count(*)::int from users where role in ('admin', 'agent') and disabled_at is null) as staff,
                 (select count(*)::int from api_credentials where revoked_at is null) as api_keys`,
    ),
    getDatabase(),
  ]);
  return {
    channels: CHANNELS.map((channel) => byChannel.find((r) => r.channel === channel) ?? { channel, total: 0, open: 0 }),
    staff: counts?.staff ?? 0,
    apiKeys: counts?.api_keys ?? 0,
    driver: database.driver,
  };
}
