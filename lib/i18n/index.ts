// Language choice: from Accept-Language (APIs, public pages) among the languages the desk has.
// Languages are data (the `languages` table); code only knows how to pick among them.
import "server-only";
import { asc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { languages, type Language } from "@/db/schema";

export const DEFAULT_LOCALE = "en";

/**
 * The best of `available` for an Accept-Language header, else `fallback`. Tolerates anything a
 * client sends: missing, "undefined", garbage, wildcards, regional variants ("tr-TR" → "tr").
 */
export function pickLocale(header: string | null | undefined, available: readonly string[], fallback: string): string {
  if (!header || header === "undefined" || header === "null") return fallback;
  const wanted = header
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: (tag ?? "").trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((w) => /^[a-z]{1,8}(-[a-z0-9]{1,8})*$/.test(w.tag) && w.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  const lower = available.map((a) => a.toLowerCase());
  for (const { tag } of wanted) {
    const exact = lower.indexOf(tag);
    if (exact >= 0) return available[exact]!;
    const base = lower.indexOf(tag.split("-")[0]!);
    if (base >= 0) return available[base]!;
  }
  return fallback;
}

export async function findLanguages(db: Db): Promise<Language[]> {
  return db.select().from(languages).orderBy(asc(languages.position), asc(languages.code));
}

/** The desk's languages and its default, for pickLocale. */
export async function getLocaleSettings(db: Db): Promise<{ codes: string[]; defaultLocale: string }> {
  const rows = await findLanguages(db);
  const codes = rows.map((r) => r.code);
  return { codes: codes.length ? codes : [DEFAULT_LOCALE], defaultLocale: rows.find((r) => r.isDefault)?.code ?? DEFAULT_LOCALE };
}
