// The admin overview: a few small aggregate reads (grouped once, not one COUNT per card).
import "server-only";
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

/**
 * Demo accounts and keys whose passwords and secrets the README publishes, while they still work:
 * a demo user not disabled whose password is still the seeded one, a demo key not revoked.
 */
export async function findPublishedDemoCredentials(
  db: Db,
): Promise<{ users: { id: number; email: string; role: string }[]; apiKeys: { id: number; name: string; keyPrefix: string }[] }> {
  const [row] = await queryRows<{ value: { users: { id: number; passwordHash: string }[]; apiKeys: number[] } }>(
    db,
    sql`select value from settings where key = 'demo.published'`,
  );
  const published = row?.value;
  if (!published || (!published.users.length && !published.apiKeys.length)) return { users: [], apiKeys: [] };
  const live = published.users.length
    ? await queryRows<{ id: number; email: string; role: string; password_hash: string }>(
        db,
        sql`select id::int as id, email, role::text as role, password_hash from users where disabled_at is null and id in (${sql.join(
          published.users.map((u) => sql`${u.id}`),
          sql`, `,
        )})`,
      )
    : [];
  const users = live
    .filter((u) => published.users.some((p) => p.id === u.id && p.passwordHash === u.password_hash))
    .map(({ id, email, role }) => ({ id, email, role }));
  const apiKeys = published.apiKeys.length
    ? await queryRows<{ id: number; name: string; keyPrefix: string }>(
        db,
        sql`select id::int as id, name, key_prefix as "keyPrefix" from api_credentials where revoked_at is null and id in (${sql.join(
          published.apiKeys.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      )
    : [];
  return { users, apiKeys };
}
