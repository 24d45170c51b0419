"use server";
// Server actions of /admin/users (users.manage: admins), /account/password (account.password:
// everyone signed in) and the one-time link page /password/<token> (anyone holding the link). Each
// checks its caller here, in the server; thin: parse, call one service, shape the result.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { actorOf, currentSessionToken } from "@/lib/auth/session";
import { isAppError, type ActionResult } from "@/lib/errors";
import { formObject, formOf, runAction } from "@/lib/http/action";
import { originOf } from "@/lib/http/url";
import { disableSchema, inviteSchema, ownPasswordSchema, resetSchema, roleSchema, tokenPasswordSchema } from "./schemas";
import { changeOwnPassword, changeStaffRole, inviteStaff, resetStaffPassword, setPasswordWithToken, setStaffDisabled } from "./service";

export interface LinkShown {
  email: string;
  link: string;
  mailed: boolean;
}

export async function inviteStaffAction(_state: ActionResult<LinkShown> | null, formData: FormData): Promise<ActionResult<LinkShown>> {
  formData = formOf(formData);
  return runAction(
    { permission: "users.manage", schema: inviteSchema, input: formObject(formData), revalidate: "/admin/users" },
    async (input, { db, user }) => {
      const origin = originOf(await headers());
      const { user: invited, link, mailed } = await inviteStaff(db, { ...input, origin }, actorOf(user));
      return { email: invited.email, link, mailed };
    },
  );
}

export async function changeRoleAction(_state: ActionResult | null, formData: FormData): Promise<ActionResult> {
  formData = formOf(formData);
  return runAction({ permission: "users.manage", schema: roleSchema, input: formObject(formData), revalidate: "/admin/users" }, async (input, { db, user }) => {
    await changeStaffRole(db, { userId: input.id, role: input.role }, actorOf(user));
  });
}

export async function setDisabledAction(_state: ActionResult | null, formData: FormData): Promise<ActionResult> {
  formData = formOf(formData);
  return runAction(
    { permission: "users.manage", schema: disableSchema, input: formObject(formData), revalidate: "/admin/users" },
    async (input, { db, user }) => {
      await setStaffDisabled(db, { userId: input.id, disabled: input.disabled }, actorOf(user));
    },
  );
}

export async function resetPasswordAction(_state: ActionResult<LinkShown> | null, formData: FormData): Promise<ActionResult<LinkShown>> {
  formData = formOf(formData);
  return runAction(
    { permission: "users.manage", schema: resetSchema, input: formObject(formData), revalidate: "/admin/users" },
    async (input, { db, user }) => {
      const origin = originOf(await headers());
      const { user: target, link, mailed } = await resetStaffPassword(db, { userId: input.id, origin }, actorOf(user));
      return { email: target.email, link, mailed };
    },
  );
}

export async function changeOwnPasswordAction(
  _state: ActionResult<{ endedSessions: number }> | null,
  formData: FormData,
): Promise<ActionResult<{ endedSessions: number }>> {
  formData = formOf(formData);
  return runAction({ permission: "account.password", schema: ownPasswordSchema, input: formObject(formData) }, async (input, { db, user }) =>
    changeOwnPassword(db, { userId: user.id, current: input.current, password: input.password, keepSessionToken: await currentSessionToken() }),
  );
}

/** The one-time link's form: anyone who holds the link (no session), so no permission but the link itself. */
export async function setPasswordWithTokenAction(_state: ActionResult | null, formData: FormData): Promise<ActionResult> {
  formData = formOf(formData);
  const parsed = tokenPasswordSchema.safeParse(formObject(formData));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: issue?.message ?? "Check the form.",
      code: "invalid",
      fields: issue ? { [String(issue.path[0] ?? "password")]: [issue.message] } : undefined,
    };
  }
  try {
    await setPasswordWithToken(await getDb(), { token: parsed.data.token, password: parsed.data.password });
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.message, code: error.code, fields: error.fields };
    throw error;
  }
  redirect("/login?password=set");
}
