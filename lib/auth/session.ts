// Who is calling, checked in the server for every page, action and handler.
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import type { Role } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { findActiveUserById } from "@/lib/users/queries";
import { auth } from "./index";
import { can, type Permission } from "./permissions";

export interface CurrentUser {
  id: number;
  role: Role;
  name: string;
  email: string;
}

/**
 * The signed-in user, re-read from the database so a disabled account or a changed role takes
 * effect at once rather than when the session cookie expires. Once per request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!session || !Number.isSafeInteger(id) || id <= 0) return null;
  const user = await findActiveUserById(await getDb(), id);
  if (!user) return null;
  return { id: user.id, role: user.role, name: user.name, email: user.email };
});

/** The caller, if allowed; otherwise an AppError (401 without a session, 403 with the wrong role). */
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthenticated", "Sign in first.");
  if (!can(user.role, permission)) throw new AppError("forbidden", "You are not allowed to do this.");
  return user;
}

/** For pages: no session → the sign-in page; the wrong role → not found (never a hint it exists). */
export async function requirePagePermission(permission: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (!can(user.role, permission)) notFound();
  return user;
}
