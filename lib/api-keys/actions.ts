"use server";
// /admin/api-keys: create (the secret is returned once, never stored in clear) and revoke. Admins
// only, checked here through the permission map, not by the page.
import { actorOf } from "@/lib/auth/session";
import { AppError, type ActionResult } from "@/lib/errors";
import { formObject, formOf, runAction } from "@/lib/http/action";
import { createApiKeySchema, revokeApiKeySchema } from "./schemas";
import { createManagedApiKey, createManagedSoapCredential, revokeApiCredential } from "./service";

export interface CreatedKey {
  kind: "call_requests" | "seller" | "chat" | "soap";
  name: string;
  keyPrefix: string;
  secret: string;
  apiKey: string;
  /** The staff e-mail (Basic auth user) or the seller's id (SellerId header). */
  owner: string;
  /** SOAP: HTTP Basic's role name and password, and the seller's nick. */
  roleName?: string;
  rolePassword?: string;
  sellerNick?: string;
}

export async function createApiKeyAction(_state: ActionResult<CreatedKey> | null, formData: FormData): Promise<ActionResult<CreatedKey>> {
  formData = formOf(formData);
  const input = formObject(formData, ["scopes"]);
  return runAction({ permission: "apiKeys.manage", schema: createApiKeySchema, input, revalidate: "/admin/api-keys" }, async (key, { db, user }) => {
    if (key.kind === "soap") {
      const soap = await createManagedSoapCredential(db, { name: key.name, scopes: key.scopes, sellerId: key.sellerId }, actorOf(user));
      return {
        kind: "soap" as const,
        name: soap.credential.name,
        keyPrefix: soap.apiKey,
        secret: soap.secret,
        apiKey: soap.apiKey,
        owner: soap.ownerLabel,
        roleName: soap.roleName,
        rolePassword: soap.rolePassword,
        sellerNick: soap.sellerNick,
      };
    }
    const created = await createManagedApiKey(
      db,
      key.kind === "seller"
        ? { kind: "seller", name: key.name, scopes: key.scopes, sellerId: key.sellerId }
        : { kind: key.kind, name: key.name, scopes: key.scopes, userId: key.userId },
      actorOf(user),
    );
    return {
      kind: key.kind,
      name: created.credential.name,
      keyPrefix: created.credential.keyPrefix,
      secret: created.secret,
      apiKey: created.apiKey,
      owner: created.ownerLabel,
    };
  });
}

export async function revokeApiKeyAction(_state: ActionResult | null, formData: FormData): Promise<ActionResult> {
  formData = formOf(formData);
  return runAction(
    { permission: "apiKeys.manage", schema: revokeApiKeySchema, input: formObject(formData), revalidate: "/admin/api-keys" },
    async ({ id }, { db }) => {
      if (!(await revokeApiCredential(db, { id }))) throw new AppError("not_found", "This key is already revoked or does not exist.");
    },
  );
}
