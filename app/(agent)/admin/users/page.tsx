import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requirePagePermission } from "@/lib/auth/session";
import { findStaffAccounts } from "@/lib/users/queries";
import { DisableForm, InviteForm, ResetForm, RoleForm } from "@/components/admin/users/staff-forms";

export const metadata: Metadata = { title: "Staff" };
export const dynamic = "force-dynamic";

const when = (d: Date | string | null) => (d ? new Date(d).toISOString().replace("T", " ").slice(0, 16) : "never");

export default async function StaffPage() {
  const me = await requirePagePermission("users.manage");
  const staff = await findStaffAccounts(await getDb());
  return (
    <main className="mx-auto max-w-5xl space-y-6 p-6">
      <div>
        <h1 className="text-xl font-semibold">Staff</h1>
        <p className="mt-1 text-sm text-slate-600">
          Agents and administrators. Disabling an account or resetting its password signs that person out at once; a link sent to choose a password works once.
        </p>
      </div>
      <InviteForm />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm" data-testid="staff">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
            <tr>
              <th className="px-3 py-2 font-medium">Name</th>
              <th className="px-3 py-2 font-medium">Role</th>
              <th className="px-3 py-2 font-medium">State</th>
              <th className="px-3 py-2 font-medium">Last seen</th>
              <th className="px-3 py-2" />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {staff.map((s) => {
              const state = s.disabledAt ? "Disabled" : !s.hasPassword ? (s.pendingLink === "invite" ? "Invited" : "Password reset sent") : "Active";
              return (
                <tr key={s.id} data-testid={`staff-${s.email}`}>
                  <td className="px-3 py-2">
                    <div className="font-medium">
                      {s.name}
                      {s.id === me.id ? <span className="ml-1 text-xs text-slate-600">(you)</span> : null}
                    </div>
                    <div className="text-xs text-slate-600">{s.email}</div>
                  </td>
                  <td className="px-3 py-2">
                    <RoleForm id={s.id} role={s.role as "admin" | "agent"} />
                  </td>
                  <td className="px-3 py-2 text-xs" data-testid="staff-state">
                    <span className={s.disabledAt ? "text-red-700" : state === "Active" ? "text-green-700" : "text-amber-700"}>{state}</span>
                  </td>
                  <td className="px-3 py-2 text-xs text-slate-600">{when(s.lastSeenAt)}</td>
                  <td className="space-y-1 px-3 py-2 text-right">
                    {s.id === me.id ? null : (
                      <div className="flex flex-wrap items-start justify-end gap-1">
                        <ResetForm id={s.id} name={s.name} />
                        <DisableForm id={s.id} name={s.name} disabled={!!s.disabledAt} />
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </main>
  );
}
