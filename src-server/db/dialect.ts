// Everything that differs between SQLite and PostgreSQL lives here: connection options, the migration and write locks.
import { Sequelize, Transaction } from 'sequelize';
import { ConfigError } from '../config.js';
import { configureSqliteConnections } from './sqlite-connections.js';
import { restrictSqliteFilesToOwner } from './owner-only-files.js';

export type DialectName = 'sqlite' | 'postgres';

export function createSequelize(databaseUrl: string): { sequelize: Sequelize; dialect: DialectName } {
  if (databaseUrl.startsWith('sqlite:')) {
    const storage = databaseUrl.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    restrictSqliteFilesToOwner(storage);
    const sequelize = new Sequelize({ dialect: 'sqlite', storage, logging: false, transactionType: Transaction.TYPES.IMMEDIATE });
    configureSqliteConnections(sequelize);
    return { sequelize, dialect: 'sqlite' };
  }
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    const sequelize = new Sequelize(databaseUrl, { dialect: 'postgres', logging: false, pool: { max: 10 } });
    return { sequelize, dialect: 'postgres' };
  }
  throw new ConfigError('DATABASE_URL must start with sqlite: or postgres://');
}

/** PostgreSQL advisory lock keys: one for writes, one for migrations. */
const WRITE_LOCK = 7245001;
const MIGRATION_LOCK = 7245002;

/**
 * Runs the migrations alone. On PostgreSQL two servers may start at once on one database: the second waits
 * on an advisory lock (held by a transaction of its own while the migrations run on other connections), then
 * finds them applied. A SQLite file is opened by one practice computer.
 */
export async function withMigrationLock<T>(sequelize: Sequelize, dialect: DialectName, migrate: () => Promise<T>): Promise<T> {
  if (dialect !== 'postgres') return migrate();
  return sequelize.transaction(async (transaction) => {
    await sequelize.query('SELECT pg_advisory_xact_lock(:key)', { replacements: { key: MIGRATION_LOCK }, transaction });
    return migrate();
  });
}

/**
 * Takes the database-wide write lock inside a transaction. SQLite already has one writer at a time
 * (BEGIN IMMEDIATE, serialised in-process below); PostgreSQL gets the same guarantee from an advisory lock.
 */
export async function takeWriteLock(sequelize: Sequelize, dialect: DialectName, transaction: Transaction): Promise<void> {
  if (dialect === 'postgres')
    await sequelize.query('SELECT pg_advisory_xact_lock(:key)', { replacements: { key: WRITE_LOCK }, transaction });
}
