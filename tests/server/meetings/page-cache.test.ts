// The appointment lists are kept rendered between writes: these prove no cached page is another caller's, stale after
// a write, or wrong once time moves a session into or out of its join window.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../helpers/test-clock.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';
import { bearer, createRequest, schedule } from './helpers.js';

const OWN = '/api/meetings/user/appointments/';
const clock = new TestClock('2026-03-23T08:00:00Z');
let ts: TestServer;
let staff: TestAccount;
let ada: TestAccount;
let grace: TestAccount;

async function page(account: TestAccount, route = OWN) {
  const res = await ts.api.get(route).set('Authorization', await bearer(ts, account));
  expect(res.status).toBe(200);
  return res.body as { count: number; results: Record<string, unknown>[] };
}

beforeAll(async () => {
  ts = await startTestServer({ clock, env: { MAX_PENDING_REQUESTS: '20' } });
  staff = await createAccount(ts, { staff: true });
  ada = await createAccount(ts);
  grace = await createAccount(ts);
});
afterAll(() => ts.stop());

describe('appointment lists between writes', () => {
  it("never shows one client another's page at the same URL", async () => {
    await createRequest(ts, ada, { first_name: 'Ada' });
    await createRequest(ts, grace, { first_name: 'Grace' });
    for (let read = 0; read < 2; read++) {
      expect((await page(ada)).results.map((row) => row.first_name)).toEqual(['Ada']);
      expect((await page(grace)).results.map((row) => row.first_name)).toEqual(['Grace']);
    }
  });

  it('shows a request, a decision and a renamed account right after the write', async () => {
    const before = await page(ada);
    const created = await createRequest(ts, ada, { first_name: 'Ada', reason: 'Second request' });
    expect((await page(ada)).count).toBe(before.count + 1);

    await ts.api
      .post(`/api/meetings/appointments/${String(created.id)}/reject/`)
      .set('Authorization', await bearer(ts, staff))
      .send({ rejection_reason: 'Fully booked' });
    expect((await page(ada)).results.find((row) => row.id === created.id)?.status).toBe('rejected');

    const renamed = await ts.api
      .patch('/api/auth/profile/update/')
      .set('Authorization', await bearer(ts, ada))
      .send({ first_name: 'Augusta' });
    expect(renamed.status).toBe(200);
    expect((await page(ada)).results[0].account).toMatchObject({ first_name: 'Augusta' });
  });

  it('opens the join window ten minutes before the start with no write in between, and closes it after', async () => {
    const request = await createRequest(ts, grace, { first_name: 'Grace' });
    expect((await schedule(ts, staff, request.id, '2026-03-25T10:00', 60)).status).toBe(200);
    const joinable = async () => (await page(grace)).results.find((row) => row.id === request.id)?.can_join_meeting;
    const start = Date.parse((await page(grace)).results.find((row) => row.id === request.id)!.scheduled_datetime as string);

    clock.set(new Date(start - 10 * 60_000 - 1).toISOString());
    expect(await joinable()).toBe(false);
    clock.set(new Date(start - 10 * 60_000).toISOString());
    expect(await joinable()).toBe(true);
    clock.set(new Date(start + 60 * 60_000 + 15 * 60_000 + 1).toISOString());
    expect(await joinable()).toBe(false);
  });

  it('keeps staff lists apart from their own page, and each page of a list apart', async () => {
    const all = await page(staff, '/api/meetings/appointments/?page_size=1');
    const second = await page(staff, '/api/meetings/appointments/?page_size=1&page=2');
    expect(all.results[0].id).not.toBe(second.results[0].id);
    expect((await page(staff)).count).toBe(0);
  });

  it("moves the available dates on at the practice's midnight, and drops a date blocked a moment ago", async () => {
    clock.set('2026-03-23T22:59:00Z'); // 23:59 in Berlin (UTC+1)
    const before = (await ts.api.get('/api/meetings/appointments/available-dates/')).body as string[];
    expect(before[0]).toBe('2026-03-24');
    clock.set('2026-03-23T23:00:00Z'); // midnight in Berlin
    const after = (await ts.api.get('/api/meetings/appointments/available-dates/')).body as string[];
    expect(after[0]).toBe('2026-03-25');

    const blocked = await ts.api
      .post('/api/meetings/admin/blocked-dates/')
      .set('Authorization', await bearer(ts, staff))
      .send({ date: after.at(-1) });
    expect(blocked.status).toBe(201);
    expect((await ts.api.get('/api/meetings/appointments/available-dates/')).body).not.toContain(after.at(-1));
  });

  it('drops a slot from available-slots the moment it falls inside the minimum notice, with no write in between', async () => {
    clock.set('2026-04-07T05:00:00Z'); // the same practice day as the moment the first slot falls inside the notice
    const slotsOn = async (day: string) =>
      ((await ts.api.get('/api/meetings/appointments/available-slots/').query({ from: day, to: day })).body as { start: string }[]).map(
        (slot) => slot.start,
      );
    const before = await slotsOn('2026-04-08');
    expect(before.length).toBeGreaterThan(1);
    const notice = (await ts.api.get('/api/meetings/admin/availability/').set('Authorization', await bearer(ts, staff))).body
      .min_notice_hours as number;
    const firstInsideNotice = Date.parse(before[0]) - notice * 3_600_000;
    clock.set(new Date(firstInsideNotice).toISOString());
    expect((await slotsOn('2026-04-08'))[0]).toBe(before[0]);
    clock.set(new Date(firstInsideNotice + 1).toISOString());
    expect((await slotsOn('2026-04-08'))[0]).toBe(before[1]);
  });
});
