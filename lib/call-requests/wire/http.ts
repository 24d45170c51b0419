// The wire-compatible call_requests API (call-requests.rst + WIRE-NOTES): one module answers
// /api/call_requests, /api/2.0/call_requests and /api/4.0/call_requests, with or without a
// trailing slash. A translator only: HTTP Basic (staff e-mail + API key), foreign field names and
// the error envelope stop here; inside it calls the same services the agents' queue uses.
import "server-only";
import type { Db } from "@/db/client";
import type { ApiCredential } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { parseApiKey, verifyApiCredential } from "@/lib/api-keys/service";
import { isStaff } from "@/lib/auth/permissions";
import { json, parseId, readQuery, wireApi, type Envelope, type ZodIssueLike } from "@/lib/http/wire";
import { findActiveUserById } from "@/lib/users/queries";
import { findCallRequest, findCallRequestsPage, type CallRequestRow } from "../queries";
import { wireCreateSchema, wireListSchema, wireUpdateSchema, type WireListParams } from "../schemas";
import { createCallRequest, deleteCallRequest, updateCallRequest } from "../service";

const REALM = 'Basic realm="User email/API key"';
const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

/** The envelope WIRE-NOTES shows: `{"message": "Bad Request: …", "messages": [], "errors": [], "status": 400}`. */
function wireError(status: number, detail: string, errors: string[] = [], headers: Record<string, string> = {}) {
  return json({ message: `${REASONS[status] ?? "Error"}: ${detail}`, messages: [], errors, status }, status, headers);
}

const issuesToErrors = (issues: readonly ZodIssueLike[]) => issues.map((i) => (i.path.length ? `${String(i.path[0])}: ${i.message}` : i.message));

const envelope: Envelope = {
  error: (status, detail, fields = {}, headers) =>
    wireError(
      status,
      detail,
      Object.entries(fields).flatMap(([k, v]) => v.map((m) => `${k}: ${m}`)),
      headers,
    ),
  invalid: (issues) => wireError(400, issuesToErrors(issues).join("; "), issuesToErrors(issues)),
  body: (problem, detail) => wireError(problem === "too_large" ? 413 : 400, problem === "unsupported" ? "Send the call request as JSON." : detail),
};

// ---------------------------------------------------------------------------------------------
// Auth: HTTP Basic, user = a staff e-mail, password = an API key bound to that user.

type Caller = { credential: ApiCredential; user: { id: number; name: string; email: string } };

async function authenticate(db: Db, request: Request): Promise<Caller | Response> {
  const refused = wireError(401, "Invalid user email or API key.", [], { "WWW-Authenticate": REALM });
  const header = request.headers.get("authorization") ?? "";
  const m = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (!m) return refused;
  const decoded = Buffer.from(m[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) return refused;
  const email = decoded.slice(0, colon).trim().toLowerCase();
  const key = parseApiKey(decoded.slice(colon + 1).trim());
  if (!key) return refused;
  const credential = await verifyApiCredential(db, "call_requests", key.keyPrefix, key.secret);
  if (!credential?.userId) return refused;
  const user = await findActiveUserById(db, credential.userId);
  // The key must belong to the e-mail given, and that account must still be staff.
  if (!user || user.email.toLowerCase() !== email || !isStaff(user.role)) return refused;
  return { credential, user: { id: user.id, name: user.name, email: user.email } };
}

const callRequestsApi = wireApi<Caller>({
  name: "call_requests api",
  envelope,
  authenticate,
  scopesOf: (caller) => caller.credential.scopes,
  forbidden: (permission) => wireError(403, `This API key may not ${permission === "callRequests.view" ? "read" : "change"} call requests.`),
});

const actorOf = (caller: Caller): Actor => ({
  kind: "api",
  label: `API key ${caller.credential.keyPrefix}`,
  credentialId: caller.credential.id,
  userId: caller.user.id,
  name: caller.user.name,
});

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

const notAllowed = callRequestsApi.notAllowed;

export const collection = {
  // GET /api[/2.0|/4.0]/call_requests — list, paged, sorted and filtered as the spec's table
  async GET(request: Request): Promise<Response> {
    return callRequestsApi.handle(request, "callRequests.view", async (db) => {
      const parsed = wireListSchema.safeParse(readQuery(new URL(request.url), { lists: ["user_id"] }));
      if (!parsed.success) return callRequestsApi.invalid(parsed.error.issues);
      const { rows, total } = await findCallRequestsPage(db, parsed.data);
      return json({ call_requests: rows.map(toWire), params: paramsOut(parsed.data, total) });
    });
  },

  // POST /api[/2.0|/4.0]/call_requests — create; 201 {"request_id": N}
  async POST(request: Request): Promise<Response> {
    return callRequestsApi.handle(request, "callRequests.manage", async (db, caller) => {
      const body = await callRequestsApi.readBody(request, { smartQuotes: true });
      if (!body.ok) return body.response;
      const parsed = wireCreateSchema.safeParse(body.data);
      if (!parsed.success) return callRequestsApi.invalid(parsed.error.issues);
      const v = parsed.data;
      const thread = await createCallRequest(
        db,
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
        actorOf(caller),
      );
      return json({ request_id: thread.id }, 201);
    });
  },

  PUT: notAllowed("GET, POST"),
  DELETE: notAllowed("GET, POST"),
  PATCH: notAllowed("GET, POST"),
};

type ItemContext = { params: Promise<{ id: string }> };

export const item = {
  // GET /api[/2.0|/4.0]/call_requests/:id — one call request
  async GET(request: Request, context: ItemContext): Promise<Response> {
    const id = parseId((await context.params).id);
    return callRequestsApi.handle(request, "callRequests.view", async (db) => {
      const row = id ? await findCallRequest(db, id) : undefined;
      if (!row) return wireError(404, "Call request not found.");
      return json(toWire(row));
    });
  },

  // PUT /api[/2.0|/4.0]/call_requests/:id — change user_id, order_id, product_id, status, notes
  async PUT(request: Request, context: ItemContext): Promise<Response> {
    const id = parseId((await context.params).id);
    return callRequestsApi.handle(request, "callRequests.manage", async (db, caller) => {
      if (!id) return wireError(404, "Call request not found.");
      const body = await callRequestsApi.readBody(request, { smartQuotes: true });
      if (!body.ok) return body.response;
      const parsed = wireUpdateSchema.safeParse(body.data);
      if (!parsed.success) return callRequestsApi.invalid(parsed.error.issues);
      const v = parsed.data;
      await updateCallRequest(
        db,
        { id, change: { assigneeId: v.user_id, orderId: v.order_id, productId: v.product_id, status: v.status, notes: v.notes } },
        actorOf(caller),
      );
      return json({ request_id: id });
    });
  },

  // DELETE /api[/2.0|/4.0]/call_requests/:id — 204, or 404 when missing
  async DELETE(request: Request, context: ItemContext): Promise<Response> {
    const id = parseId((await context.params).id);
    return callRequestsApi.handle(request, "callRequests.manage", async (db, caller) => {
      if (!id) return wireError(404, "Call request not found.");
      await deleteCallRequest(db, { id }, actorOf(caller));
      return new Response(null, { status: 204 });
    });
  },

  POST: notAllowed("GET, PUT, DELETE"),
  PATCH: notAllowed("GET, PUT, DELETE"),
};
