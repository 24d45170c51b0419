// What the customer side sends about conversations: the portal's start form and reply, and the
// conversations API's create body (the spec's field names). Messages are codes, worded per
// language by lib/conversations/texts.ts and lib/validation/drf.ts. Browser-safe.
import { z } from "zod";
import { drfBoolean, drfChoice, drfId, drfString } from "@/lib/validation/drf";
import { CONVERSATION_TYPES, ITEM_CONTENTS, STARTABLE_TYPES } from "./views";

export const MESSAGE_MAX = 10_000;
export const SUBJECT_MAX = 200;

/** The portal's new conversation (from a shop's link). */
export const startConversationSchema = z.object({
  conversation_type: drfChoice(STARTABLE_TYPES, { required: true }),
  datasource: drfId({ required: true }),
  item_content: drfChoice(ITEM_CONTENTS),
  item_id: drfId(),
  subject: drfString({ max: SUBJECT_MAX }),
  message_content: drfString({ required: true, max: MESSAGE_MAX, multiline: true }),
  is_public: drfBoolean(),
});

/** A reply in the portal (the files come beside it). */
export const replySchema = z.object({ body: drfString({ max: MESSAGE_MAX, multiline: true }) });

/**
 * POST /users/conversations/ as the spec writes it. `user` and `content_id` name the caller (its
 * customer id) and `content_type` must be "user": a customer writes only as themselves. With
 * `conversation`, the message goes into that existing conversation of the caller's.
 */
export const apiCreateSchema = z.object({
  conversation_type: drfChoice(CONVERSATION_TYPES, { required: true }),
  user: drfId({ required: true }),
  user_type: drfChoice(["guest", "registered"] as const, { required: true }),
  message_content: drfString({ required: true, max: MESSAGE_MAX, multiline: true }),
  datasource: drfId({ required: true }),
  content_type: drfChoice(["user", "datasource"] as const, { required: true }),
  is_public: drfBoolean(),
  content_id: drfId({ required: true }),
  subject: drfString({ max: SUBJECT_MAX }),
  conversation: drfId(),
  item_content: drfChoice(ITEM_CONTENTS),
  item_id: drfId(),
});
export type ApiCreate = z.output<typeof apiCreateSchema>;

/** The list's query: DRF's page number pagination (page, page_size or limit) and a few filters. */
export const apiListQuerySchema = z.object({
  page: z.unknown().optional(),
  page_size: z.unknown().optional(),
  limit: z.unknown().optional(),
  conversation_type: drfChoice(CONVERSATION_TYPES),
  item_content: drfChoice(ITEM_CONTENTS),
  item_id: drfId(),
  datasource: drfId(),
  is_answered: z.unknown().optional(),
});
