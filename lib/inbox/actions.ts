"use server";
// The thread view's channel actions: what a channel's panel offers (contact's "Send again", …),
// run by the channel's own entry after the permission it names is checked here, in the server.
import { z } from "zod";
import { eq } from "drizzle-orm";
import { threads } from "@/db/schema";
import { actorOf, assertCan } from "@/lib/auth/session";
import { channelEntry } from "@/lib/channels/registry";
import { AppError, type ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/http/action";
import { id, text } from "@/lib/validation";

const channelActionSchema = z.object({
  threadId: id(),
  action: z
    .string()
    .max(60)
    .regex(/^[a-z][a-z0-9_-]*$/),
  input: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,40}$/), text({ max: 2000, multiline: true })).default({}),
});

export async function runChannelAction(raw: { threadId: number; action: string; input: Record<string, string> }): Promise<ActionResult> {
  return runAction({ permission: "inbox.view", schema: channelActionSchema, input: raw }, async ({ threadId, action, input }, { db, user }) => {
    const [thread] = await db.select().from(threads).where(eq(threads.id, threadId));
    if (!thread || thread.deletedAt) throw new AppError("not_found", "Thread not found.");
    const entry = channelEntry(thread.channel);
    const found = entry.actions?.[action];
    if (!found) throw new AppError("not_found", "This thread offers no such action.");
    assertCan(user, found.permission);
    const parsed = found.input.safeParse(input);
    if (!parsed.success) throw new AppError("invalid", parsed.error.issues[0]?.message ?? "Invalid input.");
    await found.run(db, thread, parsed.data, actorOf(user));
  });
}
