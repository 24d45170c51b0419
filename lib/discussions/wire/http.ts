// The wire-compatible marketplace discussions API (base /seller/v2). A translator only: the API's
// field names, JSON-Patch-like bodies and problem+json errors stop here; inside it calls the same
// services the inbox does — replies through the one reply path — and queries that take the seller
// id into every WHERE, so another seller's discussion is simply not found.
import "server-only";
import { randomUUID } from "node:crypto";
import { postReply } from "@/lib/channels/reply";
import { getLocaleSettings, pickLocale } from "@/lib/i18n";
import { publicUrl } from "@/lib/http/url";
import { json, parseId, readQuery } from "@/lib/http/wire";
import { getStore } from "@/lib/storage/store";
import {
  countDiscussions,
  findDiscussion,
  findDiscussionIdByReference,
  findDiscussionMessages,
  findDiscussionsPage,
  findSellerAttachments,
  findSellerMessage,
  findTypologies,
} from "../queries";
import {
  attachmentQuerySchema,
  countQuerySchema,
  createDiscussionSchema,
  listQuerySchema,
  MAX_MESSAGE_BODY_BYTES,
  patchSchema,
  postMessageSchema,
  typologyQuerySchema,
} from "../schemas";
import { checkDiscussionFiles, createDiscussion, setDiscussionMessageRead, setDiscussionOpen } from "../service";
import { problem, sellerActor, sellerApi } from "./api";
import { attachmentToWire, discussionToWire } from "./shapes";

type Ctx<K extends string> = { params: Promise<Record<K, string>> };

// GET /seller/v2/typologies and /seller/v2/discussions/typologies — in the caller's language
async function typologies(request: Request): Promise<Response> {
  return sellerApi.handle(request, "discussions.view", async (db) => {
    const parsed = typologyQuerySchema.safeParse(readQuery(new URL(request.url)));
    if (!parsed.success) return sellerApi.invalid(parsed.error.issues);
    const { codes, defaultLocale } = await getLocaleSettings(db);
    const locale = pickLocale(request.headers.get("accept-language"), codes, defaultLocale);
    const rows = await findTypologies(db, parsed.data, locale);
    return json(
      rows.map((t) => ({
        typologyId: t.id,
        typologyCode: t.typologyCode,
        subTypologyCode: t.subTypologyCode,
        typologyDescription: t.description,
        state: t.isActive ? "Active" : "Inactive",
        salesChannel: t.salesChannel,
        orderStatuses: t.orderStatuses,
        userTypes: t.userTypes,
      })),
    );
  });
}

export const typologiesRoute = { GET: typologies, POST: sellerApi.notAllowed("GET") };

export const countRoute = {
  // GET /seller/v2/discussions/count
  async GET(request: Request): Promise<Response> {
    return sellerApi.handle(request, "discussions.view", async (db, caller) => {
      const parsed = countQuerySchema.safeParse(readQuery(new URL(request.url)));
      if (!parsed.success) return sellerApi.invalid(parsed.error.issues);
      return json({ count: await countDiscussions(db, caller.seller.id, parsed.data) });
    });
  },
  POST: sellerApi.notAllowed("GET"),
};

export const discussionsRoute = {
  // GET /seller/v2/discussions — the seller's discussions, filtered and paged, Link to the next page
  async GET(request: Request): Promise<Response> {
    return sellerApi.handle(request, "discussions.view", async (db, caller) => {
      const parsed = listQuerySchema.safeParse(readQuery(new URL(request.url), { lists: ["discussionId"], splitCommas: true }));
      if (!parsed.success) return sellerApi.invalid(parsed.error.issues);
      const q = parsed.data;
      const { rows, total } = await findDiscussionsPage(db, caller.seller.id, q);
      const headers: Record<string, string> = {};
      if (q.pageIndex * q.pageSize < total) {
        // On the host the client called (or PUBLIC_URL), never the address the server listens on.
        const next = publicUrl(request);
        next.searchParams.set("pageIndex", String(q.pageIndex + 1));
        next.searchParams.set("pageSize", String(q.pageSize));
        headers.Link = `<${next.toString()}>; rel="next"`;
      }
      return json({ items: rows.map((r) => discussionToWire(r, r.messages)), itemsPerPage: q.pageSize, pageIndex: q.pageIndex, count: total }, 200, headers);
    });
  },

  // POST /seller/v2/discussions — a new discussion (the marketplace side, imports, tests)
  async POST(request: Request): Promise<Response> {
    return sellerApi.handle(request, "discussions.manage", async (db, caller) => {
      const body = await sellerApi.readBody(request, { limit: MAX_MESSAGE_BODY_BYTES * 4, required: true });
      if (!body.ok) return body.response;
      const parsed = createDiscussionSchema.safeParse(body.data);
      if (!parsed.success) return sellerApi.invalid(parsed.error.issues);
      const { thread } = await createDiscussion(db, { seller: caller.seller, discussion: parsed.data }, sellerActor(caller));
      const row = (await findDiscussion(db, caller.seller.id, thread.id))!;
      return json(discussionToWire(row, await findDiscussionMessages(db, thread.id)), 201, { Location: `/seller/v2/discussions/${thread.id}` });
    });
  },
  PATCH: sellerApi.notAllowed("GET, POST"),
};

export const discussionRoute = {
  // GET /seller/v2/discussions/{id} — the discussion, its messages and the eligible receivers
  async GET(request: Request, context: Ctx<"discussionId">): Promise<Response> {
    const id = parseId((await context.params).discussionId);
    return sellerApi.handle(request, "discussions.view", async (db, caller) => {
      const row = id ? await findDiscussion(db, caller.seller.id, id) : undefined;
      if (!row) return problem(404, "Discussion not found.");
      return json(discussionToWire(row, await findDiscussionMessages(db, row.thread.id)));
    });
  },

  // PATCH /seller/v2/discussions/{id} — [{"op"|"opt": "replace", "path": "/isOpen", "value": false}]
  async PATCH(request: Request, context: Ctx<"discussionId">): Promise<Response> {
    const id = parseId((await context.params).discussionId);
    return sellerApi.handle(request, "discussions.manage", async (db, caller) => {
      if (!id) return problem(404, "Discussion not found.");
      const body = await sellerApi.readBody(request, { required: true, allowArray: true });
      if (!body.ok) return body.response;
      const parsed = patchSchema("isOpen").safeParse(body.raw);
      if (!parsed.success) return sellerApi.invalid(parsed.error.issues);
      await setDiscussionOpen(db, { threadId: id, isOpen: parsed.data, sellerId: caller.seller.id }, sellerActor(caller));
      return json({ success: true, status: "success" });
    });
  },
  POST: sellerApi.notAllowed("GET, PATCH"),
  PUT: sellerApi.notAllowed("GET, PATCH"),
  DELETE: sellerApi.notAllowed("GET, PATCH"),
};

export const messagesRoute = {
  // POST /seller/v2/messages — a reply, with up to 3 base64 attachments (4 MB in all)
  async POST(request: Request): Promise<Response> {
    return sellerApi.handle(request, "discussions.manage", async (db, caller) => {
      const body = await sellerApi.readBody(request, { limit: MAX_MESSAGE_BODY_BYTES, required: true });
      if (!body.ok) return body.response;
      const parsed = postMessageSchema.safeParse(body.data);
      if (!parsed.success) return sellerApi.invalid(parsed.error.issues);
      const v = parsed.data;
      const threadId = v.discussionId
        ? Number(v.discussionId)
        : await findDiscussionIdByReference(db, caller.seller.id, v.salesChannel!, v.salesChannelExternalDiscussionReference!);
      if (!threadId) return problem(404, "Discussion not found.");
      // Counted before decoding, then decoded and checked by their bytes (the reply path checks them again).
      const files = await checkDiscussionFiles(v.attachments);
      const { message, attachments } = await postReply(
        db,
        {
          threadId,
          kind: "reply",
          body: v.body,
          receivers: v.receivers,
          files,
          filesField: "attachments",
          scope: { channel: "discussion", sellerId: caller.seller.id },
          notFound: "Discussion not found.",
        },
        sellerActor(caller),
      );
      return json(
        {
          type: "Success",
          title: "Message created",
          status: 201,
          traceId: randomUUID(),
          errors: {},
          messageId: String(message.id),
          discussionId: String(threadId),
          attachments: attachments.map((a) => ({ attachmentId: String(a.id), attachmentName: a.fileName })),
        },
        201,
      );
    });
  },
  GET: sellerApi.notAllowed("POST"),
};

export const messageRoute = {
  // PATCH /seller/v2/messages/{id} — [{"opt": "replace", "path": "/hasRead", "value": "true"}]
  async PATCH(request: Request, context: Ctx<"messageId">): Promise<Response> {
    const id = parseId((await context.params).messageId);
    return sellerApi.handle(request, "discussions.manage", async (db, caller) => {
      const message = id ? await findSellerMessage(db, caller.seller.id, id) : undefined;
      if (!message) return problem(404, "Message not found.");
      const body = await sellerApi.readBody(request, { required: true, allowArray: true });
      if (!body.ok) return body.response;
      const parsed = patchSchema("hasRead").safeParse(body.raw);
      if (!parsed.success) return sellerApi.invalid(parsed.error.issues);
      await setDiscussionMessageRead(db, { message, hasRead: parsed.data }, sellerActor(caller));
      return json({ success: true, status: "success" });
    });
  },
  GET: sellerApi.notAllowed("PATCH"),
};

export const attachmentsRoute = {
  // GET /seller/v2/attachments?discussionId=|messageId=|attachmentId= — with base64 content
  async GET(request: Request): Promise<Response> {
    return sellerApi.handle(request, "discussions.view", async (db, caller) => {
      const parsed = attachmentQuerySchema.safeParse(readQuery(new URL(request.url)));
      if (!parsed.success) return sellerApi.invalid(parsed.error.issues);
      const rows = await findSellerAttachments(db, caller.seller.id, parsed.data);
      const store = getStore();
      const out = [];
      for (const a of rows) out.push(attachmentToWire(a, await store.get(a.storageKey)));
      return json(out);
    });
  },
  POST: sellerApi.notAllowed("GET"),
};
