// Live chat end to end: a plain HTML shop page on another origin embeds the widget with one tag;
// a visitor chats with an agent in another browser context, both directions live, with an image
// and typing shown both ways; an internal note never reaches the widget; a network drop loses no
// message; the agent closes the room and the widget says so.
import http from "node:http";
import { type Browser, type FrameLocator, type Page } from "@playwright/test";
import { expect, test } from "../support/test";
import { makePng } from "@/db/seed/files";
import { signIn } from "../support/auth";
import { sql } from "../support/db";
import { E2E } from "../support/env";

const SHOP = `http://127.0.0.1:${E2E.shopPort}`;
let shop: http.Server;

test.beforeAll(async () => {
  shop = http.createServer((req, res) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    // The shop's own CSS is hostile on purpose: it must not reach the panel.
    res.end(`<!doctype html><html lang="en"><head><title>Corner shop</title><style>* { font-family: serif !important; color: green !important; } button { border: 5px solid red; }</style></head>
<body><h1>Corner shop</h1><p>Handmade ceramics.</p>
<script src="${E2E.baseURL}/widget.js" data-org="DOWELL12345" data-product="WORKFLOWAI" data-lang="en" async></script></body></html>`);
  });
  await new Promise<void>((resolve) => shop.listen(E2E.shopPort, "127.0.0.1", resolve));
});
test.afterAll(async () => {
  await new Promise<void>((resolve) => shop.close(() => resolve()));
});

async function visitorPage(browser: Browser): Promise<{ page: Page; panel: FrameLocator; errors: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(SHOP);
  await page.getByRole("button", { name: "Open chat" }).click();
  const panel = page.frameLocator("iframe[data-sb=panel]");
  await expect(panel.locator("[data-sb=greeting]")).toContainText("How may I help you");
  return { page, panel, errors };
}

async function roomOf(page: Page): Promise<{ roomKey: string; threadId: number }> {
  const frame = page.frames().find((f) => f.url().includes("/widget/"))!;
  const roomKey = await frame.evaluate(() => localStorage.getItem("sb-room:DOWELL12345:WORKFLOWAI"));
  expect(roomKey).toMatch(/^[0-9a-f]{24}$/);
  const [row] = await sql<{ thread_id: string }>("select thread_id::text from chat_details where room_key = $1", [roomKey]);
  return { roomKey: roomKey!, threadId: Number(row!.thread_id) };
}

test("a visitor on another site chats live with an agent: messages, an image and typing both ways; a note stays internal; a network drop loses nothing; closing the room is shown", async ({
  browser,
}) => {
  const stamp = Date.now().toString(36);
  const visitor = await visitorPage(browser);
  const { panel } = visitor;
  await panel.locator("[data-sb=input]").fill(`Hello, is the blue vase in stock? ${stamp}`);
  await panel.locator("[data-sb=input]").press("Enter");
  await expect(panel.locator("[data-sb=mine]")).toHaveCount(1);
  await expect(panel.locator("[data-sb=mine]").first()).not.toHaveClass(/sb-pending/);
  const { threadId } = await roomOf(visitor.page);

  // The agent, in another browser context, has the room as a chat thread with the visitor's page and language.
  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signIn(agent, "agent", E2E.baseURL);
  await agent.goto(`${E2E.baseURL}/inbox/${threadId}`);
  const thread = agent.getByTestId("thread");
  await expect(thread.getByTestId("messages")).toContainText(`blue vase in stock? ${stamp}`);
  const chatPanel = agent.getByTestId("chat-panel");
  await expect(chatPanel).toContainText(SHOP);
  await expect(chatPanel).toContainText("Language");
  await expect(chatPanel).toContainText("en");

  // Visitor → agent, live, with typing.
  await panel.locator("[data-sb=input]").pressSequentially("Also");
  await expect(agent.getByTestId("visitor-typing")).toBeVisible();
  await panel.locator("[data-sb=input]").fill(`Also, do you ship to Izmir? ${stamp}`);
  await panel.locator("[data-sb=send]").click();
  await expect(thread.getByTestId("messages")).toContainText(`ship to Izmir? ${stamp}`);
  await expect(agent.getByTestId("visitor-typing")).toHaveCount(0);

  // Agent → visitor, live, with typing.
  const reply = agent.getByRole("textbox", { name: "Reply" });
  await reply.pressSequentially("Yes");
  await expect(panel.locator("[data-sb=typing]")).toContainText("Typing…");
  await reply.fill(`Yes, it is in stock and we ship to Izmir. ${stamp}`);
  await agent.getByRole("button", { name: "Send reply" }).click();
  await expect(panel.locator("[data-sb=theirs]").last()).toContainText(`we ship to Izmir. ${stamp}`);
  await expect(panel.locator("[data-sb=typing]")).toHaveText("");

  // An image from the visitor, previewed before sending, shows in the inbox.
  await panel.locator("[data-sb=file]").setInputFiles({ name: "vase.png", mimeType: "image/png", buffer: Buffer.from(makePng(40, 40, [200, 30, 60])) });
  await expect(panel.locator("[data-sb=preview-image]")).toBeVisible();
  await panel.locator("[data-sb=send]").click();
  await expect(panel.locator("[data-sb=mine] [data-sb=image]")).toHaveCount(1);
  await expect(thread.getByTestId("attachment-image")).toHaveCount(1);

  // An internal note never reaches the widget.
  await agent.getByRole("tab", { name: "Note" }).click();
  await agent.getByRole("textbox", { name: "Internal note" }).fill(`internal only ${stamp}`);
  await agent.getByRole("button", { name: "Add note" }).click();
  await expect(thread.getByTestId("messages")).toContainText(`internal only ${stamp}`);

  // A network drop: the visitor is offline (every request aborted) while the agent writes twice.
  await agent.getByRole("tab", { name: "Reply" }).click();
  await visitor.page.context().route("**/*", (route) => route.abort("internetdisconnected"));
  await visitor.page.context().setOffline(true);
  await expect(panel.locator("[data-sb=offline]")).toBeVisible();
  for (const text of ["First while you were away", "Second while you were away"]) {
    await reply.fill(`${text} ${stamp}`);
    await agent.getByRole("button", { name: "Send reply" }).click();
    await expect(thread.getByTestId("messages")).toContainText(`${text} ${stamp}`);
    await expect(reply).toHaveValue(""); // sent, not only shown
  }
  await visitor.page.context().unrouteAll();
  await visitor.page.context().setOffline(false);
  await expect(panel.locator("[data-sb=theirs]").filter({ hasText: `First while you were away ${stamp}` })).toHaveCount(1);
  await expect(panel.locator("[data-sb=theirs]").filter({ hasText: `Second while you were away ${stamp}` })).toHaveCount(1);
  await expect(panel.locator("[data-sb=offline]")).toBeHidden();
  await expect(panel.locator("[data-sb=messages]")).not.toContainText("internal only");

  // With the panel closed (by keyboard), an agent's reply lights the launcher's unread badge; opening it clears it.
  await panel.locator("[data-sb=input]").press("Escape");
  await expect(visitor.page.locator("iframe[data-sb=panel]")).toBeHidden();
  await reply.fill(`Are you still there? ${stamp}`);
  await agent.getByRole("button", { name: "Send reply" }).click();
  await expect(visitor.page.getByRole("button", { name: "Open chat (1 new)" })).toBeVisible();
  await visitor.page.getByRole("button", { name: "Open chat (1 new)" }).click();
  await expect(visitor.page.getByRole("button", { name: "Open chat", exact: true })).toBeVisible();
  await expect(panel.locator("[data-sb=theirs]").last()).toContainText(`Are you still there? ${stamp}`);

  // The agent closes the room from the inbox: the widget says so.
  await agent.getByRole("button", { name: "Close", exact: true }).click();
  await expect(panel.locator("[data-sb=closed]")).toBeVisible();
  await expect(panel.locator("[data-sb=closed]")).toContainText("The agent closed this chat");
  await expect
    .poll(async () => (await sql<{ is_active: boolean }>("select is_active from chat_details where thread_id = $1", [threadId]))[0]!.is_active)
    .toBe(false);

  // The room is remembered across page loads: its history (and that it is closed) come back.
  await visitor.page.reload();
  await visitor.page.getByRole("button", { name: /Open chat/ }).click();
  await expect(panel.locator("[data-sb=theirs]").filter({ hasText: `we ship to Izmir. ${stamp}` })).toHaveCount(1);
  await expect(panel.locator("[data-sb=closed]")).toBeVisible();
  expect(visitor.errors).toEqual([]);
  await agentContext.close();
  await visitor.page.context().close();
});

test("the widget's iframe may be framed by the organization's sites; every other page may not", async ({ request }) => {
  const panel = await request.get(`${E2E.baseURL}/widget/DOWELL12345?product=WORKFLOWAI`);
  expect(panel.status()).toBe(200);
  expect(panel.headers()["x-frame-options"]).toBeUndefined();
  expect(panel.headers()["content-security-policy"]).toContain("frame-ancestors *");
  const login = await request.get(`${E2E.baseURL}/login`);
  expect(login.headers()["x-frame-options"]).toBe("DENY");
  const hosted = await request.get(`${E2E.baseURL}/chat/DOWELL12345/WIFIQRCODE/ZiQ7qUH73Q83`);
  expect(hosted.status()).toBe(200);
  expect(hosted.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect((await request.get(`${E2E.baseURL}/chat/DOWELL12345/WIFIQRCODE/unknown`)).status()).toBe(404);
});

test("room-service/ takes a GET with a JSON body, as the spec's delete_room example sends it", async ({ request }) => {
  const opened = await request.post(`${E2E.baseURL}/api/v2/room-control/`, {
    data: { user_id: `get-body-${Date.now()}`, org_id: "DOWELL12345", product_name: "LOGOSCAN" },
  });
  const room = ((await opened.json()) as { inserted_id: string }).inserted_id;
  const deleted = await request.fetch(`${E2E.baseURL}/api/v2/room-service/`, { method: "GET", data: { type: "delete_room", room_id: room, is_active: false } });
  expect(await deleted.json()).toEqual({ success: true, message: "Room deleted successfully", response: { isSuccess: true } });
  const state = await request.get(`${E2E.baseURL}/api/v2/room-service?type=get_room_by_id&room_id=${room}`);
  expect(((await state.json()) as { response: { is_active: boolean }[] }).response[0]!.is_active).toBe(false);
});

test("the hosted QR chat page opens a room for its code and chats", async ({ page }) => {
  await page.goto(`${E2E.baseURL}/chat/DOWELL12345/WIFIQRCODE/ZiQ7qUH73Q83`, { waitUntil: "domcontentloaded" });
  await expect(page.locator("[data-sb=greeting]")).toContainText("How may I help you");
  await page.locator("[data-sb=input]").fill("Scanned the code at the front desk");
  await page.locator("[data-sb=input]").press("Enter");
  await expect(page.locator("[data-sb=mine]")).toHaveCount(1);
  await expect(page.locator("[data-sb=mine]")).not.toHaveClass(/sb-pending/);
  const roomKey = await page.evaluate(() => localStorage.getItem("sb-room:DOWELL12345:WIFIQRCODE:ZiQ7qUH73Q83"));
  const [row] = await sql<{ qr_id: string }>("select qr_id from chat_details where room_key = $1", [roomKey]);
  expect(row!.qr_id).toBe("ZiQ7qUH73Q83");
});

test("an admin sees each QR code as an image to print and a copyable embed snippet", async ({ page, browser }) => {
  await signIn(page, "admin", E2E.baseURL);
  await page.goto(`${E2E.baseURL}/admin/chat`);
  const org = page.locator('[data-testid=chat-org][data-org="DOWELL12345"]');
  await expect(org.getByTestId("qr-code")).toHaveCount(3);
  await expect(org.getByRole("img", { name: /QR code for Front desk/ })).toBeVisible();
  await expect(org.getByTestId("embed-snippet").first()).toContainText(
    `<script src="${E2E.baseURL}/widget.js" data-org="DOWELL12345" data-product="WORKFLOWAI" async></script>`,
  );
  // A new organization, then a QR code for one of its products.
  const key = `E2E${Date.now().toString(36).toUpperCase()}`;
  const form = page.getByTestId("chat-org-new");
  await form.getByLabel("Organization id (org_id)").fill(key);
  await form.getByLabel("Products").fill("workflowai\nLOGOSCAN");
  await form.getByLabel("Allowed origins").fill("https://shop.example\nnot an origin");
  await form.getByRole("button", { name: "Add organization" }).click();
  await expect(form.getByRole("alert")).toBeVisible();
  await form.getByLabel("Allowed origins").fill("https://shop.example");
  await form.getByRole("button", { name: "Add organization" }).click();
  const added = page.locator(`[data-testid=chat-org][data-org="${key}"]`);
  await expect(added).toBeVisible();
  await expect(added.getByTestId("embed-snippet")).toHaveCount(2);
  await added.getByRole("button", { name: "Add QR code" }).click();
  await expect(added.getByTestId("qr-code")).toHaveCount(1);
  const [saved] = await sql<{ products: string[]; allowed_origins: string[] }>("select products, allowed_origins from chat_orgs where org_key = $1", [key]);
  expect(saved).toEqual({ products: ["WORKFLOWAI", "LOGOSCAN"], allowed_origins: ["https://shop.example"] });

  // An agent may not open it.
  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signIn(agent, "agent", E2E.baseURL);
  const response = await agent.goto(`${E2E.baseURL}/admin/chat`);
  expect(response?.status()).toBe(403);
  await agentContext.close();
});
