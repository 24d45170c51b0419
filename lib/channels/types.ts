// What a channel entry is: the behaviour of one channel, one object per channel in
// lib/<channel>/channel.ts, collected by lib/channels/registry.ts. Generic code (the inbox, the
// thread page, the reply path, the listeners) asks an entry; it never switches on a channel's name.
import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Channel, Thread } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import type { OnCommitted } from "@/lib/events";
import type { ChannelPanel, ReplyKind, ReplyOptions } from "./views";

/** A receiver as the inbox names it ("customer") or as an API sends it ({ userId, userType }). */
export type ReceiverInput = string | { userId?: string; userType: string };

/** Receivers as messages.receivers stores them. */
export type StoredReceivers = { userId?: string; userType: string }[] | null;

/** A reply (or note) about to be written: what checkReply decides on. */
export interface ReplyAttempt<D> {
  thread: Thread;
  /** The channel's detail facts (loadDetails), read inside the reply's transaction. */
  details: D | null;
  kind: ReplyKind;
  receivers: readonly ReceiverInput[];
  actor: Actor;
}

/** An action the channel's panel offers staff (e.g. contact's "Send again"). */
export interface ChannelAction {
  permission: Permission;
  input: z.ZodType<Record<string, unknown>>;
  run(db: Db, thread: Thread, input: Record<string, unknown>, actor: Actor): Promise<void>;
}

export interface ChannelEntry<D = unknown> {
  name: Channel;
  /** The detail facts the reply rules read (e.g. a discussion's receivers), or null without a detail row. */
  loadDetails(db: Db, thread: Thread): Promise<D | null>;
  /** What the composer offers in this thread. */
  replyOptions(thread: Pick<Thread, "channel" | "customerEmail" | "status">, details: D | null): ReplyOptions;
  /**
   * What a reply or note must satisfy, whichever path sends it (the inbox or a foreign API):
   * throws an AppError when refused, returns the receivers to store.
   */
  checkReply(attempt: ReplyAttempt<D>): { receivers: StoredReceivers };
  /** What a message from the customer side must satisfy (e.g. an open chat room); throws an AppError when refused. */
  checkInbound?(attempt: ReplyAttempt<D>): void;
  /** The side panel (and the detail facts, read once for both). */
  describe(db: Db, thread: Thread, options: { locale: string; viewerId?: number }): Promise<{ panel: ChannelPanel; details: D | null }>;
  /** How a reply leaves, after its commit (e-mail for contact; nothing where the other side reads it here). */
  deliver?(db: Db, message: { threadId: number; messageId: number }): Promise<unknown>;
  /** The actions the panel's notices offer, by id. */
  actions?: Record<string, ChannelAction>;
  /** Side effects of the channel's own events, after commit, in this process. */
  listen?(on: OnCommitted): void;
  /** Work each server instance runs in the background (e.g. the contact mail sweep). */
  start?(): void;
}

/**
 * Declares a channel entry. Its detail type stays inside the entry: the registry holds entries of
 * every channel side by side, and only the entry itself reads what its loadDetails returned.
 */
export function defineChannel<D>(entry: ChannelEntry<D>): ChannelEntry {
  return entry as unknown as ChannelEntry;
}
