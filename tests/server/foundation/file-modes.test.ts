// Only the practice's own user account can read the files that hold its data: database, WAL, shared memory, key, backups.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_DIR_NAME, backupDatabase } from '../../../src-server/db/backup.js';
import { onPostgres } from '../../helpers/test-database.js';
import { startTestServer, tempDataDir, type TestServer } from '../../helpers/test-server.js';
import { createAccount } from '../../helpers/users.js';

const DATA_FILES = ['practice.db', 'practice.db-wal', 'practice.db-shm', 'encryption.key'];

function mode(file: string): number {
  return fs.statSync(file).mode & 0o777;
}

let ts: TestServer | undefined;
afterEach(async () => {
  await ts?.stop();
  ts = undefined;
});

// The modes are POSIX ones, and on PostgreSQL the data lives in the database server's own files.
describe.skipIf(onPostgres || process.platform === 'win32')('files in the data directory', () => {
  it('are created readable by the owner only (0600), even under a umask of 022', async () => {
    const previous = process.umask(0o022);
    try {
      ts = await startTestServer();
      await createAccount(ts);
    } finally {
      process.umask(previous);
    }
    for (const name of DATA_FILES) expect(mode(path.join(ts.dataDir, name)), name).toBe(0o600);
  });

  it('are made 0600 at start when an older version left them readable by others', async () => {
    const dataDir = tempDataDir();
    for (const name of ['practice.db', 'practice.db-wal', 'practice.db-shm'])
      fs.writeFileSync(path.join(dataDir, name), '', { mode: 0o644 });
    ts = await startTestServer({ env: { DATA_DIR: dataDir } });
    for (const name of ['practice.db', 'practice.db-wal', 'practice.db-shm']) expect(mode(path.join(dataDir, name)), name).toBe(0o600);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('include backups that are 0600 in a 0700 folder', async () => {
    ts = await startTestServer();
    const file = await backupDatabase(ts.server.core.db, path.join(ts.dataDir, BACKUP_DIR_NAME), ts.clock.now());
    expect(mode(file)).toBe(0o600);
    expect(mode(path.dirname(file))).toBe(0o700);
  });
});
