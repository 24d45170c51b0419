"use client";
// "My messages": the customer's conversations, newest activity first, unread ones marked, answered
// or waiting. The first page comes with the HTML; the list refreshes itself when the customer's
// stream says one of their conversations changed (a seller's answer appears without a reload).
import Link from "next/link";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useLiveEvent } from "@/components/live/live-events-provider";
import { PORTAL_TEXTS, type PortalLocale } from "@/lib/conversations/texts";
import type { PortalConversationSummary } from "@/lib/conversations/views";
import { Badges, ItemThumb, PortalTime } from "./bits";

export interface PortalPage {
  count: number;
  page: number;
  pages: number;
  rows: PortalConversationSummary[];
}

export const PORTAL_LIVE_EVENTS = ["thread.created", "message.created", "thread.closed", "thread.reopened", "thread.updated"] as const;

async function fetchPage(page: number): Promise<PortalPage> {
  const response = await fetch(`/api/portal/conversations?page=${page}`, { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`The list could not be loaded (${response.status}).`);
  return (await response.json()) as PortalPage;
}

export function ConversationList({ initial, locale }: { initial: PortalPage; locale: PortalLocale }) {
  const t = PORTAL_TEXTS[locale];
  const qc = useQueryClient();
  const page = initial.page;
  const { data } = useQuery({ queryKey: ["portal", "conversations", page], queryFn: () => fetchPage(page), initialData: initial, staleTime: 5_000 });
  useLiveEvent(PORTAL_LIVE_EVENTS, () => void qc.invalidateQueries({ queryKey: ["portal", "conversations"] }));
  if (!data.rows.length) {
    return (
      <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600" data-testid="portal-empty">
        {t.list.empty}
      </p>
    );
  }
  return (
    <>
      <ul className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white" data-testid="portal-conversations">
        {data.rows.map((c) => (
          <li
            key={c.id}
            data-testid="portal-conversation"
            data-id={c.id}
            data-unread={c.unread ? "true" : "false"}
            data-answered={c.isAnswered ? "true" : "false"}
          >
            <Link href={`/account/messages/${c.id}`} className={`flex gap-3 px-4 py-3 hover:bg-slate-50 ${c.unread ? "bg-brand-50/50" : ""}`}>
              <ItemThumb item={c.item} />
              <div className="min-w-0 flex-1">
                <div className="flex items-baseline justify-between gap-3">
                  <span className={`truncate text-sm ${c.unread ? "font-semibold text-slate-900" : "font-medium text-slate-800"}`}>
                    {c.subject || c.item?.name || t.types[c.type]}
                  </span>
                  <span className="shrink-0 text-xs text-slate-600">
                    <PortalTime iso={c.lastMessageAt} locale={locale} />
                  </span>
                </div>
                <div className="mt-0.5 text-xs text-slate-600">{c.seller ? t.list.from(c.seller.title) : null}</div>
                <p className="mt-1 truncate text-sm text-slate-600">
                  {c.lastFrom === "customer" ? `${t.you}: ` : ""}
                  {c.lastMessagePreview}
                </p>
                <div className="mt-1.5">
                  <Badges c={c} locale={locale} />
                </div>
              </div>
            </Link>
          </li>
        ))}
      </ul>
      {data.pages > 1 ? (
        <nav className="mt-4 flex items-center justify-between text-sm" aria-label={t.list.page(data.page, data.pages)}>
          {data.page > 1 ? (
            <Link href={`/account/messages?page=${data.page - 1}`} className="text-brand-700 hover:underline">
              ← {t.list.previous}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-600">{t.list.page(data.page, data.pages)}</span>
          {data.page < data.pages ? (
            <Link href={`/account/messages?page=${data.page + 1}`} className="text-brand-700 hover:underline">
              {t.list.next} →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}
