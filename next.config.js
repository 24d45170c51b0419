// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WebAssembly and data files that break when bundled.
  serverExternalPackages: ["@electric-sql/pglite"],
  // Compatibility clients post to both `/path` and `/path/`; a 308 would lose the POST body.
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // A page's form post (a server action: the contact form's file, a portal reply's files) carries
    // at most the largest channel upload plus its text: lib/http/limits.ts PAGE_POST_BODY_LIMIT, which
    // proxy.ts enforces by Content-Length before Next reads the body (a test keeps the three equal).
    serverActions: { bodySizeLimit: "11mb" },
    proxyClientMaxBodySize: "11mb",
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
      {
        // Nothing may frame our pages, except the chat widget's iframe page (/widget/<org>): it sends
        // its own frame-ancestors for the organization's sites (lib/chat/frame.ts).
        source: "/:path((?!widget/).*)",
        headers: [{ key: "X-Frame-Options", value: "DENY" }],
      },
    ];
  },
};

module.exports = nextConfig;
