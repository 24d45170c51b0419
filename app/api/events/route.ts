// GET /api/events — Server-Sent Events for signed-in staff (the staff audience); resumes after Last-Event-ID
import { requirePermission } from "@/lib/auth/session";
import { eventStream } from "@/lib/events/stream";
import { errorResponse } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    await requirePermission("events.subscribe");
  } catch (error) {
    return errorResponse(error);
  }
  return eventStream(request, { kind: "staff" });
}
