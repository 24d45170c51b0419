// POST /auth/realms/maas/protocol/openid-connect/token — the seller API's client credentials →
// Bearer token. Errors here are OAuth 2.0's ({"error", "error_description"}), as every token client
// reads them. Wrong secrets from one address are counted; past the limit even a right one waits.
import "server-only";
import { issueSellerToken } from "@/lib/api-keys/seller-tokens";
import { json, safeDecode, wireApi, type Envelope } from "@/lib/http/wire";
import { clientIp, envLimit, hit, release } from "@/lib/throttle";
import { hasForbiddenCharacters } from "@/lib/validation";

const oauthError = (status: number, error: string, description: string, headers: Record<string, string> = {}) =>
  json({ error, error_description: description }, status, {
    "cache-control": "no-store",
    ...(status === 401 ? { "WWW-Authenticate": 'Basic realm="maas"' } : {}),
    ...headers,
  });

const OAUTH_CODES: Record<number, string> = { 400: "invalid_request", 401: "invalid_client", 413: "invalid_request", 429: "slow_down" };

const oauthEnvelope: Envelope = {
  error: (status, detail, _fields, headers) => oauthError(status, OAUTH_CODES[status] ?? (status >= 500 ? "server_error" : "invalid_request"), detail, headers),
  body: (problem) => oauthError(problem === "too_large" ? 413 : 400, "invalid_request", "The body could not be read."),
};

const tokenApi = wireApi({ name: "seller token", envelope: oauthEnvelope, methodNotAllowed: () => oauthError(405, "invalid_request", "Use POST.") });

/** Failed token requests allowed per address (SELLER_TOKEN_LIMIT_IP_MAX / _WINDOW_SECONDS). */
export const SELLER_TOKEN_LIMIT_IP = () => envLimit("SELLER_TOKEN_LIMIT_IP", { max: 30, windowSeconds: 5 * 60 });

export const tokenRoute = {
  async POST(request: Request): Promise<Response> {
    return tokenApi.run(async (db) => {
      const body = await tokenApi.readBody(request, { limit: 64 * 1024 });
      if (!body.ok) return body.response;
      const fields: Record<string, string> = Object.fromEntries(Object.entries(body.data).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
      // client_secret_basic: the client id and secret in an HTTP Basic header.
      const basic = /^Basic\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "");
      if (basic) {
        const decoded = Buffer.from(basic[1]!, "base64").toString("utf8");
        const colon = decoded.indexOf(":");
        if (colon > 0) {
          fields.client_id ??= safeDecode(decoded.slice(0, colon));
          fields.client_secret ??= safeDecode(decoded.slice(colon + 1));
        }
      }
      if (fields.grant_type !== "client_credentials") return oauthError(400, "unsupported_grant_type", "Only grant_type=client_credentials is supported.");
      if (!fields.client_id || !fields.client_secret) return oauthError(401, "invalid_client", "client_id and client_secret are required.");
      if (
        hasForbiddenCharacters(fields.client_id) ||
        hasForbiddenCharacters(fields.client_secret) ||
        fields.client_id.length > 200 ||
        fields.client_secret.length > 500
      ) {
        return oauthError(400, "invalid_request", "client_id and client_secret may not contain control characters.");
      }
      // The attempt takes its place in the count first (one atomic statement), so parallel guesses
      // cannot pass the limit; a right secret gives it back.
      const key = `seller-token:ip:${clientIp(request.headers)}`;
      const attempt = await hit(db, key, SELLER_TOKEN_LIMIT_IP());
      if (!attempt.allowed) {
        return oauthError(429, "slow_down", "Too many failed attempts; try again later.", { "Retry-After": String(attempt.retryAfterSeconds) });
      }
      const issued = await issueSellerToken(db, { clientId: fields.client_id, clientSecret: fields.client_secret });
      if (!issued) return oauthError(401, "invalid_client", "Invalid client credentials.");
      await release(db, key);
      return json(
        {
          access_token: issued.token,
          expires_in: issued.expiresIn,
          refresh_expires_in: 0,
          token_type: "Bearer",
          "not-before-policy": 0,
          scope: issued.credential.scopes.join(" "),
        },
        200,
        { "cache-control": "no-store", pragma: "no-cache" },
      );
    });
  },
  GET: tokenApi.notAllowed("POST"),
};
