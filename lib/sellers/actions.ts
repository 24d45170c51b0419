"use server";
// Server actions of /admin/sellers: add or edit a seller (admins only, sellers.manage — checked
// here by runAction, not by the page).
import type { ActionResult } from "@/lib/errors";
import { formObject, runAction } from "@/lib/http/action";
import { sellerFormSchema } from "./schemas";
import { saveSeller } from "./service";

export async function saveSellerAction(_state: ActionResult<{ id: number }> | null, formData: FormData): Promise<ActionResult<{ id: number }>> {
  const input: Record<string, unknown> = { ...formObject(formData), isActive: formData.get("isActive") === "on" };
  if (!input.id) delete input.id;
  return runAction({ permission: "sellers.manage", schema: sellerFormSchema, input, revalidate: "/admin/sellers" }, async (values, { db }) => ({
    id: (await saveSeller(db, values)).id,
  }));
}
