// For tests of the SOAP service: its route module served over real HTTP on a loopback port (a
// stock SOAP client needs a URL to load the WSDL from and post to), and the request signature.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as route from "@/app/(compat)/listingapi/ws/IndividualUserConversationService/route";
import { soapSign } from "@/lib/api-keys/soap";

export const SOAP_SERVICE_PATH = "/listingapi/ws/IndividualUserConversationService";

type Handler = (request: Request) => Promise<Response>;

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  const body = chunks.length && req.method !== "GET" && req.method !== "HEAD" ? Buffer.concat(chunks) : undefined;
  return new Request(new URL(req.url ?? "/", origin), { method: req.method, headers, body });
}

/** Serves the route module at http://127.0.0.1:<port>/listingapi/ws/IndividualUserConversationService. */
export async function serveSoapRoute(): Promise<{ url: string; origin: string; close(): Promise<void> }> {
  const handlers = route as unknown as Record<string, Handler | undefined>;
  let origin = "";
  const server: Server = createServer(async (req, res) => {
    try {
      const handler = handlers[req.method ?? "GET"];
      const response = handler ? await handler(await toRequest(req, origin)) : new Response("", { status: 405 });
      const headers: Record<string, string> = {};
      response.headers.forEach((v, k) => (headers[k] = v));
      res.writeHead(response.status, headers);
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      res.writeHead(599);
      res.end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: `${origin}${SOAP_SERVICE_PATH}`, origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

let lastTime = 0;

/** apiKey, sign (lowercase hex md5 of apiKey + secret + time) and time for one request (a new time each call: a triple is accepted once). */
export function signed(apiKey: string, secret: string, time?: number) {
  const t = time ?? (lastTime = Math.max(Date.now(), lastTime + 1));
  return { apiKey, sign: soapSign(apiKey, secret, t), time: t };
}
