import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requirePagePermission } from "@/lib/auth/session";
import { channelLabel } from "@/lib/channels/catalog";
import { restoreThreadAction } from "@/lib/inbox/admin-actions";
import { findTrash } from "@/lib/inbox/trash";
import { TRASH_DAYS } from "@/lib/threads/sweep";
import { LocalTime } from "@/components/ui/local-time";

export const metadata: Metadata = { title: "Trash" };
export const dynamic = "force-dynamic";

export default async function TrashPage() {
  await requirePagePermission("thread.restore");
  const rows = await findTrash(await getDb());
  return (
    <main className="max-w-4xl p-6">
      <h1 className="text-xl font-semibold">Trash</h1>
      <p className="mt-1 text-sm text-slate-600">
        Deleted threads stay here for {TRASH_DAYS} days, then they are deleted for good. Restore puts one back where it was.
      </p>
      {rows.length === 0 ? (
        <p className="mt-6 text-sm text-slate-600" data-testid="trash-empty">
          The trash is empty.
        </p>
      ) : (
        <table className="mt-6 w-full text-sm" data-testid="trash">
          <thead>
            <tr className="text-left text-xs text-slate-600">
              <th className="pb-2 font-medium">Thread</th>
              <th className="pb-2 font-medium">Deleted</th>
              <th className="pb-2 font-medium">Gone for good</th>
              <th />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.id} data-testid="trash-row" data-id={r.id}>
                <td className="py-2 pr-3">
                  <span className="text-xs text-slate-600">
                    #{r.id} · {channelLabel(r.channel)}
                  </span>
                  <div className="font-medium">{r.subject || "(no subject)"}</div>
                  <div className="text-xs text-slate-600">{r.customerName}</div>
                </td>
                <td className="py-2 pr-3 text-xs text-slate-600">
                  <LocalTime iso={r.deletedAt} />
                  {r.deletedBy ? ` by ${r.deletedBy}` : ""}
                </td>
                <td className="py-2 pr-3 text-xs text-slate-600">
                  <LocalTime iso={r.purgeAt} />
                </td>
                <td className="py-2 text-right">
                  <form action={restoreThreadAction}>
                    <input type="hidden" name="threadId" value={r.id} />
                    <button type="submit" className="rounded-md bg-brand-600 px-3 py-1 text-xs font-semibold text-white hover:bg-brand-700">
                      Restore
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
