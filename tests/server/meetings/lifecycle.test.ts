// The session lifecycle through the API: cancel (notice window), reschedule, a client's request to move, attendance,
// blocked dates against booked sessions, and the stats that count them. The clock is moved by hand.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestClock } from '../../helpers/test-clock.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';
import { bearer, createRequest, requestBody, schedule } from './helpers.js';

let ts: TestServer;
let staff: TestAccount;
let client: TestAccount;
let otherClient: TestAccount;
// Monday 2 March 2026, 09:00 in Berlin (UTC+1).
const START = '2026-03-02T08:00:00Z';
const clock = new TestClock(START);
let slot = 0;

beforeAll(async () => {
  ts = await startTestServer({ clock, withoutSmtp: true, env: { MAX_PENDING_REQUESTS: '1000' } });
  staff = await createAccount(ts, { staff: true });
  client = await createAccount(ts);
  otherClient = await createAccount(ts);
});
afterAll(() => ts.stop());
beforeEach(() => clock.set(START));

/** A scheduled session of `account`, each test on its own day (so none overlap), `hoursAhead` after START. */
async function scheduledSession(account: TestAccount, hoursAhead = 72, duration = 50): Promise<Record<string, unknown>> {
  const request = await createRequest(ts, account);
  const start = new Date(Date.parse(START) + hoursAhead * 3_600_000 + ++slot * 7 * 86_400_000);
  const res = await schedule(ts, staff, request.id, start.toISOString(), duration);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function post(account: TestAccount, path: string, body: Record<string, unknown> = {}) {
  return ts.api
    .post(`/api/meetings/appointments/${path}`)
    .set('Authorization', await bearer(ts, account))
    .send(body);
}

function startOf(session: Record<string, unknown>): number {
  return Date.parse(String(session.scheduled_datetime));
}

async function mailsTo(address: string) {
  const rows = await ts.server.core.db.models.OutboxMail.findAll({ order: [['created_at', 'ASC']] });
  return rows.filter((row) => row.recipient === address);
}

describe('cancel/', () => {
  it('lets a client cancel early: cancelled, not late, with who, when and the reason', async () => {
    const session = await scheduledSession(client);
    const res = await post(client, `${session.id}/cancel/`, { reason: 'I found another therapist' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'cancelled',
      status_display: 'Cancelled',
      meeting_status: 'cancelled',
      can_join_meeting: false,
      cancelled_by: 'client',
      cancellation_reason: 'I found another therapist',
      late_cancellation: false,
      cancelled_at: '2026-03-02T08:00:00Z',
    });
  });

  it('marks a client cancellation inside the 24-hour notice window as late, and one just outside as not', async () => {
    const late = await scheduledSession(client);
    clock.set(new Date(startOf(late) - 23 * 3_600_000));
    expect((await post(client, `${late.id}/cancel/`)).body.late_cancellation).toBe(true);
    clock.set(START);
    const early = await scheduledSession(client);
    clock.set(new Date(startOf(early) - 24 * 3_600_000 - 1000));
    expect((await post(client, `${early.id}/cancel/`)).body.late_cancellation).toBe(false);
  });

  it('never marks a staff cancellation as late', async () => {
    const session = await scheduledSession(client);
    clock.set(new Date(startOf(session) - 3_600_000));
    const res = await post(staff, `${session.id}/cancel/`, { reason: 'Therapist ill' });
    expect(res.body).toMatchObject({ status: 'cancelled', cancelled_by: 'staff', late_cancellation: false });
  });

  it('follows the cancellation_notice_hours setting', async () => {
    await ts.server.core.settings.update({ cancellation_notice_hours: '48' });
    try {
      const session = await scheduledSession(client);
      clock.set(new Date(startOf(session) - 47 * 3_600_000));
      expect((await post(client, `${session.id}/cancel/`)).body.late_cancellation).toBe(true);
    } finally {
      await ts.server.core.settings.update({ cancellation_notice_hours: null });
    }
  });

  it('lets a client withdraw a pending request', async () => {
    const request = await createRequest(ts, client);
    const res = await post(client, `${request.id}/cancel/`);
    expect(res.body).toMatchObject({ status: 'cancelled', cancelled_by: 'client', late_cancellation: false });
  });

  it('is a 409 already_started once the start has passed', async () => {
    const session = await scheduledSession(client);
    clock.set(new Date(startOf(session)));
    const res = await post(client, `${session.id}/cancel/`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('already_started');
  });

  it('is a 409 invalid_status for a rejected or an already cancelled appointment', async () => {
    const request = await createRequest(ts, client);
    await post(staff, `${request.id}/reject/`, {});
    expect((await post(client, `${request.id}/cancel/`)).body.code).toBe('invalid_status');
    const session = await scheduledSession(client);
    await post(client, `${session.id}/cancel/`);
    const again = await post(client, `${session.id}/cancel/`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('invalid_status');
  });

  it("is a 404 for another client's session", async () => {
    const session = await scheduledSession(client);
    expect((await post(otherClient, `${session.id}/cancel/`)).status).toBe(404);
  });

  it('stores the reason encrypted at rest', async () => {
    const session = await scheduledSession(client);
    await post(client, `${session.id}/cancel/`, { reason: 'Secret-cancel-reason-42' });
    const [row] = await ts.server.core.db.sequelize.query<{ cancellation_reason: string }>(
      'SELECT cancellation_reason FROM appointments WHERE id = :id',
      {
        replacements: { id: session.id },
        type: 'SELECT' as never,
      },
    );
    expect(row.cancellation_reason).toBeTruthy();
    expect(row.cancellation_reason).not.toContain('Secret-cancel-reason-42');
  });

  it('frees the time for another session', async () => {
    const session = await scheduledSession(client);
    await post(staff, `${session.id}/cancel/`);
    const request = await createRequest(ts, otherClient);
    expect((await schedule(ts, staff, request.id, String(session.scheduled_datetime), 50)).status).toBe(200);
  });
});

describe('reschedule/', () => {
  it('moves a session, keeps its Jitsi room and may overlap its own old time', async () => {
    const session = await scheduledSession(client);
    const res = await post(staff, `${session.id}/reschedule/`, {
      scheduled_datetime: new Date(startOf(session) + 30 * 60_000).toISOString(),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      status: 'scheduled',
      scheduled_duration: 50,
      jitsi_room_id: session.jitsi_room_id,
      jitsi_meet_url: session.jitsi_meet_url,
    });
    expect(startOf(res.body)).toBe(startOf(session) + 30 * 60_000);
  });

  it('is a 409 time_conflict naming the session it clashes with', async () => {
    const tom = await createAccount(ts);
    await tom.user.update({ first_name: 'Tom', last_name: 'Kramer' });
    const toms = await scheduledSession(tom);
    const mine = await scheduledSession(client);
    const berlin = (ms: number) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(new Date(ms));
    const res = await post(staff, `${mine.id}/reschedule/`, { scheduled_datetime: new Date(startOf(toms) + 10 * 60_000).toISOString() });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('time_conflict');
    expect(res.body.detail).toBe(`This time overlaps Tom K., ${berlin(startOf(toms))}–${berlin(startOf(toms) + 50 * 60_000)}.`);
    expect(res.body.conflicting.id).toBe(toms.id);
  });

  it('follows the rules of schedule: future times, 15–240 minutes, staff only', async () => {
    const session = await scheduledSession(client);
    expect((await post(staff, `${session.id}/reschedule/`, { scheduled_datetime: '2026-03-01T10:00:00Z' })).status).toBe(400);
    expect(
      (await post(staff, `${session.id}/reschedule/`, { scheduled_datetime: '2026-03-20T10:00:00Z', scheduled_duration: 241 })).status,
    ).toBe(400);
    expect((await post(client, `${session.id}/reschedule/`, { scheduled_datetime: '2026-03-20T10:00:00Z' })).status).toBe(403);
  });

  it('is a 409 for a session that started or is not scheduled', async () => {
    const session = await scheduledSession(client);
    clock.set(new Date(startOf(session) + 60_000));
    const started = await post(staff, `${session.id}/reschedule/`, {
      scheduled_datetime: new Date(startOf(session) + 86_400_000).toISOString(),
    });
    expect(started.body.code).toBe('already_started');
    const request = await createRequest(ts, client);
    const pending = await post(staff, `${request.id}/reschedule/`, {
      scheduled_datetime: new Date(startOf(session) + 86_400_000).toISOString(),
    });
    expect(pending.body.code).toBe('invalid_status');
  });
});

describe('request-reschedule/', () => {
  it('creates a pending request pointing at the session, which stays scheduled', async () => {
    const session = await scheduledSession(client);
    const res = await post(
      client,
      `${session.id}/request-reschedule/`,
      requestBody({ preferred_dates: [(await ts.api.get('/api/meetings/appointments/available-dates/')).body[0]] }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'pending_review', reschedule_of: session.id });
    const old = await ts.api.get(`/api/meetings/appointments/${session.id}/`).set('Authorization', await bearer(ts, client));
    expect(old.body.status).toBe('scheduled');
  });

  it('allows one open request per session (400)', async () => {
    const session = await scheduledSession(client);
    const body = requestBody({ preferred_dates: [(await ts.api.get('/api/meetings/appointments/available-dates/')).body[0]] });
    expect((await post(client, `${session.id}/request-reschedule/`, body)).status).toBe(201);
    const second = await post(client, `${session.id}/request-reschedule/`, body);
    expect(second.status).toBe(400);
    expect(second.body.non_field_errors[0]).toMatch(/already waiting/);
  });

  it('replaces the old session when staff schedule the new request, in the same transaction', async () => {
    const session = await scheduledSession(client);
    const body = requestBody({ preferred_dates: [(await ts.api.get('/api/meetings/appointments/available-dates/')).body[0]] });
    const request = (await post(client, `${session.id}/request-reschedule/`, body)).body;
    // The new time overlaps the old one: the old session does not count, it is being replaced.
    const res = await schedule(ts, staff, request.id, new Date(startOf(session) + 20 * 60_000).toISOString(), 50);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const old = await ts.api.get(`/api/meetings/appointments/${session.id}/`).set('Authorization', await bearer(ts, client));
    expect(old.body).toMatchObject({ status: 'cancelled', cancelled_by: 'reschedule', late_cancellation: false });
  });

  it('leaves the old session booked when staff reject the request', async () => {
    const session = await scheduledSession(client);
    const body = requestBody({ preferred_dates: [(await ts.api.get('/api/meetings/appointments/available-dates/')).body[0]] });
    const request = (await post(client, `${session.id}/request-reschedule/`, body)).body;
    expect((await post(staff, `${request.id}/reject/`, { rejection_reason: 'No other time free' })).status).toBe(200);
    const old = await ts.api.get(`/api/meetings/appointments/${session.id}/`).set('Authorization', await bearer(ts, client));
    expect(old.body.status).toBe('scheduled');
  });

  it("is the owner's only: another client gets a 404, staff a 403", async () => {
    const session = await scheduledSession(client);
    const body = requestBody({ preferred_dates: [(await ts.api.get('/api/meetings/appointments/available-dates/')).body[0]] });
    expect((await post(otherClient, `${session.id}/request-reschedule/`, body)).status).toBe(404);
    expect((await post(staff, `${session.id}/request-reschedule/`, body)).status).toBe(403);
  });
});

describe('attendance/', () => {
  it('is a 409 not_started before the start', async () => {
    const session = await scheduledSession(client);
    clock.set(new Date(startOf(session) - 60_000));
    const res = await post(staff, `${session.id}/attendance/`, { attendance: 'attended' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('not_started');
  });

  it('records attendance from the start on and may be corrected', async () => {
    const session = await scheduledSession(client);
    clock.set(new Date(startOf(session)));
    expect((await post(staff, `${session.id}/attendance/`, { attendance: 'no_show' })).body.attendance).toBe('no_show');
    clock.set(new Date(startOf(session) + 7 * 86_400_000));
    expect((await post(staff, `${session.id}/attendance/`, { attendance: 'attended' })).body.attendance).toBe('attended');
  });

  it('is for staff only and takes only attended or no_show', async () => {
    const session = await scheduledSession(client);
    clock.set(new Date(startOf(session) + 60_000));
    expect((await post(client, `${session.id}/attendance/`, { attendance: 'attended' })).status).toBe(403);
    expect((await post(staff, `${session.id}/attendance/`, { attendance: 'late' })).status).toBe(400);
  });
});

describe('blocked dates and sessions', () => {
  function berlinDay(session: Record<string, unknown>): string {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(startOf(session)));
  }

  it('refuses to block a date with sessions (409 sessions_on_date listing them) unless told what to do', async () => {
    const session = await scheduledSession(client);
    const res = await ts.api
      .post('/api/meetings/admin/blocked-dates/')
      .set('Authorization', await bearer(ts, staff))
      .send({ date: berlinDay(session) });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'sessions_on_date', sessions: [session.id] });
    const kept = await ts.api
      .post('/api/meetings/admin/blocked-dates/')
      .set('Authorization', await bearer(ts, staff))
      .send({ date: berlinDay(session), on_existing_sessions: 'keep' });
    expect(kept.status).toBe(201);
    const still = await ts.api.get(`/api/meetings/appointments/${session.id}/`).set('Authorization', await bearer(ts, staff));
    expect(still.body.status).toBe('scheduled');
  });

  it('cancels the sessions as staff would, with their mails, when asked to', async () => {
    const session = await scheduledSession(client);
    const cancellations = async () => (await mailsTo(client.email)).filter((mail) => /is cancelled/.test(mail.subject)).length;
    const before = await cancellations();
    const res = await ts.api
      .post('/api/meetings/admin/blocked-dates/')
      .set('Authorization', await bearer(ts, staff))
      .send({ date: berlinDay(session), on_existing_sessions: 'cancel' });
    expect(res.status).toBe(201);
    const cancelled = await ts.api.get(`/api/meetings/appointments/${session.id}/`).set('Authorization', await bearer(ts, staff));
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelled_by: 'staff' });
    expect(await cancellations()).toBe(before + 1);
  });

  it('refuses scheduling or rescheduling onto a blocked date (409 blocked_date) unless allowed', async () => {
    const session = await scheduledSession(client);
    const target = new Date(startOf(session) + 2 * 86_400_000);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(target);
    expect(
      (
        await ts.api
          .post('/api/meetings/admin/blocked-dates/')
          .set('Authorization', await bearer(ts, staff))
          .send({ date: day })
      ).status,
    ).toBe(201);
    const moved = await post(staff, `${session.id}/reschedule/`, { scheduled_datetime: target.toISOString() });
    expect(moved.status).toBe(409);
    expect(moved.body.code).toBe('blocked_date');
    const request = await createRequest(ts, otherClient);
    const scheduled = await schedule(ts, staff, request.id, new Date(target.getTime() + 3 * 3_600_000).toISOString());
    expect(scheduled.body.code).toBe('blocked_date');
    expect(
      (await post(staff, `${session.id}/reschedule/`, { scheduled_datetime: target.toISOString(), allow_blocked_date: true })).status,
    ).toBe(200);
  });
});

describe('the booking identity', () => {
  it("shows staff the account's name and address beside a typed contact that differs", async () => {
    const lena = await createAccount(ts, { email: 'lena.braun@example.org' });
    await lena.user.update({ first_name: 'Lena', last_name: 'Braun' });
    const request = await createRequest(ts, lena, { first_name: 'Mia', last_name: 'Schulz', email: 'mia@example.org' });
    const res = await ts.api.get(`/api/meetings/appointments/${request.id}/`).set('Authorization', await bearer(ts, staff));
    expect(res.body).toMatchObject({
      first_name: 'Mia',
      last_name: 'Schulz',
      account: { first_name: 'Lena', last_name: 'Braun', email: 'lena.braun@example.org' },
      contact_differs: true,
    });
    const own = await createRequest(ts, lena, { first_name: 'Lena', last_name: 'Braun', email: 'Lena.Braun@example.org' });
    expect(
      (await ts.api.get(`/api/meetings/appointments/${own.id}/`).set('Authorization', await bearer(ts, staff))).body.contact_differs,
    ).toBe(false);
  });

  it('carries the later fields of the lifecycle contract as null, so the shape is final', async () => {
    const request = await createRequest(ts, client);
    expect(request).toMatchObject({
      requested_start: null,
      series_id: null,
      client_time_zone: null,
      reschedule_of: null,
      attendance: null,
      cancelled_at: null,
    });
  });
});

describe('a date blocked while a request is on its way (issue 12)', () => {
  it('is refused, not booked: the dates are checked inside the write transaction', async () => {
    const core = ts.server.core;
    const [date] = (await ts.api.get('/api/meetings/appointments/available-dates/')).body as string[];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // Hold the write lock while blocking the date; the request arrives meanwhile and must wait for the lock.
    let writes = 0;
    const write = core.db.write;
    core.db.write = (work) => {
      writes += 1;
      return write(work);
    };
    try {
      const holding = write(async (transaction) => {
        await core.db.models.BlockedDate.create({ day: date, note: null, created_at: core.clock.now() }, { transaction });
        await gate;
      });
      const creating = ts.api
        .post('/api/meetings/appointments/create/')
        .set('Authorization', await bearer(ts, client))
        .send(requestBody({ preferred_dates: [date] }))
        .then((res) => res);
      await expect.poll(() => writes).toBe(1);
      release();
      await holding;
      const res = await creating;
      expect(res.status).toBe(400);
      expect(res.body.preferred_dates[0]).toMatch(/not an available date/);
    } finally {
      core.db.write = write;
    }
  });
});

describe('stats', () => {
  it('count cancelled, late-cancelled, no-show and attended sessions; scheduled leaves cancelled ones out', async () => {
    const fresh = await createAccount(ts);
    const attended = await scheduledSession(fresh);
    const noShow = await scheduledSession(fresh);
    const lateOne = await scheduledSession(fresh);
    await scheduledSession(fresh);
    clock.set(new Date(startOf(lateOne) - 3_600_000));
    await post(fresh, `${lateOne.id}/cancel/`);
    clock.set(new Date(startOf(noShow) + 3_600_000));
    await post(staff, `${attended.id}/attendance/`, { attendance: 'attended' });
    await post(staff, `${noShow.id}/attendance/`, { attendance: 'no_show' });
    const res = await ts.api.get('/api/meetings/user/appointments/stats/').set('Authorization', await bearer(ts, fresh));
    expect(res.body).toMatchObject({ total_requests: 4, scheduled: 3, cancelled: 1, late_cancelled: 1, no_show: 1, attended: 1 });
    // The trend counts attendance in the week of the session (both lie within the last 12 weeks).
    const sum = (key: string) => (res.body.trend as Record<string, number>[]).reduce((total, week) => total + week[key], 0);
    expect([sum('attended'), sum('no_show')]).toEqual([1, 1]);
    const whole = await ts.api.get('/api/meetings/appointments/stats/').set('Authorization', await bearer(ts, staff));
    expect(whole.body).toEqual(
      expect.objectContaining({
        cancelled: expect.any(Number),
        late_cancelled: expect.any(Number),
        no_show: expect.any(Number),
        attended: expect.any(Number),
      }),
    );
    expect(whole.body.trend[0]).toEqual(
      expect.objectContaining({
        cancelled: expect.any(Number),
        late_cancelled: expect.any(Number),
        attended: expect.any(Number),
        no_show: expect.any(Number),
      }),
    );
  });
});
