"use client";
// One subject's texts (one per desk language) and its "order needed" flag; also the "add" form.
import { useActionState } from "react";
import { saveSubjectAction } from "@/lib/contact/actions";
import type { ActionResult } from "@/lib/errors";

const input = "w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100";

export function SubjectEditor({
  subject,
  languages,
}: {
  subject?: { id: number; isOrderNeeded: boolean; translations: Record<string, string> };
  languages: { code: string; name: string; isDefault: boolean }[];
}) {
  const [state, action, pending] = useActionState<ActionResult<{ id: number }> | null, FormData>(saveSubjectAction, null);
  const prefix = subject ? `subject-${subject.id}` : "new-subject";
  return (
    <form
      key={subject ? undefined : state?.ok ? `saved-${state.data.id}` : "new"}
      action={action}
      className="flex flex-wrap items-end gap-3"
      data-testid={subject ? "subject-editor" : "new-subject-form"}
    >
      {subject ? <input type="hidden" name="id" value={subject.id} /> : null}
      {languages.map((l) => (
        <label key={l.code} className="min-w-40 flex-1">
          <span className="mb-1 block text-xs font-medium text-slate-600">
            {l.name}
            {l.isDefault ? " *" : ""}
          </span>
          <input
            id={`${prefix}-${l.code}`}
            name={`text_${l.code}`}
            lang={l.code}
            required={l.isDefault}
            maxLength={200}
            defaultValue={subject?.translations[l.code] ?? ""}
            className={input}
          />
        </label>
      ))}
      <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
        <input type="checkbox" name="isOrderNeeded" defaultChecked={subject?.isOrderNeeded ?? false} />
        Order needed
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {subject ? "Save" : "Add subject"}
      </button>
      <span role="status" aria-live="polite" className="w-full text-xs">
        {state && !state.ok ? <span className="text-red-700">{state.error}</span> : state?.ok ? <span className="text-green-700">Saved.</span> : null}
      </span>
    </form>
  );
}
