// The open thread as the agent's browser receives it: plain JSON (ISO dates), the same shape from
// the server page and from GET /api/threads/{id}. Types only, browser-safe.
import type { AuthorRole, Channel, ThreadStatus } from "@/db/schema";
import type { ChannelPanel, PanelNotice, PanelRow, ReplyOptions } from "@/lib/channels/views";
import type { TagView } from "@/lib/tags/palette";

/** The agent's composer draft as the thread view hands it back (lib/drafts). */
export interface DraftView {
  kind: "reply" | "note";
  body: string;
  receivers: string[];
  attachments: { id: number; fileName: string; contentType: string; size: number }[];
  updatedAt: string;
}

export type { ChannelPanel, PanelNotice, PanelRow, ReplyOptions };

export interface AttachmentView {
  id: number;
  fileName: string;
  contentType: string;
  size: number;
  isImage: boolean;
}

export interface MessageView {
  id: number;
  authorRole: AuthorRole;
  authorName: string;
  authorUserId: number | null;
  body: string;
  isInternal: boolean;
  receivers: { userId?: string; userType: string }[] | null;
  readAt: string | null;
  createdAt: string;
  attachments: AttachmentView[];
}

export interface TimelineEvent {
  id: number;
  type: string;
  actorName: string | null;
  data: Record<string, unknown>;
  createdAt: string;
}

export interface RelatedThread {
  id: number;
  channel: Channel;
  subject: string;
  status: ThreadStatus;
  lastMessageAt: string;
}

/** What other people changed in a thread since the agent opened it (see findChangesSince). */
export interface ThreadChange {
  kind: "message" | "note" | "closed" | "reopened" | "assigned";
  who: string | null;
  at: string;
  /** A message's first words, or the new assignee's name. */
  text: string | null;
  /** Written by the customer side (in a live conversation it is on the agent's screen as it comes). */
  inbound?: boolean;
}

export interface ThreadView {
  thread: {
    id: number;
    channel: Channel;
    status: ThreadStatus;
    channelState: string | null;
    subject: string;
    customerId: number | null;
    customerName: string;
    customerEmail: string | null;
    sellerName: string | null;
    assigneeId: number | null;
    assigneeName: string | null;
    orderRef: string | null;
    version: number;
    unreadCount: number;
    createdAt: string;
    tagIds: number[];
    /** Snoozed right now (until snoozeUntil; null: until the customer writes). */
    snoozed: boolean;
    snoozeUntil: string | null;
    spam: boolean;
    /** Merged into that thread (this one is closed). */
    mergedIntoId: number | null;
    locale: string | null;
  };
  messages: MessageView[];
  events: TimelineEvent[];
  /** The channel's side panel: its facts, notices and their actions. */
  panel: ChannelPanel;
  otherThreads: RelatedThread[];
  replyOptions: ReplyOptions;
  uploadPolicy: { kinds: string[]; maxFiles: number; maxTotalBytes: number; description: string };
  agents: { id: number; name: string }[];
  /** The viewing agent's saved draft in this thread. */
  draft: DraftView | null;
  /** The desk's tags (for the picker and the chips). */
  tags: TagView[];
  /** Server time of this snapshot: a reply sent later is checked for changes since then. */
  loadedAt: string;
}

// ---------------------------------------------------------------------------------------------
// The list

export interface InboxRow {
  id: number;
  channel: string;
  status: string;
  channelState: string | null;
  subject: string;
  customerName: string;
  customerEmail: string | null;
  lastMessageAt: string;
  lastMessagePreview: string;
  lastMessageRole: string | null;
  waitingSince: string | null;
  unreadCount: number;
  assigneeId: number | null;
  assigneeName: string | null;
  createdAt: string;
  tagIds: number[];
  /** Snoozed right now (until snoozeUntil; null: until the customer writes). */
  snoozed: boolean;
  snoozeUntil: string | null;
  /** The viewing agent has a draft in this thread. */
  hasDraft: boolean;
  subjectHighlight?: string;
  customerHighlight?: string | null;
  bodyHighlight?: string | null;
  /** The message a search matched. */
  match?: { messageId: number; authorName: string; authorRole: AuthorRole; isInternal: boolean; createdAt: string } | null;
  /** Matched as typed (not only by a stem or a prefix). */
  exact?: boolean;
}

export interface InboxListResponse {
  threads: InboxRow[];
  nextCursor: string | null;
  /** Set when the page is a search: the text that was searched. */
  search: string | null;
  /** The search box's filters it recognised (status:closed, tag:vip, …). */
  chips: { key: string; value: string }[];
}

export interface InboxCounts {
  open: number;
  mine: number;
  unassigned: number;
  unread: number;
  waiting: number;
  snoozed: number;
  channels: Record<Channel, number>;
  /** Saved views by id. */
  views: Record<number, number>;
  /** A count equal to `cap` means "cap or more". */
  cap: number;
}
