// The events the desk emits, with their data, and who may hear each one. Pure types and one pure
// function (browser-safe): the server records and fans events out (lib/events), the browser reads
// the same names and shapes from its stream.
//
// A channel adds its own events from its own folder by augmenting EventMap:
//   declare module "@/lib/events/types" { interface EventMap { "contact.submitted": { … } } }
import type { AuthorRole, Channel, ThreadStatus } from "@/db/schema";

export interface EventMap {
  "thread.created": { threadId: number; channel: Channel };
  /** Something about the thread changed that has no event of its own (channel state, deletion, mail failure). */
  "thread.updated": { threadId: number; channel: Channel; channelState?: string | null; deleted?: boolean; mailFailed?: boolean };
  "thread.closed": { threadId: number; channel: Channel; status: ThreadStatus };
  "thread.reopened": { threadId: number; channel: Channel; status: ThreadStatus };
  /** byUserId: who assigned it (null: the system, e.g. round-robin). */
  "thread.assigned": { threadId: number; channel: Channel; assigneeId: number | null; byUserId?: number | null };
  "thread.read": { threadId: number; channel: Channel; read: boolean; messageIds: number[]; unreadCount: number };
  "message.created": {
    threadId: number;
    messageId: number;
    channel: Channel;
    channelState: string | null;
    authorRole: AuthorRole;
    isInternal: boolean;
    /** For staff notifications: the thread's assignee, who wrote it, its first words and the subject. */
    assigneeId?: number | null;
    authorUserId?: number | null;
    preview?: string;
    subject?: string;
  };
  /** Who has the thread open ("also viewing"). */
  viewing: { threadId: number; viewers: { userId: number; name: string }[] };
}

export type EventName = keyof EventMap & string;

/**
 * Who may hear an event: staff (every agent's stream), one customer (their portal stream), one
 * thread's visitors (a chat room's widget stream). Nothing reaches a customer or a room unless the
 * event names them; an internal note's event names neither.
 */
export interface Audience {
  staff: boolean;
  customerId?: number | null;
  /** The thread whose visitors (a chat room's widget) may hear it. */
  threadId?: number | null;
}

export const STAFF_ONLY: Audience = { staff: true };

export interface AppEvent<N extends EventName = EventName> {
  name: N;
  data: EventMap[N];
  audience: Audience;
}

export type StoredEvent<N extends EventName = EventName> = AppEvent<N> & { id: number };

/** A stream's subscriber: who is listening. */
export type Listener = { kind: "staff" } | { kind: "customer"; customerId: number } | { kind: "room"; threadId: number };

/** Whether `listener` may hear an event with this audience. The one filter every stream applies. */
export function hears(listener: Listener, audience: Audience | undefined): boolean {
  if (!audience) return listener.kind === "staff";
  switch (listener.kind) {
    case "staff":
      return audience.staff;
    case "customer":
      return audience.customerId != null && audience.customerId === listener.customerId;
    case "room":
      return audience.threadId != null && audience.threadId === listener.threadId;
  }
}
