// What the inbox's left column needs from the server: the saved views (the team's and mine) and
// every count, the views' included, capped (lib/threads/queries.ts findInboxCounts: one statement).
import "server-only";
import type { Db } from "@/db/client";
import { findInboxCounts, type InboxCounts } from "@/lib/threads/queries";
import { findViews, type ViewRow } from "@/lib/views/queries";
import { inboxFiltersSchema } from "./schemas";
import { toListFilters } from "./list";

export interface SidebarData {
  counts: InboxCounts;
  views: ViewRow[];
}

export async function findSidebar(db: Db, userId: number): Promise<SidebarData> {
  const views = await findViews(db, userId);
  const countable = views.flatMap((v) => {
    const parsed = inboxFiltersSchema.safeParse(v.filters);
    return parsed.success ? [{ id: v.id, filters: toListFilters(parsed.data, userId) }] : [];
  });
  return { counts: await findInboxCounts(db, userId, countable), views };
}
