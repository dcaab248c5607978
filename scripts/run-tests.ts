// `npm test`: runs every suite with vitest, then names failures outside tests and why tests were skipped, and ends
// with one line "N passed, N failed, N skipped" for CI (scripts/test-summary.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { summarise, type TestRunReport } from './test-summary.js';

const reportFile = '.vitest-summary.json';
rmSync(reportFile, { force: true });
const result = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=./scripts/summary-reporter.ts', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: { ...process.env, TEST_SUMMARY_FILE: reportFile },
  },
);
// No report: vitest did not get as far as running the suites (a broken config, a failed global setup).
const report: TestRunReport = existsSync(reportFile)
  ? JSON.parse(readFileSync(reportFile, 'utf8'))
  : { files: [], unhandledErrors: [`vitest ended before reporting (exit code ${result.status ?? result.signal})`] };
rmSync(reportFile, { force: true });
const summary = summarise(report, result.status);
console.log(`\n${summary.lines.join('\n')}`);
process.exit(summary.failed > 0 ? result.status || 1 : 0);
