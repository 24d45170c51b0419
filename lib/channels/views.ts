// What a channel shows and offers in the thread view, as plain JSON: the side panel (facts,
// notices, the actions they offer) and the composer's reply options. Types only (browser-safe);
// each channel's entry (lib/<channel>/channel.ts) fills them, one generic component renders them.

export type ReplyKind = "reply" | "note";

/** A receiver the agent can pick (discussions), with the userType stored in messages.receivers. */
export interface ReceiverOption {
  value: string;
  label: string;
  userType: string;
}

export interface ReplyOptions {
  kinds: ReplyKind[];
  /** Non-empty when a reply must name its receivers (discussions). */
  receivers: ReceiverOption[];
  /** How the reply reaches the other side, shown under the composer. */
  delivery: string;
  /** Why replies are not offered, when only notes are. */
  replyUnavailable?: string;
  /**
   * A live conversation (chat): the other side sees us typing (the composer signals it: POST
   * /api/threads/{id}/typing), and what they write shows in the open thread as it comes, so their
   * messages never hold a reply back as "changed since you opened it" (a colleague's changes still do).
   */
  live?: boolean;
}

/** One fact in the side panel. */
export interface PanelRow {
  label: string;
  value: string;
  /** Shown after the value, smaller (a code, a status). */
  hint?: string;
  /** The value is a link (mailto:, a download, a page). */
  href?: string;
  /** The value is a list, one item per line. */
  items?: string[];
  /** Several links (e.g. attachments). */
  links?: { label: string; href: string }[];
  /** The value is a stretch of time (ISO instants): shown in the viewer's zone, with the zone it was given in. */
  span?: { from: string; to: string; zone: string };
  /** A picture shown with the value (e.g. a conversation's product). */
  image?: { src: string; alt: string; width?: number; height?: number };
}

/** A channel action the panel offers (e.g. "Send again", "Take"); run by the inbox's channel action. */
export interface PanelAction {
  id: string;
  label: string;
  /** Sent back with the action, as they are. */
  input: Record<string, string>;
  /** Text the agent types before running it (sent with `input` under each field's name). */
  fields?: { name: string; label: string; placeholder?: string; multiline?: boolean; maxLength?: number }[];
  /** How the button looks. */
  tone?: "primary" | "success" | "warning" | "neutral";
}

export interface PanelNotice {
  tone: "warning" | "info";
  text: string;
  testId?: string;
  action?: PanelAction;
}

export interface ChannelPanel {
  /** The panel's test id and accessible name. */
  testId: string;
  label: string;
  rows: PanelRow[];
  notices: PanelNotice[];
  /** What the agent can do from the panel right now (e.g. a call request's Take / Completed / No answer). */
  actions?: PanelAction[];
  /** Related pages (e.g. the call queue). */
  links?: { label: string; href: string }[];
}
