// /admin/sellers — sellers (the conversations API's datasources): their reference fields, the marketplace id, active or not. Admins only.
import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requirePagePermission } from "@/lib/auth/session";
import { findSellers } from "@/lib/sellers/queries";
import { SellerForm } from "@/components/admin/sellers/seller-form";

export const metadata: Metadata = { title: "Sellers" };
export const dynamic = "force-dynamic";

export default async function SellersPage() {
  await requirePagePermission("sellers.manage");
  const sellers = await findSellers(await getDb());
  return (
    <main className="mx-auto max-w-5xl space-y-8 p-6">
      <div>
        <h1 className="text-xl font-semibold">Sellers</h1>
        <p className="mt-1 text-sm text-slate-600">
          The sellers customers write to (a conversation&apos;s <code>datasource</code>). The conversations API answers these fields; an inactive seller takes
          no new conversations. The marketplace seller id is the <code>SellerId</code> of the discussions API.
        </p>
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-3 font-semibold">New seller</h2>
        <SellerForm testId="seller-new" />
      </section>
      <section>
        <h2 className="mb-2 font-semibold">All sellers</h2>
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="sellers">
          {sellers.map((s) => (
            <li key={s.id} data-testid="seller-row" data-slug={s.slug} className={s.isActive ? "" : "text-slate-600"}>
              <details>
                <summary className="flex cursor-pointer flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 text-sm">
                  <span className="font-mono text-xs">#{s.id}</span>
                  <span className="font-medium">{s.title}</span>
                  <span className="font-mono text-xs text-slate-600">{s.slug}</span>
                  <span className="text-xs text-slate-600">{s.externalId ?? ""}</span>
                  <span className="ml-auto text-xs" data-testid="seller-state">
                    {s.isActive ? "active" : "inactive"}
                  </span>
                </summary>
                <div className="border-t border-slate-100 bg-slate-50 p-4">
                  <SellerForm
                    testId={`seller-edit-${s.id}`}
                    values={{
                      id: s.id,
                      slug: s.slug,
                      title: s.title,
                      externalId: s.externalId,
                      supplierCode: s.supplierCode,
                      email: s.email,
                      phone: s.phone,
                      faxNumber: s.faxNumber,
                      mersisNumber: s.mersisNumber,
                      kepAddress: s.kepAddress,
                      tradeAssociation: s.tradeAssociation,
                      address: s.address,
                      priceList: s.priceList,
                      stockList: s.stockList,
                      isActive: s.isActive,
                      extras: s.extras ?? {},
                    }}
                  />
                </div>
              </details>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
