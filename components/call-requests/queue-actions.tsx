"use client";
// The call queue's live parts: refresh when any agent or the API changes a call request, and the
// per-row forms to take a request and to record how the call went.
import { useActionState, useRef } from "react";
import { useRouter } from "next/navigation";
import { useLiveEvent } from "@/components/live/live-events-provider";
import { recordOutcomeAction, takeCallAction } from "@/lib/call-requests/actions";
import type { ActionResult } from "@/lib/errors";

const QUEUE_EVENTS = ["call_request.updated", "thread.created", "thread.updated", "thread.assigned", "thread.closed", "thread.reopened"];

/** The channel of an event, whatever shape the live hook hands over ({data} or the data itself). */
function channelOf(event: unknown): unknown {
  const e = event as { data?: { channel?: unknown }; channel?: unknown } | null;
  return e?.data?.channel ?? e?.channel;
}

/** Re-renders the queue (server data) shortly after a call request changes anywhere. */
export function QueueLiveRefresh() {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useLiveEvent(QUEUE_EVENTS, (event: unknown) => {
    const channel = channelOf(event);
    if (channel !== undefined && channel !== "call_request") return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => router.refresh(), 150);
  });
  return null;
}

function ErrorLine({ state }: { state: ActionResult<unknown> | null }) {
  if (!state || state.ok) return null;
  return (
    <p role="alert" className="mt-1 text-xs text-red-700">
      {state.error}
    </p>
  );
}

export function TakeButton({ id, retry }: { id: number; retry: boolean }) {
  const [state, action, pending] = useActionState(takeCallAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-3 py-1.5 text-xs font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {retry ? "Retry call" : "Take"}
      </button>
      <ErrorLine state={state} />
    </form>
  );
}

export function OutcomeForm({ id }: { id: number }) {
  const [state, action, pending] = useActionState(recordOutcomeAction, null);
  return (
    <form action={action} className="w-full space-y-2">
      <input type="hidden" name="id" value={id} />
      <label className="block">
        <span className="sr-only">Call notes</span>
        <textarea
          name="note"
          rows={2}
          maxLength={2000}
          placeholder="Notes on this call (what was said, when to try again)…"
          className="w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100"
        />
      </label>
      <div className="flex gap-2">
        <button
          type="submit"
          name="outcome"
          value="completed"
          disabled={pending}
          className="rounded-md bg-green-700 px-3 py-1.5 text-xs font-semibold text-white hover:bg-green-800 disabled:opacity-60"
        >
          Completed
        </button>
        <button
          type="submit"
          name="outcome"
          value="no_answer"
          disabled={pending}
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-1.5 text-xs font-semibold text-amber-800 hover:bg-amber-100 disabled:opacity-60"
        >
          No answer
        </button>
      </div>
      <ErrorLine state={state} />
    </form>
  );
}
