// The customer's live stream (GET /api/portal/events is this stream behind the customer's
// session): it carries the customer's own conversations' events — an answer arrives — and never an
// internal note or another customer's message, live or replayed after Last-Event-ID. PGlite and
// PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { postReply } from "@/lib/channels/reply";
import { openCustomerConversation, postCustomerMessage } from "@/lib/conversations/service";
import { fanout, latestEventId } from "@/lib/events";
import { eventStream } from "@/lib/events/stream";
import { ensureLanguages, ensureProduct, ensureSeller, makeCustomerAccount, makeUser } from "@/e2e/support/factories";
import { createTestDatabase } from "@/e2e/support/test-db";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase({ useAsAppDatabase: true });
  await ensureLanguages(database.db);
});
afterAll(async () => {
  await database.close();
});

interface Received {
  id: number;
  name: string;
  data: Record<string, unknown>;
}

/** Opens the customer's stream and collects what it sends, until `stop()`. */
async function listen(customerId: number, lastEventId?: number) {
  const controller = new AbortController();
  const headers: Record<string, string> = lastEventId !== undefined ? { "last-event-id": String(lastEventId) } : {};
  const response = await eventStream(new Request("http://127.0.0.1/api/portal/events", { headers, signal: controller.signal }), {
    kind: "customer",
    customerId,
  });
  expect(response.headers.get("content-type")).toMatch(/text\/event-stream/);
  const received: Received[] = [];
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const pump = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (name: string) =>
            block
              .split("\n")
              .find((l) => l.startsWith(`${name}: `))
              ?.slice(name.length + 2);
          const id = field("id");
          if (id) received.push({ id: Number(id), name: field("event")!, data: JSON.parse(field("data")!) });
        }
      }
    } catch {
      /* aborted */
    }
  })();
  await fanout().ready();
  return {
    received,
    async stop() {
      controller.abort();
      await reader.cancel().catch(() => {});
      await pump;
    },
  };
}

async function until(check: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("a customer's stream", () => {
  it("hears the seller's answer in its own conversation, never an internal note or another customer's message", async () => {
    const db = database.db;
    const seller = await ensureSeller(db, "stream-seller");
    const product = await ensureProduct(db, { sku: "STREAM-1", name: "Lamp", sellerId: seller.id });
    const a = await makeCustomerAccount(db);
    const b = await makeCustomerAccount(db);
    const agent = await makeUser(db, "agent", { name: "Hidden Agent" });
    const start = (who: typeof a) =>
      openCustomerConversation(
        db,
        {
          customerId: who.customer.id,
          sellerId: seller.id,
          type: "question",
          itemContent: "product",
          itemId: product.id,
          body: "Is it dimmable?",
          ifExists: "refuse",
        },
        who.actor,
      );
    const mine = await start(a);
    const theirs = await start(b);
    const from = await latestEventId(db);
    const stream = await listen(a.customer.id);

    await postReply(db, { threadId: mine.threadId, kind: "note", body: "Internal: ask the supplier" }, agent.actor);
    await postCustomerMessage(db, { threadId: theirs.threadId, customerId: b.customer.id, body: "B writes again" }, b.actor);
    await postReply(db, { threadId: theirs.threadId, kind: "reply", body: "Answer for B" }, agent.actor);
    const reply = await postReply(db, { threadId: mine.threadId, kind: "reply", body: "Yes, it is dimmable." }, agent.actor);
    await until(() => stream.received.some((e) => e.name === "message.created" && e.data.messageId === reply.message.id));
    await stream.stop();

    const live = stream.received;
    expect(live.every((e) => e.data.threadId === mine.threadId)).toBe(true);
    expect(live.some((e) => e.data.isInternal === true)).toBe(false);
    expect(JSON.stringify(live)).not.toContain("Hidden Agent");

    // Replayed from before all of it: the same, nothing more.
    const replay = await listen(a.customer.id, from);
    await until(() => replay.received.some((e) => e.data.messageId === reply.message.id));
    await replay.stop();
    expect(replay.received.every((e) => e.data.threadId === mine.threadId && e.data.isInternal !== true)).toBe(true);

    // B's own stream hears B's, not A's.
    const bStream = await listen(b.customer.id, from);
    await until(() => bStream.received.some((e) => e.name === "message.created" && e.data.threadId === theirs.threadId && e.data.authorRole === "agent"));
    await bStream.stop();
    expect(bStream.received.some((e) => e.data.threadId === mine.threadId)).toBe(false);
  });
});
