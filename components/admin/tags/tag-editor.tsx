"use client";
// One tag's name and colour (or the "add" form), and its delete button.
import { useActionState } from "react";
import type { ActionResult } from "@/lib/errors";
import { deleteTagAction, saveTagAction } from "@/lib/tags/actions";
import { TAG_COLOR_NAMES, tagClass, type TagView } from "@/lib/tags/palette";

export function TagEditor({ tag }: { tag?: TagView }) {
  const [state, action, pending] = useActionState<ActionResult<{ id: number }> | null, FormData>(saveTagAction, null);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <form
        key={tag ? undefined : state?.ok ? `saved-${state.data.id}` : "new"}
        action={action}
        className="flex flex-wrap items-center gap-2"
        data-testid={tag ? "tag-editor" : "new-tag-form"}
      >
        {tag ? <input type="hidden" name="id" value={tag.id} /> : null}
        <label className="text-sm">
          <span className="sr-only">Name</span>
          <input
            name="name"
            required
            maxLength={40}
            defaultValue={tag?.name ?? ""}
            placeholder="e.g. vip"
            className="rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
        </label>
        <label className="text-sm">
          <span className="sr-only">Colour</span>
          <select name="color" defaultValue={tag?.color ?? "slate"} className="rounded-md border border-slate-300 px-2 py-1 text-sm">
            {TAG_COLOR_NAMES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        {tag ? <span className={`rounded px-1.5 text-xs ring-1 ring-inset ${tagClass(tag.color)}`}>{tag.name}</span> : null}
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-600 px-3 py-1 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {tag ? "Save" : "Add tag"}
        </button>
        <span role="status" aria-live="polite" className="text-xs">
          {state && !state.ok ? <span className="text-red-700">{state.error}</span> : state?.ok ? <span className="text-green-700">Saved.</span> : null}
        </span>
      </form>
      {tag ? (
        <form action={deleteTagAction} className="ml-auto">
          <input type="hidden" name="id" value={tag.id} />
          <button
            type="submit"
            className="rounded border border-slate-300 px-2 py-1 text-xs text-red-700 hover:bg-red-50"
            aria-label={`Delete tag ${tag.name}`}
          >
            Delete
          </button>
        </form>
      ) : null}
    </div>
  );
}
