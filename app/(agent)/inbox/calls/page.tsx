import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { requirePagePermission } from "@/lib/auth/session";
import { decodeQueueCursor, findCallAttempts, findCallQueue } from "@/lib/call-requests/queries";
import { CALL_STATUSES, queueFiltersSchema, type QueueFilters } from "@/lib/call-requests/schemas";
import { findStaff } from "@/lib/users/queries";
import { CallQueueRow, STATUS_LABELS } from "@/components/call-requests/call-queue-row";
import { QueueLiveRefresh } from "@/components/call-requests/queue-actions";

export const metadata: Metadata = { title: "Call queue" };
export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function CallQueuePage({ searchParams }: { searchParams: Promise<Search> }) {
  const me = await requirePagePermission("callRequest.work");
  const params = await searchParams;
  const filters: QueueFilters = queueFiltersSchema.parse({
    status: one(params.status) ?? "active",
    assignee: one(params.assignee) || undefined,
    order: one(params.order) || undefined,
  });
  const db = await getDb();
  const [{ rows, nextCursor }, staff] = await Promise.all([
    findCallQueue(db, filters, { me: me.id, cursor: decodeQueueCursor(one(params.cursor)) }),
    findStaff(db),
  ]);
  const attempts = await findCallAttempts(
    db,
    rows.map((r) => r.id),
  );
  const now = new Date();
  const nowMinutes = now.getHours() * 60 + now.getMinutes();

  const link = (patch: Partial<Record<"status" | "assignee" | "order" | "cursor", string | undefined>>) => {
    const merged = { status: filters.status === "active" ? undefined : filters.status, assignee: filters.assignee, order: filters.order, ...patch };
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(merged)) if (v) q.set(k, v);
    return `/inbox/calls${q.size ? `?${q}` : ""}`;
  };

  return (
    <div className="flex h-full flex-col">
      <QueueLiveRefresh />
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 bg-white px-4 py-2 text-sm">
        <h1 className="mr-2 font-semibold">Call queue</h1>
        <nav aria-label="Call status" className="flex flex-wrap gap-1">
          {(["active", ...CALL_STATUSES, "all"] as const).map((s) => (
            <Link
              key={s}
              href={link({ status: s === "active" ? undefined : s, cursor: undefined })}
              aria-current={filters.status === s ? "page" : undefined}
              className={`rounded px-2 py-1 ${filters.status === s ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100"}`}
            >
              {STATUS_LABELS[s]}
            </Link>
          ))}
        </nav>
        <form method="get" action="/inbox/calls" className="ml-auto flex items-center gap-2">
          {filters.status !== "active" ? <input type="hidden" name="status" value={filters.status} /> : null}
          <label className="flex items-center gap-1 text-slate-600">
            Assignee
            <select name="assignee" defaultValue={filters.assignee ?? ""} className="rounded border border-slate-300 bg-white px-2 py-1">
              <option value="">Anyone</option>
              <option value="me">Me</option>
              <option value="none">Unassigned</option>
              {staff.map((s) => (
                <option key={s.id} value={String(s.id)}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-1 text-slate-600">
            Order
            <select name="order" defaultValue={filters.order ?? ""} className="rounded border border-slate-300 bg-white px-2 py-1">
              <option value="">Any</option>
              <option value="Y">With an order</option>
              <option value="N">Without an order</option>
            </select>
          </label>
          <button type="submit" className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-50">
            Filter
          </button>
        </form>
      </div>
      <main className="min-h-0 flex-1 overflow-y-auto">
        <p className="px-4 pt-3 text-xs text-slate-600">Sorted by the start of the customer&apos;s time window, then oldest first. Updates live.</p>
        {rows.length === 0 ? (
          <p className="p-8 text-center text-sm text-slate-600" data-testid="call-queue-empty">
            Nothing to call here.
          </p>
        ) : (
          <ul data-testid="call-queue" className="space-y-2 p-4">
            {rows.map((row) => (
              <CallQueueRow key={row.id} row={row} attempts={attempts.get(row.id) ?? []} me={me.id} nowMinutes={nowMinutes} now={now} />
            ))}
          </ul>
        )}
        {nextCursor ? (
          <div className="p-4 text-center text-sm">
            <Link href={link({ cursor: nextCursor })} className="text-brand-700 hover:underline">
              More →
            </Link>
          </div>
        ) : null}
      </main>
    </div>
  );
}
