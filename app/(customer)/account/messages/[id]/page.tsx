// /account/messages/{id} — one of the signed-in customer's conversations and the reply box; another customer's is 404
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { markCustomerRead } from "@/lib/conversations/service";
import { customerPageLocale } from "@/lib/portal/locale";
import { findPortalConversation } from "@/lib/portal/queries";
import { requirePortalPage } from "@/lib/portal/session";
import { ConversationView } from "@/components/portal/conversation-view";

export const metadata: Metadata = { title: "Conversation" };
export const dynamic = "force-dynamic";

export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const me = await requirePortalPage(`/account/messages/${encodeURIComponent(id)}`);
  const threadId = /^[1-9]\d{0,14}$/.test(id) ? Number(id) : 0;
  const db = await getDb();
  const locale = await customerPageLocale({ userLocale: me.customer.locale });
  const view = threadId ? await findPortalConversation(db, { customerId: me.customer.id, threadId, locale }) : undefined;
  if (!view) notFound();
  // Opening it is reading it.
  if (view.unread) await markCustomerRead(db, { threadId, customerId: me.customer.id });
  return <ConversationView initial={{ ...view, unread: false }} locale={locale} />;
}
