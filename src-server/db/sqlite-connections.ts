// SQLite's connections under Sequelize: one long-lived connection for the serialised writer, every pragma on every connection.
import type { Sequelize } from 'sequelize';

const BUSY_TIMEOUT_MS = 10_000;

/**
 * Per-connection settings, so they hold on every connection, the writer's included (journal_mode also persists
 * in the file). synchronous = FULL: in WAL mode each commit is synced to disk before it is acknowledged, so an
 * acknowledged booking survives a power cut; NORMAL could lose the last commits. The busy timeout lets a reader
 * meeting a checkpoint wait instead of failing.
 */
const PRAGMAS = [
  'PRAGMA journal_mode = WAL',
  'PRAGMA synchronous = FULL',
  'PRAGMA foreign_keys = ON',
  `PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`,
];

/** Sequelize's key for the writer's connection (queries outside a transaction use 'default'). */
const WRITER = 'writer';

interface SqliteConnection {
  exec(sql: string, callback: (error: Error | null) => void): void;
  close(callback?: (error: Error | null) => void): void;
}

/** The parts of Sequelize's SQLite connection manager changed here (lib/dialects/sqlite/connection-manager.js). */
interface SqliteConnectionManager {
  connections: Record<string, SqliteConnection>;
  getConnection(options?: { uuid?: string }): Promise<SqliteConnection>;
  releaseConnection(connection: SqliteConnection, force?: boolean): void;
  destroyConnection(connection: SqliteConnection): Promise<void>;
}

/**
 * Sequelize opens a new SQLite connection for each transaction and closes it after, with no hook to configure
 * it: pragmas set once never reached a write, and each write paid for opening the file. Here every transaction
 * (on SQLite each one is a write: BEGIN IMMEDIATE, one at a time through db.write) gets the same writer
 * connection, kept open until the database closes, and every connection gets the pragmas before its first use.
 */
export function configureSqliteConnections(sequelize: Sequelize): void {
  const manager = sequelize.connectionManager as unknown as SqliteConnectionManager;
  const open = manager.getConnection.bind(manager);
  const release = manager.releaseConnection.bind(manager);
  const configured = new WeakMap<SqliteConnection, Promise<void>>();
  let writerHeld = false;

  const configure = (connection: SqliteConnection) => {
    let ready = configured.get(connection);
    if (!ready) {
      ready = new Promise<void>((resolve, reject) => connection.exec(PRAGMAS.join('; '), (error) => (error ? reject(error) : resolve())));
      configured.set(connection, ready);
    }
    return ready;
  };
  const isWriter = (connection: SqliteConnection) => manager.connections[WRITER] === connection;

  manager.getConnection = async (options = {}) => {
    const forTransaction = options.uuid !== undefined && options.uuid !== 'default';
    if (!forTransaction) {
      const connection = await open(options);
      await configure(connection);
      return connection;
    }
    // db.write queues writers, so this holds; a transaction started elsewhere would break that and is refused.
    if (writerHeld) throw new Error('SQLite has one writer at a time: start transactions through db.write');
    writerHeld = true;
    try {
      const writer = await open({ ...options, uuid: WRITER });
      await configure(writer);
      return writer;
    } catch (error) {
      writerHeld = false;
      throw error;
    }
  };

  manager.releaseConnection = (connection, force) => {
    if (!isWriter(connection)) return release(connection, force);
    writerHeld = false; // stays open for the next write
  };

  // After a failed COMMIT or ROLLBACK Sequelize throws the connection away: the next write opens a fresh one.
  manager.destroyConnection = async (connection) => {
    if (isWriter(connection)) {
      delete manager.connections[WRITER];
      writerHeld = false;
    }
    await new Promise<void>((resolve) => connection.close(() => resolve()));
  };
}
