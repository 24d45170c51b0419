"use server";
// Server actions for discussions: /admin/typologies (create and edit typologies; admins only,
// typologies.manage), checked here through the permission map, not by the page. The inbox replies to
// a discussion through the thread view's composer (lib/messages, lib/threads/reply-rules).
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { fieldErrors, toActionError, type ActionResult } from "@/lib/errors";
import { inTransaction } from "@/lib/events";
import { getLocaleSettings } from "@/lib/i18n";
import { typologyFormSchema } from "./schemas";
import { saveTypology } from "./service";

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

