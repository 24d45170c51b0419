// The body limits agree everywhere: next.config.js's server-action limit and proxy buffer are the
// page-post limit proxy.ts enforces, which covers every channel's uploads.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { CHANNEL_CATALOG } from "@/lib/channels/catalog";
import { MB, PAGE_POST_BODY_LIMIT } from "./limits";

const require = createRequire(import.meta.url);

describe("body limits", () => {
  it("next.config.js allows page posts exactly as large as proxy.ts does, and every channel's uploads fit", () => {
    const config = require("../../next.config.js") as { experimental: { serverActions: { bodySizeLimit: string }; proxyClientMaxBodySize: string } };
    const mb = (s: string) => Number(/^(\d+)mb$/.exec(s)?.[1]) * MB;
    expect(mb(config.experimental.serverActions.bodySizeLimit)).toBe(PAGE_POST_BODY_LIMIT);
    expect(mb(config.experimental.proxyClientMaxBodySize)).toBe(PAGE_POST_BODY_LIMIT);
    for (const channel of Object.values(CHANNEL_CATALOG)) expect(channel.upload.maxTotalBytes).toBeLessThan(PAGE_POST_BODY_LIMIT);
  });
});
