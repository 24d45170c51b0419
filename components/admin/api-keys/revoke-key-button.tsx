"use client";

import { useActionState } from "react";
import { revokeApiKeyAction } from "@/lib/api-keys/actions";

export function RevokeKeyButton({ id, name }: { id: number; name: string }) {
  const [state, action, pending] = useActionState(revokeApiKeyAction, null);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(`Revoke “${name}”? Clients using it stop working at once.`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="rounded px-2 py-1 text-xs font-medium text-red-700 hover:bg-red-50 disabled:opacity-60">
        Revoke
      </button>
      {state && !state.ok ? (
        <span role="alert" className="block text-xs text-red-700">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
