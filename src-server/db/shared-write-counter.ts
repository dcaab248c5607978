// On PostgreSQL several servers may write to one database, so "has anything changed?" has to be asked of the database:
// a one-row counter that a statement-level trigger on every table raises in the writing transaction. It becomes
// visible with that transaction's commit and never before, so a reader that reads it BEFORE reading the data may
// keep what it renders under that number: the data is at least that new, and any later commit, by any server,
// shows a higher number. On SQLite this process is the only writer and db/write-version.ts counts in memory.
import { QueryTypes, type Sequelize } from 'sequelize';

const COUNTER_TABLE = 'write_counter';
const TRIGGER = 'raise_write_counter';

/**
 * Creates the counter and puts its trigger on every table (the migrations' own bookkeeping aside). Idempotent, and run
 * after the migrations at every start under their lock, so a table a later migration adds is counted too.
 */
export async function installSharedWriteCounter(sequelize: Sequelize): Promise<void> {
  await sequelize.query(`CREATE TABLE IF NOT EXISTS ${COUNTER_TABLE} (id SMALLINT PRIMARY KEY CHECK (id = 1), value BIGINT NOT NULL)`);
  await sequelize.query(`INSERT INTO ${COUNTER_TABLE} (id, value) VALUES (1, 0) ON CONFLICT (id) DO NOTHING`);
  await sequelize.query(
    `CREATE OR REPLACE FUNCTION ${TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN UPDATE ${COUNTER_TABLE} SET value = value + 1 WHERE id = 1; RETURN NULL; END $$`,
  );
  const uncounted = await sequelize.query<{ table_name: string }>(
    `SELECT c.relname AS table_name FROM pg_class c
       WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace
         AND c.relname NOT IN (:skipped)
         AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = :trigger)`,
    { type: QueryTypes.SELECT, replacements: { skipped: [COUNTER_TABLE, 'schema_migrations'], trigger: TRIGGER } },
  );
  for (const { table_name: table } of uncounted) {
    await sequelize.query(
      `CREATE TRIGGER ${TRIGGER} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION ${TRIGGER}()`,
    );
  }
}

/** The number of write statements committed to the database so far, by any server. */
export async function sharedWriteCount(sequelize: Sequelize): Promise<number> {
  const [row] = await sequelize.query<{ value: string }>(`SELECT value FROM ${COUNTER_TABLE} WHERE id = 1`, { type: QueryTypes.SELECT });
  return Number(row.value);
}

/**
 * Reads that many callers can share without reading too early: a caller gets the answer of a query that started
 * after it asked. While one query runs, every caller arriving meanwhile waits for the next one, which they share;
 * so under load the counter costs two queries in flight at most, however many requests ask at once.
 */
export class FreshRead<T> {
  private running: Promise<T> | null = null;
  private next: Promise<T> | null = null;

  constructor(private readonly read: () => Promise<T>) {}

  get(): Promise<T> {
    if (!this.running) return this.start();
    // The running query may have been sent before this caller's own last write was committed.
    this.next ??= this.running.then(
      () => this.startNext(),
      () => this.startNext(),
    );
    return this.next;
  }

  private startNext(): Promise<T> {
    this.next = null;
    return this.start();
  }

  private start(): Promise<T> {
    const query = this.read().finally(() => {
      if (this.running === query) this.running = null;
    });
    this.running = query;
    return query;
  }
}
