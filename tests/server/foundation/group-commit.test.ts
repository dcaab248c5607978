// Group commit (src-server/db/group-commit.ts): writes queued while the writer is busy share one transaction, each in a
// savepoint. These tests hold the writer with one write, queue others behind it, and check what each caller sees.
import { QueryTypes, UniqueConstraintError, type Transaction } from 'sequelize';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

let ts: TestServer;

beforeAll(async () => {
  ts = await startTestServer({ withoutSmtp: true });
  await ts.server.core.db.write((transaction) =>
    ts.server.core.db.sequelize.query('CREATE TABLE group_commit_probe (id INTEGER PRIMARY KEY, label TEXT NOT NULL)', { transaction }),
  );
});
afterAll(() => ts.stop());
beforeEach(() =>
  ts.server.core.db.write((transaction) => ts.server.core.db.sequelize.query('DELETE FROM group_commit_probe', { transaction })),
);

const db = () => ts.server.core.db;

function insert(id: number, label: string, transaction: Transaction) {
  return db().sequelize.query('INSERT INTO group_commit_probe (id, label) VALUES (:id, :label)', {
    replacements: { id, label },
    transaction,
  });
}

/** What a reader outside any write sees (its own connection: only committed rows). */
async function committedLabels(): Promise<string[]> {
  const rows = await db().sequelize.query<{ label: string }>('SELECT label FROM group_commit_probe ORDER BY id', {
    type: QueryTypes.SELECT,
  });
  return rows.map((row) => row.label);
}

/** A write that holds the writer until `release` is called, so the writes queued meanwhile form one group after it. */
function holdWriter(): { held: Promise<void>; release: () => void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const held = db().write(async (transaction) => {
    await insert(1, 'holder', transaction);
    await gate;
  });
  return { held, release };
}

describe('group commit', () => {
  it('commits the writes queued behind a busy writer together, each seeing the ones before it', async () => {
    const { held, release } = holdWriter();
    const queued = [2, 3, 4].map((id) =>
      db().write(async (transaction) => {
        await insert(id, `write ${id}`, transaction);
        const [{ count }] = await db().sequelize.query<{ count: number }>('SELECT COUNT(*) AS count FROM group_commit_probe', {
          type: QueryTypes.SELECT,
          transaction,
        });
        return Number(count);
      }),
    );
    release();
    await held;
    expect(await Promise.all(queued)).toEqual([2, 3, 4]);
    expect(await committedLabels()).toEqual(['holder', 'write 2', 'write 3', 'write 4']);
  });

  it('rolls a failing write back alone: the others in its group commit, the caller gets its own error', async () => {
    const { held, release } = holdWriter();
    const before = db().write((transaction) => insert(2, 'before', transaction));
    // The same key twice: the database refuses it (on PostgreSQL this aborts the transaction until the savepoint's rollback).
    const failing = db().write(async (transaction) => {
      await insert(3, 'half of a failing write', transaction);
      await insert(2, 'duplicate', transaction);
    });
    const after = db().write((transaction) => insert(4, 'after', transaction));
    release();
    await held;
    await expect(failing).rejects.toBeInstanceOf(UniqueConstraintError);
    await Promise.all([before, after]);
    expect(await committedLabels()).toEqual(['holder', 'before', 'after']);
  });

  it('answers a write only once its commit is done, and runs its afterCommit hooks then (a failed write never runs them)', async () => {
    const { held, release } = holdWriter();
    const seenByHooks: string[][] = [];
    const first = db().write(async (transaction) => {
      await insert(2, 'first', transaction);
      transaction.afterCommit(async () => void seenByHooks.push(await committedLabels()));
    });
    const failing = db().write(async (transaction) => {
      transaction.afterCommit(() => void seenByHooks.push(['hook of a failed write']));
      throw new Error('refused');
    });
    const failingRefused = expect(failing).rejects.toThrow('refused');
    const last = db().write((transaction) => insert(3, 'last', transaction));
    let firstAnswered = false;
    void first.then(() => (firstAnswered = true));
    release();
    await held;
    await first;
    // The first write's hook ran after the whole group committed: it already sees the last write of its group.
    expect(seenByHooks).toEqual([['holder', 'first', 'last']]);
    expect(firstAnswered).toBe(true);
    await failingRefused;
    await last;
  });

  it('fails every write of a group whose transaction the database dropped, and keeps none of them', async () => {
    const { held, release } = holdWriter();
    const acknowledgedTooSoon = db().write((transaction) => insert(2, 'in the lost group', transaction));
    // As SQLite does itself after some I/O errors: the transaction is gone under the group's feet.
    const dropping = db().write(async (transaction) => {
      await db().sequelize.query('ROLLBACK', { transaction });
      throw new Error('the disk said no');
    });
    const later = db().write((transaction) => insert(3, 'queued behind', transaction));
    release();
    await held;
    await expect(dropping).rejects.toThrow('the disk said no');
    await expect(acknowledgedTooSoon).rejects.toThrow();
    await expect(later).rejects.toThrow();
    expect(await committedLabels()).toEqual(['holder']);
    // The writer works again for the next write.
    await db().write((transaction) => insert(5, 'next', transaction));
    expect(await committedLabels()).toEqual(['holder', 'next']);
  });
});
