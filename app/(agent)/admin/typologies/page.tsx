// /admin/typologies — discussion typologies and sub-typologies: codes, translated descriptions,
// the order statuses where each may be used, sales channel, active or not. Admins only.
import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requirePagePermission } from "@/lib/auth/session";
import { findTypologiesForAdmin } from "@/lib/discussions/queries";
import { ORDER_STATUSES } from "@/lib/discussions/schemas";
import { findLanguages } from "@/lib/i18n";
import { TypologyForm } from "@/components/admin/typologies/typology-form";

export const metadata: Metadata = { title: "Discussion typologies" };
export const dynamic = "force-dynamic";

export default async function TypologiesPage() {
  await requirePagePermission("typologies.manage");
  const db = await getDb();
  const [typologies, languages] = await Promise.all([findTypologiesForAdmin(db), findLanguages(db)]);
  const langs = languages.map((l) => ({ code: l.code, name: l.name, isDefault: l.isDefault }));
  const defaultLocale = langs.find((l) => l.isDefault)?.code ?? "en";
  return (
    <main className="mx-auto max-w-5xl space-y-8 p-6">
      <div>
        <h1 className="text-xl font-semibold">Discussion typologies</h1>
        <p className="mt-1 text-sm text-slate-600">
          The reasons a marketplace discussion can be opened for. Sellers read the active ones at <code>/seller/v2/typologies</code>, filtered by the order
          status; a discussion must use a sub-typology allowed at its order&apos;s status.
        </p>
      </div>

      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-3 font-semibold">New typology</h2>
        <TypologyForm languages={langs} orderStatuses={ORDER_STATUSES} testId="typology-new" />
      </section>

      <section>
        <h2 className="mb-2 font-semibold">All typologies</h2>
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="typologies">
          {typologies.map((t) => (
            <li key={t.id} data-testid="typology-row" data-code={t.subTypologyCode} className={t.isActive ? "" : "text-slate-600"}>
              <details>
                <summary className="flex cursor-pointer flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 text-sm">
                  <span className="font-mono text-xs">
                    {t.typologyCode} / {t.subTypologyCode}
                  </span>
                  <span className="font-medium">{t.descriptions[defaultLocale] ?? "—"}</span>
                  <span className="text-xs text-slate-600">{t.orderStatuses.join(", ")}</span>
                  <span className="text-xs text-slate-600">{t.salesChannel ?? "all channels"}</span>
                  <span className="ml-auto text-xs" data-testid="typology-state">
                    {t.isActive ? "active" : "inactive"}
                  </span>
                </summary>
                <div className="border-t border-slate-100 bg-slate-50 p-4">
                  <TypologyForm
                    languages={langs}
                    orderStatuses={ORDER_STATUSES}
                    testId={`typology-edit-${t.id}`}
                    values={{
                      id: t.id,
                      typologyCode: t.typologyCode,
                      subTypologyCode: t.subTypologyCode,
                      salesChannel: t.salesChannel,
                      orderStatuses: t.orderStatuses,
                      userTypes: t.userTypes,
                      isActive: t.isActive,
                      position: t.position,
                      descriptions: t.descriptions,
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
