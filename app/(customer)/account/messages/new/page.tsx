// /account/messages/new?item_content=product&item_id=N&datasource=S — a shop's "ask the seller" link: a new message or question to that seller (an anonymous visitor signs in first and comes back)
import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { CHANNEL_CATALOG, describePolicy } from "@/lib/channels/catalog";
import { findLinkTarget } from "@/lib/conversations/queries";
import { PORTAL_TEXTS } from "@/lib/conversations/texts";
import { customerPageLocale } from "@/lib/portal/locale";
import { requirePortalPage } from "@/lib/portal/session";
import { ItemLine } from "@/components/portal/bits";
import { NewConversationForm } from "@/components/portal/new-conversation-form";
import { FormAlert } from "@/components/ui/form-field";

export const metadata: Metadata = { title: "Write to the seller" };
export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const id = (v: string | undefined) => (v && /^[1-9]\d{0,14}$/.test(v) ? Number(v) : null);

export default async function NewConversationPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const query = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
  const me = await requirePortalPage(`/account/messages/new?${query.toString()}`);
  const locale = await customerPageLocale({ userLocale: me.customer.locale });
  const t = PORTAL_TEXTS[locale];
  const sellerId = id(one(params.datasource));
  const rawContent = one(params.item_content);
  const itemContent = rawContent === "product" || rawContent === "orderitem" ? rawContent : null;
  const itemId = id(one(params.item_id));
  const target = sellerId ? await findLinkTarget(await getDb(), { customerId: me.customer.id, sellerId, itemContent, itemId }) : null;
  if (!target?.seller) return <FormAlert>{t.start.unknownSeller}</FormAlert>;
  if (target.itemMissing) return <FormAlert>{t.start.unknownItem}</FormAlert>;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t.start.title(target.seller.title)}</h1>
        <p className="mt-1 text-sm text-slate-600">{t.start.intro}</p>
      </div>
      {target.item ? (
        <section className="rounded-xl border border-slate-200 bg-white p-4" aria-label={t.start.about}>
          <ItemLine item={target.item} locale={locale} />
        </section>
      ) : null}
      <NewConversationForm
        locale={locale}
        sellerId={target.seller.id}
        itemContent={target.item ? target.item.kind : null}
        itemId={target.item ? target.item.id : null}
        uploadHint={describePolicy(CHANNEL_CATALOG.conversation.upload)}
      />
    </div>
  );
}
