// Who did something: the one Actor type every service takes, whoever the caller is — a signed-in
// staff member, a customer, a machine client with an API credential, or the system itself. The
// thread timeline records it (actor_user_id, actor_label); a message's author role follows from it.
import type { AuthorRole, Role } from "@/db/schema";

export type Actor =
  | { kind: "staff"; userId: number; name: string; role: Role }
  | { kind: "customer"; customerId: number; userId?: number | null; name: string }
  | {
      kind: "api";
      /** Shown in the timeline, e.g. "Seller API sb_seller_…". */
      label: string;
      credentialId?: number | null;
      /** The staff user a key acts as (call requests). */
      userId?: number | null;
      /** The seller a credential is bound to (discussions, SOAP). */
      sellerId?: number | null;
      /** The name messages written with the key carry (the seller's name). */
      name?: string;
    }
  | { kind: "system"; label: string };

export const systemActor = (label: string): Actor => ({ kind: "system", label });

/** The users row behind the actor, if there is one (the timeline's actor_user_id). */
export function actorUserId(actor: Actor): number | null {
  switch (actor.kind) {
    case "staff":
      return actor.userId;
    case "customer":
    case "api":
      return actor.userId ?? null;
    case "system":
      return null;
  }
}

/** How the timeline names an actor without a user (an API client, the system). */
export function actorLabel(actor: Actor): string | null {
  switch (actor.kind) {
    case "staff":
      return null;
    case "customer":
      return actor.name;
    case "api":
    case "system":
      return actor.label;
  }
}

/** The name a message written by this actor carries. */
export function actorName(actor: Actor): string {
  switch (actor.kind) {
    case "staff":
    case "customer":
      return actor.name;
    case "api":
      return actor.name ?? actor.label;
    case "system":
      return actor.label;
  }
}

/** The author role of what this actor writes: our staff answer as `agent`, a seller's API key as `seller`. */
export function authorRoleOf(actor: Actor): AuthorRole {
  switch (actor.kind) {
    case "staff":
      return "agent";
    case "customer":
      return "customer";
    case "api":
      return actor.sellerId ? "seller" : "agent";
    case "system":
      return "system";
  }
}
