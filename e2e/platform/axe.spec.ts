// Every page through axe (WCAG 2.1 A/AA rules, colour contrast included): no serious or critical
// violation, as each of its users sees it — signed out, customer, agent (light and dark, a phone),
// admin. A new page goes in PAGES.
import AxeBuilder from "@axe-core/playwright";
import { type Page } from "@playwright/test";
import { expect, test } from "../support/test";
import { signIn, type DemoUser } from "../support/auth";
import { closeWorkspaceDb, makeCustomerThread, sql, tag } from "../workspace/helpers";

test.afterAll(closeWorkspaceDb);

type Target = { path: string | (() => Promise<string>); who?: DemoUser; ready?: string };

async function firstId(query: string): Promise<number> {
  const [row] = await sql<{ id: string }>(query);
  return Number(row!.id);
}

const threadOf = (channel: string) => async () =>
  `/inbox/${await firstId(`select id from threads where channel = '${channel}' and deleted_at is null order by id desc limit 1`)}`;

export const PAGES: Target[] = [
  { path: "/login" },
  { path: "/contact?lang=en" },
  { path: "/contact?lang=tr" },
  { path: "/callback?lang=en" },
  { path: "/callback?lang=tr" },
  { path: "/callback?sent=1&lang=en" },
  { path: "/account/login" },
  { path: "/account/signup" },
  { path: "/account/forgot-password" },
  { path: "/chat/DOWELL12345/WIFIQRCODE/ZiQ7qUH73Q83" }, // the hosted QR chat page
  { path: "/widget/DOWELL12345?product=WORKFLOWAI" }, // the widget's panel (framed by shops)
  { path: "/account", who: "customer" },
  { path: "/account/messages", who: "customer" },
  { path: "/account/messages/new", who: "customer" },
  { path: "/account/password", who: "customer" },
  { path: "/inbox", who: "agent", ready: "inbox-list-pane" },
  { path: "/inbox?status=all&q=refund", who: "agent", ready: "inbox-list-pane" },
  { path: threadOf("contact"), who: "agent", ready: "thread" },
  { path: threadOf("conversation"), who: "agent", ready: "thread" },
  { path: threadOf("discussion"), who: "agent", ready: "thread" },
  { path: threadOf("call_request"), who: "agent", ready: "thread" },
  { path: threadOf("chat"), who: "agent", ready: "thread" },
  { path: "/inbox/987654321", who: "agent" },
  { path: "/inbox/calls", who: "agent" },
  { path: "/inbox/saved-replies", who: "agent" },
  { path: async () => `/inbox/customers/${await firstId("select id from customers order by id limit 1")}`, who: "agent" },
  { path: "/admin", who: "admin" },
  { path: "/admin/subjects", who: "admin" },
  { path: "/admin/settings", who: "admin" },
  { path: "/admin/typologies", who: "admin" },
  { path: "/admin/api-keys", who: "admin" },
  { path: "/admin/outbox", who: "admin" },
  { path: "/admin/tags", who: "admin" },
  { path: "/admin/trash", who: "admin" },
  { path: "/admin/titles", who: "admin" },
  { path: "/admin/users", who: "admin" },
  { path: "/admin/sellers", who: "admin" },
  { path: "/admin/chat", who: "admin" },
  { path: "/admin/import", who: "admin" },
  { path: "/admin", who: "agent" }, // the 403 page
  { path: "/no-such-page" },
];

async function check(page: Page, target: Target, label: string) {
  const url = typeof target.path === "string" ? target.path : await target.path();
  await page.goto(url);
  if (target.ready) await expect(page.getByTestId(target.ready).first()).toBeVisible();
  await page.waitForLoadState("networkidle").catch(() => undefined);
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(" ")} — ${n.failureSummary?.split("\n")[1]?.trim() ?? ""}`).join("; ")}`);
  expect(serious, `${label} ${url}`).toEqual([]);
}

for (const who of [undefined, "customer", "agent", "admin"] as const) {
  const targets = PAGES.filter((p) => p.who === who);
  test(`axe: every page ${who ? `as the ${who}` : "signed out"} has no serious violation`, async ({ page }) => {
    test.setTimeout(180_000);
    if (who) await signIn(page, who);
    for (const target of targets) await check(page, target, who ?? "signed out");
  });
}

test("axe: the agent's screens in the dark theme and on a phone", async ({ browser }) => {
  test.setTimeout(180_000);
  // Two open conversations of one customer: the newest one's side panel lists the other with its
  // status in a status colour, on the dark card.
  const email = `axe-${tag()}@mail.example`;
  await makeCustomerThread({ subject: `Axe ${tag()}`, email });
  await makeCustomerThread({ subject: `Axe ${tag()}`, email });
  const dark = await browser.newContext({ colorScheme: "dark" }); // "as the system" follows it
  const page = await dark.newPage();
  await signIn(page, "agent");
  await page.goto("/inbox");
  await expect(page.locator("html")).toHaveClass(/dark/);
  for (const target of PAGES.filter((p) => p.who === "agent" && p.ready)) await check(page, target, "dark");
  await dark.close();
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const small = await phone.newPage();
  await signIn(small, "agent");
  for (const target of PAGES.filter((p) => p.who === "agent" && p.ready)) await check(small, target, "390 px");
  await phone.close();
});
