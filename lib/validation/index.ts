// Shared zod building blocks for everything that comes from outside (forms, our API, the five
// foreign APIs): text that PostgreSQL can store and people can read, and dates PostgreSQL accepts.
// Browser-safe (zod only), so forms use the same schemas as the server.
//
//   text({ max: 200 })              a trimmed string; NUL and other control characters refused
//   text({ max: 20_000, multiline }) the same, keeping line breaks and tabs
//   isoDate()                       an ISO 8601 date between 1900 and 2200, as a Date
import { z } from "zod";

/** Control characters PostgreSQL refuses (NUL) or that have no business in text (C0 but tab/newline, DEL, C1). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f]/;
/** Bidi overrides and zero-width characters: they make text display as something it is not. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

export interface TextOptions {
  max: number;
  min?: number;
  /** Line breaks and tabs allowed (message bodies). */
  multiline?: boolean;
  /** Message for a refused character (default: English). */
  message?: string;
}

/** Whether `value` carries characters no stored text may have. */
export function hasForbiddenCharacters(value: string, multiline = false): boolean {
  return (multiline ? CONTROL : CONTROL_OR_BREAK).test(value) || (!multiline && INVISIBLE.test(value));
}

/** A trimmed string of at most `max` characters, without control characters. */
export function text(options: TextOptions) {
  const base = z
    .string()
    .trim()
    .max(options.max, `At most ${options.max} characters.`)
    .refine((v) => !hasForbiddenCharacters(v, options.multiline), options.message ?? "Contains characters that are not allowed.");
  return options.min ? base.refine((v) => v.length >= options.min!, `At least ${options.min} characters.`) : base;
}

/** The years a date from outside may fall in: both PostgreSQL and JavaScript agree on these. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/** Whether a Date is real and within the accepted years. */
export function isSaneDate(d: Date): boolean {
  const t = d.getTime();
  if (Number.isNaN(t)) return false;
  const year = d.getUTCFullYear();
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/** Whether YYYY-MM-DD names a day that exists (JavaScript reads 2024-02-30 as March 1st; PostgreSQL refuses it). */
export function isCalendarDay(ymd: string): boolean {
  const [y, m, d] = ymd.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** An ISO 8601 date or date-time (a string), between MIN_YEAR and MAX_YEAR, as a Date. */
export function isoDate(message = `must be an ISO 8601 date between ${MIN_YEAR} and ${MAX_YEAR}`) {
  return z
    .string()
    .trim()
    .refine((s) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/i.test(s) && isSaneDate(new Date(s)) && isCalendarDay(s.slice(0, 10)), message)
    .transform((s) => new Date(s));
}

/** An optional text: absent, null and "" are all "not given" (undefined). */
export function optionalText(options: TextOptions) {
  return z.preprocess((v) => (v === null || v === "" ? undefined : v), text(options).optional());
}

/** Digits only, 1–15 of them (no sign, no exponent, no hex, no spaces): safe in JavaScript and in a bigint column. */
const ID_PATTERN = /^[1-9]\d{0,14}$/;

/** Whether `value` is an id written the way ids are written: plain digits, positive, at most 15 of them. */
export function isPlainId(value: unknown): boolean {
  if (typeof value === "number") return Number.isSafeInteger(value) && value > 0 && value < 1e15;
  return typeof value === "string" && ID_PATTERN.test(value);
}

/**
 * A positive id from a form, a query or JSON: a safe integer, or a string of plain digits. Never
 * loosely coerced: "0x10", "1e3", " 7", "16.0" and "-1" are refused (where z.coerce would take them).
 */
export function id(message = "must be an id (plain digits)") {
  return z
    .union([z.string(), z.number()], { error: message })
    .refine(isPlainId, message)
    .transform((v) => Number(v));
}

/** A non-negative integer written in plain digits (a page number, a version), at most `max`. */
export function count(options: { max: number; message?: string }) {
  const message = options.message ?? `must be a whole number from 0 to ${options.max}`;
  return z
    .union([z.string(), z.number()], { error: message })
    .refine((v) => (typeof v === "number" ? Number.isSafeInteger(v) : /^\d{1,15}$/.test(v)), message)
    .transform((v) => Number(v))
    .refine((n) => n >= 0 && n <= options.max, message);
}

/** A date from a date input (YYYY-MM-DD) or an ISO date-time, within the accepted years; "" is not given. */
export function optionalIsoDate(message?: string) {
  return z.preprocess((v) => (v === null || v === "" ? undefined : v), isoDate(message).optional());
}

/** Keys a parsed body may not have: harmless as JSON.parse's own properties, but a record schema or a spread would assign them. */
const DANGEROUS_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * What is wrong with the shape of a parsed JSON body, if anything: nesting deeper than `maxDepth`,
 * or a key like `__proto__`. (Text inside is for each field's schema to judge, with a field error.)
 */
export function jsonShapeProblem(value: unknown, maxDepth = 32): string | null {
  const walk = (v: unknown, depth: number): string | null => {
    if (!v || typeof v !== "object") return null;
    if (depth >= maxDepth) return `The body is nested deeper than ${maxDepth} levels.`;
    for (const [key, item] of Array.isArray(v) ? v.entries() : Object.entries(v)) {
      if (typeof key === "string" && DANGEROUS_KEYS.has(key)) return `The body may not have a key named ${key}.`;
      const problem = walk(item, depth + 1);
      if (problem) return problem;
    }
    return null;
  };
  return walk(value, 0);
}
