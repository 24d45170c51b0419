// Whether a customer is reading the portal right now: its event stream beats every 15 s into
// customers.portal_seen_at (shared by every instance), and the reply notification is mailed only
// to customers whose last beat is older than lib/conversations/mail.ts's ONLINE_SECONDS.
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { customers } from "@/db/schema";

export const PRESENCE_BEAT_MS = 15_000;

export async function markPortalSeen(db: Db, customerId: number): Promise<void> {
  await db.update(customers).set({ portalSeenAt: new Date() }).where(eq(customers.id, customerId));
}

/** Beats while the request is open; stops when the browser goes. */
export function keepPortalPresence(db: Db, request: Request, customerId: number): void {
  const beat = () => void markPortalSeen(db, customerId).catch((error) => console.error("[portal] presence", error));
  beat();
  const timer = setInterval(beat, PRESENCE_BEAT_MS);
  request.signal.addEventListener("abort", () => clearInterval(timer));
}
