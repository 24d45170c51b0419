// Who is calling, checked in the server for every page, action and handler.
import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import type { Role } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { findSessionUser } from "./sessions";
import { auth } from "./index";
import type { Actor } from "./actor";
import { can, type Permission } from "./permissions";

export interface CurrentUser {
  id: number;
  role: Role;
  name: string;
  email: string;
}

/**
 * The signed-in user, re-read with their server-side session in one statement, so an ended
 * session (sign-out), a disabled account or a changed role takes effect at once rather than when
 * the cookie expires. Once per request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!session || !Number.isSafeInteger(id) || id <= 0) return null;
  const found = await findSessionUser(await getDb(), session.user.sid, "web");
  if (!found || found.user.id !== id) return null;
  const user = found.user;
  return { id: user.id, role: user.role, name: user.name, email: user.email };
});

/** The caller, if allowed; otherwise an AppError (401 without a session, 403 with the wrong role). */
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  return assertCan(await getCurrentUser(), permission);
}

/** `user` if it may do `permission`; otherwise the same AppError requirePermission throws. */
export function assertCan(user: CurrentUser | null, permission: Permission): CurrentUser {
  if (!user) throw new AppError("unauthenticated", "Sign in first.");
  if (!can(user.role, permission)) throw new AppError("forbidden", "You are not allowed to do this.");
  return user;
}

/** The signed-in user as the actor of what they do. */
export const actorOf = (user: CurrentUser): Extract<Actor, { kind: "staff" }> => ({ kind: "staff", userId: user.id, name: user.name, role: user.role });

/** For pages: no session → the sign-in page; the wrong role → not found (never a hint it exists). */
export async function requirePagePermission(permission: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (!can(user.role, permission)) notFound();
  return user;
}

/** The token of the caller's own session (so a password change can keep it while ending the others). */
export const currentSessionToken = cache(async (): Promise<string | null> => {
  const session = await auth();
  return session?.user?.sid || null;
});
