import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKUP_DIR_NAME,
  BackupScheduler,
  backupDatabase,
  DEFAULT_BACKUP_SCHEDULE,
  listBackups,
  startBackups,
} from '../../src-server/db/backup.js';
import { openDatabase } from '../../src-server/db/database.js';
import { createLogger } from '../../src-server/logger.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { createAccount, type TestAccount } from '../helpers/users.js';

const DAY_MS = 24 * 60 * 60 * 1000;
let ts: TestServer;
let client: TestAccount;

beforeAll(async () => {
  ts = await startTestServer({ withoutSmtp: true });
  client = await createAccount(ts, { email: 'private.person@example.com' });
});
afterAll(() => ts.stop());

function scheduler(dir: string, keep: number): BackupScheduler {
  return new BackupScheduler(ts.server.core.db, ts.clock, createLogger('silent'), { ...DEFAULT_BACKUP_SCHEDULE, dir, keep });
}

describe('database backups', () => {
  it('are a SQLite database that holds the rows and opens with the same key', async () => {
    const file = await backupDatabase(ts.server.core.db, path.join(ts.dataDir, 'manual'), ts.clock.now());
    const copy = await openDatabase(`sqlite:${file}`, ts.server.core.cipher);
    try {
      const user = await copy.models.User.findByPk(client.user.id);
      expect(user?.email).toBe('private.person@example.com');
    } finally {
      await copy.close();
    }
  });

  it('are as encrypted as the database: the raw file shows no email address', async () => {
    const [file] = listBackups(path.join(ts.dataDir, 'manual'));
    expect(fs.readFileSync(file).includes('private.person')).toBe(false);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o077).toBe(0);
  });

  it('are taken once a day and only the newest N are kept', async () => {
    const dir = path.join(ts.dataDir, 'daily');
    const backups = scheduler(dir, 3);
    const taken: string[] = [];
    for (let day = 0; day < 5; day++) {
      taken.push((await backups.backupIfDue())!);
      expect(await backups.backupIfDue()).toBeNull();
      ts.clock.advance(DAY_MS);
    }
    expect(listBackups(dir)).toEqual(taken.slice(2));
  });

  it('leave other files in the backup folder alone', async () => {
    const dir = path.join(ts.dataDir, 'with-notes');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'README.txt'), 'my own notes');
    const backups = scheduler(dir, 1);
    await backups.backupIfDue();
    ts.clock.advance(DAY_MS);
    await backups.backupIfDue();
    expect(fs.readdirSync(dir).sort()).toEqual([path.basename(listBackups(dir)[0]), 'README.txt'].sort());
  });

  it('run while the server keeps writing', async () => {
    const dir = path.join(ts.dataDir, 'busy');
    const writes = Array.from({ length: 20 }, () => createAccount(ts));
    const file = await backupDatabase(ts.server.core.db, dir, ts.clock.now());
    await Promise.all(writes);
    const copy = await openDatabase(`sqlite:${file}`, ts.server.core.cipher);
    try {
      expect(await copy.models.User.count()).toBeGreaterThanOrEqual(1);
    } finally {
      await copy.close();
    }
  });

  it('start on their own into DATA_DIR/backups, and BACKUP_KEEP=0 turns them off', async () => {
    const { db, clock } = ts.server.core;
    const logger = createLogger('silent');
    const dir = path.join(ts.dataDir, BACKUP_DIR_NAME);
    const backups = startBackups(db, clock, logger, { dataDir: ts.dataDir, backupKeep: 7 }, { firstCheckAfterMs: 10 });
    await expect.poll(() => listBackups(dir).length, { timeout: 5_000 }).toBe(1);
    await backups!.stop();
    expect(startBackups(db, clock, logger, { dataDir: ts.dataDir, backupKeep: 0 })).toBeNull();
  });
});
