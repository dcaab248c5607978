import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureRendererBuild, SERVER_BUNDLE } from '../../../scripts/renderer-build.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.js';
import { tempDataDir } from '../../helpers/test-server.js';

const databases: TestDatabase[] = [];
afterAll(() => Promise.all(databases.map((database) => database.drop())));

/** A database of the child's own (in CI's PostgreSQL run a fresh one: each install records the key it was made with). */
async function ownDatabase(): Promise<Record<string, string>> {
  const database = await createTestDatabase();
  databases.push(database);
  return database.env;
}

/** The server from source by default; `built` runs what `npm run serve` runs: the build's out/main/serve.js, plain node. */
function runServe(env: Record<string, string>, built = false) {
  const child = spawn(process.execPath, built ? [SERVER_BUNDLE] : ['--import', 'tsx', 'src-server/serve.ts'], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

async function waitForUrl(output: () => { stdout: string }): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const match = output().stdout.match(/listening on (http:\/\/\S+)/);
    if (match) return match[1];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server did not start: ${JSON.stringify(output())}`);
}

describe('npm run serve', () => {
  it('prints its URLs, answers, and stops cleanly on SIGTERM', async () => {
    const dataDir = tempDataDir();
    const server = runServe({ ...(await ownDatabase()), DATA_DIR: dataDir, PORT: '0', HOST: '0.0.0.0' });
    const url = await waitForUrl(server.output);
    expect(server.output().stdout).toContain('on the network');
    const res = await fetch(`${url}api/`);
    expect(res.status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    // A closed SQLite database leaves no WAL behind.
    expect(fs.existsSync(`${dataDir}/practice.db-wal`) ? fs.statSync(`${dataDir}/practice.db-wal`).size : 0).toBe(0);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.each([
    [{ PORT: 'abc' }, 'Configuration error: PORT must be a whole number from 0 to 65535, got "abc"'],
    [
      { ENCRYPTION_KEY: 'too-short' },
      'Configuration error: ENCRYPTION_KEY must be the base64 of exactly 32 bytes (openssl rand -base64 32)',
    ],
  ])('stops on bad configuration %o with one clear line', async (env, line) => {
    const server = runServe({ DATA_DIR: tempDataDir(), ...env });
    expect(await server.exited).toBe(1);
    expect(server.output().stderr.trim()).toBe(line);
  });

  it('says so in one line when the port is taken', async () => {
    const dataDir = tempDataDir();
    const first = runServe({ ...(await ownDatabase()), DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' });
    const port = new URL(await waitForUrl(first.output)).port;
    const second = runServe({ ...(await ownDatabase()), DATA_DIR: tempDataDir(), PORT: port, HOST: '127.0.0.1' });
    expect(await second.exited).toBe(1);
    expect(second.output().stderr.trim()).toBe(
      `Configuration error: Port ${port} is already in use: set PORT to another port (0 picks a free one)`,
    );
    first.child.kill('SIGTERM');
    await first.exited;
  });

  it(
    'runs as built JavaScript, without tsx: the same build as the desktop app, serving the API and the pages',
    { timeout: 300_000 },
    async () => {
      await ensureRendererBuild(process.cwd(), () => undefined, true);
      const dataDir = tempDataDir();
      const server = runServe({ ...(await ownDatabase()), DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' }, true);
      const url = await waitForUrl(server.output);
      expect((await fetch(`${url}api/`)).status).toBe(200);
      expect(await (await fetch(url)).text()).toContain('<div id="root">');
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  );
});
