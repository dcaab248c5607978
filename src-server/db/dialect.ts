// Everything that differs between SQLite and PostgreSQL lives here: connection options, pragmas, the write lock.
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

/**
 * Takes the database-wide write lock inside a transaction. SQLite already has one writer at a time
 * (BEGIN IMMEDIATE, serialised in-process below); PostgreSQL gets the same guarantee from an advisory lock.
 */
export async function takeWriteLock(sequelize: Sequelize, dialect: DialectName, transaction: Transaction): Promise<void> {
  if (dialect === 'postgres') await sequelize.query('SELECT pg_advisory_xact_lock(7245001)', { transaction });
}
