// The GET-with-a-body shim against a real HTTP server: room-service/ sees the body's fields in its
// query; other paths and methods are untouched.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { installGetBodyShim, mergeBodyIntoQuery } from "./get-body";

let server: http.Server;
let port: number;
beforeAll(async () => {
  class ShimmedServer extends http.Server {}
  installGetBodyShim(ShimmedServer);
  server = new ShimmedServer((req, res) => res.end(JSON.stringify({ url: req.url, method: req.method })));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function send(method: string, path: string, body?: string): Promise<{ url: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, method, path, headers: body ? { "content-type": "application/json", "content-length": Buffer.byteLength(body) } : {} },
      (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () => resolve(JSON.parse(text)));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

it("moves a GET body's fields into room-service's query, the query's own values first", async () => {
  const seen = await send(
    "GET",
    "/api/v2/room-service/?type=get_messages",
    JSON.stringify({ type: "delete_room", room_id: "64edd973bb5e27de179c721c", is_active: false }),
  );
  const url = new URL(seen.url, "http://x");
  expect(url.pathname).toBe("/api/v2/room-service/");
  expect(Object.fromEntries(url.searchParams)).toEqual({ type: "get_messages", room_id: "64edd973bb5e27de179c721c", is_active: "false" });
});

it("leaves other paths, POSTs and bodiless GETs alone", async () => {
  expect((await send("GET", "/api/v2/room-list/", '{"a":1}')).url).toBe("/api/v2/room-list/");
  expect((await send("POST", "/api/v2/room-service", '{"a":1}')).url).toBe("/api/v2/room-service");
  expect((await send("GET", "/api/v2/room-service?type=x")).url).toBe("/api/v2/room-service?type=x");
});

it("keeps a URL whose body is not JSON or a form", () => {
  expect(mergeBodyIntoQuery("/api/v2/room-service", "{not json")).toBe("/api/v2/room-service");
  expect(mergeBodyIntoQuery("/api/v2/room-service", "type=delete_room&room_id=a")).toBe("/api/v2/room-service?type=delete_room&room_id=a");
});
