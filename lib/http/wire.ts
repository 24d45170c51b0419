// The wire kit of the compatibility adapters (lib/<channel>/wire/http.ts). Each foreign API declares
// only its error envelope and its auth scheme; reading bodies and queries, ids in paths, 405s, the
// size limit and the mapping of every failure (AppError, zod, a bug) to that API's shape are here.
//
//   const seller = wireApi({ name: "seller api", envelope: problemEnvelope, authenticate: bearerAndSellerId });
//   export const GET = (request: Request) => seller.handle(request, "discussions.view", async (db, caller) => …);
import "server-only";
import { ZodError } from "zod";
import { getDb, type Db } from "@/db/client";
import { can, type Permission } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { jsonShapeProblem } from "@/lib/validation";

/** Why a body could not be read. */
export type BodyProblem = "too_large" | "invalid_json" | "bad_shape" | "not_object" | "form" | "unsupported" | "empty";

/** How one API writes its errors. */
export interface Envelope {
  error(status: number, detail: string, fields?: Record<string, string[]>, headers?: Record<string, string>): Response;
  /** A body that could not be read; by default error(400 or 413, the default wording). */
  body?(problem: BodyProblem, detail: string): Response;
  /** Input its schema refused; by default error(400, "field: message; …", fields). */
  invalid?(issues: readonly ZodIssueLike[]): Response;
}

export interface ZodIssueLike {
  path: readonly PropertyKey[];
  message: string;
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", ...headers } });

/** Zod issues as `dotted.path → messages` ("body" for the whole). */
export function issuesToFields(issues: readonly ZodIssueLike[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const i of issues) {
    const key = i.path.length ? i.path.map(String).join(".") : "body";
    (out[key] ??= []).push(i.message);
  }
  return out;
}

export function invalidResponse(envelope: Envelope, issues: readonly ZodIssueLike[]): Response {
  if (envelope.invalid) return envelope.invalid(issues);
  const fields = issuesToFields(issues);
  return envelope.error(
    400,
    Object.entries(fields)
      .map(([k, v]) => `${k}: ${v.join(", ")}`)
      .join("; "),
    fields,
  );
}

const BODY_DEFAULTS: Record<BodyProblem, string> = {
  too_large: "The request body is too large.",
  invalid_json: "The request body is not valid JSON.",
  bad_shape: "The request body is nested too deeply or has keys that are not allowed.",
  not_object: "The request body must be a JSON object.",
  form: "The form data could not be read.",
  unsupported: "Send the request body as JSON.",
  empty: "The request body is empty.",
};

function bodyResponse(envelope: Envelope, problem: BodyProblem, detail = BODY_DEFAULTS[problem]): Response {
  if (envelope.body) return envelope.body(problem, detail);
  return envelope.error(problem === "too_large" ? 413 : 400, detail);
}

// ---------------------------------------------------------------------------------------------
// Bodies

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** The body's bytes, refused as soon as they pass `limit` (the declared length is checked first). */
export async function readBytes(request: Request, limit: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limit) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export interface BodyOptions {
  /** Bytes allowed (default 1 MB). */
  limit?: number;
  /** Retry JSON with typographic quotes straightened (the call-requests spec's own example has them). */
  smartQuotes?: boolean;
  /** An empty body is an error rather than `{}`. */
  required?: boolean;
  /** A JSON array is a valid body (JSON-Patch-like PATCH bodies); it is in `raw`, `data` is `{}`. */
  allowArray?: boolean;
  /** The wording of each problem in this API. */
  messages?: Partial<Record<BodyProblem, string>>;
}

export type Body =
  | {
      ok: true;
      /** The fields (a JSON object's keys, or a form's). */
      data: Record<string, unknown>;
      /** The JSON value as it came (an array where allowArray). */
      raw: unknown;
      files: Record<string, File[]>;
      kind: "json" | "form" | "multipart" | "empty";
    }
  | { ok: false; response: Response };

const DANGEROUS_KEYS = new Set(["__proto__", "constructor", "prototype"]);

const SMART_QUOTES = /[\u201c\u201d\u201e\u201f\u2033]/g;

/**
 * Reads a body the way real clients send it: JSON (with or without a content type: curl -d labels
 * JSON as a form), urlencoded, or multipart with files. Look at the body, not only at the label.
 */
export async function readBody(request: Request, envelope: Envelope, options: BodyOptions = {}): Promise<Body> {
  const limit = options.limit ?? DEFAULT_BODY_LIMIT;
  const fail = (problem: BodyProblem, detail?: string) => ({
    ok: false as const,
    response: bodyResponse(envelope, problem, options.messages?.[problem] ?? detail),
  });
  const bytes = await readBytes(request, limit);
  if (!bytes) return fail("too_large", `The request body may not exceed ${Math.max(1, Math.round(limit / 1024 / 1024))} MB.`);
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("multipart/form-data")) {
    const form = await new Response(bytes as unknown as BodyInit, { headers: { "content-type": type } }).formData().catch(() => null);
    if (!form) return fail("form");
    const data: Record<string, unknown> = {};
    const files: Record<string, File[]> = {};
    for (const [key, value] of form.entries()) {
      if (DANGEROUS_KEYS.has(key)) return fail("bad_shape", `The form may not have a field named ${key}.`);
      if (typeof value === "string") {
        const current = data[key];
        data[key] = current === undefined ? value : Array.isArray(current) ? [...current, value] : [current, value];
      } else (files[key] ??= []).push(value);
    }
    return { ok: true, data, raw: data, files, kind: "multipart" };
  }
  const text = new TextDecoder().decode(bytes).trim();
  if (!text) return options.required ? fail("empty") : { ok: true, data: {}, raw: null, files: {}, kind: "empty" };
  if (text.startsWith("{") || text.startsWith("[")) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      try {
        if (!options.smartQuotes) throw error;
        value = JSON.parse(text.replace(SMART_QUOTES, '"'));
      } catch {
        return fail("invalid_json", error instanceof Error ? `JSON parse error - ${error.message}` : undefined);
      }
    }
    const shape = jsonShapeProblem(value);
    if (shape) return fail("bad_shape", shape);
    if (Array.isArray(value) && options.allowArray) return { ok: true, data: {}, raw: value, files: {}, kind: "json" };
    if (!value || typeof value !== "object" || Array.isArray(value)) return fail("not_object");
    return { ok: true, data: value as Record<string, unknown>, raw: value, files: {}, kind: "json" };
  }
  if (type.includes("application/x-www-form-urlencoded") || /^[^=&\s]+=/.test(text)) {
    const params = new URLSearchParams(text);
    for (const key of params.keys()) if (DANGEROUS_KEYS.has(key)) return fail("bad_shape", `The form may not have a field named ${key}.`);
    const data = Object.fromEntries(params);
    return { ok: true, data, raw: data, files: {}, kind: "form" };
  }
  return fail("unsupported");
}

// ---------------------------------------------------------------------------------------------
// Queries and paths

/**
 * The query string as a plain object. Empty values mean "not given"; `key[]` and `key[0]` are
 * `key`; a key in `lists` collects every value (comma-separated ones too when `splitCommas`).
 */
export function readQuery(url: URL, options: { lists?: readonly string[]; splitCommas?: boolean } = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [rawKey, value] of url.searchParams) {
    if (value === "") continue;
    const key = rawKey.replace(/\[\d*\]$/, "");
    if (DANGEROUS_KEYS.has(key)) continue;
    if (options.lists?.includes(key)) {
      const values = options.splitCommas ? value.split(",").filter(Boolean) : [value];
      out[key] = [...((out[key] as string[] | undefined) ?? []), ...values];
    } else out[key] = value;
  }
  return out;
}

/** A positive id from a path segment, written in plain digits; anything else (bad encoding included) is null. */
export function parseId(raw: string | undefined): number | null {
  let s: string;
  try {
    s = decodeURIComponent(raw ?? "");
  } catch {
    return null;
  }
  s = s.replace(/\/+$/, "").trim();
  return /^[1-9]\d{0,14}$/.test(s) ? Number(s) : null;
}

/** Percent-decoding that never throws: a malformed sequence is kept as it is. */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

// ---------------------------------------------------------------------------------------------
// The adapter

export interface WireApi<C> {
  envelope: Envelope;
  /** Runs `fn` for an authenticated caller allowed `permission` (null: no auth); every failure in this API's shape. */
  handle(request: Request, permission: Permission | null, fn: (db: Db, caller: C) => Promise<Response>): Promise<Response>;
  /** Runs `fn` with this API's failure mapping, without authentication (public endpoints). */
  run(fn: (db: Db) => Promise<Response>): Promise<Response>;
  readBody(request: Request, options?: BodyOptions): Promise<Body>;
  invalid(issues: readonly ZodIssueLike[]): Response;
  /** A handler answering 405 with the methods that are allowed. */
  notAllowed(allow: string): () => Promise<Response>;
}

export interface WireApiConfig<C> {
  /** For the log. */
  name: string;
  envelope: Envelope;
  /** The caller, or this API's refusal (401 in its shape). */
  authenticate?(db: Db, request: Request): Promise<C | Response>;
  /** The caller's scopes, checked against the permission map. */
  scopesOf?(caller: C): readonly string[];
  /** The refusal of a caller without the permission. */
  forbidden?(permission: Permission): Response;
  /** The 405 body. */
  methodNotAllowed?(allow: string): Response;
}

export function wireApi<C = never>(config: WireApiConfig<C>): WireApi<C> {
  const { envelope } = config;
  const failure = (error: unknown): Response => {
    if (isAppError(error)) {
      const headers: Record<string, string> = error.retryAfterSeconds ? { "Retry-After": String(error.retryAfterSeconds) } : {};
      return envelope.error(error.status, error.message, error.fields ?? {}, headers);
    }
    if (error instanceof ZodError) return invalidResponse(envelope, error.issues);
    console.error(`[${config.name}]`, error);
    return envelope.error(500, "Something went wrong on our side.");
  };
  const run = async (fn: (db: Db) => Promise<Response>) => {
    try {
      return await fn(await getDb());
    } catch (error) {
      return failure(error);
    }
  };
  return {
    envelope,
    run,
    handle: (request, permission, fn) =>
      run(async (db) => {
        if (!config.authenticate) throw new Error(`${config.name} has no authenticate`);
        const caller = await config.authenticate(db, request);
        if (caller instanceof Response) return caller;
        if (permission && !can({ scopes: config.scopesOf?.(caller) ?? [] }, permission)) {
          return config.forbidden?.(permission) ?? envelope.error(403, "This credential may not do this.");
        }
        return fn(db, caller);
      }),
    readBody: (request, options) => readBody(request, envelope, options),
    invalid: (issues) => invalidResponse(envelope, issues),
    notAllowed: (allow) => async () => config.methodNotAllowed?.(allow) ?? envelope.error(405, "This method is not supported here.", {}, { Allow: allow }),
  };
}
