"use client";
// /admin/users: invite someone, and the actions on each staff row (role, disable/enable, reset
// password). A one-time link is shown once, here, and also e-mailed.
import { useActionState } from "react";
import { changeRoleAction, inviteStaffAction, resetPasswordAction, setDisabledAction, type LinkShown } from "@/lib/users/actions";
import type { ActionResult } from "@/lib/errors";

const input = "w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100";

function Problem({ state }: { state: ActionResult<unknown> | null }) {
  if (!state || state.ok) return null;
  return (
    <p role="alert" className="text-xs text-red-700">
      {state.error}
    </p>
  );
}

function Link({ shown, what }: { shown: LinkShown; what: string }) {
  return (
    <div role="status" className="space-y-1 rounded-md border border-green-200 bg-green-50 p-2 text-xs" data-testid="one-time-link">
      <p className="text-green-800">
        {what} for {shown.email}. {shown.mailed ? "It was e-mailed; you can also pass it on yourself" : "The e-mail could not be sent: pass it on yourself"} (it
        works once):
      </p>
      <code className="block rounded bg-slate-900 px-2 py-1 font-mono break-all text-white">{shown.link}</code>
    </div>
  );
}

export function InviteForm() {
  const [state, action, pending] = useActionState<ActionResult<LinkShown> | null, FormData>(inviteStaffAction, null);
  return (
    <form action={action} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="invite-form">
      <h2 className="font-semibold">Invite an agent or administrator</h2>
      <div className="grid gap-3 sm:grid-cols-3">
        <label className="block text-sm">
          <span className="mb-1 block text-slate-600">Name</span>
          <input name="name" required maxLength={120} className={input} />
        </label>
        <label className="block text-sm">
          <span className="mb-1 block text-slate-600">E-mail</span>
          <input name="email" type="email" required maxLength={254} className={input} />
        </label>
        <label className="block text-sm">
          <span className="mb-1 block text-slate-600">Role</span>
          <select name="role" defaultValue="agent" className={input}>
            <option value="agent">Agent</option>
            <option value="admin">Administrator</option>
          </select>
        </label>
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Inviting…" : "Send invitation"}
      </button>
      <Problem state={state} />
      {state?.ok ? <Link shown={state.data} what="Invitation link" /> : null}
    </form>
  );
}

export function RoleForm({ id, role, disabled }: { id: number; role: "admin" | "agent"; disabled?: boolean }) {
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(changeRoleAction, null);
  return (
    <form action={action} className="flex items-center gap-1">
      <input type="hidden" name="id" value={id} />
      <select name="role" defaultValue={role} aria-label="Role" className="rounded border border-slate-300 px-1 py-0.5 text-xs" disabled={disabled}>
        <option value="agent">Agent</option>
        <option value="admin">Administrator</option>
      </select>
      <button
        type="submit"
        disabled={pending || disabled}
        className="rounded px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-50"
      >
        Save
      </button>
      <Problem state={state} />
    </form>
  );
}

export function DisableForm({ id, name, disabled }: { id: number; name: string; disabled: boolean }) {
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(setDisabledAction, null);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!disabled && !window.confirm(`Disable ${name}? They are signed out at once.`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
      <button
        type="submit"
        disabled={pending}
        className={`rounded px-2 py-0.5 text-xs font-medium disabled:opacity-50 ${disabled ? "text-green-700 hover:bg-green-50" : "text-red-700 hover:bg-red-50"}`}
      >
        {disabled ? "Enable" : "Disable"}
      </button>
      <Problem state={state} />
    </form>
  );
}

export function ResetForm({ id, name }: { id: number; name: string }) {
  const [state, action, pending] = useActionState<ActionResult<LinkShown> | null, FormData>(resetPasswordAction, null);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(`Reset ${name}'s password? The current one stops working and they are signed out at once.`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="rounded px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-50">
        Reset password
      </button>
      <Problem state={state} />
      {state?.ok ? <Link shown={state.data} what="Password link" /> : null}
    </form>
  );
}
