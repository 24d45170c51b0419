"use client";
// The desk's assignment setting: an agent replying to an unassigned thread takes it; new threads
// go round-robin to the agents who are online.
import { useActionState } from "react";
import type { ActionResult } from "@/lib/errors";
import { saveAssignmentAction } from "@/lib/inbox/admin-actions";

export function AssignmentForm({ settings }: { settings: { assignOnReply: boolean; roundRobin: boolean } }) {
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(saveAssignmentAction, null);
  return (
    <form action={action} className="space-y-2 text-sm" data-testid="assignment-form">
      <label className="flex items-start gap-2">
        <input type="checkbox" name="assignOnReply" defaultChecked={settings.assignOnReply} className="mt-0.5" />
        <span>
          <span className="font-medium">Assign on reply</span>
          <span className="block text-xs text-slate-600">An agent who replies to an unassigned thread is assigned to it.</span>
        </span>
      </label>
      <label className="flex items-start gap-2">
        <input type="checkbox" name="roundRobin" defaultChecked={settings.roundRobin} className="mt-0.5" />
        <span>
          <span className="font-medium">Round-robin new threads</span>
          <span className="block text-xs text-slate-600">
            A new thread goes to the agent online (with the inbox open) who has waited longest for one; nobody online: unassigned.
          </span>
        </span>
      </label>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          Save assignment
        </button>
        <span role="status" aria-live="polite">
          {state && !state.ok ? <span className="text-red-700">{state.error}</span> : state?.ok ? <span className="text-green-700">Saved.</span> : null}
        </span>
      </div>
    </form>
  );
}
