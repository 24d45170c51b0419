// Reads of the desk's tags (a handful of rows: the list and the thread look them up by id).
import "server-only";
import { asc, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tags } from "@/db/schema";
import type { TagColor, TagView } from "./palette";

export async function findTags(db: Db): Promise<TagView[]> {
  const rows = await db
    .select({ id: tags.id, name: tags.name, color: tags.color })
    .from(tags)
    .orderBy(asc(sql`lower(${tags.name})`));
  return rows.map((r) => ({ ...r, color: r.color as TagColor }));
}
