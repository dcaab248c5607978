// npm test's closing lines over a recorded run (tests/fixtures/test-run-report.json): a syntax error, a failing
// beforeAll, an unhandled rejection, one failing test, and tests skipped with and without a note.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summarise, type TestRunReport } from '../../scripts/test-summary.js';

const report: TestRunReport = JSON.parse(fs.readFileSync(new URL('../fixtures/test-run-report.json', import.meta.url), 'utf8'));

describe("npm test's closing line", () => {
  it('counts a file that never ran its tests and an unhandled error as failures, beside the failing test', () => {
    const summary = summarise(report, 1);
    expect(summary.lines.at(-1)).toBe('2 passed, 4 failed, 4 skipped');
    expect(summary.lines).toContain('FAILED tests/example/before-all.test.ts (outside its tests): database unreachable');
    expect(summary.lines).toContain(
      'FAILED tests/example/syntax.test.ts (outside its tests): Transform failed with 1 error: [PARSE_ERROR] Expected `}` but found `EOF`',
    );
    expect(summary.lines).toContain('FAILED unhandled error: late rejection');
  });

  it('says why tests were skipped: the skip note, else what the file said on stderr, else that its file failed', () => {
    const summary = summarise(report, 1);
    const skipped = summary.lines.slice(summary.lines.indexOf('Skipped tests:') + 1, -1);
    expect(skipped).toEqual([
      '  1 in tests/example/before-all.test.ts: not run: the file failed outside its tests',
      '  2 in tests/example/mixed.test.ts: browser tests skipped: Chromium is not installed',
      '  1 in tests/example/mixed.test.ts: the Electron binary is not installed here',
    ]);
  });

  it('counts a failing exit of vitest that nothing explains as one failure', () => {
    const allPassed: TestRunReport = {
      files: [{ file: 'tests/a.test.ts', errors: [], tests: [{ name: 'a', state: 'passed' }], stderr: [] }],
      unhandledErrors: [],
    };
    expect(summarise(allPassed, 0).lines).toEqual(['1 passed, 0 failed, 0 skipped']);
    expect(summarise(allPassed, 1).lines.at(-1)).toBe('1 passed, 1 failed, 0 skipped');
  });
});
