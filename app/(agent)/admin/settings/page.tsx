import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requirePagePermission } from "@/lib/auth/session";
import { getRouting } from "@/lib/contact/queries";
import { getAssignmentSettings } from "@/lib/threads/assignment";
import { RoutingForm } from "@/components/admin/contact/routing-form";
import { AssignmentForm } from "@/components/admin/settings/assignment-form";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  await requirePagePermission("settings.manage");
  const db = await getDb();
  const [routing, assignment] = await Promise.all([getRouting(db), getAssignmentSettings(db)]);
  return (
    <main className="max-w-4xl p-6">
      <h1 className="text-xl font-semibold">Settings</h1>
      <section aria-labelledby="contact-routing" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="contact-routing" className="text-sm font-semibold">
          Contact e-mail routing
        </h2>
        <p className="mt-1 mb-4 text-sm text-slate-600">
          A contact-us submission carries an <code>operation</code> (for example <code>contact_us</code> or <code>franchise</code>); it is e-mailed, with its
          attachment, to the address listed for that operation.
        </p>
        <RoutingForm routing={routing} />
      </section>
      <section aria-labelledby="assignment" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="assignment" className="mb-3 text-sm font-semibold">
          Assignment
        </h2>
        <AssignmentForm settings={assignment} />
      </section>
    </main>
  );
}
