// Shared by the thread's route handlers: the thread id and error bodies (a conflict
// carries what changed, so the composer can show it).
import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/json";
import { threadIdSchema } from "./schemas";
import { ThreadChangedError } from "./service";

export async function parseThreadId(params: Promise<{ id: string }>): Promise<number> {
  const parsed = threadIdSchema.safeParse((await params).id);
  if (!parsed.success) throw new AppError("not_found", "Thread not found.");
  return parsed.data;
}

export function threadErrorResponse(error: unknown): NextResponse {
  if (error instanceof ThreadChangedError) {
    return NextResponse.json({ error: error.message, code: "conflict", changes: error.changes, version: error.version, at: new Date().toISOString() }, { status: 409 });
  }
  return errorResponse(error);
}
