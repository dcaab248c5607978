// Weekly availability, blocked dates and the dates a client may request, across a daylight-saving change.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestClock } from '../../helpers/test-clock.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';
import { bearer } from './helpers.js';

let ts: TestServer;
let staff: TestAccount;
let client: TestAccount;
// Friday 20 March 2026, 11:00 in Berlin; Berlin moves to summer time on Sunday 29 March.
const clock = new TestClock('2026-03-20T10:00:00Z');

beforeAll(async () => {
  ts = await startTestServer({ clock });
  staff = await createAccount(ts, { staff: true });
  client = await createAccount(ts);
});
afterAll(() => ts.stop());
beforeEach(() => clock.set('2026-03-20T10:00:00Z'));

const AVAILABILITY = '/api/meetings/admin/availability/';
const DATES = '/api/meetings/appointments/available-dates/';
const BLOCKED = '/api/meetings/admin/blocked-dates/';

async function setDays(days: unknown) {
  return ts.api
    .put(AVAILABILITY)
    .set('Authorization', await bearer(ts, staff))
    .send({ available_days: days });
}

describe('weekly availability', () => {
  it('is Monday to Friday until the therapist changes it', async () => {
    const res = await ts.api.get(AVAILABILITY).set('Authorization', staff.bearer);
    expect(res.status).toBe(200);
    expect(res.body.available_days).toEqual([0, 1, 2, 3, 4]);
    expect(res.body.available_days_display).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']);
  });

  it('is stored sorted with English day names, and PATCH without days changes nothing', async () => {
    const put = await setDays([6, 0, 2]);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ available_days: [0, 2, 6], available_days_display: ['Monday', 'Wednesday', 'Sunday'] });
    const patch = await ts.api.patch(AVAILABILITY).set('Authorization', staff.bearer).send({});
    expect(patch.body.available_days).toEqual([0, 2, 6]);
    const patched = await ts.api
      .patch(AVAILABILITY)
      .set('Authorization', staff.bearer)
      .send({ available_days: [1] });
    expect(patched.body.available_days_display).toEqual(['Tuesday']);
    await setDays([0, 1, 2, 3, 4]);
  });

  it.each([
    ['a day twice', [1, 1]],
    ['a day above 6', [7]],
    ['a negative day', [-1]],
    ['a fraction', [1.5]],
    ['a day as text', ['monday']],
    ['not a list', 'monday'],
    ['nothing at all', undefined],
  ])('refuses %s with a 400 on available_days', async (_label, days) => {
    const res = await setDays(days);
    expect(res.status).toBe(400);
    expect(res.body.available_days).toBeDefined();
  });

  it('is for staff only', async () => {
    expect((await ts.api.get(AVAILABILITY)).status).toBe(401);
    expect((await ts.api.get(AVAILABILITY).set('Authorization', client.bearer)).status).toBe(403);
    expect(
      (
        await ts.api
          .put(AVAILABILITY)
          .set('Authorization', client.bearer)
          .send({ available_days: [5] })
      ).status,
    ).toBe(403);
  });
});

describe('available dates', () => {
  it('are a bare array from tomorrow through today + 30 on available weekdays, for anyone', async () => {
    const res = await ts.api.get(DATES);
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body)).toBe(true);
    expect(res.body[0]).toBe('2026-03-23');
    expect(res.body.at(-1)).toBe('2026-04-17');
    expect(res.body).not.toContain('2026-03-20');
    expect(res.body).not.toContain('2026-03-28');
    expect(res.body).toHaveLength(20);
  });

  it('count days in the practice zone, not in UTC, across the change to summer time', async () => {
    // 00:30 on Sunday 29 March in Berlin is still Saturday 28 March in UTC.
    clock.set('2026-03-28T23:30:00Z');
    await setDays([0, 1, 2, 3, 4, 5, 6]);
    const res = await ts.api.get(DATES);
    expect(res.body[0]).toBe('2026-03-30');
    expect(res.body.at(-1)).toBe('2026-04-28');
    expect(res.body).toHaveLength(30);
    expect(new Set(res.body).size).toBe(30);
    await setDays([0, 1, 2, 3, 4]);
  });

  it('count days in the practice zone across the change back to winter time', async () => {
    // 23:30 on Saturday 31 October in Berlin (UTC+1) is 22:30 UTC; the clocks went back on 25 October.
    clock.set('2026-10-31T22:30:00Z');
    await setDays([6]);
    const res = await ts.api.get(DATES);
    expect(res.body).toEqual(['2026-11-01', '2026-11-08', '2026-11-15', '2026-11-22', '2026-11-29']);
    await setDays([0, 1, 2, 3, 4]);
  });

  it('follow the weekly availability', async () => {
    await setDays([]);
    expect((await ts.api.get(DATES)).body).toEqual([]);
    await setDays([0, 1, 2, 3, 4]);
  });
});

describe('blocked dates', () => {
  it('are removed from the available dates until unblocked', async () => {
    const created = await ts.api.post(BLOCKED).set('Authorization', staff.bearer).send({ date: '2026-03-24', note: 'Training day' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ date: '2026-03-24', note: 'Training day' });
    expect((await ts.api.get(DATES)).body).not.toContain('2026-03-24');

    const list = await ts.api.get(BLOCKED).set('Authorization', staff.bearer);
    expect(list.body).toMatchObject({ count: 1, next: null, previous: null, results: [{ date: '2026-03-24', note: 'Training day' }] });

    const removed = await ts.api.delete(`${BLOCKED}2026-03-24/`).set('Authorization', staff.bearer);
    expect(removed.status).toBe(204);
    expect((await ts.api.get(DATES)).body).toContain('2026-03-24');
    expect((await ts.api.delete(`${BLOCKED}2026-03-24/`).set('Authorization', staff.bearer)).status).toBe(404);
  });

  it.each([
    ['a date already blocked', { date: '2026-04-01' }],
    ['a past date', { date: '2026-03-19' }],
    ['a malformed date', { date: '01.04.2026' }],
    ['an impossible date', { date: '2026-02-30' }],
    ['no date', { note: 'Holiday' }],
    ['a note over 200 characters', { date: '2026-04-02', note: 'x'.repeat(201) }],
  ])('refuses %s with a 400', async (_label, body) => {
    await ts.api.post(BLOCKED).set('Authorization', staff.bearer).send({ date: '2026-04-01' });
    const res = await ts.api.post(BLOCKED).set('Authorization', staff.bearer).send(body);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body).length).toBeGreaterThan(0);
  });

  it('are for staff only', async () => {
    expect((await ts.api.get(BLOCKED).set('Authorization', client.bearer)).status).toBe(403);
    expect((await ts.api.post(BLOCKED).set('Authorization', client.bearer).send({ date: '2026-04-03' })).status).toBe(403);
    expect((await ts.api.delete(`${BLOCKED}2026-04-01/`)).status).toBe(401);
  });
});
