// GET /api/portal/events — Server-Sent Events for a signed-in customer: only their own threads' events (never internal notes); resumes after Last-Event-ID
import { getDb } from "@/db/client";
import { eventStream } from "@/lib/events/stream";
import { errorResponse } from "@/lib/http/route";
import { keepPortalPresence } from "@/lib/portal/presence";
import { requirePortalCustomer } from "@/lib/portal/session";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  let customerId: number;
  try {
    customerId = (await requirePortalCustomer("account.view")).customer.id;
  } catch (error) {
    return errorResponse(error);
  }
  // While the stream is open the customer counts as reading: answers are not mailed to them then.
  keepPortalPresence(await getDb(), request, customerId);
  return eventStream(request, { kind: "customer", customerId });
}
