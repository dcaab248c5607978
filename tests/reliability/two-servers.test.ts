import fs from 'node:fs';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrPromoteStaff } from '../../src-server/auth/staff-account.js';
import { createLogger } from '../../src-server/logger.js';
import { startPracticeServer, type PracticeServer } from '../../src-server/server.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/test-database.js';
import { tempDataDir, testServerConfig } from '../helpers/test-server.js';
import { createAccount } from '../helpers/users.js';
import { requestBody } from '../server/meetings/helpers.js';

const RACERS = 16;

let database: TestDatabase;
let dataDir: string;
let servers: PracticeServer[];
let bearer: string;

beforeAll(async () => {
  // Two servers on one database (the same SQLite file, or the same PostgreSQL database): the write lock must
  // hold across processes, not only inside one.
  database = await createTestDatabase();
  dataDir = tempDataDir();
  const config = testServerConfig(database, dataDir, { MAX_PENDING_REQUESTS: '100' });
  servers = [];
  for (let i = 0; i < 2; i++) servers.push(await startPracticeServer({ config, logger: createLogger('silent') }));
  const { user } = await createOrPromoteStaff(servers[0].core, { email: 'racer@practice.example', password: 'Juniper-Atlas-2048' });
  bearer = `Bearer ${await servers[0].core.tokens.issueAccess(user.id, user.token_version)}`;
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await database.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('two servers on one database', () => {
  it('give one slot to exactly one of many staff sessions racing through both, the rest a 409, never a 500', async () => {
    const [a, b] = servers.map((server) => supertest(server.http));
    const [date] = (await a.get('/api/meetings/appointments/available-dates/')).body as string[];
    const ids: string[] = [];
    for (let i = 0; i < RACERS; i++) {
      const created = await (i % 2 ? b : a)
        .post('/api/meetings/appointments/create/')
        .set('Authorization', bearer)
        .send(requestBody({ preferred_dates: [date] }));
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    const slot = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const answers = await Promise.all(
      ids.map((id, i) =>
        (i % 2 ? b : a).post(`/api/meetings/appointments/${id}/schedule/`).set('Authorization', bearer).send({ scheduled_datetime: slot }),
      ),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, ...Array<number>(RACERS - 1).fill(409)]);
    expect(answers.filter((answer) => answer.status === 409).map((answer) => answer.body.code)).toEqual(
      Array(RACERS - 1).fill('time_conflict'),
    );
    expect(await servers[1].core.db.models.Appointment.count({ where: { status: 'scheduled' } })).toBe(1);
  });

  // Each server keeps rendered answers (meetings/page-cache.ts, http/response-replay.ts). On PostgreSQL they are keyed
  // on the database's own write counter, so one server's write is seen by the other at once. (A SQLite file has one
  // server process: the desktop app runs once; its caches count that process's writes.)
  it.runIf(onPostgres)("show one server's write on the other at once: a new request, then a deactivation", async () => {
    const [a, b] = servers.map((server) => supertest(server.http));
    const client = await createAccount({ server: servers[0] } as Parameters<typeof createAccount>[0]);
    const own = () => a.get('/api/meetings/user/appointments/').set('Authorization', client.bearer);
    const first = await own();
    expect(first.status).toBe(200);
    expect((await own()).body).toEqual(first.body);

    const [date] = (await b.get('/api/meetings/appointments/available-dates/')).body as string[];
    const created = await b
      .post('/api/meetings/appointments/create/')
      .set('Authorization', client.bearer)
      .send(requestBody({ preferred_dates: [date] }));
    expect(created.status).toBe(201);
    const after = await own();
    expect(after.body.count).toBe(first.body.count + 1);
    expect(JSON.stringify(after.body)).toContain(created.body.id);

    expect((await b.post(`/api/auth/activate-deactivate-user/${client.user.id}/`).set('Authorization', bearer)).body.user.is_active).toBe(
      false,
    );
    expect((await own()).status).toBe(401);
  });
});
