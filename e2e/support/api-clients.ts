// The compatibility APIs' route modules handed to the one route client, with the few conveniences
// each API's tests want (a Bearer token and SellerId, HTTP Basic, the storefront proxy's headers).
import type { Db } from "@/db/client";
import { contactSubjects, contactSubjectTranslations, languages } from "@/db/schema";
import * as plainCollection from "@/app/(compat)/api/call_requests/route";
import * as plainItem from "@/app/(compat)/api/call_requests/[id]/route";
import * as v2Collection from "@/app/(compat)/api/2.0/call_requests/route";
import * as v2Item from "@/app/(compat)/api/2.0/call_requests/[id]/route";
import * as v4Collection from "@/app/(compat)/api/4.0/call_requests/route";
import * as v4Item from "@/app/(compat)/api/4.0/call_requests/[id]/route";
import * as token from "@/app/(compat)/auth/realms/maas/protocol/openid-connect/token/route";
import * as csrf from "@/app/(compat)/csrf_token/route";
import * as sellerAttachments from "@/app/(compat)/seller/v2/attachments/route";
import * as discussion from "@/app/(compat)/seller/v2/discussions/[discussionId]/route";
import * as count from "@/app/(compat)/seller/v2/discussions/count/route";
import * as discussions from "@/app/(compat)/seller/v2/discussions/route";
import * as discussionTypologies from "@/app/(compat)/seller/v2/discussions/typologies/route";
import * as message from "@/app/(compat)/seller/v2/messages/[messageId]/route";
import * as sellerMessages from "@/app/(compat)/seller/v2/messages/route";
import * as typologies from "@/app/(compat)/seller/v2/typologies/route";
import * as contactUs from "@/app/(compat)/users/contact-us/route";
import * as subjects from "@/app/(compat)/users/contact-us-subjects/route";
import * as chatExtension from "@/app/(compat)/api/v2/extension/route";
import * as chatQrIds from "@/app/(compat)/api/v2/get_QR_Id/[org_id]/route";
import * as chatInit from "@/app/(compat)/api/v2/init/[org_id]/[product]/[id]/route";
import * as chatLogin from "@/app/(compat)/api/v2/login/route";
import * as chatOpen from "@/app/(compat)/api/v2/openChatRoom/route";
import * as chatRoomControl from "@/app/(compat)/api/v2/room-control/route";
import * as chatRoomList from "@/app/(compat)/api/v2/room-list/route";
import * as chatRoomService from "@/app/(compat)/api/v2/room-service/route";
import * as widgetEvents from "@/app/api/widget/rooms/[room]/events/route";
import * as widgetFiles from "@/app/api/widget/rooms/[room]/files/[id]/route";
import * as widgetTyping from "@/app/api/widget/rooms/[room]/typing/route";
import * as login from "@/app/(compat)/users/login/route";
import * as registration from "@/app/(compat)/users/registration/route";
import * as logout from "@/app/(compat)/users/logout/route";
import * as currentUser from "@/app/(compat)/current_user/route";
import * as conversations from "@/app/(compat)/users/conversations/route";
import * as conversation from "@/app/(compat)/users/conversations/[id]/route";
import { routeClient } from "./route-client";

export { basic, jsonOf } from "./route-client";

// ---------------------------------------------------------------------------------------------
// Marketplace discussions

const seller = routeClient({
  "/auth/realms/maas/protocol/openid-connect/token": token,
  "/seller/v2/discussions/count": count,
  "/seller/v2/discussions/typologies": discussionTypologies,
  "/seller/v2/typologies": typologies,
  "/seller/v2/discussions": discussions,
  "/seller/v2/discussions/[discussionId]": discussion,
  "/seller/v2/messages": sellerMessages,
  "/seller/v2/messages/[messageId]": message,
  "/seller/v2/attachments": sellerAttachments,
});

export interface SellerCall {
  token?: string | null;
  sellerId?: string | null;
  /** A JS value is sent as JSON; a string is sent as it is (as a form). */
  body?: unknown;
  headers?: Record<string, string>;
}

/** `await sellerApi("GET", "/seller/v2/discussions?pageSize=5", { token, sellerId })` */
export function sellerApi(method: string, path: string, options: SellerCall = {}): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.sellerId) headers.SellerId = options.sellerId;
  return seller(method, path, { headers, body: options.body, stringType: "application/x-www-form-urlencoded" });
}

/** The token flow as clients run it: form-encoded client credentials. */
export async function getToken(clientId: string, clientSecret: string): Promise<string> {
  const response = await sellerApi("POST", "/auth/realms/maas/protocol/openid-connect/token", {
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret }).toString(),
  });
  if (response.status !== 200) throw new Error(`token: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

// ---------------------------------------------------------------------------------------------
// Call requests: every prefix answers the same.

const calls = routeClient({
  "/api/call_requests": plainCollection,
  "/api/call_requests/[id]": plainItem,
  "/api/2.0/call_requests": v2Collection,
  "/api/2.0/call_requests/[id]": v2Item,
  "/api/4.0/call_requests": v4Collection,
  "/api/4.0/call_requests/[id]": v4Item,
});

/** `await callRequestsApi("GET", "/api/2.0/call_requests?items_per_page=20", { auth })` */
export function callRequestsApi(
  method: string,
  path: string,
  options: { auth?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.auth) headers.authorization = options.auth;
  return calls(method, path, { headers, body: options.body });
}

// ---------------------------------------------------------------------------------------------
// Contact-us, as the storefront proxy sends it (WIRE-NOTES)

const contact = routeClient({ "/users/contact-us": contactUs, "/users/contact-us-subjects": subjects, "/csrf_token": csrf });

export function contactApi(method: string, path: string, init: { headers?: Record<string, string>; body?: BodyInit | null } = {}) {
  return contact(method, path, { headers: init.headers, body: init.body ?? undefined });
}

/** The headers the storefront proxy sends: no content-type, literal "undefined"s, XHR markers. */
export function proxyHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return {
    "x-requested-with": "XMLHttpRequest",
    referer: "http://127.0.0.1:3000",
    accept: "application/json",
    "accept-language": "undefined",
    "x-currency": "undefined",
    "x-csrftoken": "undefined",
    cookie: "csrftoken=undefined",
    "x-forwarded-for": "203.0.113.10",
    ...extra,
  };
}

/** The languages and a few contact subjects. */
export async function seedContactReference(db: Db) {
  await db
    .insert(languages)
    .values([
      { code: "en", name: "English", isDefault: true, position: 0 },
      { code: "tr", name: "Türkçe", position: 1 },
    ])
    .onConflictDoNothing();
  const make = async (code: string, position: number, isOrderNeeded: boolean, en: string, tr: string, isActive = true) => {
    const [row] = await db.insert(contactSubjects).values({ code, position, isOrderNeeded, isActive }).returning();
    await db.insert(contactSubjectTranslations).values([
      { subjectId: row!.id, locale: "en", text: en },
      { subjectId: row!.id, locale: "tr", text: tr },
    ]);
    return row!.id;
  };
  return {
    // Positions out of id order on purpose: the API must follow position.
    technical: await make("technical", 2, false, "Technical support", "Teknik destek"),
    refund: await make("refund", 1, true, "Refund", "İade"),
    retired: await make("retired", 0, false, "Old subject", "Eski konu", false),
  };
}

// ---------------------------------------------------------------------------------------------
// Chat rooms (/api/v2/…) and the widget's own endpoints

const chat = routeClient({
  "/api/v2/room-control": chatRoomControl,
  "/api/v2/room-service": chatRoomService,
  "/api/v2/room-list": chatRoomList,
  "/api/v2/openChatRoom": chatOpen,
  "/api/v2/login": chatLogin,
  "/api/v2/extension": chatExtension,
  "/api/v2/get_QR_Id/[org_id]": chatQrIds,
  "/api/v2/init/[org_id]/[product]/[id]": chatInit,
  "/api/widget/rooms/[room]/events": widgetEvents,
  "/api/widget/rooms/[room]/typing": widgetTyping,
  "/api/widget/rooms/[room]/files/[id]": widgetFiles,
});

/** `await chatApi("POST", "/api/v2/room-control/", { body: {…}, headers: { origin } })` */
export function chatApi(method: string, path: string, init: { headers?: Record<string, string>; body?: unknown } = {}): Promise<Response> {
  return chat(method, path, { headers: init.headers, body: init.body, stringType: "application/x-www-form-urlencoded" });
}

// ---------------------------------------------------------------------------------------------
// Storefront sessions and the conversations API, as a storefront's server calls them

const storefront = routeClient({
  "/users/login": login,
  "/users/registration": registration,
  "/users/logout": logout,
  "/current_user": currentUser,
  "/users/conversations": conversations,
  "/users/conversations/[id]": conversation,
  "/csrf_token": csrf,
});

/** One request to the storefront-facing routes, with the headers as given. */
export function storefrontApi(method: string, path: string, init: { headers?: Record<string, string>; body?: unknown } = {}) {
  return storefront(method, path, { headers: init.headers, body: init.body });
}

/**
 * A storefront's server acting for one shopper: it keeps the cookies it was given (osessionid,
 * csrftoken) and sends them back, with the csrftoken's value as x-csrftoken, the way the
 * storefront framework's proxy does (WIRE-NOTES).
 */
export class StorefrontSession {
  cookies: Record<string, string> = {};
  constructor(readonly extraHeaders: Record<string, string> = {}) {}

  headers(extra: Record<string, string> = {}): Record<string, string> {
    const cookie = Object.entries(this.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join("; ");
    return {
      "x-requested-with": "XMLHttpRequest",
      accept: "application/json",
      ...(cookie ? { cookie } : {}),
      ...(this.cookies.csrftoken ? { "x-csrftoken": this.cookies.csrftoken } : {}),
      ...this.extraHeaders,
      ...extra,
    };
  }

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const response = await storefrontApi(method, path, { headers: this.headers(headers), body });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = pair!.split("=");
      const v = value.join("=");
      if (/Max-Age=0/i.test(line) || !v) delete this.cookies[name!.trim()];
      else this.cookies[name!.trim()] = v;
    }
    return response;
  }

  /** GET /csrf_token/, then sign in: the storefront's order. */
  async signIn(email: string, password: string): Promise<Response> {
    await this.call("GET", "/csrf_token/");
    return this.call("POST", "/users/login/", { email, password, formType: "login", locale: "en", captchaValidated: true });
  }
}
