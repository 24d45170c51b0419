// The language of the customer's pages (/account/…, /questions/…): ?lang= (the switch), then the
// signed-in customer's own setting, then the language cookie the switch left, then
// Accept-Language — among English and Turkish, the languages these pages have texts for.
import "server-only";
import { cookies, headers } from "next/headers";
import { pickLocale } from "@/lib/i18n";
import type { FieldLocale } from "@/lib/validation/drf";

export const LANGUAGE_COOKIE = "sb_lang";
const isLocale = (v: unknown): v is FieldLocale => v === "en" || v === "tr";

export async function customerPageLocale(options: { lang?: string | string[]; userLocale?: string | null } = {}): Promise<FieldLocale> {
  const lang = Array.isArray(options.lang) ? options.lang[0] : options.lang;
  if (isLocale(lang)) return lang;
  if (isLocale(options.userLocale)) return options.userLocale;
  const cookie = (await cookies()).get(LANGUAGE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  const picked = pickLocale((await headers()).get("accept-language"), ["en", "tr"], "en");
  return isLocale(picked) ? picked : "en";
}

/** Only paths inside this site, never `//host` or a full URL. */
export function safeNext(value: unknown, fallback = "/account/messages"): string {
  const next = typeof value === "string" ? value : "";
  return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : fallback;
}
