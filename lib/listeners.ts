// Side effects of committed changes, in the instance that made them, from the channel registry:
// each channel's `deliver` (how an outbound reply leaves: e-mail for contact, …) and its own
// listeners. Registered once per process by instrumentation.ts; tests call registerListeners().
import "server-only";
import { CHANNEL_ENTRIES, channelEntry } from "@/lib/channels/registry";
import { getDb } from "@/db/client";
import { onCommitted } from "@/lib/events";
import { isInbound } from "@/lib/threads/service";
import { startThreadSweeper } from "@/lib/threads/sweep";

const g = globalThis as typeof globalThis & { __switchboardListeners?: boolean; __switchboardBackground?: boolean };

export function registerListeners(): void {
  if (g.__switchboardListeners) return;
  g.__switchboardListeners = true;
  // A reply from our side (an agent, or a seller through its API) leaves the way its channel says.
  onCommitted("message.created", async (data) => {
    if (data.isInternal || isInbound(data.authorRole) || data.authorRole === "system") return;
    const deliver = channelEntry(data.channel).deliver;
    if (deliver) await deliver(await getDb(), { threadId: data.threadId, messageId: data.messageId });
  });
  for (const entry of CHANNEL_ENTRIES) entry.listen?.(onCommitted);
}

/** Each channel's background work (e.g. the contact mail sweep) and the model's (snooze wake-ups, the trash), started once per server instance. */
export function startBackgroundWork(): void {
  if (g.__switchboardBackground) return;
  g.__switchboardBackground = true;
  startThreadSweeper();
  for (const entry of CHANNEL_ENTRIES) entry.start?.();
}
