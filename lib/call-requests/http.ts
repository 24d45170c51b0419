// The wire-compatible call_requests API (call-requests.rst + WIRE-NOTES): one module answers
// /api/call_requests, /api/2.0/call_requests and /api/4.0/call_requests, with or without a
// trailing slash. A translator only: HTTP Basic (staff e-mail + API key), foreign field names and
// the error envelope stop here; inside it calls the same service the agents' queue uses.
import { getDb, type Db } from "@/db/client";
import type { ApiCredential } from "@/db/schema";
import { hasScope, parseApiKey, verifyApiCredential } from "@/lib/api-keys/service";
import { isStaff } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { inTransaction } from "@/lib/events";
import { findActiveUserById } from "@/lib/users/queries";
import { findCallRequestsPage, getCallRequest, type CallRequestRow } from "./queries";
import { wireCreateSchema, wireListSchema, wireUpdateSchema, type WireListParams } from "./schemas";
import { createCallRequest, deleteCallRequest, updateCallRequest } from "./service";

const REALM = 'Basic realm="User email/API key"';
const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  415: "Unsupported Media Type",
  500: "Internal Server Error",
};

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", ...headers } });

/** The envelope WIRE-NOTES shows: `{"message": "Bad Request: …", "messages": [], "errors": [], "status": 400}`. */
function wireError(status: number, detail: string, errors: string[] = [], headers: Record<string, string> = {}) {
  return json({ message: `${REASONS[status] ?? "Error"}: ${detail}`, messages: [], errors, status }, status, headers);
}

const issuesToErrors = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) =>
  issues.map((i) => (i.path.length ? `${String(i.path[0])}: ${i.message}` : i.message));

// ---------------------------------------------------------------------------------------------
// Auth: HTTP Basic, user = a staff e-mail, password = an API key bound to that user.

type Caller = { credential: ApiCredential; user: { id: number; name: string; email: string } };

async function authenticate(db: Db, request: Request): Promise<Caller | null> {
  const header = request.headers.get("authorization") ?? "";
  const m = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (!m) return null;
  const decoded = Buffer.from(m[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) return null;
  const email = decoded.slice(0, colon).trim().toLowerCase();
  const key = parseApiKey(decoded.slice(colon + 1).trim());
  if (!key) return null;
  const credential = await verifyApiCredential(db, "call_requests", key.keyPrefix, key.secret);
  if (!credential?.userId) return null;
  const user = await findActiveUserById(db, credential.userId);
  // The key must belong to the e-mail given, and that account must still be staff.
  if (!user || user.email.toLowerCase() !== email || !isStaff(user.role)) return null;
  return { credential, user: { id: user.id, name: user.name, email: user.email } };
}

type Need = "view" | "manage";
/** `manage` includes `view`. */
const allows = (credential: ApiCredential, need: Need) =>
  hasScope(credential, "call_requests.manage") || (need === "view" && hasScope(credential, "call_requests.view"));

async function withCaller(request: Request, need: Need, fn: (db: Db, caller: Caller) => Promise<Response>): Promise<Response> {
  try {
    const db = await getDb();
    const caller = await authenticate(db, request);
    if (!caller) return wireError(401, "Invalid user email or API key.", [], { "WWW-Authenticate": REALM });
    if (!allows(caller.credential, need)) {
      return wireError(403, `This API key may not ${need === "view" ? "read" : "change"} call requests.`);
    }
    return await fn(db, caller);
  } catch (error) {
    if (isAppError(error)) {
      return wireError(error.status, error.message, error.fields ? Object.entries(error.fields).flatMap(([k, v]) => v.map((m) => `${k}: ${m}`)) : []);
    }
    console.error("[call_requests api]", error);
    return wireError(500, "Something went wrong on our side.");
  }
}

// ---------------------------------------------------------------------------------------------
// Input: JSON (the documented way), or a form; be liberal in what we accept.

/** Typographic quotes as the spec's own POST example has them (“time_from”:”9:00”). */
const SMART_QUOTES = /[\u201c\u201d\u201e\u201f\u2033]/g;

async function readBody(request: Request): Promise<{ ok: true; data: Record<string, unknown> } | { ok: false; response: Response }> {
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("multipart/form-data")) {
    const form = await request.formData().catch(() => null);
    if (!form) return { ok: false, response: wireError(400, "The form data could not be read.") };
    return { ok: true, data: Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) };
  }
  const text = (await request.text()).trim();
  if (!text) return { ok: true, data: {} };
  // curl -d sends JSON labelled as a form: look at the body, not only at the label.
  if (text.startsWith("{") || text.startsWith("[")) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      try {
        value = JSON.parse(text.replace(SMART_QUOTES, '"'));
      } catch {
        return { ok: false, response: wireError(400, "The request body is not valid JSON.") };
      }
    }
    if (!value || typeof value !== "object" || Array.isArray(value)) {
      return { ok: false, response: wireError(400, "The request body must be a JSON object.") };
    }
    return { ok: true, data: value as Record<string, unknown> };
  }
  if (type.includes("application/x-www-form-urlencoded") || /^[^=&\s]+=/.test(text)) {
    return { ok: true, data: Object.fromEntries(new URLSearchParams(text)) };
  }
  return { ok: false, response: wireError(400, "Send the call request as JSON.") };
}

/** Query string → what wireListSchema reads; empty values mean "not given". */
function readQuery(url: URL): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const userIds: string[] = [];
  for (const [rawKey, value] of url.searchParams) {
    if (value === "") continue;
    const key = rawKey.replace(/\[\d*\]$/, "");
    if (key === "user_id") userIds.push(value);
    else out[key] = value;
  }
  if (userIds.length) out.user_id = userIds;
  return out;
}

function parseId(raw: string): number | null {
  const trimmed = raw.replace(/\/+$/, "");
  return /^\d{1,15}$/.test(trimmed) && Number(trimmed) > 0 ? Number(trimmed) : null;
}

// ---------------------------------------------------------------------------------------------
// Output: the item as WIRE-NOTES lists it; "none" is 0 for ids and "" for text, as the original.

export function toWire(row: CallRequestRow) {
  return {
    request_id: row.id,
    company_id: row.companyId,
    order_id: row.orderId ?? 0,
    user_id: row.assigneeId ?? 0,
    product_id: row.productId ?? 0,
    timestamp: Math.floor(row.createdAt.getTime() / 1000),
    status: row.status ?? "new",
    name: row.name,
    phone: row.phone ?? "",
    email: row.email ?? "",
    time_from: row.timeFrom ?? "",
    time_to: row.timeTo ?? "",
    notes: row.notes,
    cart_products: row.cartProducts,
    order_status: row.orderStatus ?? "",
    product: row.productName ?? "",
  };
}

function paramsOut(params: WireListParams, total: number) {
  const out: Record<string, unknown> = {};
  for (const key of ["status", "name", "phone", "company_id", "order_status", "order_exists"] as const) {
    if (params[key] !== undefined) out[key] = params[key];
  }
  if (params.user_id) out.user_id = params.user_id;
  return {
    ...out,
    page: params.page,
    items_per_page: params.items_per_page,
    sort_by: params.sort_by,
    sort_order: params.sort_order,
    total_items: total,
  };
}

// ---------------------------------------------------------------------------------------------
// Handlers. `collection` is /call_requests, `item` is /call_requests/:id.

const notAllowed = (allow: string) => wireError(405, "This method is not supported here.", [], { Allow: allow });

export const collection = {
  // GET /api[/2.0|/4.0]/call_requests — list, paged, sorted and filtered as the spec's table
  async GET(request: Request): Promise<Response> {
    return withCaller(request, "view", async (db) => {
      const parsed = wireListSchema.safeParse(readQuery(new URL(request.url)));
      if (!parsed.success) return wireError(400, issuesToErrors(parsed.error.issues).join("; "), issuesToErrors(parsed.error.issues));
      const { rows, total } = await findCallRequestsPage(db, parsed.data);
      return json({ call_requests: rows.map(toWire), params: paramsOut(parsed.data, total) });
    });
  },

  // POST /api[/2.0|/4.0]/call_requests — create; 201 {"request_id": N}
  async POST(request: Request): Promise<Response> {
    return withCaller(request, "manage", async (db, caller) => {
      const body = await readBody(request);
      if (!body.ok) return body.response;
      const parsed = wireCreateSchema.safeParse(body.data);
      if (!parsed.success) return wireError(400, issuesToErrors(parsed.error.issues).join("; "), issuesToErrors(parsed.error.issues));
      const v = parsed.data;
      const thread = await inTransaction(db, (tx, emit) =>
        createCallRequest(
          tx,
          emit,
          {
            name: v.name,
            phone: v.phone,
            email: v.email,
            timeFrom: v.time_from,
            timeTo: v.time_to,
            notes: v.notes,
            orderId: v.order_id,
            productId: v.product_id,
            cartProducts: v.cart_products,
            status: v.status,
            assigneeId: v.user_id,
            createdAt: v.timestamp !== undefined ? new Date(v.timestamp * 1000) : undefined,
          },
          { userId: caller.user.id, label: `API key ${caller.credential.keyPrefix}` },
        ),
      );
      return json({ request_id: thread.id }, 201);
    });
  },

  PUT: async () => notAllowed("GET, POST"),
  DELETE: async () => notAllowed("GET, POST"),
  PATCH: async () => notAllowed("GET, POST"),
};

type ItemContext = { params: Promise<{ id: string }> };

export const item = {
  // GET /api[/2.0|/4.0]/call_requests/:id — one call request
  async GET(request: Request, context: ItemContext): Promise<Response> {
    const id = parseId((await context.params).id);
    return withCaller(request, "view", async (db) => {
      const row = id ? await getCallRequest(db, id) : undefined;
      if (!row) return wireError(404, "Call request not found.");
      return json(toWire(row));
    });
  },

  // PUT /api[/2.0|/4.0]/call_requests/:id — change user_id, order_id, product_id, status, notes
  async PUT(request: Request, context: ItemContext): Promise<Response> {
    const id = parseId((await context.params).id);
    return withCaller(request, "manage", async (db, caller) => {
      if (!id) return wireError(404, "Call request not found.");
      const body = await readBody(request);
      if (!body.ok) return body.response;
      const parsed = wireUpdateSchema.safeParse(body.data);
      if (!parsed.success) return wireError(400, issuesToErrors(parsed.error.issues).join("; "), issuesToErrors(parsed.error.issues));
      const v = parsed.data;
      await inTransaction(db, (tx, emit) =>
        updateCallRequest(
          tx,
          emit,
          id,
          { assigneeId: v.user_id, orderId: v.order_id, productId: v.product_id, status: v.status, notes: v.notes },
          { userId: caller.user.id, name: caller.user.name, label: `API key ${caller.credential.keyPrefix}` },
        ),
      );
      return json({ request_id: id });
    });
  },

  // DELETE /api[/2.0|/4.0]/call_requests/:id — 204, or 404 when missing
  async DELETE(request: Request, context: ItemContext): Promise<Response> {
    const id = parseId((await context.params).id);
    return withCaller(request, "manage", async (db, caller) => {
      if (!id) return wireError(404, "Call request not found.");
      await inTransaction(db, (tx, emit) =>
        deleteCallRequest(tx, emit, id, { userId: caller.user.id, label: `API key ${caller.credential.keyPrefix}` }),
      );
      return new Response(null, { status: 204 });
    });
  },

  POST: async () => notAllowed("GET, PUT, DELETE"),
  PATCH: async () => notAllowed("GET, PUT, DELETE"),
};
