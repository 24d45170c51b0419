// The wrapper of our own JSON endpoints (app/api/**): who is calling (one session read per
// request, before any body is read), the request's parts parsed once, and every failure mapped in
// one place — an AppError to its status, a ZodError to 400 with field errors, anything else to a
// logged 500 that tells the caller nothing.
//
//   export const POST = apiRoute({ permission: "inbox.view", params: threadParams }, async ({ user, params, form }) => …);
import "server-only";
import { NextResponse } from "next/server";
import { z, ZodError } from "zod";
import { getDb, type Db } from "@/db/client";
import type { Permission } from "@/lib/auth/permissions";
import { assertCan, getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { AppError, fieldErrors, isAppError } from "@/lib/errors";
import { DEFAULT_BODY_LIMIT, readBytes } from "./wire";

type Params = Record<string, string | string[]>;

export interface RouteContext<P> {
  request: Request;
  db: Db;
  /** The signed-in user, allowed `permission`. */
  user: CurrentUser;
  params: P;
  /** Checks one more permission for the same user (e.g. reply vs. note, known once the body is read). */
  require(permission: Permission): CurrentUser;
  /** The multipart body, read once (throws a 400 when it is not one). */
  form(): Promise<FormData>;
  /** The JSON body, read once (null when it is not JSON). */
  json(): Promise<unknown>;
}

export interface RouteOptions<P> {
  permission: Permission;
  /** The route's dynamic segments, validated (a bad id is a 404, never a 500). */
  params?: z.ZodType<P>;
  /** Headers every answer carries (e.g. Cache-Control). */
  headers?: Record<string, string>;
  /**
   * Bytes the body may have (default 1 MB), enforced while it streams in: a larger one is a 413
   * before it is held in memory. Uploads give their channel's limit (known once the params are).
   * A function's answer is never below the default: a body that declares no more than that
   * (Content-Length) is read without asking it — most notes and replies carry no files, and need
   * no thread lookup before their own.
   */
  bodyLimit?: number | ((context: { db: Db; params: P }) => Promise<number>);
}

/** Reads at most `limit` bytes of the body, or throws the 413 of our API. */
async function boundedBytes(request: Request, limit: number): Promise<Uint8Array> {
  const bytes = await readBytes(request, limit);
  if (!bytes) throw new AppError("too_large", `The request body may not exceed ${Math.max(1, Math.round(limit / 1024 / 1024))} MB.`);
  return bytes;
}

/** The bytes this request's body may have (see RouteOptions.bodyLimit). */
async function limitOf<P>(request: Request, bodyLimit: RouteOptions<P>["bodyLimit"], context: { db: Db; params: P }): Promise<number> {
  if (typeof bodyLimit !== "function") return bodyLimit ?? DEFAULT_BODY_LIMIT;
  // readBytes holds the body to the limit as it streams in, whatever the header said.
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) <= DEFAULT_BODY_LIMIT) return DEFAULT_BODY_LIMIT;
  return Math.max(DEFAULT_BODY_LIMIT, await bodyLimit(context));
}

/** The JSON body of an error: the message, its code, field errors, and anything the error adds. */
export function errorResponse(error: unknown): NextResponse {
  if (isAppError(error)) {
    const headers: Record<string, string> = {};
    if (error.retryAfterSeconds) headers["Retry-After"] = String(error.retryAfterSeconds);
    return NextResponse.json({ error: error.message, code: error.code, fields: error.fields, ...error.details }, { status: error.status, headers });
  }
  if (error instanceof ZodError) {
    const fields = fieldErrors(error.issues);
    return NextResponse.json({ error: error.issues[0]?.message ?? "Invalid request.", code: "invalid", fields }, { status: 400 });
  }
  console.error(error);
  return NextResponse.json({ error: "Something went wrong on our side.", code: "internal" }, { status: 500 });
}

export function apiRoute<P = Record<string, never>>(
  options: RouteOptions<P>,
  handler: (context: RouteContext<P>) => Promise<Response | object>,
): (request: Request, context: { params: Promise<Params> }) => Promise<Response> {
  return async (request, context) => {
    try {
      // Who is calling, before reading a possibly large body.
      const user = assertCan(await getCurrentUser(), options.permission);
      const raw = (await context?.params) ?? {};
      let params = raw as unknown as P;
      if (options.params) {
        const parsed = options.params.safeParse(raw);
        if (!parsed.success) throw new AppError("not_found", "Not found.");
        params = parsed.data;
      }
      const db = await getDb();
      let form: Promise<FormData> | undefined;
      let json: Promise<unknown> | undefined;
      let limit: Promise<number> | undefined;
      const bodyLimit = () => (limit ??= limitOf(request, options.bodyLimit, { db, params }));
      const result = await handler({
        request,
        db,
        user,
        params,
        require: (permission) => assertCan(user, permission),
        form: () =>
          (form ??= (async () => {
            const bytes = await boundedBytes(request, await bodyLimit());
            const type = request.headers.get("content-type") ?? "";
            if (!type.includes("multipart/form-data") && !type.includes("application/x-www-form-urlencoded")) {
              throw new AppError("invalid", "Send this as multipart/form-data.");
            }
            return new Response(bytes as unknown as BodyInit, { headers: { "content-type": type } }).formData().catch(() => {
              throw new AppError("invalid", "Send this as multipart/form-data.");
            });
          })()),
        json: () =>
          (json ??= (async () => {
            const text = new TextDecoder().decode(await boundedBytes(request, await bodyLimit()));
            try {
              return JSON.parse(text) as unknown;
            } catch {
              return null;
            }
          })()),
      });
      const response = result instanceof Response ? result : NextResponse.json(result);
      for (const [k, v] of Object.entries(options.headers ?? {})) response.headers.set(k, v);
      return response;
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** `{ id }` of a route like /api/threads/[id]: a positive integer written in plain digits. */
export const idParams = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,15}$/)
    .transform(Number)
    .pipe(z.number().int().max(Number.MAX_SAFE_INTEGER)),
});
