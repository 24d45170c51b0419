// The SOAP user-messages service (user-messages-soap.txt; WIRE-NOTES "User messages, SOAP"):
// POST /listingapi/ws/IndividualUserConversationService, GET …?wsdl. One more translator onto the
// conversation service, beside the storefront's REST adapter (./http.ts): the caller is one seller
// (its SOAP credential's), it reads and writes that seller's conversations through the seller-
// scoped services and queries of lib/conversations, and "not yours" is "not found".
//
// Auth: HTTP Basic (role name / role password) on the WSDL and every call, then per request
// apiKey, sign = md5(apiKey + secret + time) compared without case, time in epoch ms within five
// minutes, each (apiKey, time, sign) once (lib/api-keys/soap.ts). Failed Basic logins are
// throttled per IP, failed signatures per credential and per IP.
//
// Every failure is a SOAP 1.1 fault (./soap-xml.ts): faultcode Client (our caller's mistake) or
// Server, faultstring in the request's `lang` (tr by default, en), and detail/ServiceError with a
// stable errorCode (lib/conversations/soap-texts.ts). HTTP status 500 as SOAP 1.1 prescribes, and
// 401 / 405 / 413 / 429 for what HTTP itself refuses.
import "server-only";
import type { Db } from "@/db/client";
import type { Message } from "@/db/schema";
import { checkSoapSignature, findSoapCaller, type SoapCaller } from "@/lib/api-keys/soap";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { readBytes, wireApi, type Envelope } from "@/lib/http/wire";
import { publicOrigin } from "@/lib/http/url";
import { clientIp, envLimit, hit, peek } from "@/lib/throttle";
import { mailSellerCopy } from "../mail";
import { countConversations, findConversation, findConversations, type ConversationFilters, type ConversationRecord } from "../queries";
import {
  customerNick,
  findMessageStats,
  findSaleCodes,
  findSellerConversationIds,
  findSellerCustomerByNick,
  findSellerMessages,
  findSellerProduct,
  findSellerSale,
  sellerNick,
} from "../seller-queries";
import { hideConversationsForSeller, markSellerRead, openSellerConversation, postSellerReply } from "../service";
import { soapErrorText, soapLang, type SoapErrorCode, type SoapLang } from "../soap-texts";
import { findTitleByName, findTitles, type TitleView } from "../titles";
import { isSoapOperation, serviceWsdl, SOAP_OPERATIONS, type SoapOperation } from "./soap-wsdl";
import { child, readSoapRequest, soapFault, soapResponse, text, texts, type OutObject, type XmlObject } from "./soap-xml";

export const SOAP_PATH = "/listingapi/ws/IndividualUserConversationService";
const BODY_LIMIT = 1024 * 1024;
const MAX_MESSAGE = 10_000;
const REALM = 'Basic realm="IndividualUserConversationService"';

/** A refusal with its code; the message is worded in the request's language when it is answered. */
class SoapError extends Error {
  constructor(
    readonly code: SoapErrorCode,
    readonly arg = "",
    readonly status = 500,
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }
}

function fault(code: SoapErrorCode, lang: SoapLang, arg = "", status = 500, headers: Record<string, string> = {}): Response {
  const faultcode = code === "INTERNAL_ERROR" ? "Server" : code === "VERSION_MISMATCH" ? "VersionMismatch" : "Client";
  return soapFault({ status, faultcode, errorCode: code, message: soapErrorText(code, lang, arg), lang, headers });
}

// The wire kit's envelope: what it answers by itself (an unexpected failure, a refused body).
const envelope: Envelope = {
  error(status, detail, _fields, headers) {
    if (status >= 500) return fault("INTERNAL_ERROR", "tr", "", 500, headers);
    return soapFault({
      status: [401, 405, 413, 429].includes(status) ? status : 500,
      faultcode: "Client",
      errorCode: "INVALID_FIELD",
      message: detail,
      lang: "tr",
      headers,
    });
  },
  body: (problem) => (problem === "too_large" ? fault("REQUEST_TOO_LARGE", "tr", "", 413) : fault("MALFORMED_REQUEST", "tr")),
};

const basicLimit = () => envLimit("SOAP_BASIC_LIMIT_IP", { max: 30, windowSeconds: 300 });
const signIpLimit = () => envLimit("SOAP_SIGN_LIMIT_IP", { max: 30, windowSeconds: 300 });
const signKeyLimit = () => envLimit("SOAP_SIGN_LIMIT_KEY", { max: 20, windowSeconds: 300 });

function basicCredentials(request: Request): { user: string; password: string } | null {
  const m = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  if (!m) return null;
  const decoded = Buffer.from(m[1]!, "base64").toString("utf8");
  const at = decoded.indexOf(":");
  return at > 0 ? { user: decoded.slice(0, at), password: decoded.slice(at + 1) } : null;
}

const soap = wireApi<SoapCaller>({
  name: "soap user messages",
  envelope,
  async authenticate(db, request) {
    const ip = clientIp(request.headers);
    const key = `soap-basic:ip:${ip}`;
    const throttled = await peek(db, key, basicLimit());
    if (!throttled.allowed) return fault("TOO_MANY_FAILURES", "tr", "", 429, { "Retry-After": String(throttled.retryAfterSeconds) });
    const given = basicCredentials(request);
    const caller = given ? await findSoapCaller(db, given.user, given.password) : null;
    if (caller) return caller;
    await hit(db, key, basicLimit());
    return fault("AUTH_REQUIRED", "tr", "", 401, { "WWW-Authenticate": REALM });
  },
  scopesOf: (caller) => caller.credential.scopes,
  forbidden: () => fault("NOT_ALLOWED", "tr"),
});

// ---------------------------------------------------------------------------------------------
// GET …?wsdl

export function getWsdl(request: Request): Promise<Response> {
  return soap.handle(request, "conversations.view", async () => {
    const url = new URL(request.url);
    if (![...url.searchParams.keys()].some((k) => k.toLowerCase() === "wsdl")) return fault("METHOD_NOT_ALLOWED", "tr", "", 405, { Allow: "POST, GET" });
    return new Response(serviceWsdl(`${publicOrigin(request)}${SOAP_PATH}`), { headers: { "content-type": "text/xml; charset=utf-8" } });
  });
}

export const soapNotAllowed = async () => fault("METHOD_NOT_ALLOWED", "tr", "", 405, { Allow: "POST, GET" });

// ---------------------------------------------------------------------------------------------
// POST: one operation per request

interface Call {
  db: Db;
  caller: SoapCaller;
  actor: Actor;
  lang: SoapLang;
  req: XmlObject;
}

export function postSoap(request: Request): Promise<Response> {
  return soap.handle(request, null, async (db, caller) => {
    const bytes = await readBytes(request, BODY_LIMIT);
    if (!bytes) return fault("REQUEST_TOO_LARGE", "tr", "", 413);
    const read = readSoapRequest(new TextDecoder().decode(bytes));
    if (!read.ok) {
      if (read.problem === "dtd") return fault("DTD_NOT_ALLOWED", "tr");
      if (read.problem === "version") return fault("VERSION_MISMATCH", "tr");
      return fault("MALFORMED_REQUEST", "tr");
    }
    const op = read.operation;
    const wrapper = read.body;
    // The request object: `<op>Request` (or any `…Request` child); some clients send its fields flat.
    const named =
      child(wrapper, `${op}Request`) ??
      Object.keys(wrapper)
        .map((k) => (k.endsWith("Request") ? child(wrapper, k) : undefined))
        .find(Boolean);
    const req = named ?? wrapper;
    const lang = soapLang(text(req, "lang") ?? text(wrapper, "lang"));
    if (!isSoapOperation(op)) return fault("UNKNOWN_OPERATION", lang, op.slice(0, 80));
    try {
      await checkSignature(db, request, caller, wrapper);
      const permission = SOAP_OPERATIONS[op].manage ? "conversations.manage" : "conversations.view";
      if (!can({ scopes: caller.credential.scopes }, permission)) throw new SoapError("NOT_ALLOWED");
      const actor: Actor = {
        kind: "api",
        label: `SOAP ${caller.credential.roleName ?? caller.credential.keyPrefix}`,
        credentialId: caller.credential.id,
        sellerId: caller.seller.id,
        name: caller.seller.title,
      };
      const result = await OPERATIONS[op]({ db, caller, actor, lang, req });
      return soapResponse(op, result);
    } catch (error) {
      if (error instanceof SoapError) return fault(error.code, lang, error.arg, error.status, error.headers);
      if (isAppError(error)) {
        if (error.code === "not_found") return fault("CONVERSATION_NOT_FOUND", lang);
        if (error.code === "too_large") return fault("MESSAGE_TOO_LONG", lang);
        if (error.code === "invalid") return fault("INVALID_FIELD", lang, Object.keys(error.fields ?? {})[0] ?? error.message);
      }
      throw error;
    }
  });
}

async function checkSignature(db: Db, request: Request, caller: SoapCaller, wrapper: XmlObject): Promise<void> {
  const apiKey = text(wrapper, "apiKey")?.trim();
  const sign = text(wrapper, "sign")?.trim();
  const time = text(wrapper, "time")?.trim();
  const ipKey = `soap-sign:ip:${clientIp(request.headers)}`;
  const credKey = `soap-sign:key:${caller.credential.id}`;
  const [byIp, byKey] = await Promise.all([peek(db, ipKey, signIpLimit()), peek(db, credKey, signKeyLimit())]);
  if (!byIp.allowed || !byKey.allowed) {
    const retry = Math.max(byIp.retryAfterSeconds, byKey.retryAfterSeconds);
    throw new SoapError("TOO_MANY_FAILURES", "", 429, { "Retry-After": String(retry) });
  }
  let code: SoapErrorCode | null = null;
  let arg = "";
  if (!apiKey) [code, arg] = ["MISSING_FIELD", "apiKey"];
  else if (!sign) [code, arg] = ["MISSING_FIELD", "sign"];
  else if (!time) [code, arg] = ["MISSING_FIELD", "time"];
  else {
    const check = await checkSoapSignature(db, caller, { apiKey, sign, time });
    const CODES: Record<typeof check, SoapErrorCode | null> = {
      ok: null,
      unknown_key: "INVALID_API_KEY",
      bad_sign: "INVALID_SIGN",
      bad_time: "INVALID_TIME",
      stale_time: "STALE_TIME",
      replay: "REPLAYED_REQUEST",
    };
    code = CODES[check];
  }
  if (!code) return;
  await Promise.all([hit(db, ipKey, signIpLimit()), hit(db, credKey, signKeyLimit())]);
  throw new SoapError(code, arg);
}

// ---------------------------------------------------------------------------------------------
// Reading the request object

function intField(req: XmlObject, names: string[], fallback: number, min: number, max: number): number {
  for (const name of names) {
    const raw = text(req, name)?.trim();
    if (raw === undefined || raw === "") continue;
    if (!/^-?\d{1,9}$/.test(raw)) throw new SoapError("INVALID_FIELD", name);
    const n = Number(raw);
    if (n < min) throw new SoapError("INVALID_FIELD", name);
    return Math.min(n, max);
  }
  return fallback;
}

function boolField(req: XmlObject, name: string): boolean | undefined {
  const raw = text(req, name)?.trim().toLowerCase();
  if (raw === undefined || raw === "") return undefined;
  if (raw === "true" || raw === "1") return true;
  if (raw === "false" || raw === "0") return false;
  throw new SoapError("INVALID_FIELD", name);
}

/** USER | SYSTEM | ALL (or nothing: all). */
function typeField(req: XmlObject, name: string): "USER" | "SYSTEM" | undefined {
  const raw = text(req, name)?.trim().toUpperCase();
  if (!raw || raw === "ALL") return undefined;
  if (raw === "USER" || raw === "SYSTEM") return raw;
  throw new SoapError("INVALID_FIELD", name);
}

/** A conversation id as a client sends it: our ids are digits (anything else is simply not found). */
function conversationIds(req: XmlObject): number[] {
  const raw = texts(req, "conversationId");
  if (!raw.length || raw.every((r) => r === "")) throw new SoapError("MISSING_FIELD", "conversationId");
  return raw.map((r) => {
    if (!/^[1-9]\d{0,14}$/.test(r)) throw new SoapError("CONVERSATION_NOT_FOUND");
    return Number(r);
  });
}

const oneConversationId = (req: XmlObject) => conversationIds(req)[0]!;

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function messageText(req: XmlObject, names: string[]): string {
  const name = names.find((n) => text(req, n) !== undefined) ?? names[0]!;
  const value = (text(req, name) ?? "").replace(CONTROL, "").trim();
  if (!value) throw new SoapError("MESSAGE_REQUIRED");
  if (value.length > MAX_MESSAGE) throw new SoapError("MESSAGE_TOO_LONG");
  return value;
}

// ---------------------------------------------------------------------------------------------
// Answers

const nickOfSide = (r: ConversationRecord, role: Message["authorRole"] | null | undefined) =>
  role === "customer" || role === "customer_service" ? customerNick(r.customer, r.thread.customerId) : sellerNick(r.seller);

async function conversationsOut(db: Db, records: ConversationRecord[], lang: SoapLang, titles?: TitleView[]): Promise<OutObject[]> {
  if (!records.length) return [];
  const orderItemIds = records.filter((r) => r.details.orderItemId && !r.details.saleCode).map((r) => r.details.orderItemId!);
  const [stats, saleCodes, titleList] = await Promise.all([
    findMessageStats(
      db,
      records.map((r) => r.thread.id),
    ),
    findSaleCodes(db, orderItemIds),
    titles ?? findTitlesIfAny(db, records, lang),
  ]);
  const titleOf = new Map(titleList.map((t) => [t.id, t]));
  return records.map((r) => {
    const stat = stats.get(r.thread.id);
    const customer = customerNick(r.customer, r.thread.customerId);
    const seller = sellerNick(r.seller);
    const startedBySeller = stat?.firstRole ? stat.firstRole !== "customer" && stat.firstRole !== "customer_service" : false;
    const title = r.details.titleId ? titleOf.get(r.details.titleId) : undefined;
    const saleCode = r.details.saleCode ?? (r.details.orderItemId ? saleCodes.get(r.details.orderItemId) : undefined);
    const unread = r.thread.unreadCount;
    return {
      conversationId: String(r.thread.id),
      subject: r.thread.subject,
      title: title?.text,
      titleCode: title?.code,
      type: r.details.messageType,
      conversationType: r.details.conversationType,
      senderNick: startedBySeller ? seller : customer,
      receiverNick: startedBySeller ? customer : seller,
      otherUserNick: customer,
      createDate: r.thread.createdAt,
      lastMessageDate: r.thread.lastVisibleAt ?? r.thread.createdAt,
      lastMessageText: r.thread.lastMessagePreview,
      lastMessageSenderNick: r.thread.lastMessageRole ? nickOfSide(r, r.thread.lastMessageRole) : undefined,
      messageCount: stat?.count ?? 0,
      unreadMessageCount: unread,
      read: unread === 0,
      answered: r.thread.channelState === "answered",
      closed: r.thread.status === "closed",
      context:
        r.details.productId || saleCode
          ? {
              product: r.details.productId ? { productId: r.details.productId, title: r.details.itemName ?? undefined } : undefined,
              sale: saleCode ? { saleCode } : undefined,
            }
          : undefined,
    };
  });
}

async function findTitlesIfAny(db: Db, records: ConversationRecord[], lang: SoapLang): Promise<TitleView[]> {
  return records.some((r) => r.details.titleId) ? findTitles(db, lang) : [];
}

async function getRecord(c: Call, threadId: number): Promise<ConversationRecord> {
  const record = await findConversation(c.db, { sellerId: c.caller.seller.id }, threadId);
  if (!record) throw new SoapError("CONVERSATION_NOT_FOUND");
  return record;
}

async function sendCopy(c: Call, messageId: number): Promise<void> {
  if (!boolField(c.req, "sendCopy")) return;
  // After commit and never in the way of the answer: the message is written either way.
  await mailSellerCopy(c.db, { messageId, lang: c.lang }).catch((error) => console.error("[soap sendCopy]", error));
}

// ---------------------------------------------------------------------------------------------
// The operations

const OPERATIONS: Record<SoapOperation, (c: Call) => Promise<OutObject>> = {
  async getConversations(c) {
    const offset = intField(c.req, ["startOffSet", "startOffset"], 0, 0, 1_000_000_000);
    const limit = intField(c.req, ["rowCount"], 20, 1, 100);
    const filters: ConversationFilters = { messageType: typeField(c.req, "messageType") };
    const empty = { conversationCount: 0, conversations: { conversation: [] } };
    const title = text(c.req, "title")?.trim();
    if (title) {
      const found = await findTitleByName(c.db, title);
      if (!found) return empty;
      filters.titleId = found.id;
    }
    const nick = text(c.req, "filteredUserNick")?.trim();
    if (nick) {
      const customer = await findSellerCustomerByNick(c.db, c.caller.seller.id, nick);
      if (!customer) return empty;
      filters.customerId = customer.id;
    }
    const { count, rows } = await findConversations(c.db, { sellerId: c.caller.seller.id }, { offset, limit, filters });
    return { conversationCount: count, conversations: { conversation: await conversationsOut(c.db, rows, c.lang) } };
  },

  async getConversationsCount(c) {
    const count = await countConversations(
      c.db,
      { sellerId: c.caller.seller.id },
      { messageType: typeField(c.req, "type") ?? typeField(c.req, "messageType"), unread: boolField(c.req, "unread") },
    );
    return { count };
  },

  async getConversationById(c) {
    const record = await getRecord(c, oneConversationId(c.req));
    const [conversation] = await conversationsOut(c.db, [record], c.lang);
    return { conversation };
  },

  async getMessages(c) {
    const threadId = oneConversationId(c.req);
    const offset = intField(c.req, ["startOffset", "startOffSet"], 0, 0, 1_000_000_000);
    const limit = intField(c.req, ["rowCount"], 50, 1, 100);
    const page = await findSellerMessages(c.db, { sellerId: c.caller.seller.id, threadId, offset, limit }).catch((error) => {
      if (isAppError(error) && error.code === "not_found") throw new SoapError("CONVERSATION_NOT_FOUND");
      throw error;
    });
    const r = page.record;
    const customer = customerNick(r.customer, r.thread.customerId);
    const seller = sellerNick(r.seller);
    return {
      conversationId: String(r.thread.id),
      messageCount: page.count,
      unreadMessageCount: r.thread.unreadCount,
      messages: {
        message: page.rows.map((m) => ({
          messageId: String(m.message.id),
          conversationId: String(r.thread.id),
          senderNick: m.fromSeller ? seller : customer,
          receiverNick: m.fromSeller ? customer : seller,
          messageText: m.message.body,
          sendDate: m.message.createdAt,
          read: m.read,
          outgoing: m.fromSeller,
        })),
      },
    };
  },

  async postConversation(c) {
    const sellerId = c.caller.seller.id;
    if (!c.caller.seller.isActive) throw new SoapError("SELLER_INACTIVE");
    const type = typeField(c.req, "type") ?? "USER";
    const body = messageText(c.req, ["messageText", "message"]);
    const context = child(c.req, "context");
    const saleCode = text(child(context, "sale"), "saleCode")?.trim();
    const productRaw = text(child(context, "product"), "productId")?.trim();
    const nick = text(c.req, "toUserNick")?.trim();
    const titleName = text(c.req, "title")?.trim();

    let customerId: number;
    let orderItemId: number | null = null;
    let productId: number | null = null;
    let itemName: string | null = null;
    if (saleCode) {
      const sale = await findSellerSale(c.db, sellerId, saleCode);
      if (!sale) throw new SoapError("SALE_NOT_FOUND");
      customerId = sale.customer.id;
      orderItemId = sale.line.id;
      productId = sale.product.id;
      itemName = sale.product.name;
    } else if (nick) {
      const customer = await findSellerCustomerByNick(c.db, sellerId, nick);
      if (!customer) throw new SoapError("USER_NOT_FOUND");
      customerId = customer.id;
    } else throw new SoapError("RECIPIENT_REQUIRED");
    if (productRaw && !orderItemId) {
      if (!/^[1-9]\d{0,14}$/.test(productRaw)) throw new SoapError("PRODUCT_NOT_FOUND");
      const product = await findSellerProduct(c.db, sellerId, Number(productRaw));
      if (!product) throw new SoapError("PRODUCT_NOT_FOUND");
      productId = product.id;
      itemName = product.name;
    }
    let titleId: number | null = null;
    let subject = itemName ?? "";
    if (titleName) {
      const title = await findTitleByName(c.db, titleName);
      if (!title) throw new SoapError("TITLE_NOT_FOUND");
      titleId = title.id;
      subject = (await findTitles(c.db, c.lang)).find((t) => t.id === title.id)?.text ?? titleName;
    }
    if (!subject) subject = body.replace(/\s+/g, " ").slice(0, 60);
    const { thread, message } = await openSellerConversation(
      c.db,
      { sellerId, customerId, subject, body, titleId, messageType: type, orderItemId, saleCode: saleCode ?? null, productId, itemName, locale: c.lang },
      c.actor,
    );
    await sendCopy(c, message.id);
    return { conversationId: String(thread.id), messageId: String(message.id) };
  },

  async putMessage(c) {
    const threadId = oneConversationId(c.req);
    const body = messageText(c.req, ["message", "messageText"]);
    const { message } = await postSellerReply(c.db, { threadId, sellerId: c.caller.seller.id, body }, c.actor);
    await sendCopy(c, message.id);
    return { conversationId: String(threadId), messageId: String(message.id) };
  },

  markAsRead: (c) => markAll(c, true),
  markAsUnread: (c) => markAll(c, false),

  async deleteConversation(c) {
    const threadId = oneConversationId(c.req);
    await hideConversationsForSeller(c.db, { threadIds: [threadId], sellerId: c.caller.seller.id }, c.actor);
    return { conversationId: [String(threadId)], deletedCount: 1 };
  },

  async deleteConversations(c) {
    const ids = [...new Set(conversationIds(c.req))];
    const deletedCount = await hideConversationsForSeller(c.db, { threadIds: ids, sellerId: c.caller.seller.id }, c.actor);
    return { conversationId: ids.map(String), deletedCount };
  },

  async getConversationSubject(c) {
    const titles = await findTitles(c.db, c.lang);
    return { subjects: { subject: titles.map((t) => ({ id: String(t.id), code: t.code, title: t.text })) } };
  },
};

/** Read or unread, one conversation or several: all of them must be the seller's (else nothing changes). */
async function markAll(c: Call, read: boolean): Promise<OutObject> {
  const ids = [...new Set(conversationIds(c.req))];
  const mine = await findSellerConversationIds(c.db, c.caller.seller.id, ids);
  if (mine.length !== ids.length) throw new SoapError("CONVERSATION_NOT_FOUND");
  let unread = 0;
  for (const threadId of ids) unread += (await markSellerRead(c.db, { threadId, sellerId: c.caller.seller.id, read }, c.actor)).unreadCount;
  return { conversationId: ids.map(String), unreadMessageCount: unread };
}
