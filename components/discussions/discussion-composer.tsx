"use client";
// The reply box for a discussion: the agent picks the receiver among the discussion's eligible
// ones (customer, customer service) and attaches up to 3 files, 4 MB in all. The server checks
// both again (replyToDiscussionAction).
import { useActionState, useState } from "react";
import { replyToDiscussionAction } from "@/lib/discussions/actions";
import type { InboxReceiver } from "@/lib/discussions/receivers";
import type { ActionResult } from "@/lib/errors";

const LABELS: Record<InboxReceiver, string> = { customer: "Customer", customer_service: "Customer service" };
const ACCEPT = ".png,.gif,.bmp,.jpg,.jpeg,.tif,.tiff,.pdf,.doc,.docx,.xls";
const MAX_FILES = 3;
const MAX_BYTES = 4 * 1024 * 1024;

export function DiscussionComposer({ threadId, receivers, onSent }: { threadId: number; receivers: InboxReceiver[]; onSent?: () => void }) {
  const [state, action, pending] = useActionState<ActionResult<{ messageId: number }> | null, FormData>(async (prev, form) => {
    const result = await replyToDiscussionAction(prev, form);
    if (result.ok) onSent?.();
    return result;
  }, null);
  const [fileError, setFileError] = useState<string | null>(null);
  return (
    <form action={action} className="space-y-2 text-sm" data-testid="discussion-composer">
      <input type="hidden" name="threadId" value={threadId} />
      <label className="flex items-center gap-2">
        <span className="font-medium text-slate-700">To</span>
        <select name="receiver" defaultValue={receivers[0]} className="rounded-md border border-slate-300 bg-white px-2 py-1">
          {receivers.map((r) => (
            <option key={r} value={r}>
              {LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      <textarea name="body" required rows={4} aria-label="Reply" className="w-full rounded-md border border-slate-300 px-2 py-1.5" />
      <label className="block">
        <span className="sr-only">Attachments</span>
        <input
          type="file"
          name="files"
          multiple
          accept={ACCEPT}
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            const total = files.reduce((n, f) => n + f.size, 0);
            setFileError(files.length > MAX_FILES ? `At most ${MAX_FILES} files.` : total > MAX_BYTES ? "At most 4 MB in all." : null);
          }}
        />
        <span className="block text-xs text-slate-500">PNG, GIF, BMP, JPG, TIF, PDF, DOC, DOCX, XLS; at most 3 files, 4 MB in all.</span>
      </label>
      {fileError ? <p className="text-red-700">{fileError}</p> : null}
      {state && !state.ok ? (
        <p role="alert" className="text-red-700">
          {state.error}
        </p>
      ) : null}
      <button type="submit" disabled={pending || !!fileError} className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white disabled:opacity-50">
        {pending ? "Sending…" : "Send"}
      </button>
    </form>
  );
}
