// The conversations API (contact-and-conversations.md, "List / Retrieve / Create User
// Conversation"; WIRE-NOTES): a storefront calls it with its shopper's osessionid session. A
// translator onto lib/conversations: the signed-in customer's conversations only (the customer id
// in every WHERE: another's is 404), pages like Django REST framework with absolute next/previous,
// errors in DRF's shapes and the caller's language, CSRF on unsafe calls. The seller side of every
// message is the seller (content_type "datasource"), never the agent who wrote it.
import "server-only";
import type { Db } from "@/db/client";
import type { Customer, Seller } from "@/db/schema";
import { drfJson, shopperApi, type Shopper, bodyTexts, detailText } from "@/lib/accounts/wire/drf";
import { namesOf } from "@/lib/accounts/queries";
import { isAppError } from "@/lib/errors";
import { parseId, readQuery } from "@/lib/http/wire";
import { publicUrl } from "@/lib/http/url";
import { drfErrors, fieldErrorText, type FieldLocale } from "@/lib/validation/drf";
import { sideOf } from "../present";
import { findConversation, findConversations, findItems, findVisibleMessages, itemKey, type ConversationRecord, type VisibleMessage } from "../queries";
import { apiCreateSchema, apiListQuerySchema } from "../schemas";
import { ConversationExistsError, openCustomerConversation, postCustomerMessage } from "../service";
import { CONVERSATION_ERRORS } from "../texts";
import type { ItemView } from "../views";

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

// ---------------------------------------------------------------------------------------------
// Shapes

export function datasourceJson(s: Seller) {
  return {
    phone_number: s.phone,
    name: s.slug,
    title: s.title,
    supplier_code: s.supplierCode,
    mersis_number: s.mersisNumber,
    fax_number: s.faxNumber,
    email: s.email,
    is_active: s.isActive,
    trade_association: s.tradeAssociation,
    price_list: s.priceList,
    address: s.address,
    stock_list: s.stockList,
    pk: s.id,
    slug: s.slug,
    kep_address: s.kepAddress,
    extras: s.extras ?? {},
  };
}

function imagesJson(item: ItemView) {
  return item.images.map((i) => ({ pk: i.id, product: i.productId, image: i.path, order: i.position, height: i.height, width: i.width }));
}

/** The product (or the order item and its product) as the API's item_object. */
export function itemObjectJson(item: ItemView | undefined) {
  if (!item) return null;
  const product = { pk: item.productId, sku: item.sku, product_images: imagesJson(item), name: item.name };
  if (item.kind === "product") return product;
  return { pk: item.id, order: item.orderNumber, quantity: item.quantity, product, sku: item.sku, product_images: product.product_images, name: item.name };
}

function userJson(c: Customer | null) {
  if (!c) return null;
  const { firstName, lastName } = namesOf(c);
  return { id: c.id, first_name: firstName, last_name: lastName, gender: c.gender, email: c.email, phone: c.phone };
}

function messageJson(r: ConversationRecord, v: VisibleMessage) {
  const side = sideOf(v.message);
  const read = side === "customer" || (!!r.details.customerReadAt && v.message.createdAt <= r.details.customerReadAt);
  return {
    id: v.message.id,
    conversation: r.thread.id,
    content_type: side === "customer" ? "user" : "datasource",
    content_id: side === "customer" ? r.thread.customerId : r.thread.sellerId,
    message_content: v.message.body,
    sender_name: side === "customer" ? v.message.authorName || r.thread.customerName : (r.seller?.title ?? ""),
    is_read: read,
    created_date: v.message.createdAt.toISOString(),
  };
}

function conversationJson(r: ConversationRecord, item: ItemView | undefined, messages: VisibleMessage[]) {
  const last = messages.at(-1)?.message.createdAt ?? r.thread.lastVisibleAt;
  return {
    id: r.thread.id,
    conversation_type: r.details.conversationType,
    item_object: itemObjectJson(item),
    is_answered: r.thread.channelState === "answered",
    subject: r.thread.subject,
    message_set: messages.map((m) => messageJson(r, m)),
    user: userJson(r.customer),
    last_message_date: last ? last.toISOString() : null,
    is_public: r.details.isPublic,
    item_content: r.details.itemContent,
    datasource: r.seller ? datasourceJson(r.seller) : null,
  };
}

async function conversationsJson(db: Db, records: ConversationRecord[]) {
  const [items, visible] = await Promise.all([
    findItems(
      db,
      records.map((r) => r.details),
    ),
    findVisibleMessages(
      db,
      records.map((r) => r.thread.id),
    ),
  ]);
  return records.map((r) => conversationJson(r, items.get(itemKey(r.details)), visible.get(r.thread.id) ?? []));
}

// ---------------------------------------------------------------------------------------------
// Handlers

const invalidPage = (locale: FieldLocale) => drfJson({ detail: locale === "tr" ? "Geçersiz sayfa." : "Invalid page." }, 404);

function pageSizeOf(q: Record<string, unknown>): number {
  for (const key of ["page_size", "limit"]) {
    const raw = q[key];
    if (typeof raw === "string" && /^\d{1,6}$/.test(raw) && Number(raw) > 0) return Math.min(Number(raw), MAX_PAGE_SIZE);
  }
  return DEFAULT_PAGE_SIZE;
}

/** The same list on another page: absolute, on the host the client called; page 1 drops the parameter (as DRF does). */
function pageLink(request: Request, page: number): string {
  const url = publicUrl(request);
  if (page <= 1) url.searchParams.delete("page");
  else url.searchParams.set("page", String(page));
  return url.toString();
}

// GET /users/conversations/ — the signed-in customer's conversations, newest activity first, paginated like DRF
export function listConversations(request: Request): Promise<Response> {
  return shopperApi.handle(request, null, async (db, shopper) => {
    const q = readQuery(new URL(request.url));
    const parsed = apiListQuerySchema.safeParse(q);
    if (!parsed.success) return drfJson(drfErrors(parsed.error.issues, shopper.locale, CONVERSATION_ERRORS), 400);
    const rawPage = q.page;
    const page = rawPage === undefined ? 1 : typeof rawPage === "string" && /^\d{1,9}$/.test(rawPage) ? Number(rawPage) : NaN;
    if (!Number.isSafeInteger(page) || page < 1) return invalidPage(shopper.locale);
    const size = pageSizeOf(q);
    const f = parsed.data;
    const answered = q.is_answered === "true" || q.is_answered === "True" ? true : q.is_answered === "false" || q.is_answered === "False" ? false : undefined;
    const { count, rows } = await findConversations(
      db,
      { customerId: shopper.customer.id },
      {
        offset: (page - 1) * size,
        limit: size,
        filters: {
          type: f.conversation_type,
          itemContent: f.item_content,
          itemId: f.item_id ? String(f.item_id) : undefined,
          sellerId: f.datasource,
          isAnswered: answered,
        },
      },
    );
    if (page > 1 && rows.length === 0) return invalidPage(shopper.locale);
    return drfJson({
      count,
      next: page * size < count ? pageLink(request, page + 1) : null,
      previous: page > 1 ? pageLink(request, page - 1) : null,
      results: await conversationsJson(db, rows),
    });
  });
}

// GET /users/conversations/{id}/ — one of the signed-in customer's conversations with its message_set; anything else is 404
export function retrieveConversation(request: Request, id: string | undefined): Promise<Response> {
  return shopperApi.handle(request, null, async (db, shopper) => {
    const threadId = parseId(id);
    const record = threadId ? await findConversation(db, { customerId: shopper.customer.id }, threadId) : undefined;
    if (!record) return drfJson({ detail: detailText(shopper.locale, "not_found") }, 404);
    const [json] = await conversationsJson(db, [record]);
    return drfJson(json);
  });
}

function createdJson(record: ConversationRecord, body: string, userType: string) {
  const itemId = record.details.itemId && /^\d+$/.test(record.details.itemId) ? Number(record.details.itemId) : record.details.itemId;
  return {
    id: record.thread.id,
    datasource: record.thread.sellerId,
    user: record.thread.customerId,
    subject: record.thread.subject,
    item_content: record.details.itemContent,
    is_public: record.details.isPublic,
    item_id: itemId ?? null,
    conversation_type: record.details.conversationType,
    message_content: body,
    user_type: userType,
    content_id: record.thread.customerId,
    content_type: "user",
  };
}

function refusal(error: unknown, locale: FieldLocale): Response {
  if (error instanceof ConversationExistsError) return drfJson([fieldErrorText(locale, "conversation_exists", CONVERSATION_ERRORS)], 400);
  if (!isAppError(error) || !error.fields) throw error;
  const out: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(error.fields)) out[field] = messages.map((m) => fieldErrorText(locale, m, CONVERSATION_ERRORS));
  return drfJson(out, error.status === 413 ? 413 : 400);
}

// POST /users/conversations/ — a new conversation of the signed-in customer (or, with `conversation`, a message in one of theirs)
export function createConversation(request: Request): Promise<Response> {
  return shopperApi.handle(request, null, async (db, shopper: Shopper & { locale: FieldLocale }) => {
    const { locale, customer, actor } = shopper;
    const body = await shopperApi.readBody(request, { messages: bodyTexts(locale) });
    if (!body.ok) return body.response;
    const parsed = apiCreateSchema.safeParse(body.data);
    if (!parsed.success) return drfJson(drfErrors(parsed.error.issues, locale, CONVERSATION_ERRORS), 400);
    const v = parsed.data;
    const mine: Record<string, string[]> = {};
    if (v.user !== customer.id) mine.user = [fieldErrorText(locale, "not_yourself", CONVERSATION_ERRORS)];
    if (v.content_id !== customer.id) mine.content_id = [fieldErrorText(locale, "not_yourself", CONVERSATION_ERRORS)];
    if (v.content_type !== "user") mine.content_type = [fieldErrorText(locale, "customer_side_only", CONVERSATION_ERRORS)];
    if (Object.keys(mine).length) return drfJson(mine, 400);
    try {
      let threadId: number;
      if (v.conversation) {
        const existing = await findConversation(db, { customerId: customer.id }, v.conversation);
        if (!existing) return drfJson({ conversation: [fieldErrorText(locale, `does_not_exist:${v.conversation}`)] }, 400);
        await postCustomerMessage(db, { threadId: existing.thread.id, customerId: customer.id, body: v.message_content }, actor);
        threadId = existing.thread.id;
      } else {
        const opened = await openCustomerConversation(
          db,
          {
            customerId: customer.id,
            sellerId: v.datasource,
            type: v.conversation_type,
            itemContent: v.item_content ?? null,
            itemId: v.item_id ?? null,
            subject: v.subject,
            body: v.message_content,
            isPublic: v.is_public,
            userType: v.user_type,
            locale,
            ifExists: "refuse",
          },
          actor,
        );
        threadId = opened.threadId;
      }
      const record = (await findConversation(db, { customerId: customer.id }, threadId))!;
      return drfJson(createdJson(record, v.message_content, record.details.userType), 201);
    } catch (error) {
      return refusal(error, locale);
    }
  });
}

export const methodNotAllowed = (allow: string) => async (request: Request) =>
  drfJson({ detail: `Method "${request.method}" not allowed.` }, 405, { Allow: allow });
