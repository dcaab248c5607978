// The practice server under benchmark, in its own process: real config, request logging to /dev/null, accounts made
// through the real sign-up API. Answers the orchestrator over IPC (memory, seeding, the row-loading baseline).
// SQLite in a temporary folder, or a fresh PostgreSQL database beside DATABASE_URL's when that is set.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hashPassword, MAX_CONCURRENT_HASHES } from '../src-server/auth/passwords.js';
import { createOrPromoteStaff } from '../src-server/auth/staff-account.js';
import { loadConfig } from '../src-server/config.js';
import type { ServerCore } from '../src-server/core.js';
import { batchedLogDestination, createLogger } from '../src-server/logger.js';
import { startPracticeServer } from '../src-server/server.js';
import { createTestDatabase } from '../tests/helpers/test-database.js';
import type { ChildReply, ChildRequest, PracticeReady } from './protocol.js';
import { seedAppointments } from './seed.js';

// tsx turns on source maps, which production (plain node running the build, see `npm run serve`) does not have:
// every stack trace Sequelize takes per query would be mapped back to TypeScript, a cost production never pays.
process.setSourceMapsEnabled(false);

const PASSWORD = 'Benchmark-Juniper-2048';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'practice-bench-'));
process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
const database = await createTestDatabase();
const server = await startPracticeServer({
  config: loadConfig({
    ...process.env,
    ...database.env,
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    PRACTICE_TIMEZONE: 'Europe/Berlin',
    RATE_LIMIT_AUTH: '100000',
    MAX_PENDING_REQUESTS: '1000',
    ACCESS_TOKEN_MINUTES: '15',
    LOG_LEVEL: 'info',
  }),
  // Requests are logged as in production, to a sink, so the figures include the logging cost.
  logger: createLogger('info', batchedLogDestination('/dev/null')),
});
const { core } = server;

async function api(
  method: string,
  route: string,
  body?: object,
  bearer?: string,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(new URL(route, server.url), {
    method,
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** Signs a client up the way the app does: register, read the code from the queued mail, verify. */
async function signUpClient(email: string): Promise<{ id: string; access: string }> {
  const registered = await api('POST', '/api/auth/register/', {
    email,
    first_name: 'Bench',
    last_name: 'Client',
    password: PASSWORD,
    password2: PASSWORD,
  });
  if (registered.status !== 201) throw new Error(`register answered ${registered.status}`);
  const mails = await core.db.models.OutboxMail.findAll({ order: [['created_at', 'DESC']] });
  const code = mails.find((mail) => mail.recipient === email)?.body?.match(/\b\d{6}\b/)?.[0];
  const verified = await api('POST', '/api/auth/verify-otp/', { email, otp: code });
  if (verified.status !== 200) throw new Error(`verify-otp answered ${verified.status}`);
  return { id: (verified.json.user as { id: string }).id, access: String(verified.json.access) };
}

async function staffToken(serverCore: ServerCore): Promise<string> {
  const { user } = await createOrPromoteStaff(serverCore, {
    email: 'therapist@bench.example',
    password: PASSWORD,
    first_name: 'Bench',
    last_name: 'Therapist',
  });
  return serverCore.tokens.issueAccess(user.id, user.token_version);
}

/** How long loading every appointment row takes: what stats computed in JavaScript would have to do. */
async function loadAllRows(): Promise<number> {
  const started = performance.now();
  const rows = await core.db.models.Appointment.findAll();
  let scheduled = 0;
  for (const row of rows) if (row.status === 'scheduled') scheduled++;
  if (scheduled < 0) throw new Error('unreachable');
  return performance.now() - started;
}

async function handle(request: ChildRequest): Promise<ChildReply> {
  switch (request.type) {
    case 'memory': {
      const usage = process.memoryUsage();
      return { type: 'memory', rssBytes: usage.rss, heapUsedBytes: usage.heapUsed, heapTotalBytes: usage.heapTotal };
    }
    case 'seed':
      await seedAppointments(core, request.userId, request.count);
      return { type: 'seeded' };
    case 'load-rows':
      return { type: 'loaded', ms: await loadAllRows() };
    case 'hash-time': {
      const times: number[] = [];
      for (let run = 0; run < 5; run++) {
        const started = performance.now();
        await hashPassword(PASSWORD, core.config.passwordHashCost);
        times.push(performance.now() - started);
      }
      return { type: 'hash-time', ms: times.sort((a, b) => a - b)[2], parallel: MAX_CONCURRENT_HASHES };
    }
  }
}

const ready: PracticeReady = {
  type: 'ready',
  url: server.url,
  dialect: core.db.dialect,
  staff: await staffToken(core),
  reader: await signUpClient('reader@bench.example'),
  requester: await signUpClient('requester@bench.example'),
  stats: await signUpClient('stats@bench.example'),
};
process.on('message', (request: ChildRequest) => {
  void handle(request).then((reply) => process.send!(reply));
});
process.on('disconnect', () => {
  void server
    .stop()
    .then(() => database.drop())
    .finally(() => process.exit(0));
});
process.send!(ready);
