import { chromium } from "@playwright/test";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu","--disable-background-networking","--disable-component-update","--disable-sync","--no-first-run","--disable-quic"] });
const p = await b.newPage({ viewport: { width: 1280, height: 800 } });
p.on("console", m => console.log("console:", m.text()));
p.on("framenavigated", f => console.log("nav:", f.url()));
await p.goto(process.env.BASE + "/login"); await p.waitForTimeout(3000);
await p.screenshot({ path: "/tmp/s-login.png" });
await b.close();
