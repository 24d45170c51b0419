"use client";
// A channel's side panel as its entry describes it (lib/channels/views.ts): facts, notices and
// the actions they offer, the panel's own actions (with the text they ask for) and links. One
// component for every channel; the channel decides what is in it.
import { useQueryClient } from "@tanstack/react-query";
import { TimeSpan } from "./time-span";
import Link from "next/link";
import { useState, useTransition } from "react";
import type { PanelAction } from "@/lib/channels/views";
import { runChannelAction } from "@/lib/inbox/actions";
import { inboxKeys } from "@/lib/inbox/query-keys";
import type { ChannelPanel as Panel, PanelNotice } from "@/lib/inbox/views";

const TONE: Record<NonNullable<PanelAction["tone"]>, string> = {
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  success: "bg-green-700 text-white hover:bg-green-800",
  warning: "bg-amber-50 text-amber-900 ring-1 ring-amber-300 hover:bg-amber-100",
  neutral: "bg-white text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50",
};

/** The panel's actions: buttons; the text fields they ask for above them (shared by actions that ask for the same field). */
function PanelActions({ actions, threadId }: { actions: PanelAction[]; threadId: number }) {
  const qc = useQueryClient();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const fields = actions.flatMap((a) => a.fields ?? []).filter((f, i, all) => all.findIndex((g) => g.name === f.name) === i);
  return (
    <div data-testid="panel-actions" className="mt-3 space-y-2">
      {fields.map((f) => (
        <label key={f.name} className="block text-xs text-slate-600">
          {f.label}
          {f.multiline ? (
            <textarea
              name={f.name}
              rows={2}
              maxLength={f.maxLength}
              placeholder={f.placeholder}
              value={values[f.name] ?? ""}
              onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
              className="mt-0.5 block w-full rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-800"
            />
          ) : (
            <input
              name={f.name}
              maxLength={f.maxLength}
              placeholder={f.placeholder}
              value={values[f.name] ?? ""}
              onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
              className="mt-0.5 block w-full rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-800"
            />
          )}
        </label>
      ))}
      <div className="flex flex-wrap gap-2">
        {actions.map((a) => (
          <button
            key={a.id}
            type="button"
            data-testid={`panel-action-${a.id}`}
            disabled={pending}
            onClick={() =>
              start(async () => {
                const input = { ...a.input, ...Object.fromEntries((a.fields ?? []).map((f) => [f.name, values[f.name] ?? ""])) };
                const result = await runChannelAction({ threadId, action: a.id, input });
                setError(result.ok ? null : result.error);
                if (result.ok) setValues({});
                await qc.invalidateQueries({ queryKey: inboxKeys.thread(threadId) });
                void qc.invalidateQueries({ queryKey: inboxKeys.lists() });
              })
            }
            className={`rounded-md px-3 py-1 text-xs font-semibold disabled:opacity-60 ${TONE[a.tone ?? "neutral"]}`}
          >
            {pending ? "Working…" : a.label}
          </button>
        ))}
      </div>
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function Notice({ notice, threadId }: { notice: PanelNotice; threadId: number }) {
  const qc = useQueryClient();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const action = notice.action;
  const tone = notice.tone === "warning" ? "bg-amber-50 text-amber-900" : "bg-sky-50 text-sky-900";
  return (
    <div role="status" data-testid={notice.testId} className={`mt-3 rounded-md px-3 py-2 ${tone}`}>
      <p>{notice.text}</p>
      {action ? (
        <button
          type="button"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const result = await runChannelAction({ threadId, action: action.id, input: action.input });
              setError(result.ok ? null : result.error);
              await qc.invalidateQueries({ queryKey: inboxKeys.thread(threadId) });
            })
          }
          className="mt-2 rounded-md bg-white px-2.5 py-1 text-xs font-medium ring-1 ring-amber-300 hover:bg-amber-100 disabled:opacity-60"
        >
          {pending ? "Working…" : action.label}
        </button>
      ) : null}
      {error ? <p className="mt-1 text-xs text-red-700">{error}</p> : null}
    </div>
  );
}

export function ChannelPanel({ panel, threadId }: { panel: Panel; threadId: number }) {
  return (
    <section aria-label={panel.label} data-testid={panel.testId} className="text-sm">
      {panel.rows.length === 0 ? <p className="text-xs text-slate-600">No channel details.</p> : null}
      <dl className="grid grid-cols-[6.5rem_1fr] gap-x-2 gap-y-1.5">
        {panel.rows.map((row) => (
          <div key={row.label} className="contents">
            <dt className="text-slate-600">{row.label}</dt>
            <dd className="min-w-0 text-slate-800 [overflow-wrap:anywhere]">
              {row.span ? (
                <TimeSpan from={row.span.from} to={row.span.to} zone={row.span.zone} />
              ) : row.href ? (
                <a href={row.href} title={row.value} className="block truncate text-brand-700 hover:underline">
                  {row.value}
                </a>
              ) : row.items ? (
                <ul className="space-y-0.5">
                  {row.items.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
              ) : row.links?.length ? (
                row.links.map((link) => (
                  <a key={link.href} href={link.href} className="block text-brand-700 hover:underline">
                    {link.label}
                  </a>
                ))
              ) : (
                <>
                  {row.image ? (
                    // eslint-disable-next-line @next/next/no-img-element -- a small picture from /media, sized by the channel
                    <img
                      src={row.image.src}
                      alt={row.image.alt}
                      width={row.image.width}
                      height={row.image.height}
                      className="mb-1 block h-16 w-16 rounded-md object-cover ring-1 ring-slate-200"
                      data-testid="panel-image"
                    />
                  ) : null}
                  {row.value}
                  {row.hint ? <span className="font-mono text-xs text-slate-600"> {row.hint}</span> : null}
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
      {panel.notices.map((notice, i) => (
        <Notice key={`${notice.testId ?? "notice"}-${i}`} notice={notice} threadId={threadId} />
      ))}
      {panel.actions?.length ? <PanelActions actions={panel.actions} threadId={threadId} /> : null}
      {panel.links?.length ? (
        <p className="mt-2 space-x-3 text-xs">
          {panel.links.map((l) => (
            <Link key={l.href} href={l.href} className="text-brand-700 hover:underline">
              {l.label} →
            </Link>
          ))}
        </p>
      ) : null}
    </section>
  );
}
