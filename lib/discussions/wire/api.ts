// The seller API's envelope and auth: errors are application/problem+json (title, status, detail,
// errors, traceId) as its clients read them; a caller is `Authorization: Bearer <token>` (from the
// token endpoint) plus a `SellerId` header naming the token's own seller.
import "server-only";
import { randomUUID } from "node:crypto";
import type { ApiCredential, Seller } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { checkSellerToken } from "@/lib/api-keys/seller-tokens";
import { wireApi, type Envelope } from "@/lib/http/wire";

const TITLES: Record<number, string> = {
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

/** RFC 7807 as the clients read it: title, status, detail, errors (field → messages), traceId. */
export function problem(status: number, detail: string, errors: Record<string, string[]> = {}, headers: Record<string, string> = {}) {
  return new Response(
    JSON.stringify({ type: `https://httpstatuses.io/${status}`, title: TITLES[status] ?? "Error", status, detail, errors, traceId: randomUUID() }),
    { status, headers: { "content-type": "application/problem+json; charset=utf-8", ...headers } },
  );
}

export const problemEnvelope: Envelope = { error: problem };

export type SellerCaller = { credential: ApiCredential; seller: Seller };

export const sellerActor = (caller: SellerCaller): Actor => ({
  kind: "api",
  label: `Seller API ${caller.credential.keyPrefix}`,
  credentialId: caller.credential.id,
  sellerId: caller.seller.id,
  name: caller.seller.title,
});

export const sellerApi = wireApi<SellerCaller>({
  name: "seller api",
  envelope: problemEnvelope,
  async authenticate(db, request) {
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
    return { credential: check.credential, seller: check.seller };
  },
  scopesOf: (caller) => caller.credential.scopes,
  forbidden: (permission) => problem(403, `This credential may not ${permission === "discussions.view" ? "read" : "change"} discussions.`),
});
