// Runs every vitest project once and closes with a plain "N passed, N failed" line that CI
// systems (and people) can read without knowing vitest's own summary format.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const report = '.vitest-report.json';
rmSync(report, { force: true });
const args = ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${report}`];
const run = spawnSync('pnpm', [...args, ...process.argv.slice(2)], { stdio: 'inherit' });

let summary;
try {
  summary = JSON.parse(readFileSync(report, 'utf8'));
} catch {
  console.error(`tests: no report was written (${report}); vitest exit code ${run.status}`);
  process.exit(run.status || 1);
}
const passed = summary.numPassedTests ?? 0;
const failed = (summary.numFailedTests ?? 0) + (summary.numFailedTestSuites ?? 0);
const skipped = (summary.numPendingTests ?? 0) + (summary.numTodoTests ?? 0);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (passed === 0) {
  console.error('tests: no test ran');
  process.exit(1);
}
process.exit(run.status ?? 1);
