// Everything that differs between SQLite and PostgreSQL lives here: connection options, pragmas, the write lock.
import { Sequelize, Transaction } from 'sequelize';
import { ConfigError } from '../config.js';

export type DialectName = 'sqlite' | 'postgres';

const BUSY_TIMEOUT_MS = 10_000;

export function createSequelize(databaseUrl: string): { sequelize: Sequelize; dialect: DialectName } {
  if (databaseUrl.startsWith('sqlite:')) {
    const storage = databaseUrl.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    const sequelize = new Sequelize({ dialect: 'sqlite', storage, logging: false, transactionType: Transaction.TYPES.IMMEDIATE });
    configureEverySqliteConnection(sequelize);
    return { sequelize, dialect: 'sqlite' };
  }
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    const sequelize = new Sequelize(databaseUrl, { dialect: 'postgres', logging: false, pool: { max: 10 } });
    return { sequelize, dialect: 'postgres' };
  }
  throw new ConfigError('DATABASE_URL must start with sqlite: or postgres://');
}

interface SqliteConnection {
  configure(option: 'busyTimeout', value: number): void;
  busyTimeoutSet?: boolean;
}

/**
 * Sequelize opens a separate SQLite connection for each transaction and offers no hook for it, so a
 * busy timeout is set here on each new connection: a reader meeting a checkpoint waits instead of failing.
 */
function configureEverySqliteConnection(sequelize: Sequelize): void {
  const manager = sequelize.connectionManager as unknown as { getConnection(options?: object): Promise<SqliteConnection> };
  const getConnection = manager.getConnection.bind(manager);
  manager.getConnection = async (options) => {
    const connection = await getConnection(options);
    if (!connection.busyTimeoutSet) {
      connection.configure('busyTimeout', BUSY_TIMEOUT_MS);
      connection.busyTimeoutSet = true;
    }
    return connection;
  };
}

/** Settings that persist in the database file; run once after opening. */
export async function applyPragmas(sequelize: Sequelize, dialect: DialectName): Promise<void> {
  if (dialect !== 'sqlite') return;
  await sequelize.query('PRAGMA journal_mode = WAL');
  await sequelize.query('PRAGMA synchronous = NORMAL');
  await sequelize.query('PRAGMA foreign_keys = ON');
}

/**
 * Takes the database-wide write lock inside a transaction. SQLite already has one writer at a time
 * (BEGIN IMMEDIATE, serialised in-process below); PostgreSQL gets the same guarantee from an advisory lock.
 */
export async function takeWriteLock(sequelize: Sequelize, dialect: DialectName, transaction: Transaction): Promise<void> {
  if (dialect === 'postgres') await sequelize.query('SELECT pg_advisory_xact_lock(7245001)', { transaction });
}
