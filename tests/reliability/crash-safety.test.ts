import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import sqlite3 from 'sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_EMAIL_INDEX } from '../../src-server/core.js';
import { BlindIndex } from '../../src-server/crypto/blind-index.js';
import { loadOrCreateKeyFile } from '../../src-server/crypto/keys.js';
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
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      PORT: '0',
      HOST: '127.0.0.1',
      PASSWORD_HASH_COST: '1024',
      RATE_LIMIT_AUTH: '100000',
      SMTP_URL: mailbox.url,
    },
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

/** Reads the database file directly, as a second process would after the crash. */
function queryFile<Row>(sql: string): Promise<Row[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path.join(dataDir, 'practice.db'), (error) => {
      if (error) return reject(error);
      db.all<Row>(sql, (queryError, rows) => {
        db.close();
        if (queryError) reject(queryError);
        else resolve(rows);
      });
    });
  });
}

async function integrityCheck(): Promise<string> {
  const [row] = await queryFile<{ integrity_check: string }>('PRAGMA integrity_check');
  return row.integrity_check;
}

async function postJson(url: string, body: object, authorization?: string): Promise<number> {
  const res = await fetch(url, {
    method: url.includes('/settings/') ? 'PATCH' : 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status;
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
  it('keeps every acknowledged write, an intact database and every queued mail after restart', async () => {
    const first = await startChild();
    const acknowledgedSettings = new Map<WrittenKey, number>();
    const sentSettings = new Map<WrittenKey, number>();
    const registered: string[] = [];
    const failures: number[] = [];
    /** Repeats `write` until the server dies; a write whose connection died was never acknowledged. */
    const lane = async (write: (n: number) => Promise<void>) => {
      for (let n = 1; ; n++) {
        try {
          await write(n);
        } catch {
          return;
        }
      }
    };
    const settingLanes = (Object.keys(WRITERS) as WrittenKey[]).map((key) =>
      lane(async (n) => {
        sentSettings.set(key, n);
        const status = await postJson(`${first.url}api/admin/settings/`, { [key]: WRITERS[key](n) }, first.bearer);
        if (status === 200) acknowledgedSettings.set(key, n);
        else failures.push(status);
      }),
    );
    // Each registration writes a user and queues their verification mail in one transaction.
    const registrationLanes = [1, 2, 3].map((laneNumber) =>
      lane(async (n) => {
        const email = `client-${laneNumber}-${n}@example.com`;
        const status = await postJson(`${first.url}api/auth/register/`, {
          email,
          first_name: 'Crash',
          last_name: 'Test',
          password: 'Long-enough-passphrase-7',
          password2: 'Long-enough-passphrase-7',
        });
        if (status === 201) registered.push(email);
        else failures.push(status);
      }),
    );
    await expect
      .poll(() => Math.min(registered.length, ...Object.keys(WRITERS).map((key) => acknowledgedSettings.get(key as WrittenKey) ?? 0)), {
        timeout: 30_000,
      })
      .toBeGreaterThanOrEqual(15);
    first.child.kill('SIGKILL');
    await Promise.all([...settingLanes, ...registrationLanes]);
    await first.exited;
    expect(failures).toEqual([]);

    expect(await integrityCheck()).toBe('ok');
    const blindIndex = new BlindIndex(loadOrCreateKeyFile(dataDir)[0]);
    const stored = new Set((await queryFile<{ email_index: string }>('SELECT email_index FROM users')).map((row) => row.email_index));
    expect(registered.filter((email) => !stored.has(blindIndex.of(email, USER_EMAIL_INDEX)))).toEqual([]);

    const second = await startChild();
    const res = await fetch(`${second.url}api/admin/settings/`, { headers: { authorization: second.bearer } });
    expect(res.status).toBe(200);
    const settings = (await res.json()) as Record<WrittenKey, { value: string }>;
    for (const key of Object.keys(WRITERS) as WrittenKey[]) {
      // The write in flight at the kill may or may not have committed; every acknowledged one has.
      const survived = writeNumber(settings[key].value);
      expect(survived).toBeGreaterThanOrEqual(acknowledgedSettings.get(key)!);
      expect(survived).toBeLessThanOrEqual(sentSettings.get(key)!);
    }
    // Mail is delivered at least once: a mail cut off mid-delivery by the kill is sent again.
    await expect
      .poll(() => registered.filter((email) => !mailbox.mails.some((mail) => mail.to === email)), { timeout: 30_000 })
      .toEqual([]);

    second.child.kill('SIGTERM');
    await second.exited;
    expect(await integrityCheck()).toBe('ok');
  });
});
