// One error type for expected failures; each API maps it to its own wire shape in one place.

export type ErrorCode = "unauthenticated" | "forbidden" | "not_found" | "invalid" | "conflict" | "rate_limited" | "too_large" | "unsupported_type";

const STATUS: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 400,
  conflict: 409,
  rate_limited: 429,
  too_large: 413,
  unsupported_type: 415,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Field errors: field name → messages. */
    readonly fields?: Record<string, string[]>,
    readonly retryAfterSeconds?: number,
    /** More for the caller, sent beside the message (e.g. what changed, on a conflict). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/** The value a server action returns for an expected failure; bugs are thrown. */
export type ActionResult<T = void> = { ok: true; data: T } | { ok: false; error: string; code?: ErrorCode; fields?: Record<string, string[]> };

export function toActionError(error: unknown): { ok: false; error: string; fields?: Record<string, string[]> } {
  if (isAppError(error)) return { ok: false, error: error.message, fields: error.fields };
  throw error;
}

/** Zod issues as field → messages. */
export function fieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.length ? String(issue.path[0]) : "non_field_errors";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
