// Who a note's @mentions name, among active staff (lib/notifications/mention-syntax.ts says how a
// name is written). The reply path (lib/channels/reply.ts) announces them with `note.mentioned`.
import "server-only";
import type { Db } from "@/db/client";
import { findStaff } from "@/lib/users/queries";
import { mentionedIn } from "./mention-syntax";

declare module "@/lib/events/types" {
  interface EventMap {
    /** A note named these colleagues (@name): their inbox tells them. Staff-only. */
    "note.mentioned": { threadId: number; messageId: number; userIds: number[]; byName: string; preview: string };
  }
}

/** The active staff a note mentions, the writer left out. */
export async function findMentionedStaff(db: Db, body: string, writerId: number | null): Promise<{ id: number; name: string }[]> {
  if (!body.includes("@")) return [];
  const staff = await findStaff(db);
  return mentionedIn(body, staff).filter((s) => s.id !== writerId);
}
