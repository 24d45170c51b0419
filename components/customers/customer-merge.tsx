"use client";
// Merging another record of the same person into this customer: search by name or e-mail (or pick
// a record with the same e-mail), confirm; its threads move here.
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { mergeCustomersAction } from "@/lib/customers/actions";

interface Candidate {
  id: number;
  name: string;
  email: string | null;
}

export function CustomerMerge({ targetId, suggestions }: { targetId: number; suggestions: Candidate[] }) {
  const router = useRouter();
  const [q, setQ] = useState("");
  const [found, setFound] = useState<Candidate[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  useEffect(() => {
    if (q.trim().length < 2) return;
    const t = setTimeout(async () => {
      const response = await fetch(`/api/customers?q=${encodeURIComponent(q.trim())}&exclude=${targetId}`);
      if (response.ok) setFound(((await response.json()) as { customers: Candidate[] }).customers);
    }, 250);
    return () => clearTimeout(t);
  }, [q, targetId]);
  const list = q.trim().length >= 2 ? found : suggestions;
  const merge = (c: Candidate) =>
    start(async () => {
      if (!window.confirm(`Merge ${c.name}${c.email ? ` (${c.email})` : ""} into this customer? Their threads move here.`)) return;
      const form = new FormData();
      form.set("targetId", String(targetId));
      form.set("sourceId", String(c.id));
      const result = await mergeCustomersAction(null, form);
      if (!result.ok) return setError(result.error);
      setError(null);
      setQ("");
      router.refresh();
    });
  return (
    <section aria-label="Merge customers" className="space-y-2 rounded-lg border border-slate-200 bg-white p-3" data-testid="customer-merge">
      <h2 className="text-xs font-semibold text-slate-600">Merge another record of this person into this one</h2>
      <input
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder="Search customers by name or e-mail"
        aria-label="Search customers to merge"
        data-testid="customer-merge-search"
        className="w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
      />
      {q.trim().length < 2 && suggestions.length ? <p className="text-[11px] text-slate-600">Same e-mail:</p> : null}
      <ul className="space-y-1">
        {list.map((c) => (
          <li key={c.id} className="flex items-center gap-2 text-sm" data-testid="merge-candidate">
            <span className="min-w-0 flex-1 truncate">
              {c.name} <span className="text-xs text-slate-600">{c.email}</span>
            </span>
            <button
              type="button"
              disabled={pending}
              onClick={() => merge(c)}
              className="rounded-md px-2 py-0.5 text-xs ring-1 ring-slate-300 hover:bg-slate-50"
            >
              Merge here
            </button>
          </li>
        ))}
      </ul>
      {error ? <p className="text-xs text-red-700">{error}</p> : null}
    </section>
  );
}
