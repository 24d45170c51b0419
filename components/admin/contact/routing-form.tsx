"use client";
// The contact-us `operation` → recipient e-mail map and the default recipient.
import { useActionState } from "react";
import { saveRoutingAction } from "@/lib/contact/actions";
import type { ActionResult } from "@/lib/errors";

const input = "w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100";

export function RoutingForm({ routing }: { routing: { default: string; operations: Record<string, string> } }) {
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(saveRoutingAction, null);
  // Existing rows plus two empty ones to add; a row emptied on both sides is removed.
  const rows = [...Object.entries(routing.operations), ["", ""], ["", ""]];
  return (
    // key: after a save the page re-renders with the stored map; the inputs start again from it.
    <form key={JSON.stringify(routing)} action={action} className="space-y-4" data-testid="routing-form">
      <label className="block max-w-md">
        <span className="mb-1 block text-sm font-medium text-slate-700">Default recipient</span>
        <input name="default" type="email" required defaultValue={routing.default} className={input} />
        <span className="mt-1 block text-xs text-slate-600">Where submissions go when no operation is given or the operation is not listed.</span>
      </label>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">By operation</legend>
        <table className="w-full max-w-2xl text-sm">
          <thead>
            <tr className="text-left text-xs text-slate-600">
              <th className="pb-1 font-medium">Operation</th>
              <th className="pb-1 font-medium">Recipient e-mail</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([operation, email], i) => (
              <tr key={`${operation}-${i}`}>
                <td className="py-1 pr-2">
                  <input name="operation" aria-label={`Operation ${i + 1}`} defaultValue={operation} placeholder="e.g. franchise" className={input} />
                </td>
                <td className="py-1">
                  <input name="recipient" type="email" aria-label={`Recipient ${i + 1}`} defaultValue={email} className={input} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          Save routing
        </button>
        <span role="status" aria-live="polite" className="text-sm">
          {state && !state.ok ? <span className="text-red-700">{state.error}</span> : state?.ok ? <span className="text-green-700">Saved.</span> : null}
        </span>
      </div>
    </form>
  );
}
