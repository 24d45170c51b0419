// @name in an internal note: which staff a note names. Pure and browser-safe: the server decides
// who is told (lib/notifications/mentions.ts), the composer suggests names after "@".
import { foldForMatch } from "@/lib/search/highlight";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The staff members `body` mentions: "@Sam", "@sam carter", "@ayse" (accents optional), not an e-mail's "@". */
export function mentionedIn<T extends { id: number; name: string }>(body: string, staff: readonly T[]): T[] {
  if (!body.includes("@")) return [];
  const text = foldForMatch(body);
  return staff.filter((member) => {
    const full = foldForMatch(member.name.trim());
    const first = full.split(/\s+/)[0] ?? "";
    const names = [...new Set([full, first, full.replace(/\s+/g, "")])].filter((n) => n.length >= 2).map(escape);
    return new RegExp(`(?<![\\p{L}\\p{N}._-])@(?:${names.join("|")})(?![\\p{L}\\p{N}])`, "u").test(text);
  });
}

/** The word being typed after an "@" at the caret, for the composer's suggestions; null when not in a mention. */
export function mentionAtCaret(text: string, caret: number): { query: string; start: number } | null {
  const before = text.slice(0, caret);
  const m = /(?:^|[\s(])@([\p{L}\p{N}]*)$/u.exec(before);
  if (!m) return null;
  return { query: m[1]!, start: caret - m[1]!.length - 1 };
}
