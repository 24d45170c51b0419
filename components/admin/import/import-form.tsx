"use client";
// /admin/import: discussion history as JSON, for one seller; says what was created and what was refused.
import { useActionState } from "react";
import { importDiscussionsAction, type ImportResult } from "@/lib/discussions/actions";
import type { ActionResult } from "@/lib/errors";

const EXAMPLE = `[{
  "salesChannel": "CDISFR",
  "salesChannelExternalDiscussionReference": "DISC-1042",
  "subTypologyCode": "productIsDamaged",
  "orderStatus": "Delivered",
  "customer": { "userId": "C-77", "name": "Ada Customer" },
  "receivers": [{ "userType": "Customer" }, { "userType": "GrcOperator" }],
  "messages": [
    { "body": "The lamp arrived broken.", "sender": { "userType": "Customer" }, "createdAt": "2026-05-02T09:30:00Z" },
    { "body": "Sorry! A new one is on its way.", "sender": { "userType": "Seller" }, "createdAt": "2026-05-02T11:00:00Z" }
  ]
}]`;

export function ImportForm({ sellers }: { sellers: { id: number; label: string }[] }) {
  const [state, action, pending] = useActionState<ActionResult<ImportResult> | null, FormData>(importDiscussionsAction, null);
  return (
    <form action={action} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="import-form">
      <label className="block text-sm">
        <span className="mb-1 block text-slate-600">Seller</span>
        <select name="sellerId" required className="rounded-md border border-slate-300 px-2 py-1.5 text-sm">
          {sellers.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm">
        <span className="mb-1 block text-slate-600">Discussions (JSON: one, or a list)</span>
        <textarea name="json" required rows={14} defaultValue={EXAMPLE} className="w-full rounded-md border border-slate-300 p-2 font-mono text-xs" />
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Importing…" : "Import"}
      </button>
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-red-700">
          {state.error}
        </p>
      ) : null}
      {state?.ok ? (
        <div role="status" className="space-y-1 text-sm" data-testid="import-result">
          <p className="text-green-800">
            {state.data.created.length} imported{state.data.created.length ? ` (threads ${state.data.created.join(", ")})` : ""}; {state.data.refused.length}{" "}
            refused.
          </p>
          <ul className="list-disc pl-5 text-red-700">
            {state.data.refused.map((r) => (
              <li key={r.index}>
                #{r.index + 1}: {r.error}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </form>
  );
}
