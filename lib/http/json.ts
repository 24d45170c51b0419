// Our own JSON endpoints: one place that turns an AppError into a status and a body.
import { NextResponse } from "next/server";
import { isAppError } from "@/lib/errors";

export function errorResponse(error: unknown): NextResponse {
  if (isAppError(error)) {
    const headers: Record<string, string> = {};
    if (error.retryAfterSeconds) headers["Retry-After"] = String(error.retryAfterSeconds);
    return NextResponse.json({ error: error.message, code: error.code, fields: error.fields }, { status: error.status, headers });
  }
  console.error(error);
  return NextResponse.json({ error: "Something went wrong on our side.", code: "internal" }, { status: 500 });
}
