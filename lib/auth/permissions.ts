// The one permission map. Every server action and route handler asks `can(role, permission)`;
// a page hiding a button is only cosmetic.
import type { Role } from "@/db/schema";

export const PERMISSIONS = {
  // the inbox
  "inbox.view": ["admin", "agent"],
  "thread.reply": ["admin", "agent"],
  "thread.note": ["admin", "agent"],
  "thread.status": ["admin", "agent"],
  "thread.assign": ["admin", "agent"],
  "thread.read": ["admin", "agent"],
  "attachment.download": ["admin", "agent"],
  "events.subscribe": ["admin", "agent"],
  "callRequest.work": ["admin", "agent"],
  // administration
  "admin.view": ["admin"],
  "subjects.manage": ["admin"],
  "typologies.manage": ["admin"],
  "titles.manage": ["admin"],
  "settings.manage": ["admin"],
  "apiKeys.manage": ["admin"],
  "users.manage": ["admin"],
  // customers
  "account.view": ["customer"],
  "account.reply": ["customer"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | undefined | null, permission: Permission): boolean {
  if (!role) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export const STAFF_ROLES: readonly Role[] = ["admin", "agent"];
export const isStaff = (role: Role | undefined | null) => !!role && STAFF_ROLES.includes(role);

/** Where a role lands after signing in. */
export function homeFor(role: Role): string {
  return role === "customer" ? "/account" : "/inbox";
}
