// Recurring series: schedule/ with repeat books every occurrence or none (409 listing the clashes), each its own
// appointment sharing series_id at the same local time across DST, one mail with every date and one .ics of all
// occurrences; cancel/ with scope "following" ends the rest of the series.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestClock } from '../../helpers/test-clock.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';
import { bearer, createRequest, schedule } from './helpers.js';

let ts: TestServer;
let staff: TestAccount;
// Friday 20 March 2026, 11:00 in Berlin (UTC+1); summer time from 29 March.
const clock = new TestClock('2026-03-20T10:00:00Z');

beforeAll(async () => {
  ts = await startTestServer({ clock });
  staff = await createAccount(ts, { staff: true });
});
afterAll(() => ts.stop());
beforeEach(() => clock.set('2026-03-20T10:00:00Z'));

async function scheduleSeries(id: unknown, body: Record<string, unknown>) {
  return ts.api
    .post(`/api/meetings/appointments/${String(id)}/schedule/`)
    .set('Authorization', await bearer(ts, staff))
    .send(body);
}

async function seriesOf(seriesId: string) {
  const rows = await ts.server.core.db.models.Appointment.findAll({
    where: { series_id: seriesId },
    order: [['scheduled_datetime', 'ASC']],
  });
  return rows;
}

describe('a recurring series', () => {
  it('books every occurrence at the same local time, each its own session, with one mail and one .ics of them all', async () => {
    const client = await createAccount(ts);
    const request = await createRequest(ts, client);
    const res = await scheduleSeries(request.id, {
      scheduled_datetime: '2026-03-24T10:00:00+01:00',
      scheduled_duration: 50,
      repeat: { every_weeks: 1, count: 3 },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.series_id).toEqual(expect.any(String));
    const sessions = await seriesOf(res.body.series_id);
    // 10:00 Berlin before and after the change to summer time.
    expect(sessions.map((s) => s.scheduled_datetime!.toISOString())).toEqual([
      '2026-03-24T09:00:00.000Z',
      '2026-03-31T08:00:00.000Z',
      '2026-04-07T08:00:00.000Z',
    ]);
    expect(sessions.every((s) => s.status === 'scheduled' && s.user_id === client.user.id)).toBe(true);
    expect(new Set(sessions.map((s) => s.jitsi_room_id)).size).toBe(3);

    const mail = await ts.mailbox.waitFor((m) => m.to.includes(client.email) && m.subject.includes('3 appointments'));
    for (const when of ['24 March 2026 at 10:00', '31 March 2026 at 10:00', '7 April 2026 at 10:00']) expect(mail.text).toContain(when);
    expect(mail.attachments).toHaveLength(1);
    const ics = mail.attachments[0].content;
    for (const session of sessions) expect(ics).toContain(`UID:${session.id}@practice`);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
  });

  it('books nothing when one occurrence clashes, and names every clashing start', async () => {
    const other = await createRequest(ts, await createAccount(ts));
    expect((await schedule(ts, staff, other.id, '2026-04-15T10:30:00+02:00', 50)).status).toBe(200);
    await ts.api
      .post('/api/meetings/admin/blocked-dates/')
      .set('Authorization', await bearer(ts, staff))
      .send({ date: '2026-04-29' })
      .expect(201);
    const request = await createRequest(ts, await createAccount(ts));
    const res = await scheduleSeries(request.id, {
      scheduled_datetime: '2026-04-08T10:00:00+02:00',
      scheduled_duration: 50,
      repeat: { every_weeks: 1, count: 4 },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('time_conflict');
    expect(res.body.conflicts).toEqual(['2026-04-15T08:00:00.000Z', '2026-04-29T08:00:00.000Z']);
    const after = await ts.api.get(`/api/meetings/appointments/${String(request.id)}/`).set('Authorization', await bearer(ts, staff));
    expect(after.body.status).toBe('pending_review');
    expect(
      await ts.server.core.db.models.Appointment.count({
        where: { status: 'scheduled', scheduled_datetime: new Date('2026-04-08T08:00:00Z') },
      }),
    ).toBe(0);
  });

  it.each([
    ['every 3 weeks', { every_weeks: 3, count: 4 }],
    ['a single occurrence', { every_weeks: 1, count: 1 }],
    ['27 occurrences', { every_weeks: 1, count: 27 }],
  ])('refuses %s with a 400 on repeat', async (_label, repeat) => {
    const request = await createRequest(ts, await createAccount(ts));
    const res = await scheduleSeries(request.id, { scheduled_datetime: '2026-05-05T10:00:00+02:00', repeat });
    expect(res.status).toBe(400);
    expect(res.body.repeat).toBeDefined();
  });

  it('moves a session and books its repeats after it with reschedule/, all or nothing, keeping its UID', async () => {
    const client = await createAccount(ts);
    const request = await createRequest(ts, client);
    expect((await schedule(ts, staff, request.id, '2026-06-01T09:00:00+02:00', 50)).status).toBe(200);
    const move = (body: Record<string, unknown>) =>
      bearer(ts, staff).then((auth) =>
        ts.api
          .post(`/api/meetings/appointments/${String(request.id)}/reschedule/`)
          .set('Authorization', auth)
          .send(body),
      );
    const other = await createRequest(ts, await createAccount(ts));
    expect((await schedule(ts, staff, other.id, '2026-06-16T11:00:00+02:00', 50)).status).toBe(200);
    const clash = await move({ scheduled_datetime: '2026-06-02T11:00:00+02:00', repeat: { every_weeks: 2, count: 3 } });
    expect(clash.status).toBe(409);
    expect(clash.body.conflicts).toEqual(['2026-06-16T09:00:00.000Z']);
    expect(
      (await ts.api.get(`/api/meetings/appointments/${String(request.id)}/`).set('Authorization', await bearer(ts, staff))).body
        .scheduled_datetime,
    ).toBe('2026-06-01T07:00:00Z');

    const res = await move({ scheduled_datetime: '2026-06-03T11:00:00+02:00', repeat: { every_weeks: 1, count: 3 } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id: request.id, scheduled_datetime: '2026-06-03T09:00:00Z', series_id: expect.any(String) });
    const sessions = await seriesOf(res.body.series_id);
    expect(sessions.map((s) => s.scheduled_datetime!.toISOString())).toEqual([
      '2026-06-03T09:00:00.000Z',
      '2026-06-10T09:00:00.000Z',
      '2026-06-17T09:00:00.000Z',
    ]);
    const mail = await ts.mailbox.waitFor((m) => m.to.includes(client.email) && m.subject.includes('3 appointments'));
    expect(mail.attachments[0].content).toContain(`UID:${String(request.id)}@practice`);
  });

  it('cancels one session, or this and every following one', async () => {
    const client = await createAccount(ts);
    const request = await createRequest(ts, client);
    const res = await scheduleSeries(request.id, {
      scheduled_datetime: '2026-05-04T15:00:00+02:00',
      scheduled_duration: 50,
      repeat: { every_weeks: 2, count: 4 },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [first, second, third, fourth] = await seriesOf(res.body.series_id);
    const cancel = async (id: string, scope?: string) =>
      ts.api
        .post(`/api/meetings/appointments/${id}/cancel/`)
        .set('Authorization', await bearer(ts, client))
        .send(scope ? { scope } : {});
    expect((await cancel(second.id)).status).toBe(200);
    expect((await seriesOf(res.body.series_id)).map((s) => s.status)).toEqual(['scheduled', 'cancelled', 'scheduled', 'scheduled']);
    expect((await cancel(third.id, 'following')).status).toBe(200);
    expect((await seriesOf(res.body.series_id)).map((s) => s.status)).toEqual(['scheduled', 'cancelled', 'cancelled', 'cancelled']);
    expect(first.id).toBe(request.id);
    expect(fourth.series_id).toBe(res.body.series_id);
    expect((await cancel(first.id, 'sideways')).status).toBe(400);
  });
});
