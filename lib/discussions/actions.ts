"use server";
// Server actions for discussions: /admin/typologies (create and edit typologies; admins only,
// typologies.manage), checked by runAction in the server, not by the page. The inbox replies to a
// discussion through the thread view's composer and the one reply path (lib/channels/reply.ts).
import { z } from "zod";
import { eq } from "drizzle-orm";
import { sellers } from "@/db/schema";
import { actorOf } from "@/lib/auth/session";
import { AppError, isAppError, type ActionResult } from "@/lib/errors";
import { id } from "@/lib/validation";
import { formObject, formOf, runAction } from "@/lib/http/action";
import { importDiscussionSchema, importDiscussionsSchema, typologyFormSchema } from "./schemas";
import { importDiscussion, saveTypology } from "./service";

export async function saveTypologyAction(_state: ActionResult<{ id: number }> | null, formData: FormData): Promise<ActionResult<{ id: number }>> {
  formData = formOf(formData);
  const descriptions: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (key.startsWith("description_") && typeof value === "string") descriptions[key.slice(12)] = value;
  const input = {
    id: formData.get("id") || undefined,
    typologyCode: formData.get("typologyCode") ?? "",
    subTypologyCode: formData.get("subTypologyCode") ?? "",
    salesChannel: formData.get("salesChannel") ?? "",
    orderStatuses: formData.getAll("orderStatuses"),
    userTypes: formData.getAll("userTypes"),
    isActive: formData.get("isActive") === "on",
    position: formData.get("position") || 0,
    descriptions,
  };
  return runAction({ permission: "typologies.manage", schema: typologyFormSchema, input, revalidate: "/admin/typologies" }, async (v, { db }) => ({
    id: await saveTypology(db, v),
  }));
}

export interface ImportResult {
  created: number[];
  refused: { index: number; error: string }[];
}

const importFormSchema = z.object({
  sellerId: id("Choose the seller."),
  json: z
    .string()
    .min(2, "Paste the discussions as JSON.")
    .max(4 * 1024 * 1024),
});

/**
 * /admin/import — discussion history brought in by an admin (discussions.import): one discussion or a
 * list, in the shape POST /seller/v2/discussions takes, with messages from any side at their own
 * dates (between 1900 and now). Each is written on its own; the refused ones say why.
 */
export async function importDiscussionsAction(_state: ActionResult<ImportResult> | null, formData: FormData): Promise<ActionResult<ImportResult>> {
  formData = formOf(formData);
  return runAction(
    { permission: "discussions.import", schema: importFormSchema, input: formObject(formData), revalidate: "/admin/import" },
    async (input, { db, user }) => {
      const [seller] = await db.select().from(sellers).where(eq(sellers.id, input.sellerId));
      if (!seller) throw new AppError("invalid", "Choose the seller.", { sellerId: ["No such seller."] });
      let raw: unknown;
      try {
        raw = JSON.parse(input.json);
      } catch {
        throw new AppError("invalid", "That is not valid JSON.", { json: ["Not valid JSON."] });
      }
      const list = importDiscussionsSchema.safeParse(raw);
      if (!list.success) throw new AppError("invalid", "Give one discussion or a list of at most 500.", { json: ["One discussion or a list of at most 500."] });
      const result: ImportResult = { created: [], refused: [] };
      for (const [index, item] of list.data.entries()) {
        const parsed = importDiscussionSchema.safeParse(item);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          result.refused.push({ index, error: `${issue?.path.join(".") || "discussion"}: ${issue?.message ?? "invalid"}` });
          continue;
        }
        try {
          result.created.push((await importDiscussion(db, { seller, discussion: parsed.data }, actorOf(user))).thread.id);
        } catch (error) {
          if (!isAppError(error)) throw error;
          result.refused.push({ index, error: error.message });
        }
      }
      return result;
    },
  );
}
