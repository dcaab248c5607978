// A database of its own for each test server: SQLite in its temp directory by default, or a fresh PostgreSQL
// database when the suite runs with DATABASE_URL=postgres://… (CI runs the API suite on both).
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface TestDatabase {
  /** What to add to the server's environment (nothing for SQLite: the data directory holds the file). */
  env: Record<string, string>;
  drop(): Promise<void>;
}

const POSTGRES_URL = /^postgres(ql)?:\/\//;

/** True when this run is the PostgreSQL one: tests of SQLite's files and pragmas skip themselves with it. */
export const onPostgres = POSTGRES_URL.test(process.env.DATABASE_URL ?? '');

async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(databaseUrl = process.env.DATABASE_URL): Promise<TestDatabase> {
  if (!databaseUrl || !POSTGRES_URL.test(databaseUrl)) return { env: {}, drop: async () => {} };
  const name = `practice_test_${randomBytes(8).toString('hex')}`;
  await onServer(databaseUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      await onServer(databaseUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
