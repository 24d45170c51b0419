"use client";
// The customer's name and the team's notes about them.
import { useActionState } from "react";
import { saveCustomerAction } from "@/lib/customers/actions";
import type { ActionResult } from "@/lib/errors";

const input = "w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100";

export function CustomerEditor({ customer }: { customer: { id: number; name: string; notes: string } }) {
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(saveCustomerAction, null);
  return (
    <form action={action} className="space-y-2 rounded-lg border border-slate-200 bg-white p-3" data-testid="customer-editor">
      <input type="hidden" name="id" value={customer.id} />
      <label className="block">
        <span className="mb-1 block text-xs font-medium text-slate-600">Name</span>
        <input name="name" required maxLength={120} defaultValue={customer.name} className={input} />
      </label>
      <label className="block">
        <span className="mb-1 block text-xs font-medium text-slate-600">Notes (only the team sees them)</span>
        <textarea name="notes" rows={4} maxLength={5000} defaultValue={customer.notes} className={input} />
      </label>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          Save
        </button>
        <span role="status" aria-live="polite" className="text-xs">
          {state && !state.ok ? <span className="text-red-700">{state.error}</span> : state?.ok ? <span className="text-green-700">Saved.</span> : null}
        </span>
      </div>
    </form>
  );
}
