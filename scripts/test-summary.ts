// The closing lines of `npm test`: errors outside tests counted as failures, why tests were skipped, then "N passed, N failed, N skipped".
import { stripVTControlCharacters } from 'node:util';

/** What scripts/summary-reporter.ts records of a vitest run. */
export interface TestRunReport {
  files: FileReport[];
  /** Errors vitest caught outside every test and file (an unhandled rejection, a crashed worker). */
  unhandledErrors: string[];
}

export interface FileReport {
  /** Relative to the project root. */
  file: string;
  /** Errors outside tests: the file failed to import or compile, a beforeAll or afterAll hook threw. */
  errors: string[];
  tests: TestReport[];
  /** What the file wrote to stderr: a file that skips itself says why there. */
  stderr: string[];
}

export interface TestReport {
  name: string;
  /** `pending`: the run ended before the test did. */
  state: 'passed' | 'failed' | 'skipped' | 'pending';
  /** The reason given to `skip(condition, note)`. */
  note?: string;
}

export interface TestSummary {
  passed: number;
  failed: number;
  skipped: number;
  /** Failures outside tests, then skip reasons, then the closing line "N passed, N failed, N skipped" last. */
  lines: string[];
}

/** The line that says what went wrong; a heading such as "Transform failed with 1 error:" takes the line after it too. */
function firstLine(text: string): string {
  const [first = '', second] = stripVTControlCharacters(text)
    .trim()
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return first.endsWith(':') && second ? `${first} ${second}` : first;
}

/**
 * Counts a run so that nothing failing hides: a test file that never ran its tests (a syntax or import
 * error, a failing beforeAll) and an unhandled error count as failures, and so does a non-zero exit of
 * vitest that nothing else explains.
 */
export function summarise(report: TestRunReport, vitestExitCode: number | null): TestSummary {
  const tests = report.files.flatMap((file) => file.tests);
  const passed = tests.filter((test) => test.state === 'passed').length;
  const skipped = tests.filter((test) => test.state === 'skipped').length;
  const failures: string[] = [];
  for (const file of report.files) {
    for (const error of file.errors) failures.push(`FAILED ${file.file} (outside its tests): ${firstLine(error)}`);
    for (const test of file.tests.filter((test) => test.state === 'pending'))
      failures.push(`FAILED ${file.file} > ${test.name}: did not finish`);
  }
  for (const error of report.unhandledErrors) failures.push(`FAILED unhandled error: ${firstLine(error)}`);
  let failed = tests.filter((test) => test.state === 'failed').length + failures.length;
  if (failed === 0 && vitestExitCode !== 0) {
    failures.push(`FAILED vitest exited with ${vitestExitCode === null ? 'a signal' : `code ${vitestExitCode}`} without naming a failure`);
    failed = 1;
  }
  return {
    passed,
    failed,
    skipped,
    lines: [...failures, ...skipReasons(report.files), `${passed} passed, ${failed} failed, ${skipped} skipped`],
  };
}

/** Per file, how many tests were skipped for each reason: the skip's note, else what the file said on stderr. */
function skipReasons(files: FileReport[]): string[] {
  const lines: string[] = [];
  for (const file of files) {
    const said = [...new Set(file.stderr.map(firstLine).filter((line) => /skip/i.test(line)))].join('; ');
    const counts = new Map<string, number>();
    for (const test of file.tests.filter((test) => test.state === 'skipped')) {
      const reason = test.note ?? (file.errors.length > 0 ? 'not run: the file failed outside its tests' : said || 'no reason given');
      counts.set(reason, (counts.get(reason) ?? 0) + 1);
    }
    for (const [reason, count] of counts) lines.push(`  ${count} in ${file.file}: ${reason}`);
  }
  return lines.length > 0 ? ['Skipped tests:', ...lines] : [];
}
