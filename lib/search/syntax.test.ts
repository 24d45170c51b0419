// The search box's syntax and the highlighter, pure.
import { describe, expect, it } from "vitest";
import { foldForMatch, highlightAll, highlightExcerpt, HL_END, HL_START } from "./highlight";
import { parseSearch, phoneDigits } from "./syntax";

describe("parseSearch", () => {
  it("reads filters, phrases, exclusions, references, phones and codes", () => {
    const p = parseSearch(
      'refund status:closed channel:call tag:vip from:sofia@x.example after:2026-01-31 "two words" -spam #327 +90 (555) 123-45-67 ORD-109778',
    );
    expect(p.filters).toEqual({ status: "closed", channel: "call_request", tag: "vip", from: "sofia@x.example", after: "2026-01-31" });
    expect(p.phrases).toEqual(["two words"]);
    expect(p.excluded).toEqual(["spam"]);
    expect(p.refs).toEqual([327]);
    expect(p.terms).toEqual([
      { text: "5551234567", kind: "phone" },
      { text: "refund", kind: "word" },
      { text: "ORD-109778", kind: "code" },
    ]);
    expect(p.chips.map((c) => c.key)).toEqual(["status", "channel", "tag", "from", "after"]);
  });

  it("searches as text what is not a filter it knows, and keeps digits alone as a code", () => {
    expect(parseSearch("foo:bar status:nonsense 257950").terms.map((t) => [t.text, t.kind])).toEqual([
      ["foo:bar", "word"],
      ["status:nonsense", "word"],
      ["257950", "code"],
    ]);
    expect(parseSearch("assignee:me is:unread is:snoozed").filters).toEqual({ assignee: "me", unread: true, snoozed: true });
    expect(phoneDigits("+90 (555) 123-45-67")).toBe("5551234567");
  });
});

describe("highlight", () => {
  const m = { words: ["celik", "arriv*", "siparis*", "ord", "109778"], codes: ["sofia.tay"], phones: ["5551234567"] };
  it("marks folded words, stems as the start of a word, codes anywhere, phones whatever their separators", () => {
    expect(highlightAll("Ömer Çelik", m)).toBe(`Ömer ${HL_START}Çelik${HL_END}`);
    expect(highlightAll("It arrived, siparişlerim ORD-109778 sofia.taylor@x +90 555 123 45 67", m)).toBe(
      `It ${HL_START}arrived${HL_END}, ${HL_START}siparişlerim${HL_END} ${HL_START}ORD${HL_END}-${HL_START}109778${HL_END} ${HL_START}sofia.tay${HL_END}lor@x +90 ${HL_START}555 123 45 67${HL_END}`,
    );
    expect(foldForMatch("İSTANBUL ışık")).toBe("istanbul isik");
  });

  it("excerpts around the first match", () => {
    const long = `${"filler words ".repeat(40)}the parcel arrived broken ${"more text ".repeat(40)}`;
    const excerpt = highlightExcerpt(long, m, { max: 80 })!;
    expect(excerpt.startsWith("… ")).toBe(true);
    expect(excerpt).toContain(`${HL_START}arrived${HL_END}`);
    expect(excerpt.length).toBeLessThan(130);
  });
});
