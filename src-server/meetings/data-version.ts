// A counter that every committed write to what slots are made of (appointments, availability, blocked dates,
// settings) raises, so a cache keyed on it is never stale after a write. Per database, in this process: on SQLite
// this process is the only writer; on PostgreSQL other servers may write too, so callers skip the cache there.
import type { ModelStatic, Model, Transaction } from 'sequelize';
import type { Database } from '../db/database.js';

const versions = new WeakMap<Database, { value: number }>();

function counterOf(db: Database): { value: number } {
  let counter = versions.get(db);
  if (!counter) {
    counter = { value: 0 };
    versions.set(db, counter);
    const models: ModelStatic<Model>[] = [db.models.Appointment, db.models.WeeklyAvailability, db.models.BlockedDate, db.models.Setting];
    const raise = (options?: { transaction?: Transaction | null }) => {
      const bump = () => void (counter!.value += 1);
      // Raised once the change is visible: a reader that saw the old number may cache old rows under it, never new.
      if (options?.transaction) options.transaction.afterCommit(bump);
      else bump();
    };
    for (const model of models) {
      model.addHook('afterSave', (_instance: Model, options: { transaction?: Transaction | null }) => raise(options));
      model.addHook('afterDestroy', (_instance: Model, options: { transaction?: Transaction | null }) => raise(options));
      model.addHook('afterUpsert', (_result: unknown, options: { transaction?: Transaction | null }) => raise(options));
      model.addHook('afterBulkCreate', (_instances: Model[], options: { transaction?: Transaction | null }) => raise(options));
      model.addHook('afterBulkUpdate', (options: { transaction?: Transaction | null }) => raise(options));
      model.addHook('afterBulkDestroy', (options: { transaction?: Transaction | null }) => raise(options));
    }
    // Deleting an account deletes its sessions and requests with it (ON DELETE CASCADE).
    db.models.User.addHook('afterDestroy', (_instance: Model, options: { transaction?: Transaction | null }) => raise(options));
    db.models.User.addHook('afterBulkDestroy', (options: { transaction?: Transaction | null }) => raise(options));
  }
  return counter;
}

/** The current data version of `db`; the first call starts watching its writes. */
export function dataVersion(db: Database): number {
  return counterOf(db).value;
}

/** Starts watching `db` (call at start-up, before any write, so no change goes uncounted). */
export function watchDataVersion(db: Database): void {
  counterOf(db);
}
