import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requirePagePermission } from "@/lib/auth/session";
import { findKeyOwners } from "@/lib/api-keys/queries";
import { ImportForm } from "@/components/admin/import/import-form";

export const metadata: Metadata = { title: "Import discussions" };
export const dynamic = "force-dynamic";

export default async function ImportPage() {
  await requirePagePermission("discussions.import");
  const { sellers } = await findKeyOwners(await getDb());
  return (
    <main className="mx-auto max-w-4xl space-y-4 p-6">
      <div>
        <h1 className="text-xl font-semibold">Import discussion history</h1>
        <p className="mt-1 text-sm text-slate-600">
          History from the marketplace: messages from the customer, customer service or the seller, at their own dates (1900 to now). A seller&apos;s own API
          key writes only as the seller, dated when it arrives; this import is the one way in for anything else.
        </p>
      </div>
      <ImportForm sellers={sellers.map((s) => ({ id: s.id, label: `${s.title}${s.externalId ? ` (${s.externalId})` : ""}` }))} />
    </main>
  );
}
