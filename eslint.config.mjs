import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

// The layers, held by the toolchain (README "Layers"): surfaces (app/, components/) → channels →
// model → platform → db. A route or page never writes SQL; lib/ never reaches up into the app or
// its components; the dumb UI primitives know nothing of the domain; product code never imports
// test support.
const restrict = (patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

const NO_TEST_SUPPORT = { group: ["@/e2e/*", "**/e2e/*"], message: "Test support (e2e/) is for tests only." };

const config = [
  ...nextVitals,
  ...nextTs,
  prettier,
  {
    ignores: [
      ".next/**",
      "scripts/bench-floor/.next/**",
      ".data/**",
      "node_modules/**",
      "db/migrations/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: restrict([
      { group: ["drizzle-orm", "drizzle-orm/*"], message: "app/ has no SQL: call a service or query in lib/." },
      { group: ["@/db/schema", "@/db/schema/*"], allowTypeImports: true, message: "app/ may use the schema's types, never its tables: ask lib/." },
      NO_TEST_SUPPORT,
    ]),
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    ignores: ["lib/**/*.test.ts"],
    rules: restrict([
      { group: ["@/app/*", "@/components/*", "**/app/*", "**/components/*"], message: "lib/ is below the surfaces: it never imports app/ or components/." },
      NO_TEST_SUPPORT,
    ]),
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: restrict([
      { group: ["drizzle-orm", "drizzle-orm/*", "@/db/client"], message: "Components have no database: the server hands them data." },
      { group: ["@/db/schema", "@/db/schema/*"], allowTypeImports: true, message: "Components may use the schema's types, never its tables." },
      NO_TEST_SUPPORT,
    ]),
  },
  {
    files: ["components/ui/**/*.{ts,tsx}"],
    rules: restrict([{ group: ["@/lib/*", "@/db/*", "@/app/*"], message: "components/ui holds dumb primitives: they import nothing from lib/, db/ or app/." }]),
  },
  {
    // Browser specs use the suite's own `test` (e2e/support/test.ts: closes the contexts a test
    // opened, waits for streamed parts after a navigation).
    files: ["e2e/**/*.spec.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "@playwright/test", importNames: ["test"], allowTypeImports: true, message: "Take test from e2e/support/test.ts." }] },
      ],
    },
  },
];

export default config;
