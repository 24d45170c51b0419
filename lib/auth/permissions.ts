// The one permission map. Every server action, route handler and page asks `can(caller, permission)`
// — a signed-in role, or an API credential's scopes — and so do proxy.ts's path rule, the agent
// layout and the account page. A page hiding a button is only cosmetic. Pure (no database), so
// proxy.ts can load it.
import type { Role } from "@/db/schema";

interface Rule {
  /** Signed-in roles allowed. */
  roles: readonly Role[];
  /** API credential scopes allowed (a machine client's key). */
  scopes?: readonly string[];
}

const STAFF = ["admin", "agent"] as const satisfies readonly Role[];

export const PERMISSIONS = {
  // the inbox
  "inbox.view": { roles: STAFF },
  "thread.reply": { roles: STAFF },
  "thread.note": { roles: STAFF },
  "thread.status": { roles: STAFF },
  "thread.assign": { roles: STAFF },
  "thread.read": { roles: STAFF },
  "attachment.download": { roles: STAFF },
  "events.subscribe": { roles: STAFF },
  "callRequest.work": { roles: STAFF },
  // the agent workspace (issue 16)
  "thread.tag": { roles: STAFF },
  "thread.snooze": { roles: STAFF },
  "thread.bulk": { roles: STAFF },
  "thread.spam": { roles: STAFF },
  "thread.delete": { roles: STAFF },
  "thread.merge": { roles: STAFF },
  "thread.restore": { roles: ["admin"] },
  "savedReplies.use": { roles: STAFF },
  "savedReplies.manageTeam": { roles: ["admin"] },
  "views.use": { roles: STAFF },
  "views.manageShared": { roles: ["admin"] },
  "customers.view": { roles: STAFF },
  "customers.edit": { roles: STAFF },
  "customers.merge": { roles: STAFF },
  // the compatibility APIs: staff through the inbox, machine clients by their key's scopes
  "callRequests.view": { roles: STAFF, scopes: ["call_requests.view", "call_requests.manage"] },
  "callRequests.manage": { roles: STAFF, scopes: ["call_requests.manage"] },
  "discussions.view": { roles: STAFF, scopes: ["discussions.view", "discussions.manage"] },
  "discussions.manage": { roles: STAFF, scopes: ["discussions.manage"] },
  "conversations.view": { roles: STAFF, scopes: ["conversations.view", "conversations.manage"] },
  "conversations.manage": { roles: STAFF, scopes: ["conversations.manage"] },
  "chatRooms.view": { roles: STAFF, scopes: ["chat.rooms.view", "chat.rooms.manage"] },
  "chatRooms.reply": { roles: STAFF, scopes: ["chat.rooms.manage"] },
  "chat.manage": { roles: ["admin"] },
  // administration
  "admin.view": { roles: ["admin"] },
  "subjects.manage": { roles: ["admin"] },
  "typologies.manage": { roles: ["admin"] },
  "titles.manage": { roles: ["admin"] },
  "sellers.manage": { roles: ["admin"] },
  "tags.manage": { roles: ["admin"] },
  "settings.manage": { roles: ["admin"] },
  "apiKeys.manage": { roles: ["admin"] },
  "users.manage": { roles: ["admin"] },
  "discussions.import": { roles: ["admin"] },
  // everyone signed in
  "account.password": { roles: ["admin", "agent", "customer"] },
  // customers
  "account.view": { roles: ["customer"] },
  "account.reply": { roles: ["customer"] },
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof PERMISSIONS;

/** Who asks: a role (a signed-in user), a user-like object, or an API credential's scopes. */
export type Principal = Role | { role: Role | null | undefined } | { scopes: readonly string[] } | null | undefined;

export function can(principal: Principal, permission: Permission): boolean {
  if (!principal) return false;
  const rule: Rule = PERMISSIONS[permission];
  if (typeof principal === "string") return rule.roles.includes(principal);
  if ("scopes" in principal) return !!rule.scopes?.some((s) => principal.scopes.includes(s));
  return !!principal.role && rule.roles.includes(principal.role);
}

export const STAFF_ROLES: readonly Role[] = STAFF;
export const isStaff = (role: Role | undefined | null) => can(role, "inbox.view");

/** Where a role lands after signing in. */
export function homeFor(role: Role): string {
  return can(role, "inbox.view") ? "/inbox" : "/account";
}

/** The areas behind a sign-in, the permission each asks and where to sign in (proxy.ts and the layouts). */
export const GUARDED_AREAS: readonly { prefix: string; permission: Permission; signIn: string }[] = [
  // The most specific first: the first area a path is in decides.
  { prefix: "/account/password", permission: "account.password", signIn: "/login" },
  { prefix: "/inbox", permission: "inbox.view", signIn: "/login" },
  { prefix: "/admin", permission: "admin.view", signIn: "/login" },
  { prefix: "/account", permission: "account.view", signIn: "/account/login" },
];

/** Pages inside a guarded area that anyone may open: a customer's sign-in, sign-up, password reset, language. */
export const PUBLIC_PAGES: readonly string[] = [
  "/account/login",
  "/account/signup",
  "/account/forgot-password",
  "/account/reset-password",
  "/account/language",
];

const areaOf = (pathname: string) => GUARDED_AREAS.find((a) => pathname === a.prefix || pathname.startsWith(`${a.prefix}/`));

/** Which signed-in role may open which path; everything outside the guarded areas is public. */
export function pathAllows(pathname: string, role: Role | undefined): "ok" | "signin" | "forbidden" {
  const area = areaOf(pathname);
  if (!area || PUBLIC_PAGES.some((p) => pathname === p || pathname === `${p}/`)) return "ok";
  if (!role) return "signin";
  return can(role, area.permission) ? "ok" : "forbidden";
}

/** The sign-in page of the area a path is in (customers sign in on their own page). */
export function signInPageFor(pathname: string): string {
  return areaOf(pathname)?.signIn ?? "/login";
}
