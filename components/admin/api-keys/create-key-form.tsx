"use client";
// Creates one kind of key and shows its secret once, with the exact values a client needs.
import { useActionState, useState } from "react";
import { createApiKeyAction, type CreatedKey } from "@/lib/api-keys/actions";
import type { ActionResult } from "@/lib/errors";

function Secret({ label, value }: { label: string; value: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div>
      <div className="text-xs text-slate-700">{label}</div>
      <div className="flex items-start gap-2">
        <code
          className="block min-w-0 flex-1 rounded bg-slate-900 px-2 py-1 font-mono text-xs break-all text-white"
          data-testid={`created-${label.toLowerCase().replaceAll(" ", "-")}`}
        >
          {value}
        </code>
        <button
          type="button"
          data-testid={`copy-${label.toLowerCase().replaceAll(" ", "-")}`}
          onClick={async () => {
            await navigator.clipboard.writeText(value);
            setCopied(true);
            setTimeout(() => setCopied(false), 2000);
          }}
          className="shrink-0 rounded px-2 py-1 text-xs font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-white"
        >
          {copied ? "Copied" : "Copy"}
          <span className="sr-only"> {label}</span>
        </button>
      </div>
    </div>
  );
}

function Created({ created }: { created: CreatedKey }) {
  return (
    <div role="status" className="space-y-2 rounded-md border border-green-200 bg-green-50 p-3 text-sm" data-testid="created-key">
      <p className="font-medium text-green-800">“{created.name}” created. Copy the secret now: it will not be shown again.</p>
      {created.kind === "soap" ? (
        <>
          <Secret label="Role name" value={created.roleName ?? ""} />
          <Secret label="Role password" value={created.rolePassword ?? ""} />
          <Secret label="apiKey" value={created.apiKey} />
          <Secret label="Secret" value={created.secret} />
          <p className="text-xs text-slate-600">
            Seller nick: <code>{created.sellerNick}</code>. Sign each request: sign = md5(apiKey + secret + time), time in epoch milliseconds.
          </p>
        </>
      ) : created.kind === "call_requests" ? (
        <>
          <Secret label="Basic user" value={created.owner} />
          <Secret label="API key" value={created.apiKey} />
        </>
      ) : created.kind === "chat" ? (
        <Secret label="Bearer key" value={created.apiKey} />
      ) : (
        <>
          <Secret label="Client id" value={created.keyPrefix} />
          <Secret label="Client secret" value={created.secret} />
          <Secret label="SellerId" value={created.owner} />
        </>
      )}
    </div>
  );
}

export function CreateKeyForm({
  kind,
  title,
  help,
  scopes,
  owners,
  activePrefixes,
}: {
  kind: "call_requests" | "seller" | "chat" | "soap";
  title: string;
  help: string;
  scopes: Record<string, string>;
  owners: { id: number; label: string }[];
  /** Key ids still in force: a secret shown once disappears as soon as its key is revoked. */
  activePrefixes: string[];
}) {
  const [state, action, pending] = useActionState<ActionResult<CreatedKey> | null, FormData>(createApiKeyAction, null);
  const bySeller = kind === "seller" || kind === "soap";
  const ownerField = bySeller ? "sellerId" : "userId";
  return (
    <form action={action} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid={`create-${kind}`}>
      <input type="hidden" name="kind" value={kind} />
      <div>
        <h2 className="font-semibold">{title}</h2>
        <p className="mt-1 text-xs text-slate-600">{help}</p>
      </div>
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">Name</span>
        <input name="name" required maxLength={100} className="w-full rounded-md border border-slate-300 px-2 py-1.5" placeholder="e.g. Storefront" />
      </label>
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">{bySeller ? "Seller" : "Acts as staff user"}</span>
        <select name={ownerField} required className="w-full rounded-md border border-slate-300 bg-white px-2 py-1.5">
          {owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="text-sm">
        <legend className="mb-1 font-medium text-slate-700">Permissions</legend>
        {Object.entries(scopes).map(([scope, label], i) => (
          <label key={scope} className="flex items-center gap-2">
            <input type="checkbox" name="scopes" value={scope} defaultChecked={i === 0} />
            {label} <span className="font-mono text-xs text-slate-600">{scope}</span>
          </label>
        ))}
      </fieldset>
      {state && !state.ok ? (
        <p role="alert" className="rounded-md bg-red-50 px-2 py-1 text-sm text-red-700">
          {state.error}
        </p>
      ) : null}
      {state?.ok && activePrefixes.includes(state.data.keyPrefix) ? <Created created={state.data} /> : null}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Creating…" : "Create"}
      </button>
    </form>
  );
}
