// The database's own write counter on PostgreSQL (src-server/db/shared-write-counter.ts): what lets a server keep
// rendered answers while other servers write to the same database. CI runs this suite on PostgreSQL too.
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FreshRead, installSharedWriteCounter } from '../../../src-server/db/shared-write-counter.js';
import { committedWriteVersion } from '../../../src-server/db/write-version.js';
import { onPostgres } from '../../helpers/test-database.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

let ts: TestServer;

beforeAll(async () => {
  ts = await startTestServer({ withoutSmtp: true });
});
afterAll(() => ts.stop());

describe.runIf(onPostgres)('the shared write counter (PostgreSQL)', () => {
  it('watches every table, a second install adding nothing', async () => {
    const { sequelize } = ts.server.core.db;
    await installSharedWriteCounter(sequelize);
    const unwatched = await sequelize.query<{ relname: string }>(
      `SELECT c.relname FROM pg_class c
         WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace
           AND c.relname NOT IN ('write_counter', 'schema_migrations')
           AND (SELECT COUNT(*) FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'raise_write_counter') <> 1`,
      { type: QueryTypes.SELECT },
    );
    expect(unwatched).toEqual([]);
  });

  it('rises with a write only once it is committed, seen from any connection', async () => {
    const { db } = ts.server.core;
    const before = await committedWriteVersion(db);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const inserted = new Promise<void>((resolve) => (written = resolve));
    const write = db.write(async (transaction) => {
      await db.sequelize.query("INSERT INTO practice_settings (key, value, updated_at) VALUES ('counter_probe', 'x', NOW())", {
        transaction,
      });
      written();
      await gate;
    });
    await inserted;
    // Written but not committed: another connection still reads the old number.
    expect(await committedWriteVersion(db)).toBe(before);
    release();
    await write;
    expect(await committedWriteVersion(db)).toBeGreaterThan(before);
    await db.write((transaction) => db.sequelize.query("DELETE FROM practice_settings WHERE key = 'counter_probe'", { transaction }));
  });
});

describe('a shared fresh read', () => {
  it('answers each caller with a read that started after it asked, sharing one read among those who asked meanwhile', async () => {
    const started: { resolve: (value: number) => void }[] = [];
    const reads = new FreshRead(() => new Promise<number>((resolve) => started.push({ resolve })));
    const first = reads.get();
    // Two callers arrive while the first read runs: it may have read before their writes, so they wait for the next.
    const second = reads.get();
    const third = reads.get();
    expect(started).toHaveLength(1);
    started[0].resolve(1);
    expect(await first).toBe(1);
    await Promise.resolve();
    expect(started).toHaveLength(2);
    started[1].resolve(2);
    expect([await second, await third]).toEqual([2, 2]);
    // Nothing running: a caller starts its own read.
    const fourth = reads.get();
    expect(started).toHaveLength(3);
    started[2].resolve(3);
    expect(await fourth).toBe(3);
  });
});
