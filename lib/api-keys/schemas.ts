// What an admin may submit on /admin/api-keys. The kinds offered there and what each is bound to.
import { z } from "zod";
import type { ApiCredentialKind } from "@/db/schema";
import { id as plainId, text } from "@/lib/validation";

/**
 * Kinds an admin creates on the page, and the owner each is bound to. A call-requests key acts as
 * a staff user (HTTP Basic: their e-mail + the key); a seller credential is one seller's client id
 * and secret for the marketplace discussions API; a chat key acts as a staff user too, for the chat
 * API's staff side (Bearer); a SOAP credential is one seller's role name and password (HTTP Basic)
 * plus apiKey and secret (request signatures, the secret kept encrypted) for the user-messages service.
 */
export const MANAGED_KINDS = {
  call_requests: {
    owner: "user",
    label: "Call requests API",
    scopeLabels: { "call_requests.view": "Read call requests", "call_requests.manage": "Create, change and delete call requests" },
  },
  seller: {
    owner: "seller",
    label: "Marketplace discussions (seller)",
    scopeLabels: { "discussions.view": "Read discussions", "discussions.manage": "Answer, open and close discussions" },
  },
  chat: {
    owner: "user",
    label: "Chat rooms API",
    scopeLabels: { "chat.rooms.view": "List rooms and QR ids", "chat.rooms.manage": "Answer in chat rooms (create_message as an agent)" },
  },
  soap: {
    owner: "seller",
    label: "User messages over SOAP (seller)",
    scopeLabels: { "conversations.view": "Read conversations and messages", "conversations.manage": "Send messages, mark read, delete (for the seller)" },
  },
} as const satisfies Partial<Record<ApiCredentialKind, { owner: "user" | "seller"; label: string; scopeLabels: Record<string, string> }>>;
export type ManagedKind = keyof typeof MANAGED_KINDS;

const id = plainId();

export const createApiKeySchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("call_requests"),
    name: text({ max: 100 }).refine((v) => v.length > 0, "Give the key a name, e.g. the system that will use it."),
    scopes: z.array(z.enum(["call_requests.view", "call_requests.manage"])).min(1, "Choose at least one permission."),
    userId: id.refine(Boolean, "Choose the staff user the key acts as."),
  }),
  z.object({
    kind: z.literal("seller"),
    name: text({ max: 100 }).refine((v) => v.length > 0, "Give the credential a name."),
    scopes: z.array(z.enum(["discussions.view", "discussions.manage"])).min(1, "Choose at least one permission."),
    sellerId: id,
  }),
  z.object({
    kind: z.literal("chat"),
    name: z.string().trim().min(1, "Give the key a name, e.g. the system that will use it.").max(100),
    scopes: z.array(z.enum(["chat.rooms.view", "chat.rooms.manage"])).min(1, "Choose at least one permission."),
    userId: id.refine(Boolean, "Choose the staff user the key acts as."),
  }),
  z.object({
    kind: z.literal("soap"),
    name: text({ max: 100 }).refine((v) => v.length > 0, "Give the credential a name."),
    scopes: z.array(z.enum(["conversations.view", "conversations.manage"])).min(1, "Choose at least one permission."),
    sellerId: id,
  }),
]);
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({ id });
