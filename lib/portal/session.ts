// Who is using the portal: a signed-in customer account (next-auth, a "web" session), its
// customer record and the actor of what it writes. Checked in the server for every portal page,
// action and route, through the permission map.
import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { getDb, type Db } from "@/db/client";
import type { Customer } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { findOrCreateAccountCustomer } from "@/lib/customers/service";
import { AppError } from "@/lib/errors";

export interface PortalCustomer {
  user: CurrentUser;
  customer: Customer;
  actor: Extract<Actor, { kind: "customer" }>;
}

/** The signed-in customer, or null (no session, or a staff account). Once per request. */
export const getPortalCustomer = cache(async (): Promise<PortalCustomer | null> => {
  const user = await getCurrentUser();
  if (!user || !can(user.role, "account.view")) return null;
  const customer = await findOrCreateAccountCustomer(await getDb(), user);
  return { user, customer, actor: { kind: "customer", customerId: customer.id, userId: user.id, name: customer.name } };
});

/** For actions and routes: the customer allowed `permission`, or the AppError that says why not. */
export async function requirePortalCustomer(permission: Permission = "account.view"): Promise<PortalCustomer> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthenticated", "Sign in first.");
  if (!can(user.role, permission)) throw new AppError("forbidden", "You are not allowed to do this.");
  return (await getPortalCustomer())!;
}

/** For pages: no customer session → the customer sign-in page, then back here. */
export async function requirePortalPage(next: string): Promise<PortalCustomer> {
  const found = await getPortalCustomer();
  if (!found) redirect(`/account/login?next=${encodeURIComponent(next)}`);
  return found;
}

/** The customer record of a user a route already checked (apiRoute's `user`): no second session read. */
export async function portalCustomerOf(db: Db, user: CurrentUser): Promise<PortalCustomer> {
  const customer = await findOrCreateAccountCustomer(db, user);
  return { user, customer, actor: { kind: "customer", customerId: customer.id, userId: user.id, name: customer.name } };
}
