"use server";
// The customer profile's server actions (customers.edit / customers.merge, checked by runAction).
import { actorOf } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { formObject, runAction } from "@/lib/http/action";
import { customerProfileSchema, mergeCustomersSchema } from "./schemas";
import { mergeCustomers, updateCustomerProfile } from "./service";

export async function saveCustomerAction(_state: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const input = formObject(formData);
  return runAction(
    { permission: "customers.edit", schema: customerProfileSchema, input, revalidate: `/inbox/customers/${String(input.id)}` },
    async (v, { db, user }) => {
      await updateCustomerProfile(db, v, actorOf(user));
    },
  );
}

export async function mergeCustomersAction(_state: ActionResult<{ id: number }> | null, formData: FormData): Promise<ActionResult<{ id: number }>> {
  return runAction({ permission: "customers.merge", schema: mergeCustomersSchema, input: formObject(formData) }, async (v, { db, user }) => ({
    id: (await mergeCustomers(db, v, actorOf(user))).id,
  }));
}
