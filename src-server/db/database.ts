// Opens the database, migrates it, and offers the one way to write: a serialised (group-committed) transaction.
import { QueryTypes, type QueryInterface, type Sequelize, type Transaction } from 'sequelize';
import type { FieldCipher } from '../crypto/field-cipher.js';
import { createSequelize, takeWriteLock, withMigrationLock, type DialectName } from './dialect.js';
import { MIGRATIONS } from './migrations/index.js';
import { installSharedWriteCounter } from './shared-write-counter.js';
import { defineModels, type Models } from './models/index.js';
import { GroupCommitWriter } from './group-commit.js';

export interface Database {
  sequelize: Sequelize;
  dialect: DialectName;
  models: Models;
  /**
   * Runs `work` in a transaction that holds the database's write lock, so a rule checked inside it
   * (no overlapping sessions, one pending code) still holds when the transaction commits. Under load several writes
   * share one commit (db/group-commit.ts), each in its own savepoint: `work` fails alone, and resolves once committed.
   */
  write<T>(work: (transaction: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openDatabase(databaseUrl: string, cipher: FieldCipher): Promise<Database> {
  const { sequelize, dialect } = createSequelize(databaseUrl);
  try {
    await sequelize.authenticate();
    await withMigrationLock(sequelize, dialect, async () => {
      await migrate(sequelize, cipher);
      if (dialect === 'postgres') await installSharedWriteCounter(sequelize);
    });
  } catch (error) {
    // A database that cannot be opened or migrated is not left open behind the failed start.
    await sequelize.close().catch(() => undefined);
    throw error;
  }
  const writer = new GroupCommitWriter(sequelize, (transaction) => takeWriteLock(sequelize, dialect, transaction));
  return {
    sequelize,
    dialect,
    models: defineModels(sequelize, cipher),
    write: (work) => writer.write(work),
    close: async () => {
      await writer.drain();
      await sequelize.close();
    },
  };
}

async function migrate(sequelize: Sequelize, cipher: FieldCipher): Promise<void> {
  if (!(await migrationsPending(sequelize))) return;
  // Umzug brings its command line along (about 3 MB of heap): loaded only when there is something to migrate.
  const { SequelizeStorage, Umzug } = await import('umzug');
  const umzug = new Umzug<QueryInterface>({
    migrations: MIGRATIONS.map((migration) => ({
      name: migration.name,
      up: ({ context }) => migration.up(context, cipher),
      down: ({ context }) => migration.down(context, cipher),
    })),
    context: sequelize.getQueryInterface(),
    storage: new SequelizeStorage({ sequelize, tableName: 'schema_migrations' }),
    logger: undefined,
  });
  await umzug.up();
}

/** Whether a migration is not applied yet (or the database is new), read from Umzug's own table. */
async function migrationsPending(sequelize: Sequelize): Promise<boolean> {
  try {
    const rows = await sequelize.query<{ name: string }>('SELECT name FROM schema_migrations', { type: QueryTypes.SELECT });
    const applied = new Set(rows.map((row) => row.name));
    return MIGRATIONS.some((migration) => !applied.has(migration.name));
  } catch {
    return true; // no table yet
  }
}
