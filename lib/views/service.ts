// Saved views: any staff member saves the list's current filters as a view, private or shared
// with the team. A shared view is changed by whoever made it or an admin (views.manageShared);
// a private one only by its owner ("not yours" answers like "not found").
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { inboxViews } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { inboxFiltersSchema } from "@/lib/inbox/schemas";
import { VIEW_FILTER_KEYS, type ViewInput } from "./schemas";

type Staff = Extract<Actor, { kind: "staff" }>;

/** The filters a view may keep, each checked by the list's own schema. */
export function cleanViewFilters(raw: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const key of VIEW_FILTER_KEYS) if (raw[key]) kept[key] = raw[key]!;
  const parsed = inboxFiltersSchema.safeParse(kept);
  if (!parsed.success) throw new AppError("invalid", parsed.error.issues[0]?.message ?? "These filters cannot be saved.");
  return kept;
}

export async function createView(db: Db, input: ViewInput, actor: Staff): Promise<number> {
  const filters = cleanViewFilters(input.filters);
  const [row] = await db
    .insert(inboxViews)
    .values({
      name: input.name,
      ownerId: input.shared ? null : actor.userId,
      filters,
      createdBy: actor.userId,
      position: sql`coalesce((select max(position) + 1 from inbox_views), 0)`,
    })
    .returning({ id: inboxViews.id });
  return row!.id;
}

async function editable(db: Db, id: number, actor: Staff) {
  const [row] = await db.select().from(inboxViews).where(eq(inboxViews.id, id));
  if (!row || (row.ownerId !== null && row.ownerId !== actor.userId)) throw new AppError("not_found", "View not found.");
  if (row.ownerId === null && row.createdBy !== actor.userId && !can(actor.role, "views.manageShared")) {
    throw new AppError("forbidden", "Only whoever made a shared view, or an admin, can change it.");
  }
  return row;
}

export async function deleteView(db: Db, input: { id: number }, actor: Staff): Promise<void> {
  await editable(db, input.id, actor);
  await db.delete(inboxViews).where(eq(inboxViews.id, input.id));
}
