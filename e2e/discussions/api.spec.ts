// The seller API on the running server, as a real client calls it: form-encoded token, Bearer +
// SellerId, both path spellings and trailing slashes (never a redirect to /login), a reply to
// customer service with an attachment, then closing it with the `opt` patch clients send.
import { expect, test } from "../support/test";
import { createDiscussion, expectAnsweredToCustomerServiceAndClosed, findDiscussion, PNG_1X1, sellerHeaders, sellerToken } from "./helpers";

test("a seller client answers a discussion to customer service with an attachment and closes it", async ({ request }) => {
  const token = await sellerToken(request);
  const d = await createDiscussion(request, token);
  expect(d).toMatchObject({ isOpen: true, processStatus: "ToTreat" });
  expect(d.receivers.map((r) => r.userType)).toEqual(["Customer", "GrcOperator"]);

  const body = `Photo attached, sent to customer service ${Date.now()}`;
  const reply = await request.post("/seller/v2/messages/", {
    headers: sellerHeaders(token),
    data: {
      body,
      discussionId: d.discussionId,
      salesChannelExternalDiscussionReference: "",
      salesChannel: "CDISFR",
      receivers: [{ userId: "", userType: "GrcOperator" }],
      attachments: [{ content: PNG_1X1, name: "box.png", fileFormat: "png" }],
    },
  });
  expect(reply.status(), await reply.text()).toBe(201);

  const patch = await request.patch(`/seller/v2/discussions/${d.discussionId}`, {
    headers: sellerHeaders(token),
    data: [{ opt: "replace", path: "/isOpen", value: "false" }],
  });
  expect(patch.status(), await patch.text()).toBe(200);
  const after = await expectAnsweredToCustomerServiceAndClosed(request, token, d.discussionId, body);
  expect(after.processStatus).toBe("Treated");
});

test("paths answer with and without a trailing slash, errors are problem+json, nothing redirects", async ({ request }) => {
  const token = await sellerToken(request);
  for (const path of [
    "/seller/v2/discussions",
    "/seller/v2/discussions/",
    "/seller/v2/typologies/",
    "/seller/v2/discussions/typologies",
    "/seller/v2/discussions/count/",
  ]) {
    const response = await request.get(path, { headers: sellerHeaders(token), maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
  }
  const anonymous = await request.get("/seller/v2/discussions", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()["content-type"]).toContain("application/problem+json");
  const seven = new Date();
  seven.setMonth(seven.getMonth() - 7);
  const window = await request.get(`/seller/v2/discussions?updatedAtMin=${encodeURIComponent(seven.toISOString())}`, { headers: sellerHeaders(token) });
  expect(window.status()).toBe(400);
  expect(((await window.json()) as { detail: string }).detail).toMatch(/6 months/);
  const other = await request.get("/seller/v2/discussions", { headers: sellerHeaders(token, "SELLER-2002") });
  expect(other.status()).toBe(403);
});

test("the seeded desk pages with a Link header", async ({ request }) => {
  const token = await sellerToken(request);
  const first = await request.get("/seller/v2/discussions?pageSize=2&includeMessages=LastMessage", { headers: sellerHeaders(token) });
  expect(first.status()).toBe(200);
  const page = (await first.json()) as { items: { discussionId: string; messages: unknown[] }[]; count: number; itemsPerPage: number };
  expect(page.itemsPerPage).toBe(2);
  expect(page.count).toBeGreaterThan(2);
  expect(page.items[0]!.messages).toHaveLength(1);
  const next = /^<([^>]+)>; rel="next"$/.exec(first.headers()["link"] ?? "")?.[1];
  expect(next).toBeTruthy();
  const second = await request.get(next!, { headers: sellerHeaders(token) });
  const page2 = (await second.json()) as { items: { discussionId: string }[] };
  expect(page2.items.map((i) => i.discussionId)).not.toContain(page.items[0]!.discussionId);
  // A discussion from the list reads back.
  await findDiscussion(request, token, page.items[0]!.discussionId);
});
