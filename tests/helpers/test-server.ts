// A real server for a test file: a temporary data directory with its own SQLite file, a real SMTP server, a test clock.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import supertest from 'supertest';
import { loadConfig, type ServerConfig } from '../../src-server/config.js';
import { createLogger, type Logger } from '../../src-server/logger.js';
import type { DeliveryOptions } from '../../src-server/mail/delivery-worker.js';
import { startPracticeServer, type PracticeServer } from '../../src-server/server.js';
import { Mailbox } from './mailbox.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { TestClock } from './test-clock.js';

export interface TestServer {
  server: PracticeServer;
  api: supertest.Agent;
  clock: TestClock;
  mailbox: Mailbox;
  dataDir: string;
  stop(): Promise<void>;
}

export interface TestServerOptions {
  env?: Record<string, string>;
  clock?: TestClock;
  /** Leave SMTP_URL unset: mail stays in the outbox. */
  withoutSmtp?: boolean;
  /** Serve the built renderer (out/renderer) at `/`. */
  staticDir?: string;
  delivery?: Partial<DeliveryOptions>;
  /** Where the server logs (default: silent, or TEST_LOG_LEVEL). */
  logger?: Logger;
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'practice-test-'));
}

/** A test server's settings on `dataDir` and the test's database: any free port, loopback only, fast password hashing,
 * the practice in Berlin; `env` adds to or overrides them. */
export function testServerConfig(database: TestDatabase, dataDir: string, env: Record<string, string> = {}): ServerConfig {
  return loadConfig({
    ...database.env,
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    PASSWORD_HASH_COST: '1024',
    PRACTICE_TIMEZONE: 'Europe/Berlin',
    ...env,
  });
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const mailbox = await new Mailbox().start();
  const dataDir = tempDataDir();
  const clock = options.clock ?? new TestClock();
  const database = await createTestDatabase();
  const config = testServerConfig(database, dataDir, {
    RATE_LIMIT_AUTH: '10000',
    ...(options.withoutSmtp ? {} : { SMTP_URL: mailbox.url }),
    ...options.env,
  });
  const server = await startPracticeServer({
    config,
    clock,
    logger: options.logger ?? createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    delivery: { pollMs: 100, baseBackoffMs: 200, maxBackoffMs: 1_000, ...options.delivery },
    shutdownGraceMs: 2_000,
    staticDir: options.staticDir,
  });
  return {
    server,
    api: supertest.agent(server.http),
    clock,
    mailbox,
    dataDir,
    stop: async () => {
      await server.stop();
      await mailbox.stop();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
