// A start that fails after the server began listening (here the mail worker, on a database missing its outbox)
// gives the port and the database back before it reports the error, so a retry or another process can have them.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src-server/config.js';
import { createLogger } from '../../../src-server/logger.js';
import { startPracticeServer } from '../../../src-server/server.js';
import { createTestDatabase, onPostgres } from '../../helpers/test-database.js';
import { tempDataDir } from '../../helpers/test-server.js';

const database = await createTestDatabase();
const dataDir = tempDataDir();
afterAll(async () => {
  await database.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** True when something can listen on `port` again. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer().once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** No connection to the database is left: SQLite removes its WAL file when the last one closes. */
async function databaseConnections(): Promise<number> {
  if (!onPostgres) return fs.existsSync(path.join(dataDir, 'practice.db-wal')) ? 1 : 0;
  const client = new pg.Client({ connectionString: database.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      'SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    return Number(rows[0].count);
  } finally {
    await client.end();
  }
}

describe('a start-up step that fails after listening', () => {
  it('closes the listener and the database, then reports the error', async () => {
    const port = await freePort();
    const config = loadConfig({
      ...database.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PASSWORD_HASH_COST: '1024',
      PRACTICE_TIMEZONE: 'Europe/Berlin',
    });
    const first = await startPracticeServer({ config, logger: createLogger('silent') });
    // A damaged database: migrated, but its outbox table gone, so the mail worker cannot start.
    await first.core.db.sequelize.query('DROP TABLE outbox_mails');
    await first.stop();

    await expect(startPracticeServer({ config, logger: createLogger('silent') })).rejects.toThrow(/outbox_mails/);
    expect(await portIsFree(port)).toBe(true);
    expect(await databaseConnections()).toBe(0);
  });
});
