// The trash, as admins see it: threads deleted in the last TRASH_DAYS days, newest first.
import "server-only";
import { and, desc, eq, gt, isNotNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { threads, users } from "@/db/schema";
import { TRASH_DAYS } from "@/lib/threads/sweep";

export async function findTrash(db: Db, limit = 200) {
  const rows = await db
    .select({
      id: threads.id,
      channel: threads.channel,
      subject: threads.subject,
      customerName: threads.customerName,
      deletedAt: threads.deletedAt,
      deletedBy: users.name,
    })
    .from(threads)
    .leftJoin(users, eq(users.id, threads.deletedBy))
    .where(and(isNotNull(threads.deletedAt), gt(threads.deletedAt, sql`now() - make_interval(days => ${TRASH_DAYS})`)))
    .orderBy(desc(threads.deletedAt), desc(threads.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, deletedAt: r.deletedAt!.toISOString(), purgeAt: new Date(r.deletedAt!.getTime() + TRASH_DAYS * 86_400_000).toISOString() }));
}
