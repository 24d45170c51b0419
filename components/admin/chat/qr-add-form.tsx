"use client";
// A new QR code for one of the organization's products (its id is made by the server).
import { useActionState } from "react";
import { addQrCodeAction } from "@/lib/chat/actions";
import type { ActionResult } from "@/lib/errors";

export function QrAddForm({ orgId, products, testId }: { orgId: number; products: string[]; testId: string }) {
  const [state, action, pending] = useActionState<ActionResult<{ qrKey: string }> | null, FormData>(addQrCodeAction, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2 text-sm" data-testid={testId}>
      <input type="hidden" name="orgId" value={orgId} />
      <label className="block">
        <span className="mb-1 block text-xs font-medium text-slate-700">Product</span>
        <select name="productName" className="rounded-md border border-slate-300 px-2 py-1.5">
          {products.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </label>
      <label className="block">
        <span className="mb-1 block text-xs font-medium text-slate-700">Label</span>
        <input name="label" className="rounded-md border border-slate-300 px-2 py-1.5" placeholder="Front desk" />
      </label>
      <button type="submit" disabled={pending || !products.length} className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white disabled:opacity-50">
        Add QR code
      </button>
      {state && !state.ok ? (
        <span role="alert" className="text-red-700">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
