// Keeps a discussion's threads.channel_state (the inbox's "to treat"/"treated") in step with
// whether the customer side waits for us, whichever path added the message: the seller API sets
// it in its own transaction, the inbox's generic reply and imports get it here after commit.
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { threads } from "@/db/schema";
import { inTransaction, onCommitted } from "@/lib/events";
import { setChannelState } from "@/lib/threads/service";
import { PROCESS_STATE } from "./queries";

export async function syncProcessState(threadId: number): Promise<void> {
  await inTransaction(await getDb(), async (tx, emit) => {
    const [thread] = await tx
      .select({ channelState: threads.channelState, waitingSince: threads.waitingSince })
      .from(threads)
      .where(and(eq(threads.id, threadId), eq(threads.channel, "discussion")))
      .for("update");
    if (!thread) return;
    const wanted = thread.waitingSince ? PROCESS_STATE.ToTreat : PROCESS_STATE.Treated;
    if (thread.channelState !== wanted) await setChannelState(tx, emit, threadId, wanted, { label: "process status" });
  });
}

export function registerDiscussionListeners(): void {
  onCommitted("message.created", async (data) => {
    if (data.channel === "discussion" && typeof data.threadId === "number") await syncProcessState(data.threadId);
  });
}
