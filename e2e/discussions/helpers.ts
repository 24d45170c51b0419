// Shared by the discussion browser tests: the seller API as a real client calls it (token flow,
// Bearer + SellerId), and the API side of "an agent answered and closed this discussion".
import { expect, type APIRequestContext } from "@playwright/test";
import { eq } from "drizzle-orm";
import { openDatabase, type Database } from "../../db/client";
import { sellers } from "../../db/schema";
import { systemActor } from "../../lib/auth/actor";
import { importDiscussionSchema } from "../../lib/discussions/schemas";
import { importDiscussion } from "../../lib/discussions/service";
import { E2E } from "../support/env";

export const DEMO_SELLER = { clientId: "sb_seller_demo0000", clientSecret: "demo-seller-secret-0001", sellerId: "SELLER-1001" };

/** A tiny valid PNG (1×1), as base64. */
export const PNG_1X1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

export async function sellerToken(request: APIRequestContext, base = "", seller = DEMO_SELLER): Promise<string> {
  const response = await request.post(`${base}/auth/realms/maas/protocol/openid-connect/token`, {
    form: { grant_type: "client_credentials", client_id: seller.clientId, client_secret: seller.clientSecret },
  });
  expect(response.status(), await response.text()).toBe(200);
  const body = (await response.json()) as { access_token: string; token_type: string; expires_in: number };
  expect(body.token_type).toBe("Bearer");
  return body.access_token;
}

export const sellerHeaders = (token: string, sellerId = DEMO_SELLER.sellerId) => ({ authorization: `Bearer ${token}`, SellerId: sellerId });

export interface WireDiscussion {
  discussionId: string;
  isOpen: boolean;
  processStatus: string;
  receivers: { userType: string }[];
  messages: { messageId: string; body: string; userType: string; receivers: { userType: string }[]; attachmentCount: number; hasRead: boolean }[];
}

let database: Promise<Database> | undefined;
const db = async () => (await (database ??= openDatabase({ url: E2E.databaseUrl, poolSize: 2 }))).db;

/**
 * A discussion as the marketplace side opens it (the customer writes first), addressed to the
 * customer and customer service. A seller's key may only write as the seller, so the marketplace's
 * side comes in as an import (what the marketplace's own system would do); then read back through
 * the seller API as its client sees it.
 */
export async function createDiscussion(request: APIRequestContext, token: string, over: Record<string, unknown> = {}, base = ""): Promise<WireDiscussion> {
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const discussion = importDiscussionSchema.parse({
    salesChannel: "CDISFR",
    salesChannelExternalDiscussionReference: `E2E-${stamp}`,
    typologyCode: "product",
    subTypologyCode: "productIsDamaged",
    orderId: `E2E-${stamp}`,
    orderStatus: "Delivered",
    customer: { userId: `E2E-CUST-${stamp}`, name: "E2E Customer" },
    receivers: [{ userType: "Customer" }, { userType: "GrcOperator" }],
    messages: [{ body: `My order arrived damaged (${stamp}).`, sender: { userType: "Customer" } }],
    ...over,
  });
  const [seller] = await (await db()).select().from(sellers).where(eq(sellers.externalId, DEMO_SELLER.sellerId));
  const { thread } = await importDiscussion(await db(), { seller: seller!, discussion }, systemActor("Marketplace (e2e)"));
  return findDiscussion(request, token, String(thread.id), base);
}

export async function findDiscussion(request: APIRequestContext, token: string, id: string, base = ""): Promise<WireDiscussion> {
  const response = await request.get(`${base}/seller/v2/discussions/${id}`, { headers: sellerHeaders(token) });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as WireDiscussion;
}

/**
 * The API side of "an agent answered the discussion to customer service with an attachment and
 * closed it": the API reports it closed, with that message from the seller side, addressed to
 * GrcOperator, carrying the attachment.
 */
export async function expectAnsweredToCustomerServiceAndClosed(request: APIRequestContext, token: string, id: string, body: string, base = "") {
  await expect.poll(async () => (await findDiscussion(request, token, id, base)).isOpen, { message: "the API reports the discussion closed" }).toBe(false);
  const discussion = await findDiscussion(request, token, id, base);
  const message = discussion.messages.find((m) => m.body === body);
  expect(message, "the agent's message is in the API's discussion").toBeDefined();
  expect(message).toMatchObject({ userType: "Seller", receivers: [{ userType: "GrcOperator" }] });
  expect(message!.attachmentCount).toBeGreaterThanOrEqual(1);
  const attachments = await request.get(`${base}/seller/v2/attachments?messageId=${message!.messageId}`, { headers: sellerHeaders(token) });
  expect(attachments.status()).toBe(200);
  const files = (await attachments.json()) as { content: string }[];
  expect(files.length).toBe(message!.attachmentCount);
  expect(files.every((f) => f.content.length > 0)).toBe(true);
  return discussion;
}
