// One call request in the agents' queue: who, how to reach them, when, what about, who has it,
// the attempts so far, and what this agent can do with it now.
import Link from "next/link";
import type { CallAttempt, CallRequestRow } from "@/lib/call-requests/queries";
import { RelativeTime } from "@/components/ui/relative-time";
import { TimeSpan } from "@/components/thread/time-span";
import { OutcomeForm, TakeButton } from "./queue-actions";

export const STATUS_LABELS: Record<string, string> = {
  active: "To call",
  new: "New",
  in_progress: "In progress",
  no_answer: "No answer",
  completed: "Completed",
  all: "All",
};

const STATUS_STYLES: Record<string, string> = {
  new: "bg-sky-50 text-sky-700 ring-sky-200",
  in_progress: "bg-violet-50 text-violet-700 ring-violet-200",
  no_answer: "bg-amber-50 text-amber-800 ring-amber-200",
  completed: "bg-green-50 text-green-700 ring-green-200",
};

export function CallStatusBadge({ status }: { status: string }) {
  return (
    <span
      data-testid="call-status"
      className={`inline-flex shrink-0 items-center rounded px-1.5 py-0.5 text-[11px] font-medium ring-1 ring-inset ${STATUS_STYLES[status] ?? "bg-slate-50 text-slate-600 ring-slate-200"}`}
    >
      {STATUS_LABELS[status] ?? status}
    </span>
  );
}

function Window({ row, nowMinutes }: { row: CallRequestRow; nowMinutes: number }) {
  if (!row.timeFrom && !row.timeTo && !row.windowStartsAt) return <span className="text-slate-600">any time</span>;
  if (row.windowStartsAt && row.windowEndsAt && row.windowZone)
    return (
      <TimeSpan from={row.windowStartsAt.toISOString()} to={row.windowEndsAt.toISOString()} zone={row.windowZone} showState={row.status !== "completed"} />
    );
  // A request from before windows had a day: its times as given.
  const start = row.windowStartMinutes;
  const end = row.windowEndMinutes;
  const open = start !== null && end !== null && nowMinutes >= start && nowMinutes < end;
  return (
    <span className="whitespace-nowrap">
      {row.timeFrom || "…"}–{row.timeTo || "…"}
      {open ? <span className="ml-1 rounded bg-green-100 px-1 text-[11px] font-medium text-green-900">now</span> : null}
    </span>
  );
}

export function CallQueueRow({
  row,
  attempts,
  me,
  nowMinutes,
  now,
}: {
  row: CallRequestRow;
  attempts: CallAttempt[];
  me: number;
  nowMinutes: number;
  now: Date;
}) {
  const status = row.status ?? "new";
  const mine = row.assigneeId === me;
  return (
    <li
      data-testid="call-row"
      data-id={row.id}
      data-status={status}
      className={`rounded-lg border bg-white p-3 text-sm shadow-sm ${mine && status === "in_progress" ? "border-violet-300" : "border-slate-200"}`}
    >
      <div className="flex flex-wrap items-start gap-x-6 gap-y-2">
        <div className="min-w-48 flex-1">
          <div className="flex items-center gap-2">
            <CallStatusBadge status={status} />
            <span className="font-medium" data-testid="call-name">
              {row.name || "(no name)"}
            </span>
            <span className="text-xs text-slate-600">#{row.id}</span>
            <Link href={`/inbox/${row.id}`} data-testid="call-thread-link" className="text-xs text-brand-700 hover:underline">
              Open thread
            </Link>
            {row.customerId ? (
              <Link href={`/inbox/customers/${row.customerId}`} data-testid="call-history-link" className="text-xs text-brand-700 hover:underline">
                Customer history
              </Link>
            ) : null}
          </div>
          <div className="mt-1 flex flex-wrap gap-x-3 text-slate-700">
            {row.phone ? (
              <a href={`tel:${row.phone.replace(/[^\d+]/g, "")}`} className="font-mono text-brand-700 hover:underline">
                {row.phone}
              </a>
            ) : null}
            {row.email ? (
              <a href={`mailto:${row.email}`} className="text-brand-700 hover:underline">
                {row.email}
              </a>
            ) : null}
          </div>
        </div>
        <dl className="grid grid-cols-[auto_auto] gap-x-2 gap-y-0.5 text-xs text-slate-600">
          <dt className="text-slate-600">Window</dt>
          <dd>
            <Window row={row} nowMinutes={nowMinutes} />
          </dd>
          <dt className="text-slate-600">Asked</dt>
          <dd>
            <RelativeTime date={row.createdAt} now={now} />
          </dd>
          {row.orderId ? (
            <>
              <dt className="text-slate-600">Order</dt>
              <dd data-testid="call-order">
                #{row.orderId}
                {row.orderStatus ? ` (${row.orderStatus})` : ""}
              </dd>
            </>
          ) : null}
          {row.productName || row.productId ? (
            <>
              <dt className="text-slate-600">Product</dt>
              <dd>{row.productName || `#${row.productId}`}</dd>
            </>
          ) : null}
          <dt className="text-slate-600">Agent</dt>
          <dd data-testid="call-assignee">{row.assigneeName ?? <span className="text-slate-600">unassigned</span>}</dd>
        </dl>
        <div className="flex w-72 shrink-0 justify-end">
          {status === "new" || status === "no_answer" ? (
            <TakeButton id={row.id} retry={status === "no_answer"} />
          ) : status === "in_progress" && mine ? (
            <OutcomeForm id={row.id} />
          ) : status === "in_progress" ? (
            <span className="text-xs text-slate-600">{row.assigneeName ?? "Someone"} is calling</span>
          ) : null}
        </div>
      </div>
      {row.notes ? (
        <p className="mt-2 rounded bg-slate-50 px-2 py-1 text-xs text-slate-700" data-testid="call-notes">
          {row.notes}
        </p>
      ) : null}
      {attempts.length ? (
        <details className="mt-2 text-xs" data-testid="call-attempts">
          <summary className="cursor-pointer text-slate-600">
            {attempts.length} attempt{attempts.length === 1 ? "" : "s"}
          </summary>
          <ol className="mt-1 space-y-0.5 pl-4">
            {attempts.map((a) => (
              <li key={`${a.attempt}-${a.at.toISOString()}`} data-testid="call-attempt">
                <span className="text-slate-600">{a.at.toISOString().replace("T", " ").slice(0, 16)}</span> · #{a.attempt}{" "}
                {STATUS_LABELS[a.outcome] ?? a.outcome}
                {a.actorName ? ` by ${a.actorName}` : ""}
                {a.source === "api" ? " (API)" : ""}
                {a.note ? ` — ${a.note}` : ""}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </li>
  );
}
