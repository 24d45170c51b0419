"use server";
// Server actions for discussions: /admin/typologies (create and edit typologies; admins only,
// typologies.manage) and the inbox's reply to a discussion (thread.reply). Checked here through the
// permission map, not by the page.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { fieldErrors, toActionError, type ActionResult } from "@/lib/errors";
import { inTransaction } from "@/lib/events";
import { getLocaleSettings } from "@/lib/i18n";
import { getStore } from "@/lib/storage/store";
import { typologyFormSchema } from "./schemas";
import { checkDiscussionFiles, replyToDiscussion, saveTypology } from "./service";

export async function saveTypologyAction(_state: ActionResult<{ id: number }> | null, formData: FormData): Promise<ActionResult<{ id: number }>> {
  try {
    await requirePermission("typologies.manage");
    const db = await getDb();
    const { codes, defaultLocale } = await getLocaleSettings(db);
    const parsed = typologyFormSchema.safeParse({
      id: formData.get("id") || undefined,
      typologyCode: formData.get("typologyCode") ?? "",
      subTypologyCode: formData.get("subTypologyCode") ?? "",
      salesChannel: formData.get("salesChannel") ?? "",
      orderStatuses: formData.getAll("orderStatuses"),
      userTypes: formData.getAll("userTypes"),
      isActive: formData.get("isActive") === "on",
      position: formData.get("position") || 0,
      descriptions: Object.fromEntries(codes.map((c) => [c, String(formData.get(`description_${c}`) ?? "")])),
    });
    if (!parsed.success) {
      return { ok: false, error: parsed.error.issues[0]?.message ?? "Check the form.", fields: fieldErrors(parsed.error.issues) };
    }
    const id = await inTransaction(db, (tx) => saveTypology(tx, parsed.data, defaultLocale));
    revalidatePath("/admin/typologies");
    return { ok: true, data: { id } };
  } catch (error) {
    return toActionError(error);
  }
}

const replySchema = z.object({
  threadId: z.coerce.number().int().positive(),
  body: z.string().trim().min(1, "Write a reply.").max(20_000),
  receiver: z.array(z.enum(["customer", "customer_service"])).min(1, "Choose who receives the reply."),
});

/**
 * The inbox composer's reply to a discussion (for issue 3's thread view to call): the receiver is
 * `customer` and/or `customer_service`, checked against the discussion's receivers; files follow
 * the discussion rules (3 files, 4 MB, formats by content). Agents and admins (thread.reply).
 */
export async function replyToDiscussionAction(_state: ActionResult<{ messageId: number }> | null, formData: FormData): Promise<ActionResult<{ messageId: number }>> {
  try {
    const user = await requirePermission("thread.reply");
    const parsed = replySchema.safeParse({ threadId: formData.get("threadId"), body: formData.get("body") ?? "", receiver: formData.getAll("receiver") });
    if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Check the form.", fields: fieldErrors(parsed.error.issues) };
    const uploads = formData.getAll("files").filter((f): f is File => typeof f !== "string" && f.size > 0);
    const files = await checkDiscussionFiles(await Promise.all(uploads.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))));
    const { message } = await inTransaction(await getDb(), (tx, emit) =>
      replyToDiscussion(
        tx,
        emit,
        getStore(),
        { threadId: parsed.data.threadId, body: parsed.data.body, receivers: parsed.data.receiver, files, authorRole: "agent", authorUserId: user.id, authorName: user.name },
        { userId: user.id },
      ),
    );
    return { ok: true, data: { messageId: message.id } };
  } catch (error) {
    return toActionError(error);
  }
}
