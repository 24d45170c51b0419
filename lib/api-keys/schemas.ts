// What an admin may submit on /admin/api-keys. The kinds offered there and what each is bound to.
import { z } from "zod";
import type { ApiCredentialKind } from "@/db/schema";

/**
 * Kinds an admin creates on the page, and the owner each is bound to. A call-requests key acts as
 * a staff user (HTTP Basic: their e-mail + the key); a seller credential is one seller's client id
 * and secret for the marketplace discussions API. (chat and soap keys join here when their APIs
 * exist; soap needs its secret stored encrypted, which createApiCredential does not do yet.)
 */
export const MANAGED_KINDS = {
  call_requests: { owner: "user", label: "Call requests API", scopeLabels: { "call_requests.view": "Read call requests", "call_requests.manage": "Create, change and delete call requests" } },
  seller: { owner: "seller", label: "Marketplace discussions (seller)", scopeLabels: { "discussions.view": "Read discussions", "discussions.manage": "Answer, open and close discussions" } },
} as const satisfies Partial<Record<ApiCredentialKind, { owner: "user" | "seller"; label: string; scopeLabels: Record<string, string> }>>;
export type ManagedKind = keyof typeof MANAGED_KINDS;

const id = z.coerce.number().int().positive();

export const createApiKeySchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("call_requests"),
    name: z.string().trim().min(1, "Give the key a name, e.g. the system that will use it.").max(100),
    scopes: z.array(z.enum(["call_requests.view", "call_requests.manage"])).min(1, "Choose at least one permission."),
    userId: id.refine(Boolean, "Choose the staff user the key acts as."),
  }),
  z.object({
    kind: z.literal("seller"),
    name: z.string().trim().min(1, "Give the credential a name.").max(100),
    scopes: z.array(z.enum(["discussions.view", "discussions.manage"])).min(1, "Choose at least one permission."),
    sellerId: id,
  }),
]);
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({ id });
