// A counter that every committed write to any table raises (Sequelize's hooks on every model, once the commit is
// done), so a cache keyed on it is never stale after a write. It counts this process's writes only: on SQLite this
// process is the only writer. On PostgreSQL other servers may write too: there committedWriteVersion asks the
// database's own counter (db/shared-write-counter.ts) instead.
import type { Transaction } from 'sequelize';
import type { Database } from './database.js';
import { FreshRead, sharedWriteCount } from './shared-write-counter.js';

const versions = new WeakMap<Database, { value: number }>();

type HookOptions = { transaction?: Transaction | null } | undefined;

function counterOf(db: Database): { value: number } {
  let counter = versions.get(db);
  if (!counter) {
    const watched = { value: 0 };
    counter = watched;
    versions.set(db, watched);
    const raise = (options: HookOptions) => {
      const bump = () => void (watched.value += 1);
      // Raised once the change is visible (and before the writer's caller hears back): a reader that saw the old
      // number may cache old rows under it, never new rows under an old number.
      if (options?.transaction) options.transaction.afterCommit(bump);
      else bump();
    };
    const { sequelize } = db;
    sequelize.addHook('afterSave', (_instance: unknown, options: HookOptions) => raise(options));
    sequelize.addHook('afterDestroy', (_instance: unknown, options: HookOptions) => raise(options));
    sequelize.addHook('afterRestore', (_instance: unknown, options: HookOptions) => raise(options));
    sequelize.addHook('afterUpsert', (_result: unknown, options: HookOptions) => raise(options));
    sequelize.addHook('afterBulkCreate', (_instances: unknown, options: HookOptions) => raise(options));
    sequelize.addHook('afterBulkUpdate', (options: HookOptions) => raise(options));
    sequelize.addHook('afterBulkDestroy', (options: HookOptions) => raise(options));
  }
  return counter;
}

/** The number of writes committed to `db` by this process since it was first asked. */
export function writeVersion(db: Database): number {
  return counterOf(db).value;
}

const sharedReads = new WeakMap<Database, FreshRead<number>>();

/**
 * The version a cache may key its entries on, read before the data it renders: this process's count on SQLite
 * (instant, a number), the database's count of every server's writes on PostgreSQL (one shared indexed read).
 */
export function committedWriteVersion(db: Database): number | Promise<number> {
  if (db.dialect === 'sqlite') return writeVersion(db);
  let reads = sharedReads.get(db);
  if (!reads) {
    reads = new FreshRead(() => sharedWriteCount(db.sequelize));
    sharedReads.set(db, reads);
  }
  return reads.get();
}
