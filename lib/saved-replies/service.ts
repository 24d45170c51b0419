// Writes of saved replies. The team's replies are edited by admins (savedReplies.manageTeam); an
// agent edits only their own, and "not yours" answers like "not found".
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { languages, savedReplies, savedReplyTexts } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { inTransaction } from "@/lib/events";
import type { SavedReplyInput } from "./schemas";

type Staff = Extract<Actor, { kind: "staff" }>;

async function assertEditable(db: Db, id: number, actor: Staff) {
  const [row] = await db.select({ ownerId: savedReplies.ownerId }).from(savedReplies).where(eq(savedReplies.id, id));
  if (!row || (row.ownerId !== null && row.ownerId !== actor.userId)) throw new AppError("not_found", "Saved reply not found.");
  if (row.ownerId === null && !can(actor.role, "savedReplies.manageTeam")) throw new AppError("forbidden", "Only an admin can change the team's replies.");
  return row;
}

export async function saveSavedReply(db: Db, input: SavedReplyInput, actor: Staff): Promise<number> {
  const bodies = Object.entries(input.bodies).filter(([, body]) => body.trim());
  if (!bodies.length) throw new AppError("invalid", "Write the reply in at least one language.", { bodies: ["Required."] });
  if (input.scope === "team" && !can(actor.role, "savedReplies.manageTeam")) throw new AppError("forbidden", "Only an admin can add a reply for the team.");
  return inTransaction(db, async (tx) => {
    const known = new Set((await tx.select({ code: languages.code }).from(languages)).map((l) => l.code));
    const unknown = bodies.find(([locale]) => !known.has(locale));
    if (unknown) throw new AppError("invalid", `The desk has no language ${unknown[0]}.`);
    let id = input.id;
    if (id) {
      await assertEditable(tx, id, actor);
      await tx.update(savedReplies).set({ title: input.title, updatedAt: new Date() }).where(eq(savedReplies.id, id));
      await tx.delete(savedReplyTexts).where(eq(savedReplyTexts.replyId, id));
    } else {
      const [row] = await tx
        .insert(savedReplies)
        .values({ title: input.title, ownerId: input.scope === "team" ? null : actor.userId, createdBy: actor.userId })
        .returning({ id: savedReplies.id });
      id = row!.id;
    }
    await tx.insert(savedReplyTexts).values(bodies.map(([locale, body]) => ({ replyId: id!, locale, body })));
    return id;
  });
}

export async function deleteSavedReply(db: Db, input: { id: number }, actor: Staff): Promise<void> {
  await assertEditable(db, input.id, actor);
  await db.delete(savedReplies).where(and(eq(savedReplies.id, input.id)));
}
