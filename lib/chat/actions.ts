"use server";
// /admin/chat: organizations (products, allowed origins, greetings) and their QR codes. Admins
// only (chat.manage), checked here through runAction, not by the page.
import type { ActionResult } from "@/lib/errors";
import { formObject, runAction } from "@/lib/http/action";
import { addQrSchema, deleteQrSchema, saveOrgSchema } from "./schemas";
import { addQrCode, deleteQrCode, saveChatOrg } from "./service";

export async function saveChatOrgAction(_state: ActionResult<{ id: number }> | null, formData: FormData): Promise<ActionResult<{ id: number }>> {
  return runAction({ permission: "chat.manage", schema: saveOrgSchema, input: formObject(formData), revalidate: "/admin/chat" }, async (input, { db }) => ({
    id: (await saveChatOrg(db, input)).id,
  }));
}

export async function addQrCodeAction(_state: ActionResult<{ qrKey: string }> | null, formData: FormData): Promise<ActionResult<{ qrKey: string }>> {
  return runAction({ permission: "chat.manage", schema: addQrSchema, input: formObject(formData), revalidate: "/admin/chat" }, async (input, { db }) => ({
    qrKey: (await addQrCode(db, input))?.qrKey ?? "",
  }));
}

export async function deleteQrCodeAction(formData: FormData): Promise<void> {
  await runAction({ permission: "chat.manage", schema: deleteQrSchema, input: formObject(formData), revalidate: "/admin/chat" }, (input, { db }) =>
    deleteQrCode(db, input),
  );
}
