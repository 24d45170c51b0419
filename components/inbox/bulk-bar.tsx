"use client";
// The list's bulk actions on the picked threads: close/reopen, assign, tag, read/unread, snooze.
// Each is one request (one transaction on the server); the result offers Undo for a few seconds.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { inboxKeys } from "@/lib/inbox/query-keys";
import type { InboxRow } from "@/lib/inbox/views";
import type { TagView } from "@/lib/tags/palette";
import { Menu, MenuItem } from "@/components/ui/menu";
import { snoozeChoices } from "@/components/thread/snooze-menu";

/** How long the Undo button stays. */
const UNDO_MS = 8_000;

type BulkBody =
  | { action: "status"; status: "open" | "closed" }
  | { action: "assign"; assigneeId: number | "me" | null }
  | { action: "tag"; add: number[]; remove: number[] }
  | { action: "read"; read: boolean }
  | { action: "snooze"; until: string | null };

async function post(url: string, body?: unknown) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: body ? JSON.stringify(body) : undefined });
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) throw new Error(String(json.error ?? `The server answered ${response.status}.`));
  return json;
}

/** The Undo notice after a bulk action (it outlives the selection): what was done, and Undo for UNDO_MS. */
export function useUndo(onUndone: () => void) {
  const [toast, setToast] = useState<{ text: string; operationId: number | null; error?: string } | null>(null);
  useEffect(() => {
    if (!toast || toast.error) return;
    const t = setTimeout(() => setToast(null), UNDO_MS);
    return () => clearTimeout(t);
  }, [toast]);
  const undo = async () => {
    if (!toast?.operationId) return;
    const id = toast.operationId;
    try {
      await post(`/api/inbox/bulk/${id}/undo`);
      setToast({ text: "Undone.", operationId: null });
      onUndone();
    } catch (e) {
      setToast({ text: e instanceof Error ? e.message : "Could not undo.", operationId: null, error: "yes" });
    }
  };
  return { toast, show: (text: string, operationId: number | null) => setToast({ text, operationId }), undo, dismiss: () => setToast(null) };
}

export function BulkBar({
  threadIds,
  rows,
  me,
  agents,
  tags,
  onDone,
  onClear,
}: {
  threadIds: number[];
  rows: InboxRow[];
  me: { id: number; name: string };
  agents: { id: number; name: string }[];
  tags: TagView[];
  /** The action went through: what it did, and how to undo it. */
  onDone: (text: string, operationId: number | null) => void;
  onClear: () => void;
}) {
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: inboxKeys.lists() });
    void qc.invalidateQueries({ queryKey: inboxKeys.counts() });
  };
  const run = async (body: BulkBody, done: string) => {
    setBusy(true);
    setError(null);
    try {
      const result = (await post("/api/inbox/bulk", { ...body, threadIds })) as { operationId: number | null; changed: number };
      onDone(`${done}: ${result.changed} conversation${result.changed === 1 ? "" : "s"}`, result.operationId);
      refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : "That did not work.");
    } finally {
      setBusy(false);
    }
  };
  const allClosed = rows.length > 0 && rows.every((r) => r.status === "closed");
  const allRead = rows.length > 0 && rows.every((r) => r.unreadCount === 0);
  const small = "rounded-md px-2 py-0.5 text-xs text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50 disabled:opacity-50";
  return (
    <div data-testid="bulk-bar" className="space-y-1">
      <div className="flex flex-wrap items-center gap-1 text-xs">
        <span data-testid="bulk-count" className="mr-1 font-medium text-slate-700">
          {threadIds.length} selected
        </span>
        <button
          type="button"
          data-testid="bulk-status"
          disabled={busy}
          className={small}
          onClick={() => run({ action: "status", status: allClosed ? "open" : "closed" }, allClosed ? "Reopened" : "Closed")}
        >
          {allClosed ? "Reopen" : "Close"}
        </button>
        <Menu label="Assign" testId="bulk-assign" buttonClassName={small} disabled={busy}>
          {(close) => (
            <>
              <MenuItem
                onClick={() => {
                  close();
                  void run({ action: "assign", assigneeId: "me" }, "Assigned to you");
                }}
              >
                Me ({me.name})
              </MenuItem>
              {agents
                .filter((a) => a.id !== me.id)
                .map((a) => (
                  <MenuItem
                    key={a.id}
                    onClick={() => {
                      close();
                      void run({ action: "assign", assigneeId: a.id }, `Assigned to ${a.name}`);
                    }}
                  >
                    {a.name}
                  </MenuItem>
                ))}
              <MenuItem
                onClick={() => {
                  close();
                  void run({ action: "assign", assigneeId: null }, "Unassigned");
                }}
              >
                Nobody
              </MenuItem>
            </>
          )}
        </Menu>
        <Menu label="Tag" testId="bulk-tag" buttonClassName={small} disabled={busy || tags.length === 0}>
          {(close) =>
            tags.map((t) => {
              const all = rows.every((r) => r.tagIds.includes(t.id));
              return (
                <MenuItem
                  key={t.id}
                  testId={`bulk-tag-${t.name}`}
                  onClick={() => {
                    close();
                    void run(
                      all ? { action: "tag", add: [], remove: [t.id] } : { action: "tag", add: [t.id], remove: [] },
                      all ? `Untagged ${t.name}` : `Tagged ${t.name}`,
                    );
                  }}
                >
                  {all ? "Remove" : "Add"} {t.name}
                </MenuItem>
              );
            })
          }
        </Menu>
        <button
          type="button"
          data-testid="bulk-read"
          disabled={busy}
          className={small}
          onClick={() => run({ action: "read", read: !allRead }, allRead ? "Marked unread" : "Marked read")}
        >
          {allRead ? "Mark unread" : "Mark read"}
        </button>
        <Menu label="Snooze" testId="bulk-snooze" buttonClassName={small} disabled={busy}>
          {(close) =>
            snoozeChoices(new Date()).map((c) => (
              <MenuItem
                key={c.label}
                onClick={() => {
                  close();
                  void run({ action: "snooze", until: c.until }, "Snoozed");
                }}
              >
                {c.label}
              </MenuItem>
            ))
          }
        </Menu>
        <button type="button" onClick={onClear} className="ml-auto rounded px-1 text-xs text-slate-600 hover:text-slate-800">
          Clear
        </button>
      </div>
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function UndoNotice({ text, onUndo }: { text: string; onUndo?: () => void }) {
  return (
    <div role="status" data-testid="bulk-toast" className="flex items-center gap-2 rounded-md bg-slate-900 px-2.5 py-1.5 text-xs text-white">
      <span className="flex-1">{text}</span>
      {onUndo ? (
        <button type="button" data-testid="bulk-undo" onClick={onUndo} className="font-semibold text-amber-300 hover:text-amber-200">
          Undo
        </button>
      ) : null}
    </div>
  );
}
