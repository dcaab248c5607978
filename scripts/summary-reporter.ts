// A vitest reporter that writes what `npm test`'s closing lines need (scripts/test-summary.ts) to TEST_SUMMARY_FILE.
import fs from 'node:fs';
import path from 'node:path';
import type { SerializedError, UserConsoleLog } from 'vitest';
import type { Reporter, TestModule } from 'vitest/node';
import type { FileReport, TestRunReport } from './test-summary.js';

const errorText = (error: { message?: string; stack?: string }) => error.message || error.stack || 'unknown error';

export default class SummaryReporter implements Reporter {
  /** stderr lines by the id of the file, suite or test that wrote them. */
  private readonly stderr = new Map<string, string[]>();

  onUserConsoleLog(log: UserConsoleLog): void {
    if (log.type !== 'stderr' || !log.taskId) return;
    this.stderr.set(log.taskId, [...(this.stderr.get(log.taskId) ?? []), log.content]);
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const target = process.env.TEST_SUMMARY_FILE;
    if (!target) return;
    const report: TestRunReport = {
      files: testModules.map((module) => this.fileReport(module)),
      unhandledErrors: unhandledErrors.map(errorText),
    };
    fs.writeFileSync(target, JSON.stringify(report, null, 2));
  }

  private fileReport(module: TestModule): FileReport {
    const suites = [...module.children.allSuites()];
    const tests = [...module.children.allTests()];
    const ids = [module.id, ...suites.map((suite) => suite.id), ...tests.map((test) => test.id)];
    return {
      file: path.relative(process.cwd(), module.moduleId),
      errors: [...module.errors(), ...suites.flatMap((suite) => suite.errors())].map(errorText),
      tests: tests.map((test) => {
        const result = test.result();
        return { name: test.fullName, state: result.state, ...(result.state === 'skipped' && result.note ? { note: result.note } : {}) };
      }),
      stderr: ids.flatMap((id) => this.stderr.get(id) ?? []),
    };
  }
}
