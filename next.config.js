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
    // Server actions carry attachments.
    serverActions: { bodySizeLimit: "25mb" },
    // Route handlers read multipart bodies (contact form files) of up to this size.
    proxyClientMaxBodySize: "25mb",
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
