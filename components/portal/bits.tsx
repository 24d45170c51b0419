"use client";
// Small pieces of the portal: a time in the customer's zone and language, a conversation's item
// (picture, name, SKU), and its badges.
import type { ItemView, PortalConversationSummary } from "@/lib/conversations/views";
import { PORTAL_TEXTS, type PortalLocale } from "@/lib/conversations/texts";
import { useHydrated } from "@/components/ui/use-hydrated";

const OPTIONS: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" };

/** UTC in the HTML, the browser's zone once hydrated (no hydration mismatch). */
export function PortalTime({ iso, locale }: { iso: string; locale: PortalLocale }) {
  const hydrated = useHydrated();
  const tag = locale === "tr" ? "tr-TR" : "en-GB";
  const text = new Date(iso).toLocaleString(tag, hydrated ? OPTIONS : { ...OPTIONS, timeZone: "UTC" });
  return (
    <time dateTime={iso} title={iso}>
      {hydrated ? text : `${text} UTC`}
    </time>
  );
}

export function ItemThumb({ item, size = 48 }: { item: ItemView | null; size?: number }) {
  const picture = item?.images[0];
  if (!picture) return <div className="shrink-0 rounded-md bg-slate-100" style={{ width: size, height: size }} aria-hidden />;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- a small product picture from /media
    <img
      src={picture.url}
      alt={item!.name}
      width={size}
      height={size}
      className="shrink-0 rounded-md object-cover ring-1 ring-slate-200"
      style={{ width: size, height: size }}
    />
  );
}

export function ItemLine({ item, locale }: { item: ItemView | null; locale: PortalLocale }) {
  if (!item) return null;
  const t = PORTAL_TEXTS[locale];
  return (
    <div className="flex items-center gap-3" data-testid="portal-item">
      <ItemThumb item={item} size={56} />
      <div className="min-w-0 text-sm">
        <div className="font-medium text-slate-800">{item.name}</div>
        <div className="text-xs text-slate-600">
          SKU {item.sku}
          {item.orderNumber ? ` · ${t.thread.order(item.orderNumber)}` : ""}
        </div>
      </div>
    </div>
  );
}

export function Badges({ c, locale }: { c: PortalConversationSummary; locale: PortalLocale }) {
  const t = PORTAL_TEXTS[locale];
  const badge = "rounded px-1.5 py-0.5 text-xs";
  return (
    <span className="flex flex-wrap items-center gap-1.5">
      <span className={`${badge} bg-slate-100 text-slate-700`}>{t.types[c.type]}</span>
      {c.unread ? (
        <span className={`${badge} bg-brand-600 font-medium text-white`} data-testid="badge-unread">
          {t.list.unread}
        </span>
      ) : null}
      {c.isAnswered ? (
        <span className={`${badge} bg-green-50 text-green-800 ring-1 ring-green-200`} data-testid="badge-answered">
          {t.list.answered}
        </span>
      ) : (
        <span className={`${badge} bg-amber-50 text-amber-800 ring-1 ring-amber-200`} data-testid="badge-waiting">
          {t.list.waiting}
        </span>
      )}
      {c.status === "closed" ? <span className={`${badge} bg-slate-100 text-slate-600`}>{t.list.closed}</span> : null}
      {c.isPublic ? <span className={`${badge} bg-violet-50 text-violet-700 ring-1 ring-violet-200`}>{t.list.public}</span> : null}
    </span>
  );
}
