// The tag list, managed by admins: add, rename or recolour, delete (a deleted tag leaves every
// thread that had it, in the same transaction). Applying tags to a thread is the shared step
// setThreadTags (lib/threads/service.ts), run by the inbox's services.
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tags, threads } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { inTransaction } from "@/lib/events";
import type { TagInput } from "./schemas";

declare module "@/lib/events/types" {
  interface EventMap {
    /** The tag list changed (added, renamed, recoloured, deleted): lists and pickers reload it. */
    "tag.changed": { tagId: number; deleted?: boolean };
  }
}

export async function saveTag(db: Db, input: TagInput, actor: Actor): Promise<number> {
  void actor;
  return inTransaction(db, async (tx, emit) => {
    const [clash] = await tx
      .select({ id: tags.id })
      .from(tags)
      .where(sql`lower(${tags.name}) = lower(${input.name}) and ${tags.id} <> ${input.id ?? 0}`);
    if (clash) throw new AppError("invalid", `There is already a tag “${input.name}”.`, { name: ["Already taken."] });
    let id = input.id;
    if (id) {
      const [row] = await tx.update(tags).set({ name: input.name, color: input.color }).where(eq(tags.id, id)).returning({ id: tags.id });
      if (!row) throw new AppError("not_found", "Tag not found.");
    } else {
      const [row] = await tx.insert(tags).values({ name: input.name, color: input.color }).returning({ id: tags.id });
      id = row!.id;
    }
    emit("tag.changed", { tagId: id });
    return id;
  });
}

export async function deleteTag(db: Db, input: { id: number }, actor: Actor): Promise<void> {
  void actor;
  await inTransaction(db, async (tx, emit) => {
    const [row] = await tx.delete(tags).where(eq(tags.id, input.id)).returning({ id: tags.id });
    if (!row) throw new AppError("not_found", "Tag not found.");
    await tx
      .update(threads)
      .set({ tagIds: sql`array_remove(${threads.tagIds}, ${input.id}::bigint)` })
      .where(sql`${threads.tagIds} @> array[${input.id}]::bigint[]`);
    emit("tag.changed", { tagId: input.id, deleted: true });
  });
}
