"use client";
// One conversation title: its code, order, active or not, and a text per desk language.
import { useActionState } from "react";
import type { ActionResult } from "@/lib/errors";
import { saveTitleAction } from "@/lib/conversations/actions";

export interface TitleValues {
  id: number;
  code: string;
  position: number;
  isActive: boolean;
  texts: Record<string, string>;
}

export function TitleForm({ languages, values, testId }: { languages: { code: string; name: string }[]; values?: TitleValues; testId: string }) {
  const [state, action, pending] = useActionState<ActionResult<{ id: number }> | null, FormData>(saveTitleAction, null);
  return (
    <form action={action} className="grid gap-3 text-sm md:grid-cols-2" data-testid={testId}>
      {values ? <input type="hidden" name="id" value={values.id} /> : null}
      <label className="block">
        <span className="mb-1 block font-medium text-slate-700">Code</span>
        <input name="code" required defaultValue={values?.code} className="w-full rounded-md border border-slate-300 px-2 py-1.5 font-mono" />
      </label>
      <label className="block">
        <span className="mb-1 block font-medium text-slate-700">Order</span>
        <input name="position" type="number" min={0} defaultValue={values?.position ?? 0} className="w-full rounded-md border border-slate-300 px-2 py-1.5" />
      </label>
      {languages.map((l) => (
        <label key={l.code} className="block">
          <span className="mb-1 block font-medium text-slate-700">Text ({l.name})</span>
          <input
            name={`text_${l.code}`}
            defaultValue={values?.texts[l.code] ?? ""}
            maxLength={200}
            className="w-full rounded-md border border-slate-300 px-2 py-1.5"
          />
        </label>
      ))}
      <label className="flex items-center gap-2">
        <input type="checkbox" name="isActive" defaultChecked={values?.isActive ?? true} /> Active (offered to sellers)
      </label>
      <div className="flex items-center gap-3 md:col-span-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? "Saving…" : values ? "Save" : "Add title"}
        </button>
        {state?.ok ? (
          <span role="status" className="text-green-700">
            Saved.
          </span>
        ) : null}
        {state && !state.ok ? (
          <span role="alert" className="text-red-700">
            {state.fields ? Object.values(state.fields).flat().join(" ") : state.error}
          </span>
        ) : null}
      </div>
    </form>
  );
}
