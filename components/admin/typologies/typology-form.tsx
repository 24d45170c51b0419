"use client";
// One form for a new typology and for editing one: codes, descriptions in every language, the
// order statuses it may be used at, sales channel, who may open it, active.
import { useActionState } from "react";
import { saveTypologyAction } from "@/lib/discussions/actions";
import type { ActionResult } from "@/lib/errors";

export interface TypologyFormValues {
  id?: number;
  typologyCode: string;
  subTypologyCode: string;
  salesChannel: string | null;
  orderStatuses: string[];
  userTypes: string[];
  isActive: boolean;
  position: number;
  descriptions: Record<string, string>;
}

const USER_TYPE_LABELS: Record<string, string> = { Customer: "Customer", Seller: "Seller", GrcOperator: "Customer service" };

export function TypologyForm({
  values,
  languages,
  orderStatuses,
  testId,
}: {
  values?: TypologyFormValues;
  languages: { code: string; name: string; isDefault: boolean }[];
  orderStatuses: readonly string[];
  testId: string;
}) {
  const [state, action, pending] = useActionState<ActionResult<{ id: number }> | null, FormData>(saveTypologyAction, null);
  const v = values;
  const error = (field: string) => (state && !state.ok ? state.fields?.[field]?.[0] : undefined);
  const input = "w-full rounded-md border border-slate-300 px-2 py-1.5";
  return (
    <form action={action} className="space-y-3 text-sm" data-testid={testId}>
      {v?.id ? <input type="hidden" name="id" value={v.id} /> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <label className="block">
          <span className="mb-1 block font-medium text-slate-700">Typology code</span>
          <input name="typologyCode" required defaultValue={v?.typologyCode} className={input} placeholder="delivery" aria-invalid={!!error("typologyCode")} />
          {error("typologyCode") ? <span className="text-xs text-red-700">{error("typologyCode")}</span> : null}
        </label>
        <label className="block">
          <span className="mb-1 block font-medium text-slate-700">Sub-typology code</span>
          <input
            name="subTypologyCode"
            required
            defaultValue={v?.subTypologyCode}
            className={input}
            placeholder="orderNotShipped"
            aria-invalid={!!error("subTypologyCode")}
          />
          {error("subTypologyCode") ? <span className="text-xs text-red-700">{error("subTypologyCode")}</span> : null}
        </label>
        <label className="block">
          <span className="mb-1 block font-medium text-slate-700">Sales channel</span>
          <input name="salesChannel" defaultValue={v?.salesChannel ?? ""} className={input} placeholder="all channels" />
        </label>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        {languages.map((l) => (
          <label key={l.code} className="block">
            <span className="mb-1 block font-medium text-slate-700">
              Description ({l.name}){l.isDefault ? " *" : ""}
            </span>
            <input name={`description_${l.code}`} required={l.isDefault} maxLength={300} defaultValue={v?.descriptions[l.code] ?? ""} className={input} />
            {error(`description_${l.code}`) ? <span className="text-xs text-red-700">{error(`description_${l.code}`)}</span> : null}
          </label>
        ))}
      </div>
      <fieldset>
        <legend className="mb-1 font-medium text-slate-700">May be used when the order is</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {orderStatuses.map((s) => (
            <label key={s} className="flex items-center gap-1.5">
              <input type="checkbox" name="orderStatuses" value={s} defaultChecked={v?.orderStatuses.includes(s)} />
              {s}
            </label>
          ))}
        </div>
        {error("orderStatuses") ? <span className="text-xs text-red-700">{error("orderStatuses")}</span> : null}
      </fieldset>
      <fieldset>
        <legend className="mb-1 font-medium text-slate-700">Who may open it (none: anyone)</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {Object.entries(USER_TYPE_LABELS).map(([value, label]) => (
            <label key={value} className="flex items-center gap-1.5">
              <input type="checkbox" name="userTypes" value={value} defaultChecked={v?.userTypes.includes(value)} />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-1.5">
          <input type="checkbox" name="isActive" defaultChecked={v ? v.isActive : true} />
          Active
        </label>
        <label className="flex items-center gap-1.5">
          Position
          <input name="position" type="number" min={0} defaultValue={v?.position ?? 0} className="w-20 rounded-md border border-slate-300 px-2 py-1" />
        </label>
        <button type="submit" disabled={pending} className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white disabled:opacity-50">
          {pending ? "Saving…" : v?.id ? "Save" : "Add typology"}
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
