// The wire-compatible marketplace discussions API (base /seller/v2) and its token endpoint. A
// translator only: the Bearer token + SellerId header, the API's field names, JSON-Patch-like
// bodies and application/problem+json errors stop here; inside it calls the discussion service
// and queries, which take the seller id into every WHERE.
import { randomUUID } from "node:crypto";
import { getDb, type Db } from "@/db/client";
import type { ApiCredential, Seller } from "@/db/schema";
import { hasScope } from "@/lib/api-keys/service";
import { isAppError } from "@/lib/errors";
import { inTransaction } from "@/lib/events";
import { getLocaleSettings, pickLocale } from "@/lib/i18n";
import { getStore } from "@/lib/storage/store";
import { clientIp, envLimit, hit, peek } from "@/lib/throttle";
import {
  countDiscussions,
  findDiscussionIdByReference,
  findDiscussionMessages,
  findDiscussionsPage,
  findSellerAttachments,
  findSellerMessage,
  findTypologies,
  getDiscussion,
  processStatusOf,
  type DiscussionRow,
  type MessageRow,
} from "./queries";
import { eligibleReceivers, userTypeOfRole } from "./receivers";
import {
  attachmentQuerySchema,
  countQuerySchema,
  createDiscussionSchema,
  listQuerySchema,
  MAX_MESSAGE_BODY_BYTES,
  patchSchema,
  postMessageSchema,
  typologyQuerySchema,
} from "./schemas";
import { checkDiscussionFiles, checkSellerToken, createDiscussion, issueSellerToken, replyToDiscussion, setDiscussionMessageRead, setDiscussionOpen } from "./service";

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  500: "Internal Server Error",
};

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", ...headers } });

/** RFC 7807 as the clients read it: title, status, detail, errors (field → messages), traceId. */
export function problem(status: number, detail: string, errors: Record<string, string[]> = {}, headers: Record<string, string> = {}) {
  return new Response(
    JSON.stringify({ type: `https://httpstatuses.io/${status}`, title: TITLES[status] ?? "Error", status, detail, errors, traceId: randomUUID() }),
    { status, headers: { "content-type": "application/problem+json; charset=utf-8", ...headers } },
  );
}

function issuesToErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const i of issues) {
    const key = i.path.length ? i.path.map(String).join(".") : "body";
    (out[key] ??= []).push(i.message);
  }
  return out;
}
const invalid = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) => {
  const errors = issuesToErrors(issues);
  return problem(400, Object.entries(errors).map(([k, v]) => `${k}: ${v.join(", ")}`).join("; "), errors);
};

// ---------------------------------------------------------------------------------------------
// Auth: Authorization: Bearer <token> (from the token endpoint) + SellerId: <the seller's id>.

type Caller = { credential: ApiCredential; seller: Seller };
type Need = "view" | "manage";
const allows = (c: ApiCredential, need: Need) => hasScope(c, "discussions.manage") || (need === "view" && hasScope(c, "discussions.view"));

async function withSeller(request: Request, need: Need, fn: (db: Db, caller: Caller) => Promise<Response>): Promise<Response> {
  try {
    const db = await getDb();
    const m = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
    if (!m) return problem(401, "Send a Bearer token from the token endpoint.", {}, { "WWW-Authenticate": 'Bearer realm="seller"' });
    const check = await checkSellerToken(db, m[1]!);
    if (!check.ok) {
      const detail = check.reason === "expired" ? "The access token has expired; request a new one." : "The access token is not valid.";
      return problem(401, detail, {}, { "WWW-Authenticate": `Bearer realm="seller", error="invalid_token", error_description="${detail}"` });
    }
    const sellerHeader = request.headers.get("sellerid")?.trim();
    if (!sellerHeader) return problem(400, "The SellerId header is required.", { SellerId: ["required"] });
    if (sellerHeader !== check.seller.externalId && sellerHeader !== String(check.seller.id)) {
      return problem(403, "The SellerId header does not match the token's seller.");
    }
    if (!allows(check.credential, need)) return problem(403, `This credential may not ${need === "view" ? "read" : "change"} discussions.`);
    return await fn(db, check);
  } catch (error) {
    if (isAppError(error)) return problem(error.status, error.message, error.fields ?? {});
    console.error("[seller api]", error);
    return problem(500, "Something went wrong on our side.");
  }
}

async function readJson(request: Request, limit = 1024 * 1024): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limit) return { ok: false, response: problem(413, `The request body may not exceed ${Math.round(limit / 1024 / 1024)} MB.`) };
  const text = await request.text();
  if (text.length > limit) return { ok: false, response: problem(413, `The request body may not exceed ${Math.round(limit / 1024 / 1024)} MB.`) };
  if (!text.trim()) return { ok: false, response: problem(400, "The request body is empty.") };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, response: problem(400, "The request body is not valid JSON.") };
  }
}

/** Query string → plain object; empty values are "not given"; discussionId may repeat or be comma-separated. */
function readQuery(url: URL, multi: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of url.searchParams) {
    if (value === "") continue;
    if (multi.includes(key)) out[key] = [...((out[key] as string[]) ?? []), ...value.split(",").filter(Boolean)];
    else out[key] = value;
  }
  return out;
}

const parseId = (raw: string) => {
  const s = decodeURIComponent(raw).replace(/\/+$/, "").trim();
  return /^\d{1,15}$/.test(s) && Number(s) > 0 ? Number(s) : null;
};
const actorOf = (caller: Caller) => ({ label: `Seller API ${caller.credential.keyPrefix}` });
const notAllowed = (allow: string) => problem(405, "This method is not supported here.", {}, { Allow: allow });

// ---------------------------------------------------------------------------------------------
// Output shapes

export function messageToWire(m: MessageRow) {
  const userType = userTypeOfRole(m.authorRole);
  return {
    messageId: String(m.id),
    discussionId: String(m.threadId),
    body: m.body,
    sender: { userId: m.externalId ?? (m.authorUserId ? String(m.authorUserId) : null), userType, name: m.authorName || null },
    userType,
    receivers: m.receivers ?? [],
    hasRead: m.readAt !== null,
    attachmentCount: m.attachmentCount,
    createdAt: m.createdAt.toISOString(),
  };
}

export function discussionToWire(row: DiscussionRow, messages: MessageRow[]) {
  const { thread: t, detail: d } = row;
  return {
    discussionId: String(t.id),
    salesChannelExternalDiscussionReference: d.externalReference,
    subject: t.subject,
    salesChannel: d.salesChannel,
    sellerId: row.sellerExternalId,
    customerId: d.customerExternalId,
    orderReference: d.orderReference,
    orderId: d.orderId,
    orderStatus: d.orderStatus,
    offerId: d.offerId,
    productId: d.productId,
    typologyId: d.typologyId,
    typologyCode: d.typologyCode,
    subTypologyCode: d.subTypologyCode,
    graduationCode: d.graduationCode,
    isOpen: t.status === "open",
    processStatus: processStatusOf(t),
    status: processStatusOf(t),
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    receivers: eligibleReceivers(d.receivers),
    messages: messages.map(messageToWire),
  };
}

// ---------------------------------------------------------------------------------------------
// Handlers

type Ctx<K extends string> = { params: Promise<Record<K, string>> };

async function typologies(request: Request): Promise<Response> {
  return withSeller(request, "view", async (db) => {
    const parsed = typologyQuerySchema.safeParse(readQuery(new URL(request.url)));
    if (!parsed.success) return invalid(parsed.error.issues);
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

export const typologiesRoute = { GET: typologies, POST: async () => notAllowed("GET") };

export const countRoute = {
  // GET /seller/v2/discussions/count
  async GET(request: Request): Promise<Response> {
    return withSeller(request, "view", async (db, caller) => {
      const parsed = countQuerySchema.safeParse(readQuery(new URL(request.url)));
      if (!parsed.success) return invalid(parsed.error.issues);
      return json({ count: await countDiscussions(db, caller.seller.id, parsed.data) });
    });
  },
  POST: async () => notAllowed("GET"),
};

export const discussionsRoute = {
  // GET /seller/v2/discussions — the seller's discussions, filtered and paged, Link to the next page
  async GET(request: Request): Promise<Response> {
    return withSeller(request, "view", async (db, caller) => {
      const url = new URL(request.url);
      const parsed = listQuerySchema.safeParse(readQuery(url, ["discussionId"]));
      if (!parsed.success) return invalid(parsed.error.issues);
      const q = parsed.data;
      const { rows, total } = await findDiscussionsPage(db, caller.seller.id, q);
      const headers: Record<string, string> = {};
      if (q.pageIndex * q.pageSize < total) {
        const next = new URL(url);
        next.searchParams.set("pageIndex", String(q.pageIndex + 1));
        next.searchParams.set("pageSize", String(q.pageSize));
        headers.Link = `<${next.toString()}>; rel="next"`;
      }
      return json(
        { items: rows.map((r) => discussionToWire(r, r.messages)), itemsPerPage: q.pageSize, pageIndex: q.pageIndex, count: total },
        200,
        headers,
      );
    });
  },

  // POST /seller/v2/discussions — a new discussion (the marketplace side, imports, tests)
  async POST(request: Request): Promise<Response> {
    return withSeller(request, "manage", async (db, caller) => {
      const body = await readJson(request, MAX_MESSAGE_BODY_BYTES * 4);
      if (!body.ok) return body.response;
      const parsed = createDiscussionSchema.safeParse(body.value);
      if (!parsed.success) return invalid(parsed.error.issues);
      const { thread } = await inTransaction(db, (tx, emit) => createDiscussion(tx, emit, getStore(), caller.seller, parsed.data, actorOf(caller)));
      const row = (await getDiscussion(db, caller.seller.id, thread.id))!;
      return json(discussionToWire(row, await findDiscussionMessages(db, thread.id)), 201, { Location: `/seller/v2/discussions/${thread.id}` });
    });
  },
  PATCH: async () => notAllowed("GET, POST"),
};

export const discussionRoute = {
  // GET /seller/v2/discussions/{id} — the discussion, its messages and the eligible receivers
  async GET(request: Request, context: Ctx<"discussionId">): Promise<Response> {
    const id = parseId((await context.params).discussionId);
    return withSeller(request, "view", async (db, caller) => {
      const row = id ? await getDiscussion(db, caller.seller.id, id) : undefined;
      if (!row) return problem(404, "Discussion not found.");
      return json(discussionToWire(row, await findDiscussionMessages(db, row.thread.id)));
    });
  },

  // PATCH /seller/v2/discussions/{id} — [{"op"|"opt": "replace", "path": "/isOpen", "value": false}]
  async PATCH(request: Request, context: Ctx<"discussionId">): Promise<Response> {
    const id = parseId((await context.params).discussionId);
    return withSeller(request, "manage", async (db, caller) => {
      if (!id) return problem(404, "Discussion not found.");
      const body = await readJson(request);
      if (!body.ok) return body.response;
      const parsed = patchSchema("isOpen").safeParse(body.value);
      if (!parsed.success) return invalid(parsed.error.issues);
      await inTransaction(db, (tx, emit) => setDiscussionOpen(tx, emit, id, parsed.data, actorOf(caller), caller.seller.id));
      return json({ success: true, status: "success" });
    });
  },
  POST: async () => notAllowed("GET, PATCH"),
  PUT: async () => notAllowed("GET, PATCH"),
  DELETE: async () => notAllowed("GET, PATCH"),
};

export const messagesRoute = {
  // POST /seller/v2/messages — a reply, with up to 3 base64 attachments (4 MB in all)
  async POST(request: Request): Promise<Response> {
    return withSeller(request, "manage", async (db, caller) => {
      const body = await readJson(request, MAX_MESSAGE_BODY_BYTES);
      if (!body.ok) return body.response;
      const parsed = postMessageSchema.safeParse(body.value);
      if (!parsed.success) return invalid(parsed.error.issues);
      const v = parsed.data;
      const threadId = v.discussionId
        ? Number(v.discussionId)
        : await findDiscussionIdByReference(db, caller.seller.id, v.salesChannel!, v.salesChannelExternalDiscussionReference!);
      if (!threadId || !(await getDiscussion(db, caller.seller.id, threadId))) return problem(404, "Discussion not found.");
      const files = await checkDiscussionFiles(v.attachments);
      const { message, attachments } = await inTransaction(db, (tx, emit) =>
        replyToDiscussion(
          tx,
          emit,
          getStore(),
          { threadId, sellerId: caller.seller.id, body: v.body, receivers: v.receivers, files, authorRole: "seller", authorName: caller.seller.title },
        ),
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
  GET: async () => notAllowed("POST"),
};

export const messageRoute = {
  // PATCH /seller/v2/messages/{id} — [{"opt": "replace", "path": "/hasRead", "value": "true"}]
  async PATCH(request: Request, context: Ctx<"messageId">): Promise<Response> {
    const id = parseId((await context.params).messageId);
    return withSeller(request, "manage", async (db, caller) => {
      const message = id ? await findSellerMessage(db, caller.seller.id, id) : undefined;
      if (!message) return problem(404, "Message not found.");
      const body = await readJson(request);
      if (!body.ok) return body.response;
      const parsed = patchSchema("hasRead").safeParse(body.value);
      if (!parsed.success) return invalid(parsed.error.issues);
      await inTransaction(db, (tx, emit) => setDiscussionMessageRead(tx, emit, message, parsed.data, actorOf(caller)));
      return json({ success: true, status: "success" });
    });
  },
  GET: async () => notAllowed("PATCH"),
};

const FORMAT: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/bmp": "bmp",
  "image/tiff": "tif",
  "application/pdf": "pdf",
  "application/msword": "doc",
  "application/vnd.ms-excel": "xls",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
};

export const attachmentsRoute = {
  // GET /seller/v2/attachments?discussionId=|messageId=|attachmentId= — with base64 content
  async GET(request: Request): Promise<Response> {
    return withSeller(request, "view", async (db, caller) => {
      const parsed = attachmentQuerySchema.safeParse(readQuery(new URL(request.url)));
      if (!parsed.success) return invalid(parsed.error.issues);
      const rows = await findSellerAttachments(db, caller.seller.id, parsed.data);
      const store = getStore();
      const out = [];
      for (const a of rows) {
        const bytes = await store.get(a.storageKey);
        out.push({
          discussionId: String(a.threadId),
          messageId: a.messageId ? String(a.messageId) : null,
          attachmentId: String(a.id),
          attachmentName: a.fileName,
          fileFormat: FORMAT[a.contentType] ?? a.contentType,
          size: a.size,
          content: bytes ? Buffer.from(bytes).toString("base64") : null,
        });
      }
      return json(out);
    });
  },
  POST: async () => notAllowed("GET"),
};

// ---------------------------------------------------------------------------------------------
// POST /auth/realms/maas/protocol/openid-connect/token — client credentials → Bearer token.
// Errors here are OAuth 2.0's ({"error", "error_description"}), as every token client reads them.

const oauthError = (status: number, error: string, description: string) =>
  json({ error, error_description: description }, status, { "cache-control": "no-store", ...(status === 401 ? { "WWW-Authenticate": 'Basic realm="maas"' } : {}) });

/** Failed token requests allowed per address (SELLER_TOKEN_LIMIT_IP_MAX / _WINDOW_SECONDS). */
export const SELLER_TOKEN_LIMIT_IP = () => envLimit("SELLER_TOKEN_LIMIT_IP", { max: 30, windowSeconds: 5 * 60 });

export const tokenRoute = {
  async POST(request: Request): Promise<Response> {
    try {
      const text = await request.text();
      let fields: Record<string, string> = {};
      if (text.trim().startsWith("{")) {
        try {
          fields = Object.fromEntries(Object.entries(JSON.parse(text) as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
        } catch {
          return oauthError(400, "invalid_request", "The body could not be read.");
        }
      } else fields = Object.fromEntries(new URLSearchParams(text));
      // client_secret_basic: the client id and secret in an HTTP Basic header.
      const basic = /^Basic\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "");
      if (basic) {
        const decoded = Buffer.from(basic[1]!, "base64").toString("utf8");
        const colon = decoded.indexOf(":");
        if (colon > 0) {
          fields.client_id ??= decodeURIComponent(decoded.slice(0, colon));
          fields.client_secret ??= decodeURIComponent(decoded.slice(colon + 1));
        }
      }
      if (fields.grant_type !== "client_credentials") return oauthError(400, "unsupported_grant_type", "Only grant_type=client_credentials is supported.");
      if (!fields.client_id || !fields.client_secret) return oauthError(401, "invalid_client", "client_id and client_secret are required.");
      const db = await getDb();
      // Wrong secrets from one address are counted; past the limit even a right one waits.
      const key = `seller-token:ip:${clientIp(request.headers)}`;
      const limit = SELLER_TOKEN_LIMIT_IP();
      const seen = await peek(db, key, limit);
      if (!seen.allowed) {
        return json({ error: "slow_down", error_description: "Too many failed attempts; try again later." }, 429, { "Retry-After": String(seen.retryAfterSeconds), "cache-control": "no-store" });
      }
      const issued = await issueSellerToken(db, fields.client_id, fields.client_secret);
      if (!issued) {
        await hit(db, key, limit);
        return oauthError(401, "invalid_client", "Invalid client credentials.");
      }
      return json(
        { access_token: issued.token, expires_in: issued.expiresIn, refresh_expires_in: 0, token_type: "Bearer", "not-before-policy": 0, scope: issued.credential.scopes.join(" ") },
        200,
        { "cache-control": "no-store", pragma: "no-cache" },
      );
    } catch (error) {
      console.error("[seller token]", error);
      return oauthError(500, "server_error", "Something went wrong on our side.");
    }
  },
  GET: async () => oauthError(405, "invalid_request", "Use POST."),
};
