// Live chat's own event: someone is typing in a room. A visitor's typing is for staff only; an
// agent's is heard by staff and by that room's widget (its audience names the thread). Browser-safe
// (types only), so the inbox and the widget read the same shape.
import type { Audience } from "@/lib/events/types";

export type TypingSide = "visitor" | "agent";

export interface TypingEvent {
  threadId: number;
  side: TypingSide;
  typing: boolean;
  /** The agent's name (none for a visitor). */
  name?: string;
}

declare module "@/lib/events/types" {
  interface EventMap {
    typing: TypingEvent;
  }
}

/** Who hears a typing event: staff always; the room's visitors only when an agent types. */
export const typingAudience = (threadId: number, side: TypingSide): Audience => (side === "agent" ? { staff: true, threadId } : { staff: true });
