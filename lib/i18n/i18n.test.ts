import { describe, expect, it } from "vitest";
import { pickLocale } from "./index";

describe("pickLocale", () => {
  const available = ["en", "tr"];
  it.each([
    ["tr", "tr"],
    ["tr-TR,tr;q=0.9,en;q=0.8", "tr"],
    ["de-DE,de;q=0.9,en;q=0.5", "en"],
    ["fr", "en"],
    ["en;q=0.2, tr;q=0.9", "tr"],
    ["undefined", "en"],
    ["", "en"],
    ["*", "en"],
    ["%%%garbage;;;q=x", "en"],
    ["TR", "tr"],
  ])("%j → %s", (header, expected) => {
    expect(pickLocale(header, available, "en")).toBe(expected);
  });
  it("falls back when nothing is sent", () => {
    expect(pickLocale(null, available, "tr")).toBe("tr");
  });
});
