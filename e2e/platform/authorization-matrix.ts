// The authorization matrix: for every route handler and every server action, the status each
// principal gets (e2e/support/principals.ts: anonymous, two customers, an agent, an admin, a
// disabled agent, two sellers' keys, view-only keys, a call-requests key, the demo chat key). The spec
// (authorization-matrix.spec.ts) enumerates the handlers and actions from the file tree and fails
// for any without a row here, then calls each one as each principal over HTTP.
//
// To add a row: key it "METHOD /path/as/the/app/folder/writes/it" (route groups dropped, [params]
// kept) or "action lib/<domain>/actions.ts#exportedName"; say how to call it (path, body or args,
// from the fixtures) and what each principal gets: `default` plus the exceptions. The helpers
// below (staffOnly, adminOnly, sellerApi, callApi, everyone) cover the usual shapes.
import type { PrincipalName } from "../support/principals";

export interface Fixtures {
  threadId: number;
  discussionId: number;
  discussionMessageId: number;
  attachmentId: number;
  callRequestId: number;
  /** An active contact subject (the public form's). */
  subjectId: number;
  /** An inactive subject of the matrix's own, for the subject actions. */
  matrixSubjectId: number;
  /** A new call request (a DELETE spends one). */
  newCallRequest(): Promise<number>;
  /** A chat room of the demo organization (its `inserted_id`). */
  chatRoomKey: string;
  /** A thread of the matrix's own in the trash, for the restore action. */
  trashedThreadId: number;
  /** A tag of the matrix's own, for the delete action. */
  matrixTagId: number;
  /** A QR code of the matrix's own in the demo organization, for the delete action. */
  matrixQrId: number;
}

export type Expect = Partial<Record<PrincipalName, number>> & { default: number };

export type Body = { json: unknown } | { form: Record<string, string> } | { multipart: FormData } | { text: string; type?: string };

export interface RouteRow {
  path(fx: Fixtures): string | Promise<string>;
  body?(fx: Fixtures): Body;
  /** A stream (SSE): only the status of its headers is read. */
  stream?: boolean;
  expect: Expect;
}

export interface ActionRow {
  /** The action's arguments, as its form or caller passes them (default: [null, a form of `form`]). */
  args?(fx: Fixtures): unknown[];
  form?(fx: Fixtures): Record<string, string>;
  /** For an action without a result (a plain form's action): a digest of what it changes, compared before and after each call. */
  effect?(fx: Fixtures): Promise<string>;
  /** With `effect`: who changes it (everyone else must not). */
  changedBy?: PrincipalName[];
  expect: Expect;
}

// ---------------------------------------------------------------------------------------------
// The usual shapes

const everyone = (status: number): Expect => ({ default: status });
/** Staff (agents and admins) get `ok`; signed-in customers 403; everyone else (no session, a disabled one, API keys) 401. */
const staffOnly = (ok: number): Expect => ({ default: 401, customerA: 403, customerB: 403, agent: ok, admin: ok });
const adminOnly = (ok: number): Expect => ({ default: 401, customerA: 403, customerB: 403, agent: 403, admin: ok });
const signedIn = (ok: number): Expect => ({ default: 401, customerA: ok, customerB: ok, agent: ok, admin: ok });
/** The seller API: seller A (whose the fixtures are), seller B, the view-only key; no Bearer is 401. */
const sellerApi = (a: number, b: number, view: number): Expect => ({ default: 401, sellerA: a, sellerB: b, viewOnly: view });
/** The call-requests API: the full key, the view-only key; no Basic key is 401. */
const callApi = (full: number, view: number): Expect => ({ default: 401, callKey: full, viewOnly: view });
/** The chat API's staff endpoints: a staff session or a chat key; customers are refused. */
/** The customer portal's own endpoints: signed-in customers (each sees only their own), staff refused. */
const customerOnly = (ok: number): Expect => ({ default: 401, customerA: ok, customerB: ok, agent: 403, admin: 403 });
const chatStaff = (ok: number): Expect => ({ default: 401, customerA: 403, customerB: 403, agent: ok, admin: ok, chatKey: ok });

const png = () =>
  new Blob([Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64")], { type: "image/png" });

// ---------------------------------------------------------------------------------------------
// Route handlers

const callRequestRows = (prefix: string): Record<string, RouteRow> => ({
  [`GET ${prefix}/call_requests`]: { path: () => `${prefix}/call_requests?items_per_page=1`, expect: callApi(200, 200) },
  [`POST ${prefix}/call_requests`]: {
    path: () => `${prefix}/call_requests`,
    body: () => ({ json: { name: "Matrix", phone: "+90 555 000 00 01" } }),
    expect: callApi(201, 403),
  },
  [`PUT ${prefix}/call_requests`]: { path: () => `${prefix}/call_requests`, body: () => ({ json: {} }), expect: everyone(405) },
  [`DELETE ${prefix}/call_requests`]: { path: () => `${prefix}/call_requests`, expect: everyone(405) },
  [`PATCH ${prefix}/call_requests`]: { path: () => `${prefix}/call_requests`, body: () => ({ json: {} }), expect: everyone(405) },
  [`GET ${prefix}/call_requests/[id]`]: { path: (fx) => `${prefix}/call_requests/${fx.callRequestId}`, expect: callApi(200, 200) },
  [`PUT ${prefix}/call_requests/[id]`]: {
    path: (fx) => `${prefix}/call_requests/${fx.callRequestId}`,
    body: () => ({ json: { notes: "matrix" } }),
    expect: callApi(200, 403),
  },
  [`DELETE ${prefix}/call_requests/[id]`]: { path: async (fx) => `${prefix}/call_requests/${await fx.newCallRequest()}`, expect: callApi(204, 403) },
  [`POST ${prefix}/call_requests/[id]`]: { path: (fx) => `${prefix}/call_requests/${fx.callRequestId}`, body: () => ({ json: {} }), expect: everyone(405) },
  [`PATCH ${prefix}/call_requests/[id]`]: { path: (fx) => `${prefix}/call_requests/${fx.callRequestId}`, body: () => ({ json: {} }), expect: everyone(405) },
});

const CHAT_ORG = "DOWELL12345";
const CHAT_QR = "/DOWELL12345/WIFIQRCODE/ZiQ7qUH73Q83";
const chatVisitor = { user_id: "MATRIX-VISITOR", org_id: CHAT_ORG, product_name: "WORKFLOWAI" };

/**
 * A visitor endpoint of the chat API: anyone may call it (the room id is the capability). A preflight
 * without an Origin is no preflight and is refused (403); CORS itself is tested in lib/chat/http.test.ts.
 */
const chatVisitorRows = (name: string, body: Record<string, string>): Record<string, RouteRow> => ({
  [`POST /api/v2/${name}`]: { path: () => `/api/v2/${name}/`, body: () => ({ json: body }), expect: everyone(200) },
  [`GET /api/v2/${name}`]: { path: () => `/api/v2/${name}/`, expect: everyone(405) },
  [`OPTIONS /api/v2/${name}`]: { path: () => `/api/v2/${name}/`, expect: everyone(403) },
});

const patchTo = (path: string, value: unknown) => [{ op: "replace", path, value }];

export const ROUTES: Record<string, RouteRow> = {
  // the compatibility APIs
  ...callRequestRows("/api"),
  ...callRequestRows("/api/2.0"),
  ...callRequestRows("/api/4.0"),
  "POST /auth/realms/maas/protocol/openid-connect/token": {
    path: () => "/auth/realms/maas/protocol/openid-connect/token",
    body: () => ({ form: { grant_type: "client_credentials", client_id: "sb_seller_demo0000", client_secret: "demo-seller-secret-0001" } }),
    expect: everyone(200), // the credential is in the body, whoever sends it
  },
  "GET /auth/realms/maas/protocol/openid-connect/token": { path: () => "/auth/realms/maas/protocol/openid-connect/token", expect: everyone(405) },
  "GET /csrf_token": { path: () => "/csrf_token/", expect: everyone(200) },
  "GET /users/contact-us-subjects": { path: () => "/users/contact-us-subjects/", expect: everyone(200) },
  "POST /users/contact-us": {
    path: () => "/users/contact-us/",
    body: (fx) => ({ json: { subject: fx.subjectId, full_name: "Matrix Visitor", email: "matrix@mail.example", message: `Matrix ${Math.random()}` } }),
    expect: everyone(200), // anonymous by design
  },
  "GET /users/contact-us": { path: () => "/users/contact-us/", expect: everyone(405) },
  "PUT /users/contact-us": { path: () => "/users/contact-us/", expect: everyone(405) },
  "PATCH /users/contact-us": { path: () => "/users/contact-us/", expect: everyone(405) },
  "DELETE /users/contact-us": { path: () => "/users/contact-us/", expect: everyone(405) },
  // The SOAP user-messages service: HTTP Basic with a SOAP credential's role name (none of the
  // principals holds one: every session and other key is 401); other methods are 405 for anyone.
  "GET /listingapi/ws/IndividualUserConversationService": { path: () => "/listingapi/ws/IndividualUserConversationService?wsdl", expect: everyone(401) },
  "POST /listingapi/ws/IndividualUserConversationService": {
    path: () => "/listingapi/ws/IndividualUserConversationService",
    body: () => ({ text: '<con:getConversationSubject xmlns:con="http://conversation.individual.ws.listingapi.gg.com"/>', type: "text/xml" }),
    expect: everyone(401),
  },
  "PUT /listingapi/ws/IndividualUserConversationService": { path: () => "/listingapi/ws/IndividualUserConversationService", expect: everyone(405) },
  "PATCH /listingapi/ws/IndividualUserConversationService": { path: () => "/listingapi/ws/IndividualUserConversationService", expect: everyone(405) },
  "DELETE /listingapi/ws/IndividualUserConversationService": { path: () => "/listingapi/ws/IndividualUserConversationService", expect: everyone(405) },
  "GET /seller/v2/typologies": { path: () => "/seller/v2/typologies", expect: sellerApi(200, 200, 200) },
  "POST /seller/v2/typologies": { path: () => "/seller/v2/typologies", expect: everyone(405) },
  "GET /seller/v2/discussions/typologies": { path: () => "/seller/v2/discussions/typologies", expect: sellerApi(200, 200, 200) },
  "POST /seller/v2/discussions/typologies": { path: () => "/seller/v2/discussions/typologies", expect: everyone(405) },
  "GET /seller/v2/discussions/count": { path: () => "/seller/v2/discussions/count", expect: sellerApi(200, 200, 200) },
  "POST /seller/v2/discussions/count": { path: () => "/seller/v2/discussions/count", expect: everyone(405) },
  "GET /seller/v2/discussions": { path: () => "/seller/v2/discussions?pageSize=1", expect: sellerApi(200, 200, 200) },
  "POST /seller/v2/discussions": {
    path: () => "/seller/v2/discussions",
    body: () => ({ json: { salesChannel: "CDISFR", subTypologyCode: "productIsDamaged", messages: [{ body: "Matrix: a discussion the seller opens." }] } }),
    expect: sellerApi(201, 201, 403),
  },
  "PATCH /seller/v2/discussions": { path: () => "/seller/v2/discussions", expect: everyone(405) },
  "GET /seller/v2/discussions/[discussionId]": { path: (fx) => `/seller/v2/discussions/${fx.discussionId}`, expect: sellerApi(200, 404, 200) },
  "PATCH /seller/v2/discussions/[discussionId]": {
    path: (fx) => `/seller/v2/discussions/${fx.discussionId}`,
    body: () => ({ json: patchTo("/isOpen", true) }),
    expect: sellerApi(200, 404, 403),
  },
  "POST /seller/v2/discussions/[discussionId]": { path: (fx) => `/seller/v2/discussions/${fx.discussionId}`, expect: everyone(405) },
  "PUT /seller/v2/discussions/[discussionId]": { path: (fx) => `/seller/v2/discussions/${fx.discussionId}`, expect: everyone(405) },
  "DELETE /seller/v2/discussions/[discussionId]": { path: (fx) => `/seller/v2/discussions/${fx.discussionId}`, expect: everyone(405) },
  "POST /seller/v2/messages": {
    path: () => "/seller/v2/messages",
    body: (fx) => ({ json: { body: "Matrix reply", discussionId: String(fx.discussionId), receivers: [{ userType: "Customer" }] } }),
    expect: sellerApi(201, 404, 403),
  },
  "GET /seller/v2/messages": { path: () => "/seller/v2/messages", expect: everyone(405) },
  "PATCH /seller/v2/messages/[messageId]": {
    path: (fx) => `/seller/v2/messages/${fx.discussionMessageId}`,
    body: () => ({ json: patchTo("/hasRead", true) }),
    expect: sellerApi(200, 404, 403),
  },
  "GET /seller/v2/messages/[messageId]": { path: (fx) => `/seller/v2/messages/${fx.discussionMessageId}`, expect: everyone(405) },
  "GET /seller/v2/attachments": { path: (fx) => `/seller/v2/attachments?discussionId=${fx.discussionId}`, expect: sellerApi(200, 200, 200) }, // B gets its own: none
  "POST /seller/v2/attachments": { path: () => "/seller/v2/attachments", expect: everyone(405) },

  // storefront sessions and the conversations API (a storefront's osessionid; the matrix's principals hold none)
  "GET /current_user": { path: () => "/current_user/", expect: everyone(403) },
  "POST /current_user": { path: () => "/current_user/", expect: everyone(405) },
  "POST /users/login": { path: () => "/users/login/", body: () => ({ json: { email: "not an address" } }), expect: everyone(400) },
  "GET /users/login": { path: () => "/users/login/", expect: everyone(405) },
  "POST /users/registration": { path: () => "/users/registration/", body: () => ({ json: {} }), expect: everyone(400) },
  "GET /users/registration": { path: () => "/users/registration/", expect: everyone(405) },
  "GET /users/logout": { path: () => "/users/logout/", expect: everyone(200) },
  "POST /users/logout": { path: () => "/users/logout/", expect: everyone(200) },
  "GET /users/conversations": { path: () => "/users/conversations/", expect: everyone(403) },
  "POST /users/conversations": { path: () => "/users/conversations/", body: () => ({ json: {} }), expect: everyone(403) },
  "PUT /users/conversations": { path: () => "/users/conversations/", body: () => ({ json: {} }), expect: everyone(405) },
  "PATCH /users/conversations": { path: () => "/users/conversations/", body: () => ({ json: {} }), expect: everyone(405) },
  "DELETE /users/conversations": { path: () => "/users/conversations/", expect: everyone(405) },
  "GET /users/conversations/[id]": { path: (fx) => `/users/conversations/${fx.threadId}/`, expect: everyone(403) },
  "POST /users/conversations/[id]": { path: (fx) => `/users/conversations/${fx.threadId}/`, body: () => ({ json: {} }), expect: everyone(405) },
  "PUT /users/conversations/[id]": { path: (fx) => `/users/conversations/${fx.threadId}/`, body: () => ({ json: {} }), expect: everyone(405) },
  "PATCH /users/conversations/[id]": { path: (fx) => `/users/conversations/${fx.threadId}/`, body: () => ({ json: {} }), expect: everyone(405) },
  "DELETE /users/conversations/[id]": { path: (fx) => `/users/conversations/${fx.threadId}/`, expect: everyone(405) },

  // the chat API (visitors need no credential; room-list and get_QR_Id are staff's)
  ...chatVisitorRows("room-control", chatVisitor),
  ...chatVisitorRows("openChatRoom", { user_id: "MATRIX-VISITOR", product_name: "WORKFLOWAI" }),
  ...chatVisitorRows("login", chatVisitor),
  ...chatVisitorRows("extension", chatVisitor),
  "GET /api/v2/room-service": { path: (fx) => `/api/v2/room-service/?type=get_messages&room_id=${fx.chatRoomKey}`, expect: everyone(200) },
  "POST /api/v2/room-service": {
    path: () => "/api/v2/room-service/",
    body: (fx) => ({ json: { type: "create_message", room_id: fx.chatRoomKey, message_data: "Matrix", side: true, author: "client", message_type: "text" } }),
    expect: everyone(200),
  },
  "OPTIONS /api/v2/room-service": { path: () => "/api/v2/room-service/", expect: everyone(403) },
  "GET /api/v2/room-list": { path: () => `/api/v2/room-list/?org_id=${CHAT_ORG}`, expect: chatStaff(200) },
  "POST /api/v2/room-list": { path: () => "/api/v2/room-list/", expect: everyone(405) },
  "GET /api/v2/get_QR_Id/[org_id]": { path: () => `/api/v2/get_QR_Id/${CHAT_ORG}/`, expect: chatStaff(200) },
  "POST /api/v2/get_QR_Id/[org_id]": { path: () => `/api/v2/get_QR_Id/${CHAT_ORG}/`, expect: chatStaff(200) },
  "GET /api/v2/init/[org_id]/[product]/[id]": { path: () => `/api/v2/init${CHAT_QR}/`, expect: everyone(200) },
  "POST /api/v2/init/[org_id]/[product]/[id]": { path: () => `/api/v2/init${CHAT_QR}/`, expect: everyone(200) },
  "OPTIONS /api/v2/init/[org_id]/[product]/[id]": { path: () => `/api/v2/init${CHAT_QR}/`, expect: everyone(403) },
  // the chat widget's own endpoints and pages (public: the room id is the capability)
  "GET /api/widget/rooms/[room]/events": { path: (fx) => `/api/widget/rooms/${fx.chatRoomKey}/events`, stream: true, expect: everyone(200) },
  "OPTIONS /api/widget/rooms/[room]/events": { path: (fx) => `/api/widget/rooms/${fx.chatRoomKey}/events`, expect: everyone(403) },
  "POST /api/widget/rooms/[room]/typing": {
    path: (fx) => `/api/widget/rooms/${fx.chatRoomKey}/typing`,
    body: () => ({ json: { typing: true } }),
    expect: everyone(200),
  },
  "OPTIONS /api/widget/rooms/[room]/typing": { path: (fx) => `/api/widget/rooms/${fx.chatRoomKey}/typing`, expect: everyone(403) },
  "GET /api/widget/rooms/[room]/files/[id]": { path: (fx) => `/api/widget/rooms/${fx.chatRoomKey}/files/999999999`, expect: everyone(404) },
  "OPTIONS /api/widget/rooms/[room]/files/[id]": { path: (fx) => `/api/widget/rooms/${fx.chatRoomKey}/files/999999999`, expect: everyone(403) },
  "GET /widget/[org]": { path: () => `/widget/${CHAT_ORG}?product=WORKFLOWAI`, expect: everyone(200) },
  "GET /account/language": { path: () => "/account/language?lang=tr&next=/account/login", expect: everyone(303) },
  "GET /media/[...path]": { path: () => "/media/no-such-picture.png", expect: everyone(404) },
  "GET /chat/[org]/[product]/[qr]": { path: () => `/chat${CHAT_QR}`, expect: everyone(200) },

  // our own endpoints
  "GET /api/auth/[...nextauth]": { path: () => "/api/auth/session", expect: everyone(200) },
  "POST /api/auth/[...nextauth]": {
    path: () => "/api/auth/callback/credentials",
    body: () => ({ form: { email: "nobody@e2e.example", password: "x" } }),
    expect: everyone(302),
  },
  "GET /api/events": { path: () => "/api/events", stream: true, expect: staffOnly(200) },
  "GET /api/inbox/counts": { path: () => "/api/inbox/counts", expect: staffOnly(200) },
  "GET /api/inbox/threads": { path: () => "/api/inbox/threads?limit=1", expect: staffOnly(200) },
  "GET /api/attachments/[id]": { path: (fx) => `/api/attachments/${fx.attachmentId}`, expect: staffOnly(200) },
  "GET /api/threads/[id]": { path: (fx) => `/api/threads/${fx.threadId}`, expect: staffOnly(200) },
  "PATCH /api/threads/[id]": { path: (fx) => `/api/threads/${fx.threadId}`, body: () => ({ json: { action: "read", read: true } }), expect: staffOnly(200) },
  "POST /api/threads/[id]/messages": {
    path: (fx) => `/api/threads/${fx.threadId}/messages`,
    body: () => {
      const form = new FormData();
      form.set("kind", "note");
      form.set("body", "Matrix note");
      return { multipart: form };
    },
    expect: staffOnly(201),
  },
  "POST /api/threads/[id]/attachments": {
    path: (fx) => `/api/threads/${fx.threadId}/attachments`,
    body: () => {
      const form = new FormData();
      form.set("files", png(), "matrix.png");
      return { multipart: form };
    },
    expect: staffOnly(201),
  },
  // the customer portal's JSON and stream (fx.threadId is another customer's conversation)
  "GET /api/portal/conversations": { path: () => "/api/portal/conversations", expect: customerOnly(200) },
  "GET /api/portal/conversations/[id]": { path: (fx) => `/api/portal/conversations/${fx.threadId}`, expect: customerOnly(404) },
  "GET /api/portal/attachments/[id]": { path: (fx) => `/api/portal/attachments/${fx.attachmentId}`, expect: customerOnly(404) },
  "GET /api/portal/events": { path: () => "/api/portal/events", stream: true, expect: customerOnly(200) },
  // the agent workspace
  "DELETE /api/threads/[id]": { path: async (fx) => `/api/threads/${await fx.newCallRequest()}`, expect: staffOnly(200) },
  "POST /api/threads/[id]/restore": {
    path: (fx) => `/api/threads/${fx.threadId}/restore`,
    expect: { default: 401, customerA: 403, customerB: 403, agent: 403, admin: 404 }, // admins only; this one is not in the trash
  },
  "PUT /api/threads/[id]/draft": {
    path: (fx) => `/api/threads/${fx.threadId}/draft`,
    body: () => ({ json: { kind: "note", body: "Matrix draft" } }),
    expect: staffOnly(200),
  },
  "DELETE /api/threads/[id]/draft": { path: (fx) => `/api/threads/${fx.threadId}/draft`, expect: staffOnly(200) },
  "POST /api/inbox/bulk": { path: () => "/api/inbox/bulk", body: () => ({ json: {} }), expect: staffOnly(400) },
  "POST /api/inbox/bulk/[id]/undo": { path: () => "/api/inbox/bulk/999999999/undo", expect: staffOnly(404) },
  "POST /api/presence": { path: () => "/api/presence", expect: staffOnly(200) },
  "GET /api/customers": { path: () => "/api/customers?q=a", expect: staffOnly(200) },
  "GET /api/saved-replies": { path: () => "/api/saved-replies", expect: staffOnly(200) },
  "GET /api/tags": { path: () => "/api/tags", expect: staffOnly(200) },
  "POST /api/threads/[id]/typing": { path: (fx) => `/api/threads/${fx.threadId}/typing`, body: () => ({ json: { typing: true } }), expect: staffOnly(200) },
  "POST /api/threads/[id]/presence": { path: (fx) => `/api/threads/${fx.threadId}/presence`, expect: staffOnly(200) },
  "DELETE /api/threads/[id]/presence": { path: (fx) => `/api/threads/${fx.threadId}/presence`, expect: staffOnly(200) },
};

// ---------------------------------------------------------------------------------------------
// Server actions (what runAction answers: a refusal is `{ ok: false, code }`, read as its status)

export const ACTIONS: Record<string, ActionRow> = {
  "action lib/auth/actions.ts#signInAction": { args: () => [{}, form({ email: "nobody@e2e.example", password: "wrong" })], expect: everyone(200) },
  "action lib/api-keys/actions.ts#createApiKeyAction": { form: () => ({ kind: "seller" }), expect: adminOnly(400) },
  "action lib/api-keys/actions.ts#revokeApiKeyAction": { form: () => ({ id: "0x10" }), expect: adminOnly(400) },
  // Public forms: anyone may submit; an empty one comes back with its field errors.
  "action lib/call-requests/actions.ts#submitCallbackAction": { args: () => [{}, form({})], expect: everyone(200) },
  "action lib/contact/actions.ts#submitContactAction": { args: () => [{}, form({})], expect: everyone(200) },
  "action lib/call-requests/actions.ts#takeCallAction": { form: () => ({ id: "x" }), expect: staffOnly(400) },
  "action lib/call-requests/actions.ts#recordOutcomeAction": { form: () => ({ id: "x" }), expect: staffOnly(400) },
  "action lib/contact/actions.ts#saveSubjectAction": { form: () => ({}), expect: adminOnly(400) },
  "action lib/contact/actions.ts#saveRoutingAction": { form: () => ({ default: "not an address" }), expect: adminOnly(400) },
  // Plain forms' actions answer nothing: what they change says who they let through.
  "action lib/contact/actions.ts#moveSubjectAction": {
    args: (fx) => [form({ id: String(fx.matrixSubjectId), direction: "down" })],
    effect: () => effects.subjectOrder(),
    changedBy: ["admin"],
    expect: everyone(200),
  },
  "action lib/contact/actions.ts#setSubjectActiveAction": {
    args: (fx) => [form({ id: String(fx.matrixSubjectId), active: "true" })],
    effect: (fx) => effects.subjectActive(fx.matrixSubjectId),
    changedBy: ["admin"],
    expect: everyone(200),
  },
  "action lib/discussions/actions.ts#saveTypologyAction": { form: () => ({}), expect: adminOnly(400) },
  "action lib/discussions/actions.ts#importDiscussionsAction": { form: () => ({}), expect: adminOnly(400) },
  "action lib/inbox/actions.ts#runChannelAction": { args: (fx) => [{ threadId: fx.threadId, action: "no-such-action", input: {} }], expect: staffOnly(404) },
  "action lib/chat/actions.ts#saveChatOrgAction": { form: () => ({}), expect: adminOnly(400) },
  "action lib/chat/actions.ts#addQrCodeAction": { form: () => ({}), expect: adminOnly(400) },
  "action lib/chat/actions.ts#deleteQrCodeAction": {
    args: (fx) => [form({ id: String(fx.matrixQrId) })],
    effect: (fx) => effects.qrExists(fx.matrixQrId),
    changedBy: ["admin"],
    expect: everyone(200),
  },
  "action lib/conversations/actions.ts#saveTitleAction": { form: () => ({}), expect: adminOnly(400) },
  "action lib/sellers/actions.ts#saveSellerAction": { form: () => ({}), expect: adminOnly(400) },
  // The customer's account pages: public forms answer their field errors; the rest is the customer's own.
  "action lib/accounts/actions.ts#customerSignInAction": { args: () => [{}, form({ email: "nobody@e2e.example", password: "wrong" })], expect: everyone(200) },
  "action lib/accounts/actions.ts#signUpAction": { args: () => [{}, form({})], expect: everyone(200) },
  "action lib/accounts/actions.ts#forgotPasswordAction": { args: () => [{}, form({})], expect: everyone(200) },
  "action lib/accounts/actions.ts#resetPasswordAction": { args: () => [{}, form({})], expect: everyone(200) },
  "action lib/accounts/actions.ts#saveSettingsAction": { args: () => [{}, form({})], expect: customerOnly(200) },
  "action lib/portal/actions.ts#replyAction": { args: (fx) => [{}, form({ thread: String(fx.threadId), body: "Matrix" })], expect: customerOnly(404) },
  "action lib/portal/actions.ts#startConversationAction": { args: () => [{}, form({})], expect: customerOnly(200) },
  "action lib/portal/actions.ts#markReadAction": { args: (fx) => [fx.threadId], expect: customerOnly(200) },
  // the agent workspace
  "action lib/customers/actions.ts#saveCustomerAction": { form: () => ({}), expect: staffOnly(400) },
  "action lib/customers/actions.ts#mergeCustomersAction": { form: () => ({}), expect: staffOnly(400) },
  "action lib/inbox/admin-actions.ts#saveAssignmentAction": { form: () => ({}), expect: adminOnly(200) }, // the defaults: both off
  "action lib/inbox/admin-actions.ts#restoreThreadAction": {
    args: (fx) => [form({ threadId: String(fx.trashedThreadId) })],
    effect: (fx) => effects.threadDeleted(fx.trashedThreadId),
    changedBy: ["admin"],
    expect: everyone(200),
  },
  "action lib/notifications/actions.ts#saveNotificationSettingsAction": { args: () => [{ notifyDesktop: "yes" }], expect: staffOnly(400) },
  "action lib/users/preference-actions.ts#savePreferencesAction": { args: () => [{ locale: "xx", theme: "neon" }], expect: staffOnly(400) },
  "action lib/saved-replies/actions.ts#saveSavedReplyAction": { form: () => ({}), expect: staffOnly(400) },
  "action lib/saved-replies/actions.ts#deleteSavedReplyAction": {
    args: () => [form({ id: "999999999" })],
    effect: () => effects.savedReplyCount(),
    changedBy: [],
    expect: everyone(200),
  },
  "action lib/tags/actions.ts#saveTagAction": { form: () => ({}), expect: adminOnly(400) },
  "action lib/tags/actions.ts#deleteTagAction": {
    args: (fx) => [form({ id: String(fx.matrixTagId) })],
    effect: (fx) => effects.tagExists(fx.matrixTagId),
    changedBy: ["admin"],
    expect: everyone(200),
  },
  "action lib/views/actions.ts#createViewAction": { args: () => [{ name: "", shared: false, filters: {} }], expect: staffOnly(400) },
  "action lib/views/actions.ts#deleteViewAction": { args: () => [{ id: 999999999 }], expect: staffOnly(404) },
  "action lib/users/actions.ts#inviteStaffAction": { form: () => ({ email: "not an address" }), expect: adminOnly(400) },
  "action lib/users/actions.ts#changeRoleAction": { form: () => ({ id: "1", role: "owner" }), expect: adminOnly(400) },
  "action lib/users/actions.ts#setDisabledAction": { form: () => ({ id: "1" }), expect: adminOnly(400) },
  "action lib/users/actions.ts#resetPasswordAction": { form: () => ({ id: "0x10" }), expect: adminOnly(400) },
  "action lib/users/actions.ts#changeOwnPasswordAction": {
    form: () => ({ current: "wrong", password: "a long new password", confirm: "a long new password" }),
    expect: signedIn(400),
  },
  // Whoever holds the link, no session needed: a link that is none is "not found" for everyone.
  "action lib/users/actions.ts#setPasswordWithTokenAction": {
    form: () => ({ token: "not-a-real-link-token-at-all", password: "a long new password", confirm: "a long new password" }),
    expect: everyone(404),
  },
  // Last: they end each principal's session.
  "action lib/accounts/actions.ts#customerSignOutAction": { args: () => [], expect: everyone(200) },
  "action lib/auth/actions.ts#signOutAction": { args: () => [], expect: everyone(200) }, // its redirect rides in the 200 of the action
};

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}
export { form };

/** Filled in by the spec (it has the database). */
export const effects = {
  subjectOrder: async (): Promise<string> => "",
  subjectActive: async (id: number): Promise<string> => String(id),
  qrExists: async (id: number): Promise<string> => String(id),
  threadDeleted: async (id: number): Promise<string> => String(id),
  tagExists: async (id: number): Promise<string> => String(id),
  savedReplyCount: async (): Promise<string> => "",
};
