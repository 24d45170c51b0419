"use client";
// Choosing a password: your own (the current one required), or through a one-time link.
import { useActionState } from "react";
import { changeOwnPasswordAction, setPasswordWithTokenAction } from "@/lib/users/actions";
import type { ActionResult } from "@/lib/errors";

const input = "w-full rounded-md border border-slate-300 px-3 py-2 text-sm outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100";

function Field({ name, label, autoComplete, error }: { name: string; label: string; autoComplete: string; error?: string[] }) {
  return (
    <label className="block">
      <span className="mb-1 block text-sm font-medium text-slate-700">{label}</span>
      <input name={name} type="password" required maxLength={200} autoComplete={autoComplete} className={input} aria-invalid={error ? true : undefined} />
      {error ? <span className="mt-1 block text-xs text-red-700">{error.join(" ")}</span> : null}
    </label>
  );
}

function Result({ state, done }: { state: ActionResult<unknown> | null; done?: string }) {
  if (!state) return null;
  if (state.ok)
    return (
      <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
        {done}
      </p>
    );
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
      {state.error}
    </p>
  );
}

export function OwnPasswordForm() {
  const [state, action, pending] = useActionState<ActionResult<{ endedSessions: number }> | null, FormData>(changeOwnPasswordAction, null);
  const fields = state && !state.ok ? state.fields : undefined;
  return (
    <form action={action} className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="own-password-form">
      <Field name="current" label="Current password" autoComplete="current-password" error={fields?.current} />
      <Field name="password" label="New password (at least 10 characters)" autoComplete="new-password" error={fields?.password} />
      <Field name="confirm" label="New password again" autoComplete="new-password" error={fields?.confirm} />
      <Result
        state={state}
        done={
          state?.ok
            ? `Password changed. ${state.data.endedSessions ? `${state.data.endedSessions} other session(s) signed out.` : "No other session was open."}`
            : undefined
        }
      />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Saving…" : "Change password"}
      </button>
    </form>
  );
}

export function LinkPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(setPasswordWithTokenAction, null);
  const fields = state && !state.ok ? state.fields : undefined;
  return (
    <form action={action} className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="link-password-form">
      <input type="hidden" name="token" value={token} />
      <Field name="password" label="New password (at least 10 characters)" autoComplete="new-password" error={fields?.password} />
      <Field name="confirm" label="New password again" autoComplete="new-password" error={fields?.confirm} />
      <Result state={state} />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Saving…" : "Set password and continue to sign in"}
      </button>
    </form>
  );
}
