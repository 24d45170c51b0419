"use client";
// One saved reply: its title, a text per desk language, and (for admins, when adding) whether it
// is the team's. Also the "add" form.
import { useActionState } from "react";
import type { ActionResult } from "@/lib/errors";
import { deleteSavedReplyAction, saveSavedReplyAction } from "@/lib/saved-replies/actions";
import type { SavedReplyView } from "@/lib/saved-replies/render";

const input = "w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100";

export function SavedReplyEditor({
  reply,
  languages,
  canTeam,
}: {
  reply?: SavedReplyView;
  languages: { code: string; name: string; isDefault: boolean }[];
  canTeam: boolean;
}) {
  const [state, action, pending] = useActionState<ActionResult<{ id: number }> | null, FormData>(saveSavedReplyAction, null);
  return (
    <div>
      <form
        key={reply ? undefined : state?.ok ? `saved-${state.data.id}` : "new"}
        action={action}
        className="space-y-2"
        data-testid={reply ? "saved-reply-editor" : "new-saved-reply-form"}
      >
        {reply ? <input type="hidden" name="id" value={reply.id} /> : null}
        {reply ? <input type="hidden" name="scope" value={reply.ownerId === null ? "team" : "mine"} /> : null}
        <label className="block">
          <span className="mb-1 block text-xs font-medium text-slate-600">Title</span>
          <input name="title" required maxLength={120} defaultValue={reply?.title ?? ""} className={input} />
        </label>
        {languages.map((l) => (
          <label key={l.code} className="block">
            <span className="mb-1 block text-xs font-medium text-slate-600">
              {l.name}
              {l.isDefault ? " (default)" : ""}
            </span>
            <textarea name={`body_${l.code}`} lang={l.code} rows={3} maxLength={10_000} defaultValue={reply?.bodies[l.code] ?? ""} className={input} />
          </label>
        ))}
        <div className="flex items-center gap-3">
          {!reply && canTeam ? (
            <label className="flex items-center gap-1 text-sm text-slate-700">
              <input type="checkbox" name="scope" value="team" /> For the whole team
            </label>
          ) : null}
          <button
            type="submit"
            disabled={pending}
            className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
          >
            {reply ? "Save" : "Add saved reply"}
          </button>
          <span role="status" aria-live="polite" className="text-xs">
            {state && !state.ok ? <span className="text-red-700">{state.error}</span> : state?.ok ? <span className="text-green-700">Saved.</span> : null}
          </span>
        </div>
      </form>
      {reply ? (
        <form action={deleteSavedReplyAction} className="mt-2">
          <input type="hidden" name="id" value={reply.id} />
          <button type="submit" className="text-xs text-red-700 hover:underline">
            Delete
          </button>
        </form>
      ) : null}
    </div>
  );
}
