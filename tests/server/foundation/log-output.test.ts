// The server's log output is written in batches (src-server/logger.ts): no line may be lost on a clean exit, and a
// line someone waits for (the setup secret, an error) must reach the file soon.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { batchedLogDestination, createLogger, LOG_FLUSH_MS } from '../../../src-server/logger.js';
import { tempDataDir } from '../../helpers/test-server.js';

const dir = tempDataDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function linesOf(file: string): Record<string, unknown>[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

async function eventually(check: () => boolean, withinMs: number): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > withinMs) throw new Error(`not within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}

describe('the log output', () => {
  it('keeps every line of a process that logs and exits at once', () => {
    const file = path.join(dir, 'exit.log');
    const logger = path.resolve('src-server/logger.ts');
    const script = `import { batchedLogDestination, createLogger } from ${JSON.stringify(logger)};
      const log = createLogger('info', batchedLogDestination(${JSON.stringify(file)}));
      for (let n = 0; n < 2000; n++) log.info({ n }, 'request');
      process.exit(0);`;
    execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
    const lines = linesOf(file);
    expect(lines).toHaveLength(2000);
    expect(lines.at(-1)).toMatchObject({ n: 1999, msg: 'request' });
  });

  it('writes a lone line within the flush interval, and an error at once', async () => {
    const file = path.join(dir, 'soon.log');
    const logger = createLogger('info', batchedLogDestination(file));
    logger.info('setup secret announced');
    await eventually(() => linesOf(file).length === 1, LOG_FLUSH_MS * 4);
    logger.error('something failed');
    // Not left for the next periodic flush (up to LOG_FLUSH_MS away): written at once.
    await eventually(() => linesOf(file).length === 2, LOG_FLUSH_MS / 5);
  });
});
