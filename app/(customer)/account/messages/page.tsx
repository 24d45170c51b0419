// /account/messages — "My messages": the signed-in customer's conversations with sellers, newest activity first, live
import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { PORTAL_TEXTS } from "@/lib/conversations/texts";
import { customerPageLocale } from "@/lib/portal/locale";
import { findPortalConversations } from "@/lib/portal/queries";
import { requirePortalPage } from "@/lib/portal/session";
import { ConversationList } from "@/components/portal/conversation-list";

export const metadata: Metadata = { title: "My messages" };
export const dynamic = "force-dynamic";

export default async function MessagesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const me = await requirePortalPage("/account/messages");
  const params = await searchParams;
  const locale = await customerPageLocale({ userLocale: me.customer.locale });
  const t = PORTAL_TEXTS[locale];
  const page = Number(typeof params.page === "string" ? params.page : 1);
  const initial = await findPortalConversations(await getDb(), { customerId: me.customer.id, page: Number.isSafeInteger(page) && page > 0 ? page : 1 });
  return (
    <>
      <h1 className="text-xl font-semibold">{t.list.title}</h1>
      <p className="mt-1 mb-4 text-sm text-slate-600">{t.list.intro}</p>
      <ConversationList initial={initial} locale={locale} />
    </>
  );
}
