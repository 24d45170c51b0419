// The wrapper of our server actions: who is calling (checked here, in the server, through the
// permission map), the input parsed by its zod schema, and the `{ ok, data } | { ok: false, error,
// fields }` result the forms read. Expected failures (a refusal, bad input, an AppError) are
// results; only bugs are thrown.
//
//   export async function saveThing(_s: unknown, formData: FormData) {
//     return runAction({ permission: "things.manage", schema: thingSchema, input: formObject(formData) }, (input, { user, db }) => …);
//   }
import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { getDb, type Db } from "@/db/client";
import type { Permission } from "@/lib/auth/permissions";
import { assertCan, getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { fieldErrors, isAppError, type ActionResult } from "@/lib/errors";

export interface ActionContext {
  user: CurrentUser;
  db: Db;
}

export async function runAction<S extends z.ZodType, T>(
  options: { permission: Permission; schema: S; input: unknown; revalidate?: string },
  fn: (input: z.output<S>, context: ActionContext) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    const user = assertCan(await getCurrentUser(), options.permission);
    const parsed = options.schema.safeParse(options.input);
    if (!parsed.success)
      return { ok: false, error: parsed.error.issues[0]?.message ?? "Check the form.", code: "invalid", fields: fieldErrors(parsed.error.issues) };
    const data = await fn(parsed.data, { user, db: await getDb() });
    if (options.revalidate) revalidatePath(options.revalidate);
    return { ok: true, data };
  } catch (error) {
    // A refusal (no session, the wrong role) or an expected failure is the result, never a 500.
    if (isAppError(error)) return { ok: false, error: error.message, code: error.code, fields: error.fields };
    throw error;
  }
}

/**
 * The form an action was called with, or an empty one: an action is a public endpoint and may be
 * called with anything (a crafted request, the wrong arguments), which must reach its permission
 * check and schema as "nothing given", never crash before them with a 500.
 */
export function formOf(value: unknown): FormData {
  return value instanceof FormData ? value : new FormData();
}

/** A form's fields as an object: a key sent once is a string, a key in `arrays` (or sent twice) a list. */
export function formObject(formData: FormData, arrays: readonly string[] = []): Record<string, unknown> {
  formData = formOf(formData);
  const out: Record<string, unknown> = {};
  for (const key of arrays) out[key] = [];
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    if (key.startsWith("$ACTION")) continue; // Next's own fields
    const current = out[key];
    if (Array.isArray(current)) current.push(value);
    else if (current !== undefined) out[key] = [current, value];
    else out[key] = value;
  }
  return out;
}
