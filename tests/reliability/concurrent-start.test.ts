// Two servers started at the same moment on one fresh database (a group practice's second instance, a restart
// overlapping the old process): the migrations run once, under a lock, and both servers come up.
import fs from 'node:fs';
import { QueryTypes } from 'sequelize';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src-server/logger.js';
import { startPracticeServer, type PracticeServer } from '../../src-server/server.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/test-database.js';
import { tempDataDir, testServerConfig } from '../helpers/test-server.js';

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('two servers starting at once on a fresh PostgreSQL database', () => {
  // SQLite's one file belongs to one practice computer; the advisory lock is PostgreSQL's.
  it.skipIf(!onPostgres)('both start, and each migration is applied exactly once', async () => {
    const database: TestDatabase = await createTestDatabase();
    const dataDir = tempDataDir();
    cleanups.push(async () => {
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });
    const config = testServerConfig(database, dataDir);
    const starts = await Promise.allSettled([0, 1].map(() => startPracticeServer({ config, logger: createLogger('silent') })));
    const started = starts.flatMap((start) => (start.status === 'fulfilled' ? [start.value] : []));
    cleanups.push(async () => {
      await Promise.all(started.map((server: PracticeServer) => server.stop()));
    });
    expect(starts.map((start) => (start.status === 'rejected' ? String(start.reason) : 'started'))).toEqual(['started', 'started']);
    const applied = await started[0].core.db.sequelize.query<{ name: string }>('SELECT name FROM schema_migrations', {
      type: QueryTypes.SELECT,
    });
    const names = applied.map((row) => row.name);
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names).size).toBe(names.length);
  });
});
