"use server";
// /admin/api-keys: create (the secret is returned once, never stored in clear) and revoke. Admins
// only, checked here through the permission map, not by the page.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { fieldErrors, toActionError, type ActionResult } from "@/lib/errors";
import { inTransaction } from "@/lib/events";
import { createApiKeySchema, revokeApiKeySchema } from "./schemas";
import { createManagedApiKey, revokeApiCredential } from "./service";

export interface CreatedKey {
  kind: "call_requests" | "seller";
  name: string;
  keyPrefix: string;
  secret: string;
  apiKey: string;
  /** The staff e-mail (Basic auth user) or the seller's id (SellerId header). */
  owner: string;
}

export async function createApiKeyAction(_state: ActionResult<CreatedKey> | null, formData: FormData): Promise<ActionResult<CreatedKey>> {
  try {
    const admin = await requirePermission("apiKeys.manage");
    const parsed = createApiKeySchema.safeParse({
      kind: formData.get("kind"),
      name: formData.get("name") ?? "",
      scopes: formData.getAll("scopes"),
      userId: formData.get("userId") ?? undefined,
      sellerId: formData.get("sellerId") ?? undefined,
    });
    if (!parsed.success) {
      return { ok: false, error: parsed.error.issues[0]?.message ?? "Check the form.", fields: fieldErrors(parsed.error.issues) };
    }
    const input = parsed.data;
    const created = await inTransaction(await getDb(), (tx) =>
      createManagedApiKey(
        tx,
        input.kind === "call_requests"
          ? { kind: "call_requests", name: input.name, scopes: input.scopes, userId: input.userId }
          : { kind: "seller", name: input.name, scopes: input.scopes, sellerId: input.sellerId },
        admin.id,
      ),
    );
    revalidatePath("/admin/api-keys");
    return {
      ok: true,
      data: {
        kind: input.kind,
        name: created.credential.name,
        keyPrefix: created.credential.keyPrefix,
        secret: created.secret,
        apiKey: created.apiKey,
        owner: created.ownerLabel,
      },
    };
  } catch (error) {
    return toActionError(error);
  }
}

export async function revokeApiKeyAction(_state: ActionResult | null, formData: FormData): Promise<ActionResult> {
  try {
    await requirePermission("apiKeys.manage");
    const parsed = revokeApiKeySchema.safeParse({ id: formData.get("id") });
    if (!parsed.success) return { ok: false, error: "Unknown key." };
    const revoked = await inTransaction(await getDb(), (tx) => revokeApiCredential(tx, parsed.data.id));
    if (!revoked) return { ok: false, error: "This key is already revoked or does not exist." };
    revalidatePath("/admin/api-keys");
    return { ok: true, data: undefined };
  } catch (error) {
    return toActionError(error);
  }
}
