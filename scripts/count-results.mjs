// Prints "<passed> <failed>" from a vitest or Playwright JSON report; a missing or broken report
// counts as one failure, so a crashed runner can never look green.
import fs from "node:fs";

const [kind, file] = process.argv.slice(2);
let passed = 0;
let failed = 0;
try {
  const report = JSON.parse(fs.readFileSync(file, "utf8"));
  if (kind === "vitest") {
    passed = report.numPassedTests ?? 0;
    // A file that failed without a failing test (it did not load, a hook threw) counts once.
    const brokenFiles = (report.testResults ?? []).filter(
      (r) => r.status === "failed" && !(r.assertionResults ?? []).some((a) => a.status === "failed"),
    ).length;
    failed = (report.numFailedTests ?? 0) + brokenFiles;
    if (report.success === false && failed === 0) failed = 1;
  } else {
    passed = (report.stats?.expected ?? 0) + (report.stats?.flaky ?? 0);
    failed = report.stats?.unexpected ?? 0;
    if ((report.errors ?? []).length > 0 && failed === 0) failed = report.errors.length;
  }
} catch {
  failed = 1;
}
console.log(`${passed} ${failed}`);
