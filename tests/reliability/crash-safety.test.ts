import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import sqlite3 from 'sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Mailbox } from '../helpers/mailbox.js';
import { tempDataDir } from '../helpers/test-server.js';

interface ChildServer {
  child: ChildProcess;
  url: string;
  bearer: string;
  exited: Promise<void>;
}

let dataDir: string;
let mailbox: Mailbox;
const children: ChildProcess[] = [];

beforeAll(async () => {
  dataDir = tempDataDir();
  mailbox = await new Mailbox().start();
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await mailbox.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the server in a child process on the shared data directory (always SQLite: the file is what is tested). */
async function startChild(): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'crash-child.ts')], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0', HOST: '127.0.0.1', PASSWORD_HASH_COST: '1024', RATE_LIMIT_AUTH: '100000', SMTP_URL: mailbox.url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const line = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', resolve);
    void exited.then(() => reject(new Error('the child server exited before it was ready')));
  });
  const { url, token } = JSON.parse(line) as { url: string; token: string };
  return { child, url, bearer: `Bearer ${token}`, exited };
}

function integrityCheck(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, (error) => {
      if (error) return reject(error);
      db.get<{ integrity_check: string }>('PRAGMA integrity_check', (queryError, row) => {
        db.close();
        if (queryError) reject(queryError);
        else resolve(row.integrity_check);
      });
    });
  });
}

/** Each writer changes one setting over and over; the number in the value tells which write it was. */
const WRITERS = {
  jitsi_domain: (n: number) => `host${n}.example.org`,
  email_from: (n: number) => `Practice <p${n}@example.com>`,
};
type WrittenKey = keyof typeof WRITERS;

function writeNumber(value: string): number {
  return Number(/(\d+)/.exec(value)?.[1] ?? -1);
}

describe('a server killed with SIGKILL under concurrent writes', () => {
  it('keeps every acknowledged write and an intact database after restart', async () => {
    const first = await startChild();
    const acknowledged = new Map<WrittenKey, number>();
    const sent = new Map<WrittenKey, number>();
    const failures: number[] = [];
    const writers = (Object.keys(WRITERS) as WrittenKey[]).map(async (key) => {
      for (let n = 1; ; n++) {
        sent.set(key, n);
        let status: number;
        try {
          const res = await fetch(`${first.url}api/admin/settings/`, {
            method: 'PATCH',
            headers: { authorization: first.bearer, 'content-type': 'application/json' },
            body: JSON.stringify({ [key]: WRITERS[key](n) }),
          });
          status = res.status;
          await res.arrayBuffer();
        } catch {
          return; // the connection died with the server: this write was never acknowledged
        }
        if (status === 200) acknowledged.set(key, n);
        else failures.push(status);
      }
    });
    await expect.poll(() => Math.min(...Object.keys(WRITERS).map((key) => acknowledged.get(key as WrittenKey) ?? 0)), { timeout: 20_000 }).toBeGreaterThanOrEqual(25);
    first.child.kill('SIGKILL');
    await Promise.all(writers);
    await first.exited;
    expect(failures).toEqual([]);

    expect(await integrityCheck(path.join(dataDir, 'practice.db'))).toBe('ok');

    const second = await startChild();
    const res = await fetch(`${second.url}api/admin/settings/`, { headers: { authorization: second.bearer } });
    expect(res.status).toBe(200);
    const settings = (await res.json()) as Record<WrittenKey, { value: string }>;
    for (const key of Object.keys(WRITERS) as WrittenKey[]) {
      // The write in flight at the kill may or may not have committed; every acknowledged one has.
      const survived = writeNumber(settings[key].value);
      expect(survived).toBeGreaterThanOrEqual(acknowledged.get(key)!);
      expect(survived).toBeLessThanOrEqual(sent.get(key)!);
    }
    second.child.kill('SIGTERM');
    await second.exited;
    expect(await integrityCheck(path.join(dataDir, 'practice.db'))).toBe('ok');
  });
});
