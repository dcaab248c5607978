import { QueryTypes, type Transaction } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres } from '../../helpers/test-database.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';

let ts: TestServer;
let staff: TestAccount;

beforeAll(async () => {
  ts = await startTestServer({ withoutSmtp: true });
  staff = await createAccount(ts, { staff: true });
});
afterAll(() => ts.stop());

describe('the SQLite database', () => {
  // SQLite pragmas; CI also runs this suite on PostgreSQL, where they do not exist.
  it.skipIf(onPostgres)('runs in WAL mode with foreign keys on and every migration applied', async () => {
    const { sequelize } = ts.server.core.db;
    const [mode] = await sequelize.query<{ journal_mode: string }>('PRAGMA journal_mode', { type: QueryTypes.SELECT });
    expect(mode.journal_mode).toBe('wal');
    const [keys] = await sequelize.query<{ foreign_keys: number }>('PRAGMA foreign_keys', { type: QueryTypes.SELECT });
    expect(keys.foreign_keys).toBe(1);
    const applied = await sequelize.query<{ name: string }>('SELECT name FROM schema_migrations', { type: QueryTypes.SELECT });
    expect(applied.map((row) => row.name)).toContain('0001-foundation');
  });

  it.skipIf(onPostgres)('sets every pragma on the writer connection too: synchronous FULL, foreign keys, busy timeout', async () => {
    const { db } = ts.server.core;
    const pragmas = async (transaction?: Transaction) => {
      const value = async (name: string) =>
        Object.values((await db.sequelize.query<Record<string, number>>(`PRAGMA ${name}`, { type: QueryTypes.SELECT, transaction }))[0])[0];
      return {
        synchronous: await value('synchronous'),
        foreign_keys: await value('foreign_keys'),
        busy_timeout: await value('busy_timeout'),
      };
    };
    // FULL (2): in WAL mode a commit is synced to disk before it is acknowledged, so a booking survives a power cut.
    const expected = { synchronous: 2, foreign_keys: 1, busy_timeout: 10_000 };
    expect(await pragmas()).toEqual(expected);
    expect(await db.write((transaction) => pragmas(transaction))).toEqual(expected);
  });

  it.skipIf(onPostgres)("keeps one long-lived connection for writes: a second write sees the first one's TEMP table", async () => {
    const { db } = ts.server.core;
    await db.write((transaction) => db.sequelize.query('CREATE TEMP TABLE writer_marker (id INTEGER)', { transaction }));
    try {
      const tables = await db.write((transaction) =>
        db.sequelize.query<{ name: string }>("SELECT name FROM temp.sqlite_master WHERE name = 'writer_marker'", {
          type: QueryTypes.SELECT,
          transaction,
        }),
      );
      expect(tables).toEqual([{ name: 'writer_marker' }]);
    } finally {
      await db.write((transaction) => db.sequelize.query('DROP TABLE IF EXISTS temp.writer_marker', { transaction }));
    }
  });

  it('takes many concurrent writes without a single SQLITE_BUSY or 500', async () => {
    const domains = ['meet.jit.si', 'video.example.org', 'meet.example.com', 'jitsi.example.net'];
    const responses = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        ts.api
          .patch('/api/admin/settings/')
          .set('Authorization', staff.bearer)
          .send({ email_from: `Practice ${i} <p${i}@example.com>`, jitsi_domain: domains[i % 4] }),
      ),
    );
    expect(responses.map((res) => res.status)).toEqual(responses.map(() => 200));
  });

  it('keeps personal data out of the database file in plain text', async () => {
    const { sequelize } = ts.server.core.db;
    const rows = await sequelize.query<Record<string, string>>('SELECT email, first_name, last_name FROM users', {
      type: QueryTypes.SELECT,
    });
    for (const row of rows) {
      expect(row.email).toMatch(/^enc1:/);
      expect(row.first_name).toMatch(/^enc1:/);
    }
  });
});
