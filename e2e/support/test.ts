// The specs' `test`: Playwright's, with two things every spec wants.
// - The browser lives for the whole worker, so a context a test opens with browser.newContext()
//   and forgets to close would stay signed in, beating /api/presence and holding SSE streams
//   through every later test (round-robin then saw a third agent online). Whatever contexts a test
//   opened are closed when it ends.
// - page.goto and page.reload return at the document's load event. A streamed page can still hold
//   a copy of its server HTML then: React reveals a finished segment a moment later (it batches
//   reveals), and when the browser has rendered that part itself meanwhile, both are in the DOM for
//   that moment — the copy hidden, but a strict locator (the composer's textarea) sees two. So
//   navigation returns once no such segment is left.
import { test as base, type BrowserContext, type Page } from "@playwright/test";

export { expect } from "@playwright/test";

const settled = new WeakSet<Page>();
function settleNavigation(page: Page) {
  if (settled.has(page)) return;
  settled.add(page);
  const waitForSegments = () =>
    page.waitForFunction(() => !document.querySelector('div[hidden][id^="S:"]'), undefined, { timeout: 5_000 }).catch(() => undefined);
  const thenSettle =
    <A extends unknown[], R>(navigate: (...args: A) => Promise<R>) =>
    async (...args: A) => {
      const response = await navigate(...args);
      await waitForSegments();
      return response;
    };
  page.goto = thenSettle(page.goto.bind(page));
  page.reload = thenSettle(page.reload.bind(page));
}
const settleContext = (context: BrowserContext) => {
  context.pages().forEach(settleNavigation);
  context.on("page", settleNavigation);
};

export const test = base.extend<{ contextsOfThisTest: void }>({
  context: async ({ context }, provide) => {
    settleContext(context);
    await provide(context);
  },
  contextsOfThisTest: [
    async ({ browser }, provide) => {
      const before = new Set(browser.contexts());
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const context = await newContext(...args);
        settleContext(context);
        return context;
      };
      try {
        await provide();
      } finally {
        browser.newContext = newContext;
      }
      for (const context of browser.contexts()) if (!before.has(context)) await context.close();
    },
    { auto: true },
  ],
});
