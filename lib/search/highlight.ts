// Marks what a search matched in a text, the way the search matched it: a word as written with
// its accents folded (celik marks Çelik), a stem as the start of a word (arriv marks "arrived",
// siparis marks "siparişlerim"), a code anywhere (sofia.tay in sofia.taylor@…), a phone number
// whatever its separators. Pure: the server runs it on the rows it returns (ts_headline cannot
// see folded or stemmed words), the list shows the markers as <mark>.

/** Highlight markers: control characters never shown as text, split into <mark> by the client. */
export const HL_START = "\u0001";
export const HL_END = "\u0002";

export interface Matchers {
  /** Folded words of the search, and its stems with a trailing '*' (from the database's search_words()). */
  words: readonly string[];
  /** Codes to find anywhere (folded), e.g. a partial e-mail or an order number. */
  codes?: readonly string[];
  /** Phone numbers as digits: found whatever separators the text writes them with. */
  phones?: readonly string[];
}

/** One character folded as the search folds it (accents off, lower case), or itself when folding would change its length. */
function foldChar(c: string): string {
  const lower = c.toLowerCase();
  const bare = lower
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/ı/g, "i");
  if (bare.length === c.length) return bare;
  return lower.length === c.length ? lower : c;
}

/** The text folded character by character: same length, same indexes. */
export function foldForMatch(text: string): string {
  let out = "";
  for (const c of text) out += foldChar(c);
  return out;
}

type Range = [number, number];

function ranges(text: string, m: Matchers): Range[] {
  const folded = foldForMatch(text);
  const found: Range[] = [];
  const exact = new Set(m.words.filter((w) => w && !w.endsWith("*")));
  const stems = m.words.filter((w) => w.endsWith("*") && w.length >= 4).map((w) => w.slice(0, -1));
  for (const match of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    const token = match[0];
    const hit = exact.has(token) || stems.some((w) => token.startsWith(w));
    if (hit) found.push([match.index, match.index + token.length]);
  }
  for (const code of m.codes ?? []) {
    if (code.length < 2) continue;
    for (let at = folded.indexOf(code); at >= 0; at = folded.indexOf(code, at + code.length)) found.push([at, at + code.length]);
  }
  if (m.phones?.length) {
    const digitAt: number[] = [];
    let digits = "";
    for (let i = 0; i < text.length; i++) {
      if (text[i]! >= "0" && text[i]! <= "9") {
        digits += text[i];
        digitAt.push(i);
      }
    }
    for (const phone of m.phones) {
      if (phone.length < 7) continue;
      for (let at = digits.indexOf(phone); at >= 0; at = digits.indexOf(phone, at + phone.length)) {
        found.push([digitAt[at]!, digitAt[at + phone.length - 1]! + 1]);
      }
    }
  }
  found.sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const r of found) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

function mark(text: string, list: Range[], from = 0, to = text.length): string {
  let out = "";
  let at = from;
  for (const [a, b] of list) {
    if (b <= from || a >= to) continue;
    const s = Math.max(a, from);
    const e = Math.min(b, to);
    out += text.slice(at, s) + HL_START + text.slice(s, e) + HL_END;
    at = e;
  }
  return out + text.slice(at, to);
}

/** The whole text with its matches marked (a subject). */
export function highlightAll(text: string, m: Matchers): string {
  return mark(text, ranges(text, m));
}

/**
 * An excerpt of about `max` characters around the first match, with every match in it marked and
 * white space collapsed; the start of the text when nothing matched (then null if `onlyMatches`).
 */
export function highlightExcerpt(text: string, m: Matchers, options: { max?: number; onlyMatches?: boolean } = {}): string | null {
  const max = options.max ?? 180;
  const found = ranges(text, m);
  if (!found.length && options.onlyMatches) return null;
  let from = 0;
  if (found.length && text.length > max) {
    from = Math.max(0, found[0]![0] - Math.floor(max / 3));
    // Start at a word.
    const space = text.lastIndexOf(" ", from);
    from = from === 0 ? 0 : space >= 0 && from - space < 20 ? space + 1 : from;
  }
  let to = Math.min(text.length, from + max);
  if (to < text.length) {
    const space = text.indexOf(" ", to);
    to = space >= 0 && space - to < 20 ? space : to;
  }
  const excerpt = mark(text, found, from, to).replace(/\s+/g, " ").trim();
  return `${from > 0 ? "… " : ""}${excerpt}${to < text.length ? " …" : ""}`;
}
