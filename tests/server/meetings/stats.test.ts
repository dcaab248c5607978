// Stats on a known data set: the contract's counts and formula, the completed edge, and the weekly trend in Berlin time.
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../helpers/test-clock.js';
import { onPostgres } from '../../helpers/test-database.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';
import { bearer, createRequest, schedule } from './helpers.js';

let ts: TestServer;
let staff: TestAccount;
let alice: TestAccount;
let bob: TestAccount;
const clock = new TestClock('2026-03-02T09:00:00Z');

async function stats(path: string, account: TestAccount) {
  const res = await ts.api.get(path).set('Authorization', await bearer(ts, account));
  expect(res.status).toBe(200);
  return res.body;
}

beforeAll(async () => {
  ts = await startTestServer({ clock });
  staff = await createAccount(ts, { staff: true });
  alice = await createAccount(ts);
  bob = await createAccount(ts);
  // Week of Monday 2 March (Berlin): two from Alice, and one from Bob at 23:30 on Sunday 8 March, Berlin time.
  const a1 = await createRequest(ts, alice);
  const a2 = await createRequest(ts, alice);
  clock.set('2026-03-08T22:30:00Z');
  await createRequest(ts, bob);
  // Week of Monday 9 March: Bob at 00:30 Berlin time (still Sunday in UTC), then Alice twice.
  clock.set('2026-03-08T23:30:00Z');
  const b2 = await createRequest(ts, bob);
  const b3 = await createRequest(ts, bob);
  clock.set('2026-03-09T09:00:00Z');
  await createRequest(ts, alice);
  await createRequest(ts, alice);

  clock.set('2026-03-10T09:00:00Z');
  expect((await schedule(ts, staff, a1.id, '2026-03-11T09:00:00Z', 60)).status).toBe(200);
  expect((await schedule(ts, staff, a2.id, '2026-03-31T09:00:00Z', 60)).status).toBe(200);
  expect((await schedule(ts, staff, b2.id, '2026-03-12T09:00:00Z', 60)).status).toBe(200);
  const rejected = await ts.api
    .post(`/api/meetings/appointments/${String(b3.id)}/reject/`)
    .set('Authorization', await bearer(ts, staff))
    .send({});
  expect(rejected.status).toBe(200);
});
afterAll(() => ts.stop());

describe('practice stats', () => {
  it('count every status and round the completion rate to two places', async () => {
    // Bob's session of 12 March ended at 10:00 UTC: at 10:15 its join window is still open.
    clock.set('2026-03-12T10:15:00Z');
    const body = await stats('/api/meetings/appointments/stats/', staff);
    expect(body).toMatchObject({ total_requests: 7, pending_review: 3, scheduled: 3, rejected: 1, completed: 1, completion_rate: 42.86 });
  });

  it('count a session as completed once its join window has closed', async () => {
    clock.set('2026-03-12T10:15:00.001Z');
    expect((await stats('/api/meetings/appointments/stats/', staff)).completed).toBe(2);
  });

  it('bucket the last 12 weeks by Monday in the practice zone', async () => {
    clock.set('2026-03-12T10:15:00Z');
    const { trend } = await stats('/api/meetings/appointments/stats/', staff);
    expect(trend).toHaveLength(12);
    expect(trend[0]).toEqual({
      week_start: '2025-12-22',
      requests: 0,
      scheduled: 0,
      rejected: 0,
      cancelled: 0,
      late_cancelled: 0,
      attended: 0,
      no_show: 0,
    });
    expect(trend.at(-2)).toEqual({
      week_start: '2026-03-02',
      requests: 3,
      scheduled: 0,
      rejected: 0,
      cancelled: 0,
      late_cancelled: 0,
      attended: 0,
      no_show: 0,
    });
    expect(trend.at(-1)).toEqual({
      week_start: '2026-03-09',
      requests: 4,
      scheduled: 2,
      rejected: 1,
      cancelled: 0,
      late_cancelled: 0,
      attended: 0,
      no_show: 0,
    });
  });

  it('are for staff only', async () => {
    expect((await ts.api.get('/api/meetings/appointments/stats/').set('Authorization', await bearer(ts, alice))).status).toBe(403);
    expect((await ts.api.get('/api/meetings/appointments/stats/')).status).toBe(401);
  });
});

describe("a user's own stats", () => {
  it("count only the caller's requests", async () => {
    clock.set('2026-03-12T10:15:00Z');
    const body = await stats('/api/meetings/user/appointments/stats/', alice);
    expect(body).toMatchObject({ total_requests: 4, pending_review: 2, scheduled: 2, rejected: 0, completed: 1, completion_rate: 50 });
    expect(body.trend.at(-1)).toEqual({
      week_start: '2026-03-09',
      requests: 2,
      scheduled: 1,
      rejected: 0,
      cancelled: 0,
      late_cancelled: 0,
      attended: 0,
      no_show: 0,
    });
  });

  it('are zero, with a rate of 0, for someone without requests', async () => {
    const newcomer = await createAccount(ts);
    const body = await stats('/api/meetings/user/appointments/stats/', newcomer);
    expect(body).toMatchObject({ total_requests: 0, pending_review: 0, scheduled: 0, rejected: 0, completed: 0, completion_rate: 0 });
    expect((await ts.api.get('/api/meetings/user/appointments/stats/')).status).toBe(401);
  });
});

describe('the stats queries', () => {
  // SQLite's own plans (no table statistics, so the same at a million rows); PostgreSQL plans by its statistics.
  it.skipIf(onPostgres)('count index entries only, never reading the wide encrypted rows', async () => {
    const { sequelize } = ts.server.core.db;
    const statements: string[] = [];
    sequelize.addHook('afterQuery', 'stats-plans', (_options, query) => {
      const { sql } = query as unknown as { sql: string };
      if (sql.includes('FROM appointments')) statements.push(sql);
    });
    try {
      await stats('/api/meetings/appointments/stats/', staff);
      await stats('/api/meetings/user/appointments/stats/', alice);
    } finally {
      sequelize.removeHook('afterQuery', 'stats-plans');
    }
    // The totals and seven weekly counts, for the practice and for one client.
    expect(statements).toHaveLength(16);
    for (const sql of statements) {
      const plan = await sequelize.query<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, { type: QueryTypes.SELECT });
      const reads = plan.map((step) => step.detail).filter((detail) => /^(SCAN|SEARCH) appointments/.test(detail));
      expect(reads.length).toBeGreaterThan(0);
      for (const read of reads) expect(read).toMatch(/USING COVERING INDEX/);
    }
  });
});
