// A change made through the seller API reaches an agent's inbox live, even on the other app
// instance: closing (isOpen), read state (hasRead) and a reply arrive on the agent's event stream.
import { expect, test } from "../support/test";
import { sql } from "../call-requests/helpers";
import { signIn } from "../support/auth";
import { E2E } from "../support/env";
import { createDiscussion, sellerHeaders, sellerToken } from "./helpers";

test("the seller API's close, hasRead and reply reach an agent on the second instance", async ({ page, request }) => {
  const token = await sellerToken(request);
  const d = await createDiscussion(request, token);

  await signIn(page, "agent", E2E.secondURL);
  await page.goto(`${E2E.secondURL}/inbox`);
  // Resume from the newest event so nothing is lost while the instance starts listening.
  const [{ max }] = (await sql<{ max: string | null }>("select max(id)::text as max from realtime_events")) as [{ max: string | null }];
  await page.evaluate(
    (from) =>
      new Promise<void>((resolve, reject) => {
        const w = window as unknown as { __events: { name: string; data: Record<string, unknown> }[] };
        w.__events = [];
        const source = new EventSource(`/api/events?lastEventId=${from}`);
        for (const name of ["thread.closed", "thread.reopened", "thread.read", "message.created"]) {
          source.addEventListener(name, (e) => w.__events.push({ name, data: JSON.parse((e as MessageEvent).data) }));
        }
        source.onopen = () => resolve();
        source.onerror = () => reject(new Error("stream failed"));
      }),
    max ?? "0",
  );
  const seen = () =>
    page.evaluate(
      (id) =>
        (window as unknown as { __events: { name: string; data: { threadId: number } }[] }).__events
          .filter((e) => String(e.data.threadId) === id)
          .map((e) => e.name),
      d.discussionId,
    );

  const headers = sellerHeaders(token);
  expect(
    (await request.patch(`/seller/v2/messages/${d.messages[0]!.messageId}`, { headers, data: [{ opt: "replace", path: "/hasRead", value: "true" }] })).status(),
  ).toBe(200);
  expect(
    (
      await request.post("/seller/v2/messages", {
        headers,
        data: { body: "We are on it.", discussionId: d.discussionId, receivers: [{ userType: "Customer" }] },
      })
    ).status(),
  ).toBe(201);
  expect(
    (await request.patch(`/seller/v2/discussions/${d.discussionId}`, { headers, data: [{ op: "replace", path: "/isOpen", value: false }] })).status(),
  ).toBe(200);

  await expect.poll(seen).toEqual(expect.arrayContaining(["thread.read", "message.created", "thread.closed"]));
});
