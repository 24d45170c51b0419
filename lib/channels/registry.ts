// The channel registry: one entry per channel, one line each. The surfaces (the inbox, the thread
// page, the reply path, the listeners; later the portal and the widget) ask it what a channel does.
// A new channel is a folder under lib/ with its channel.ts, one line here, its catalog entry
// (lib/channels/catalog.ts) and its detail table (db/schema/channels.ts).
import "server-only";
import type { Channel } from "@/db/schema";
import { callRequestChannel } from "@/lib/call-requests/channel";
import { chatChannel } from "@/lib/chat/channel";
import { contactChannel } from "@/lib/contact/channel";
import { conversationChannel } from "@/lib/conversations/channel";
import { discussionChannel } from "@/lib/discussions/channel";
import type { ChannelEntry } from "./types";

const ENTRIES: Record<Channel, ChannelEntry> = {
  contact: contactChannel,
  conversation: conversationChannel,
  discussion: discussionChannel,
  call_request: callRequestChannel,
  chat: chatChannel,
};

/** The entry of a channel. */
export function channelEntry(channel: Channel): ChannelEntry {
  const entry = ENTRIES[channel];
  if (!entry) throw new Error(`No channel entry for ${channel}`);
  return entry;
}

/** Every entry, in the catalog's order. */
export const CHANNEL_ENTRIES: readonly ChannelEntry[] = Object.values(ENTRIES);
