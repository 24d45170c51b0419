// Reads of saved views: the team's and the viewer's own, in their order.
import "server-only";
import { asc, eq, isNull, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { inboxViews } from "@/db/schema";

export interface ViewRow {
  id: number;
  name: string;
  /** null: shared with the team. */
  ownerId: number | null;
  createdBy: number | null;
  filters: Record<string, string>;
}

export async function findViews(db: Db, userId: number): Promise<ViewRow[]> {
  return db
    .select({ id: inboxViews.id, name: inboxViews.name, ownerId: inboxViews.ownerId, createdBy: inboxViews.createdBy, filters: inboxViews.filters })
    .from(inboxViews)
    .where(or(isNull(inboxViews.ownerId), eq(inboxViews.ownerId, userId)))
    .orderBy(asc(inboxViews.ownerId), asc(inboxViews.position), asc(inboxViews.id))
    .limit(50);
}
