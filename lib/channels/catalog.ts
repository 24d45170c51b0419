// The channel catalog: what each channel is, as plain data — names, labels, colours and icon, its
// own states and their labels, which of them mean "waiting for us" and "answered", what files it
// takes, and the API credentials that open it. Browser-safe (no database, no Node), so the inbox's
// client components read it too. Behaviour lives in each channel's entry (lib/<channel>/channel.ts,
// collected by lib/channels/registry.ts); lib/threads knows channels only through this file.
import type { ApiCredentialKind, Channel } from "@/db/schema";

export type { Channel };

export type FileKind = "png" | "jpg" | "gif" | "bmp" | "tif" | "webp" | "pdf" | "doc" | "xls" | "docx" | "xlsx";

export interface UploadPolicy {
  kinds: readonly FileKind[];
  maxFiles: number;
  maxTotalBytes: number;
  /** Per file; defaults to the total. */
  maxFileBytes?: number;
}

export interface ChannelState {
  value: string;
  label: string;
}

export interface ChannelInfo {
  name: Channel;
  label: string;
  /** Tailwind classes of the channel's badge and icon. */
  badgeClass: string;
  iconClass: string;
  /** SVG path data of the channel's 24×24 icon (stroked). */
  iconPaths: readonly string[];
  /** The channel's own states (threads.channel_state), in the order the sidebar lists them. */
  states: readonly ChannelState[];
  /**
   * The states that mean the customer side waits for us, and that we answered. addMessage keeps
   * them in the same UPDATE as waiting_since, whichever path adds the message.
   */
  waitingStates?: { waiting: string; answered: string };
  /** What may be attached to one message, decided by the bytes. */
  upload: UploadPolicy;
  /** The API credentials that open this channel's compatibility API, and what each may be allowed. */
  apiKey?: { kind: ApiCredentialKind; scopes: readonly string[] };
  /**
   * Its threads may be merged with another thread of the same customer (lib/inbox/merge.ts). Not
   * where someone else reads the thread's messages where they are (a discussion or a conversation
   * through a foreign API, a chat room in the visitor's widget): they must stay.
   */
  mergeable?: boolean;
}

const MB = 1024 * 1024;
const OFFICE_AND_IMAGES: FileKind[] = ["png", "jpg", "gif", "webp", "pdf", "doc", "docx", "xls", "xlsx"];

export const CHANNEL_CATALOG = {
  contact: {
    name: "contact",
    label: "Contact",
    badgeClass: "bg-sky-50 text-sky-700 ring-sky-200",
    iconClass: "text-sky-600 bg-sky-50",
    iconPaths: ["M5 5h14a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z", "m3 7 9 6 9-6"],
    states: [],
    upload: { kinds: ["pdf", "jpg", "png", "xls", "xlsx", "doc", "docx"], maxFiles: 1, maxTotalBytes: 5 * MB },
    mergeable: true,
  },
  conversation: {
    name: "conversation",
    label: "Conversation",
    badgeClass: "bg-violet-50 text-violet-700 ring-violet-200",
    iconClass: "text-violet-600 bg-violet-50",
    iconPaths: ["M4 5h11a2 2 0 0 1 2 2v6a2 2 0 0 1-2 2H9l-4 3v-3H4a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z", "M19 9h1a2 2 0 0 1 2 2v5a2 2 0 0 1-2 2v2l-3-2h-5"],
    states: [
      { value: "not_answered", label: "Not answered" },
      { value: "answered", label: "Answered" },
    ],
    waitingStates: { waiting: "not_answered", answered: "answered" },
    upload: { kinds: OFFICE_AND_IMAGES, maxFiles: 5, maxTotalBytes: 10 * MB },
    apiKey: { kind: "soap", scopes: ["conversations.view", "conversations.manage"] },
  },
  discussion: {
    name: "discussion",
    label: "Discussion",
    badgeClass: "bg-amber-50 text-amber-800 ring-amber-200",
    iconClass: "text-amber-700 bg-amber-50",
    iconPaths: ["M5 8h14l-1 12H6L5 8z", "M9 8V6a3 3 0 0 1 6 0v2"],
    states: [
      { value: "to_treat", label: "To treat" },
      { value: "treated", label: "Treated" },
    ],
    waitingStates: { waiting: "to_treat", answered: "treated" },
    upload: { kinds: ["png", "gif", "bmp", "jpg", "tif", "pdf", "doc", "docx", "xls"], maxFiles: 3, maxTotalBytes: 4 * MB },
    apiKey: { kind: "seller", scopes: ["discussions.view", "discussions.manage"] },
  },
  call_request: {
    name: "call_request",
    label: "Call request",
    badgeClass: "bg-emerald-50 text-emerald-700 ring-emerald-200",
    iconClass: "text-emerald-600 bg-emerald-50",
    iconPaths: ["M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2z"],
    states: [
      { value: "new", label: "New" },
      { value: "in_progress", label: "In progress" },
      { value: "no_answer", label: "No answer" },
      { value: "completed", label: "Completed" },
    ],
    upload: { kinds: OFFICE_AND_IMAGES, maxFiles: 5, maxTotalBytes: 10 * MB },
    apiKey: { kind: "call_requests", scopes: ["call_requests.view", "call_requests.manage"] },
    mergeable: true,
  },
  chat: {
    name: "chat",
    label: "Chat",
    badgeClass: "bg-rose-50 text-rose-700 ring-rose-200",
    iconClass: "text-rose-600 bg-rose-50",
    iconPaths: ["M21 12a8 8 0 0 1-11.5 7.2L4 20l1-4.5A8 8 0 1 1 21 12z", "M8 12h.01M12 12h.01M16 12h.01"],
    // A room is active until the visitor deletes it (delete_room) or an agent closes the thread.
    states: [
      { value: "active", label: "Active" },
      { value: "deleted", label: "Closed" },
    ],
    upload: { kinds: ["png", "jpg", "gif", "webp", "pdf"], maxFiles: 5, maxTotalBytes: 10 * MB },
    apiKey: { kind: "chat", scopes: ["chat.rooms.view", "chat.rooms.manage"] },
  },
} as const satisfies { [C in Channel]: ChannelInfo & { name: C } };

/** Every channel, in the order the inbox lists them. */
export const CHANNEL_NAMES = Object.keys(CHANNEL_CATALOG) as Channel[];

export const channelInfo = (channel: Channel): ChannelInfo => CHANNEL_CATALOG[channel];

export const channelLabel = (channel: Channel): string => CHANNEL_CATALOG[channel]?.label ?? channel;

/** A channel state's label; unknown states show as they are stored, capitalised, without underscores. */
export function stateLabel(state: string, channel?: Channel): string {
  const lists = channel ? [CHANNEL_CATALOG[channel].states] : CHANNEL_NAMES.map((c) => CHANNEL_CATALOG[c].states);
  for (const states of lists) {
    const found = (states as readonly ChannelState[]).find((s) => s.value === state);
    if (found) return found.label;
  }
  const words = state.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The channels whose own state follows the waiting state (see ChannelInfo.waitingStates). */
export const WAITING_STATES = CHANNEL_NAMES.flatMap((channel) => {
  const states = (CHANNEL_CATALOG[channel] as ChannelInfo).waitingStates;
  return states ? [{ channel, ...states }] : [];
});

/** What each kind of API credential may be allowed to do. */
export const API_KEY_SCOPES = Object.fromEntries(
  CHANNEL_NAMES.flatMap((channel) => {
    const apiKey = (CHANNEL_CATALOG[channel] as ChannelInfo).apiKey;
    return apiKey ? [[apiKey.kind, apiKey.scopes]] : [];
  }),
) as Record<ApiCredentialKind, readonly string[]>;

export function describePolicy(policy: UploadPolicy): string {
  const kinds = policy.kinds.map((k) => k.toUpperCase()).join(", ");
  return `${kinds}; at most ${policy.maxFiles} file${policy.maxFiles === 1 ? "" : "s"}, ${Math.round(policy.maxTotalBytes / MB)} MB in all`;
}
