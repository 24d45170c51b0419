"use server";
// /admin/titles: add or change a conversation title and its texts. Admins only, checked here.
import type { ActionResult } from "@/lib/errors";
import { formObject, runAction } from "@/lib/http/action";
import { saveTitleSchema } from "./title-schemas";
import { saveTitle } from "./titles";

export async function saveTitleAction(_state: ActionResult<{ id: number }> | null, formData: FormData): Promise<ActionResult<{ id: number }>> {
  const raw = formObject(formData);
  const texts: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) if (key.startsWith("text_") && typeof value === "string") texts[key.slice(5)] = value;
  return runAction(
    { permission: "titles.manage", schema: saveTitleSchema, input: { ...raw, isActive: raw.isActive ?? "false", texts }, revalidate: "/admin/titles" },
    async (input, { db }) => ({ id: await saveTitle(db, input) }),
  );
}
