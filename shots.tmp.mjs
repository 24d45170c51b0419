import { chromium } from "@playwright/test";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu","--disable-background-networking","--disable-component-update","--disable-sync","--no-first-run","--disable-quic"] });
const base = process.env.BASE;
const ctx = await b.newContext({ viewport: { width: 1280, height: 800 }, locale: "tr-TR" });
const p = await ctx.newPage();
await p.goto(base + "/contact"); await p.waitForTimeout(800);
await p.screenshot({ path: "/tmp/s-contact.png" });
await p.goto(base + "/login");
await p.getByLabel(/e-?mail/i).fill("admin@example.com");
await p.getByLabel(/password/i).fill("switchboard-admin");
await p.getByRole("button", { name: /sign in/i }).click();
await p.waitForURL(/inbox/);
for (const [path, out] of [["/admin/subjects","s-subjects"],["/admin/typologies","s-typologies"],["/admin/settings","s-settings"],["/inbox?channel=discussion","s-inbox-disc"]]) {
  await p.goto(base + path); await p.waitForTimeout(1500);
  await p.screenshot({ path: `/tmp/${out}.png` });
}
await p.getByTestId("thread-row").first().click(); await p.waitForTimeout(2000);
await p.screenshot({ path: "/tmp/s-disc-thread.png" });
await p.goto(base + "/inbox?channel=contact"); await p.waitForTimeout(1500);
await p.getByTestId("thread-row").first().click(); await p.waitForTimeout(2000);
await p.screenshot({ path: "/tmp/s-contact-thread.png" });
await b.close();
