// Working hours and bookable slots: hours, session length and buffer, notice, horizon, blocked days, sessions and
// held requests, both daylight-saving changes of the practice zone; a requested slot is held, raced for and confirmed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestClock } from '../../helpers/test-clock.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';
import { bearer, createRequest, requestBody, schedule } from './helpers.js';

let ts: TestServer;
let staff: TestAccount;
let client: TestAccount;
// Friday 20 March 2026, 11:00 in Berlin (UTC+1); Berlin moves to summer time on Sunday 29 March.
const clock = new TestClock('2026-03-20T10:00:00Z');

const AVAILABILITY = '/api/meetings/admin/availability/';
const SLOTS = '/api/meetings/appointments/available-slots/';
const CREATE = '/api/meetings/appointments/create/';
const WEEKDAYS = {
  '0': [['09:00', '17:00']],
  '1': [['09:00', '17:00']],
  '2': [['09:00', '17:00']],
  '3': [['09:00', '17:00']],
  '4': [['09:00', '17:00']],
};

beforeAll(async () => {
  ts = await startTestServer({ clock });
  staff = await createAccount(ts, { staff: true });
  client = await createAccount(ts);
});
afterAll(() => ts.stop());
beforeEach(async () => {
  clock.set('2026-03-20T10:00:00Z');
  await putAvailability({
    hours: WEEKDAYS,
    session_minutes: 50,
    buffer_minutes: 10,
    min_notice_hours: 24,
    booking_horizon_days: 30,
    auto_confirm: false,
  });
  // Every test starts from an empty calendar.
  await ts.server.core.db.write(async (transaction) => {
    await ts.server.core.db.models.Appointment.destroy({ where: {}, transaction });
    await ts.server.core.db.models.BlockedDate.destroy({ where: {}, transaction });
  });
});

async function putAvailability(body: Record<string, unknown>) {
  const res = await ts.api
    .put(AVAILABILITY)
    .set('Authorization', await bearer(ts, staff))
    .send(body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function slots(from: string, to = from): Promise<{ start: string; end: string; date: string }[]> {
  const res = await ts.api.get(SLOTS).query({ from, to });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const starts = async (from: string, to = from) => (await slots(from, to)).map((slot) => slot.start);

async function book(account: TestAccount, requestedStart: string, overrides: Record<string, unknown> = {}) {
  return ts.api
    .post(CREATE)
    .set('Authorization', await bearer(ts, account))
    .send({ ...requestBody(), preferred_dates: undefined, preferred_time_slots: undefined, requested_start: requestedStart, ...overrides });
}

describe('working hours on the availability resource', () => {
  it('stores intervals per weekday with session length, buffer, notice and horizon; available_days follow the hours', async () => {
    const body = await putAvailability({
      hours: {
        '2': [
          ['09:00', '12:00'],
          ['13:00', '17:00'],
        ],
        '0': [['08:00', '12:00']],
        '5': [],
      },
      session_minutes: 45,
      buffer_minutes: 15,
      min_notice_hours: 12,
      booking_horizon_days: 14,
    });
    expect(body).toMatchObject({
      available_days: [0, 2],
      available_days_display: ['Monday', 'Wednesday'],
      hours: {
        '0': [['08:00', '12:00']],
        '2': [
          ['09:00', '12:00'],
          ['13:00', '17:00'],
        ],
      },
      session_minutes: 45,
      buffer_minutes: 15,
      min_notice_hours: 12,
      booking_horizon_days: 14,
      auto_confirm: false,
    });
    const read = await ts.api.get(AVAILABILITY).set('Authorization', await bearer(ts, staff));
    expect(read.body.hours).toEqual(body.hours);
  });

  it('gives a seed client that PUTs only available_days 09:00–17:00 on those days', async () => {
    const body = await putAvailability({ available_days: [4, 1] });
    expect(body.available_days).toEqual([1, 4]);
    expect(body.hours).toEqual({ '1': [['09:00', '17:00']], '4': [['09:00', '17:00']] });
    expect(body.session_minutes).toBe(50);
  });

  it.each([
    ['an interval ending before it starts', { hours: { '0': [['12:00', '09:00']] } }, 'hours'],
    [
      'overlapping intervals',
      {
        hours: {
          '0': [
            ['09:00', '12:00'],
            ['11:00', '13:00'],
          ],
        },
      },
      'hours',
    ],
    ['a time that is not HH:MM', { hours: { '0': [['9am', '12:00']] } }, 'hours'],
    ['a weekday 7', { hours: { '7': [['09:00', '12:00']] } }, 'hours'],
    ['a 5-minute session', { available_days: [0], session_minutes: 5 }, 'session_minutes'],
    ['a negative buffer', { available_days: [0], buffer_minutes: -1 }, 'buffer_minutes'],
    ['a horizon of 0 days', { available_days: [0], booking_horizon_days: 0 }, 'booking_horizon_days'],
    ['neither days nor hours', { session_minutes: 50 }, 'available_days'],
  ])('refuses %s with a 400 on the field', async (_label, body, field) => {
    const res = await ts.api
      .put(AVAILABILITY)
      .set('Authorization', await bearer(ts, staff))
      .send(body);
    expect(res.status).toBe(400);
    expect(res.body[field]).toBeDefined();
  });
});

describe('GET appointments/available-slots/', () => {
  it('offers starts every session + buffer inside the hours, ending in time (09:00 … 16:00 for 50 + 10 minutes)', async () => {
    // Monday 23 March, Berlin is UTC+1.
    const day = await slots('2026-03-23');
    expect(day.map((slot) => slot.start)).toEqual(
      ['08', '09', '10', '11', '12', '13', '14', '15'].map((hour) => `2026-03-23T${hour}:00:00Z`),
    );
    expect(day[0]).toEqual({ start: '2026-03-23T08:00:00Z', end: '2026-03-23T08:50:00Z', date: '2026-03-23' });
  });

  it('keeps 09:00 local on both sides of the spring change (UTC+1 → UTC+2)', async () => {
    const week = await slots('2026-03-27', '2026-03-30');
    expect(week.filter((slot) => slot.date === '2026-03-27')[0].start).toBe('2026-03-27T08:00:00Z');
    expect(week.filter((slot) => slot.date === '2026-03-30')[0].start).toBe('2026-03-30T07:00:00Z');
    // The weekend in between has no hours.
    expect(week.some((slot) => slot.date === '2026-03-28' || slot.date === '2026-03-29')).toBe(false);
  });

  it('keeps 09:00 local on both sides of the autumn change (UTC+2 → UTC+1)', async () => {
    clock.set('2026-10-16T08:00:00Z');
    await putAvailability({ hours: { ...WEEKDAYS, '6': [['09:00', '10:00']] } });
    // Berlin leaves summer time on Sunday 25 October at 03:00.
    const week = await slots('2026-10-23', '2026-10-26');
    const first = (date: string) => week.find((slot) => slot.date === date)?.start;
    expect(first('2026-10-23')).toBe('2026-10-23T07:00:00Z');
    expect(first('2026-10-25')).toBe('2026-10-25T08:00:00Z');
    expect(first('2026-10-26')).toBe('2026-10-26T08:00:00Z');
  });

  it('honours the minimum notice and the horizon, which move with the clock', async () => {
    await putAvailability({ hours: WEEKDAYS, min_notice_hours: 72, booking_horizon_days: 5 });
    // 72 hours after Friday 11:00 is Monday 11:00.
    expect((await starts('2026-03-23'))[0]).toBe('2026-03-23T10:00:00Z');
    expect(await starts('2026-03-25')).toHaveLength(8);
    expect(await starts('2026-03-26')).toEqual([]);
    clock.set('2026-03-21T10:00:00Z');
    expect(await starts('2026-03-26')).toHaveLength(8);
  });

  it('skips blocked dates', async () => {
    expect(await starts('2026-03-24')).toHaveLength(8);
    await ts.api
      .post('/api/meetings/admin/blocked-dates/')
      .set('Authorization', await bearer(ts, staff))
      .send({ date: '2026-03-24' })
      .expect(201);
    expect(await starts('2026-03-24')).toEqual([]);
  });

  it('keeps the buffer on both sides of a scheduled session, and is never stale after a write', async () => {
    expect(await starts('2026-03-23')).toContain('2026-03-23T10:00:00Z');
    const request = await createRequest(ts, client);
    // 11:30–12:20 Berlin: 11:00 (ends 11:50 + 10 buffer) and 12:00 clash; 10:00 ends 10:50, 12:20 + 10 < 13:00.
    expect((await schedule(ts, staff, request.id, '2026-03-23T11:30:00+01:00', 50)).status).toBe(200);
    expect(await starts('2026-03-23')).toEqual(['08', '09', '12', '13', '14', '15'].map((hour) => `2026-03-23T${hour}:00:00Z`));
  });

  it('refuses a range over 31 days, a missing date, or to before from', async () => {
    expect((await ts.api.get(SLOTS).query({ from: '2026-03-21', to: '2026-04-21' })).status).toBe(400);
    expect((await ts.api.get(SLOTS).query({ from: '2026-03-21', to: '2026-04-20' })).status).toBe(200);
    const missing = await ts.api.get(SLOTS).query({ to: '2026-03-22' });
    expect(missing.status).toBe(400);
    expect(missing.body.from).toBeDefined();
    expect((await ts.api.get(SLOTS).query({ from: '2026-03-22', to: '2026-03-21' })).body.to).toBeDefined();
    expect((await ts.api.get(SLOTS).query({ from: '2026-02-30', to: '2026-03-21' })).status).toBe(400);
  });
});

describe('requesting a slot (requested_start)', () => {
  const NINE = '2026-03-23T08:00:00Z';

  it('holds the slot: gone from available-slots, refused to a second client, the times derived', async () => {
    const other = await createAccount(ts);
    const res = await book(client, NINE);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      status: 'pending_review',
      requested_start: NINE,
      preferred_dates: ['2026-03-23'],
      preferred_time_slots: ['morning'],
    });
    expect(await starts('2026-03-23')).not.toContain(NINE);
    const second = await book(other, NINE);
    expect(second.status).toBe(400);
    expect(second.body.requested_start).toBeDefined();
  });

  it('refuses a start that is not a free slot: off the grid, outside the hours, inside the notice', async () => {
    for (const start of ['2026-03-23T08:30:00Z', '2026-03-23T17:00:00Z', '2026-03-21T09:00:00Z', '2026-03-20T15:00:00Z']) {
      const res = await book(client, start);
      expect(res.status, start).toBe(400);
      expect(res.body.requested_start).toBeDefined();
    }
    expect((await book(client, 'tomorrow at nine')).body.requested_start).toBeDefined();
  });

  it('still needs preferred dates and times without a requested start', async () => {
    const res = await ts.api
      .post(CREATE)
      .set('Authorization', await bearer(ts, client))
      .send({ ...requestBody(), preferred_dates: undefined });
    expect(res.status).toBe(400);
    expect(res.body.preferred_dates).toEqual(['This field is required.']);
  });

  it('frees the hold when the request is rejected, cancelled or scheduled elsewhere', async () => {
    const rejected = (await book(client, NINE)).body;
    await ts.api
      .post(`/api/meetings/appointments/${rejected.id}/reject/`)
      .set('Authorization', await bearer(ts, staff))
      .send({})
      .expect(200);
    expect(await starts('2026-03-23')).toContain(NINE);

    const cancelled = (await book(client, NINE)).body;
    await ts.api
      .post(`/api/meetings/appointments/${cancelled.id}/cancel/`)
      .set('Authorization', await bearer(ts, client))
      .send({})
      .expect(200);
    expect(await starts('2026-03-23')).toContain(NINE);

    const moved = (await book(client, NINE)).body;
    expect((await schedule(ts, staff, moved.id, '2026-03-24T14:00:00+01:00', 50)).status).toBe(200);
    expect(await starts('2026-03-23')).toContain(NINE);
    expect((await book(client, NINE)).status).toBe(201);
  });

  it('is confirmed in one click: schedule/ without a time books the held slot for the session length', async () => {
    const request = (await book(client, NINE)).body;
    const res = await ts.api
      .post(`/api/meetings/appointments/${request.id}/schedule/`)
      .set('Authorization', await bearer(ts, staff))
      .send({});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      status: 'scheduled',
      scheduled_datetime: '2026-03-23T08:00:00Z',
      scheduled_duration: 50,
      has_jitsi_meeting: true,
    });
    expect(await starts('2026-03-23')).not.toContain(NINE);
  });

  it('keeps staff from scheduling another request over a held slot', async () => {
    await book(client, NINE);
    const other = await createRequest(ts, await createAccount(ts));
    const res = await schedule(ts, staff, other.id, '2026-03-23T09:30:00+01:00', 50);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('time_conflict');
  });

  it('with auto_confirm schedules a request for a free slot at once, with the mail and a Jitsi room', async () => {
    await putAvailability({ hours: WEEKDAYS, auto_confirm: true });
    const newcomer = await createAccount(ts);
    const res = await book(newcomer, NINE);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'scheduled',
      scheduled_datetime: '2026-03-23T08:00:00Z',
      scheduled_duration: 50,
      has_jitsi_meeting: true,
    });
    const mail = await ts.mailbox.waitFor((m) => m.to.includes(newcomer.email) && m.attachments.length > 0);
    expect(mail.text).toContain('23 March 2026 at 09:00');
  });

  it('gives exactly one 201 when ten clients race for one slot', async () => {
    const clients = await Promise.all(Array.from({ length: 10 }, () => createAccount(ts)));
    const results = await Promise.all(clients.map((account) => book(account, NINE)));
    expect(results.map((res) => res.status).sort()).toEqual([201, 400, 400, 400, 400, 400, 400, 400, 400, 400]);
    const holds = await ts.server.core.db.models.Appointment.count({ where: { status: 'pending_review' } });
    expect(holds).toBe(1);
  });
});

describe('a practice zone far from the machine', () => {
  let far: TestServer;
  beforeAll(async () => {
    far = await startTestServer({ clock: new TestClock('2026-03-20T10:00:00Z'), env: { PRACTICE_TIMEZONE: 'Pacific/Auckland' } });
  });
  afterAll(() => far.stop());

  it('computes the days and 09:00 in the practice zone (Auckland, UTC+13 until its change on 5 April)', async () => {
    const before = (await far.api.get(SLOTS).query({ from: '2026-03-23', to: '2026-03-23' })).body;
    expect(before[0]).toEqual({ start: '2026-03-22T20:00:00Z', end: '2026-03-22T20:50:00Z', date: '2026-03-23' });
    // Auckland leaves summer time on Sunday 5 April: 09:00 is then UTC+12.
    const after = (await far.api.get(SLOTS).query({ from: '2026-04-06', to: '2026-04-06' })).body;
    expect(after[0].start).toBe('2026-04-05T21:00:00Z');
  });
});
