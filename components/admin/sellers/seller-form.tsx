"use client";
// One form for a new seller and for editing one: the datasource fields the conversations API
// answers (name, title, supplier code, MERSIS, KEP, …), the marketplace id, active.
import { useActionState } from "react";
import { saveSellerAction } from "@/lib/sellers/actions";
import type { ActionResult } from "@/lib/errors";

export interface SellerFormValues {
  id?: number;
  slug: string;
  title: string;
  externalId: string | null;
  supplierCode: string | null;
  email: string | null;
  phone: string | null;
  faxNumber: string | null;
  mersisNumber: string | null;
  kepAddress: string | null;
  tradeAssociation: string | null;
  address: string | null;
  priceList: number | null;
  stockList: number | null;
  isActive: boolean;
  extras: Record<string, unknown>;
}

const FIELDS: { name: keyof SellerFormValues; label: string; placeholder?: string; type?: string }[] = [
  { name: "slug", label: "Name (datasource name)", placeholder: "northwind" },
  { name: "title", label: "Title", placeholder: "Northwind Outfitters" },
  { name: "externalId", label: "Marketplace seller id", placeholder: "SELLER-1001" },
  { name: "supplierCode", label: "Supplier code" },
  { name: "email", label: "E-mail", type: "email" },
  { name: "phone", label: "Phone" },
  { name: "faxNumber", label: "Fax" },
  { name: "mersisNumber", label: "MERSIS number" },
  { name: "kepAddress", label: "KEP address" },
  { name: "tradeAssociation", label: "Trade association" },
  { name: "priceList", label: "Price list id", type: "number" },
  { name: "stockList", label: "Stock list id", type: "number" },
];

export function SellerForm({ values, testId }: { values?: SellerFormValues; testId: string }) {
  const [state, action, pending] = useActionState<ActionResult<{ id: number }> | null, FormData>(saveSellerAction, null);
  const error = (field: string) => (state && !state.ok ? state.fields?.[field]?.[0] : undefined);
  const input = "w-full rounded-md border border-slate-300 px-2 py-1.5";
  return (
    <form action={action} className="space-y-3 text-sm" data-testid={testId}>
      {values?.id ? <input type="hidden" name="id" value={values.id} /> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        {FIELDS.map((f) => (
          <label key={f.name} className="block">
            <span className="mb-1 block font-medium text-slate-700">{f.label}</span>
            <input
              name={f.name}
              type={f.type ?? "text"}
              min={f.type === "number" ? 1 : undefined}
              required={f.name === "slug" || f.name === "title"}
              defaultValue={values ? String(values[f.name] ?? "") : ""}
              placeholder={f.placeholder}
              className={input}
              aria-invalid={!!error(f.name)}
            />
            {error(f.name) ? <span className="text-xs text-red-700">{error(f.name)}</span> : null}
          </label>
        ))}
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block">
          <span className="mb-1 block font-medium text-slate-700">Address</span>
          <textarea name="address" rows={2} defaultValue={values?.address ?? ""} className={input} />
        </label>
        <label className="block">
          <span className="mb-1 block font-medium text-slate-700">Extras (JSON object)</span>
          <textarea
            name="extras"
            rows={2}
            defaultValue={values && Object.keys(values.extras).length ? JSON.stringify(values.extras) : ""}
            placeholder='{"region": "EU"}'
            className={`${input} font-mono text-xs`}
            aria-invalid={!!error("extras")}
          />
          {error("extras") ? <span className="text-xs text-red-700">{error("extras")}</span> : null}
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-1.5">
          <input type="checkbox" name="isActive" defaultChecked={values ? values.isActive : true} />
          Active (customers can write to it)
        </label>
        <button type="submit" disabled={pending} className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white disabled:opacity-50">
          {pending ? "Saving…" : values?.id ? "Save" : "Add seller"}
        </button>
        {state?.ok ? (
          <span role="status" className="text-green-700">
            Saved.
          </span>
        ) : null}
        {state && !state.ok ? (
          <span role="alert" className="text-red-700">
            {state.error}
          </span>
        ) : null}
      </div>
    </form>
  );
}
