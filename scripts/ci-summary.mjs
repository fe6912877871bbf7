// Reads Vitest JSON reports and prints one closing line `ci: N passed, N failed, N skipped`.
// Exits non-zero when a test failed or when no browser test (e2e/*.spec.ts) passed in a run.
import fs from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
let ok = true;
for (const file of process.argv.slice(2)) {
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  let browser = 0;
  for (const suite of report.testResults) {
    for (const t of suite.assertionResults) {
      if (t.status === 'passed') {
        passed++;
        if (/[/\\]e2e[/\\].+\.spec\.ts$/.test(suite.name)) browser++;
      } else if (t.status === 'failed') failed++;
      else skipped++;
    }
    if (suite.status === 'failed' && suite.assertionResults.length === 0) failed++;
  }
  if (browser === 0) {
    console.error(`no browser test passed in ${file}`);
    ok = false;
  }
  console.log(
    `${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, browser tests passed: ${browser}`,
  );
}
console.log(`ci: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed > 0 || !ok) process.exit(1);
