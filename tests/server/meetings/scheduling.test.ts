// Scheduling and rejecting requests: the rules, the mail with its link and invite, and the race for one slot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../helpers/test-clock.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';
import { bearer, createRequest, schedule } from './helpers.js';

let ts: TestServer;
let staff: TestAccount;
let client: TestAccount;
// Friday 20 March 2026, 11:00 in Berlin (UTC+1); summer time (UTC+2) starts on Sunday 29 March.
const clock = new TestClock('2026-03-20T10:00:00Z');

beforeAll(async () => {
  ts = await startTestServer({ clock, env: { MAX_PENDING_REQUESTS: '100', JITSI_DOMAIN: 'video.practice.example' } });
  staff = await createAccount(ts, { staff: true });
  client = await createAccount(ts);
});
afterAll(() => ts.stop());

async function reject(id: unknown, body: Record<string, unknown>, account = staff) {
  return ts.api
    .post(`/api/meetings/appointments/${String(id)}/reject/`)
    .set('Authorization', await bearer(ts, account))
    .send(body);
}

describe('scheduling a request', () => {
  it('creates the meeting, clears the rejection reason and mails the account a link and an invite', async () => {
    const request = await createRequest(ts, client, { email: 'typed-by-hand@elsewhere.example', first_name: 'Mira' });
    const res = await schedule(ts, staff, request.id, '2026-03-30T10:00:00+02:00', 50);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'scheduled',
      status_display: 'Scheduled',
      scheduled_datetime: '2026-03-30T08:00:00Z',
      scheduled_duration: 50,
      rejection_reason: null,
      has_jitsi_meeting: true,
      can_join_meeting: false,
      meeting_status: 'scheduled',
    });
    expect(res.body.jitsi_room_id).toMatch(/^session-[0-9a-f]{32}$/);
    expect(res.body.jitsi_meet_url).toBe(`https://video.practice.example/${res.body.jitsi_room_id}`);

    const mail = await ts.mailbox.waitFor((m) => m.to === client.email && /scheduled/.test(m.subject));
    // The mail greets the account, never the name typed into the booking (it may be someone else's).
    expect(mail.text).toContain(`Hello ${client.user.first_name},`);
    expect(mail.text).not.toContain('Mira');
    expect(mail.text).toContain('Monday, 30 March 2026 at 10:00 (Europe/Berlin, UTC+02:00)');
    expect(mail.text).toContain(res.body.jitsi_meet_url);
    expect(mail.html).toContain(res.body.jitsi_meet_url);
    const invite = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
    expect(invite?.content).toContain('BEGIN:VCALENDAR');
    expect(invite?.content).toContain('DTSTART:20260330T080000Z');
    expect(invite?.content.replace(/\r\n /g, '')).toContain(res.body.jitsi_meet_url);
    expect(ts.mailbox.mails.some((m) => m.to === 'typed-by-hand@elsewhere.example')).toBe(false);
  });

  it('names the time in winter time before the change and in summer time after it', async () => {
    const before = await createRequest(ts, client);
    const after = await createRequest(ts, client);
    // Without an offset, a time is read in the practice zone.
    expect((await schedule(ts, staff, before.id, '2026-03-27T10:00')).body.scheduled_datetime).toBe('2026-03-27T09:00:00Z');
    expect((await schedule(ts, staff, after.id, '2026-04-01T10:00')).body.scheduled_datetime).toBe('2026-04-01T08:00:00Z');
    await ts.mailbox.waitFor((m) => m.text.includes('Friday, 27 March 2026 at 10:00 (Europe/Berlin, UTC+01:00)'));
    await ts.mailbox.waitFor((m) => m.text.includes('Wednesday, 1 April 2026 at 10:00 (Europe/Berlin, UTC+02:00)'));
  });

  it('defaults to 60 minutes', async () => {
    const request = await createRequest(ts, client);
    const res = await schedule(ts, staff, request.id, '2026-04-02T12:00:00Z');
    expect(res.body.scheduled_duration).toBe(60);
  });

  it.each([
    ['a past time', { scheduled_datetime: '2026-03-20T09:59:00Z' }],
    ['the present moment', { scheduled_datetime: '2026-03-20T10:00:00Z' }],
    ['a date without a time', { scheduled_datetime: '2026-04-03' }],
    ['an impossible time', { scheduled_datetime: '2026-04-03T25:00:00Z' }],
    ['a number', { scheduled_datetime: 1775203200 }],
    ['no time', {}],
    ['14 minutes', { scheduled_datetime: '2026-04-03T10:00:00Z', scheduled_duration: 14 }],
    ['241 minutes', { scheduled_datetime: '2026-04-03T10:00:00Z', scheduled_duration: 241 }],
    ['a fractional duration', { scheduled_datetime: '2026-04-03T10:00:00Z', scheduled_duration: 30.5 }],
    ['a duration as text', { scheduled_datetime: '2026-04-03T10:00:00Z', scheduled_duration: 'an hour' }],
  ])('refuses %s with a 400', async (_label, body) => {
    const request = await createRequest(ts, client);
    const res = await ts.api
      .post(`/api/meetings/appointments/${String(request.id)}/schedule/`)
      .set('Authorization', await bearer(ts, staff))
      .send(body);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body).every((key) => ['scheduled_datetime', 'scheduled_duration'].includes(key))).toBe(true);
  });

  it('refuses an overlap with another scheduled session, but not a session right after it', async () => {
    const first = await createRequest(ts, client);
    const second = await createRequest(ts, client);
    expect((await schedule(ts, staff, first.id, '2026-04-06T09:00:00Z', 60)).status).toBe(200);
    const clash = await schedule(ts, staff, second.id, '2026-04-06T09:59:00Z', 30);
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ detail: expect.any(String), code: 'time_conflict' });
    const inside = await schedule(ts, staff, second.id, '2026-04-06T08:30:00Z', 240);
    expect(inside.status).toBe(409);
    expect((await schedule(ts, staff, second.id, '2026-04-06T10:00:00Z', 30)).status).toBe(200);
  });

  it('only schedules a request pending review', async () => {
    const request = await createRequest(ts, client);
    expect((await schedule(ts, staff, request.id, '2026-04-07T09:00:00Z')).status).toBe(200);
    const again = await schedule(ts, staff, request.id, '2026-04-08T09:00:00Z');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('invalid_status');
    const rejected = await createRequest(ts, client);
    await reject(rejected.id, {});
    expect((await schedule(ts, staff, rejected.id, '2026-04-08T09:00:00Z')).body.code).toBe('invalid_status');
  });

  it('is for staff only, and a 404 for an unknown appointment', async () => {
    const request = await createRequest(ts, client);
    expect((await schedule(ts, client, request.id, '2026-04-09T09:00:00Z')).status).toBe(403);
    expect(
      (await ts.api.post(`/api/meetings/appointments/${String(request.id)}/schedule/`).send({ scheduled_datetime: '2026-04-09T09:00:00Z' }))
        .status,
    ).toBe(401);
    expect((await schedule(ts, staff, '00000000-0000-4000-8000-000000000000', '2026-04-09T09:00:00Z')).status).toBe(404);
    expect((await schedule(ts, staff, 'stats', '2026-04-09T09:00:00Z')).status).toBe(404);
  });

  it('gives exactly one of many racing staff sessions the slot, the rest a 409, never a 500', async () => {
    const requests = [];
    for (let i = 0; i < 20; i++) requests.push(await createRequest(ts, client));
    const token = await bearer(ts, staff);
    const results = await Promise.all(
      requests.map((request, i) =>
        ts.api
          .post(`/api/meetings/appointments/${String(request.id)}/schedule/`)
          .set('Authorization', token)
          .send({ scheduled_datetime: new Date(Date.parse('2026-04-13T09:00:00Z') + i * 60_000).toISOString(), scheduled_duration: 60 }),
      ),
    );
    const statuses = results.map((res) => res.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(results.filter((res) => res.status === 409).every((res) => res.body.code === 'time_conflict')).toBe(true);
  });
});

describe('rejecting a request', () => {
  it('stores the reason, keeps no meeting and mails the account the reason', async () => {
    const request = await createRequest(ts, client, { first_name: 'Jonas' });
    const res = await reject(request.id, { rejection_reason: 'No availability for preferred dates' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'rejected',
      status_display: 'Rejected',
      rejection_reason: 'No availability for preferred dates',
      scheduled_datetime: null,
      jitsi_meet_url: null,
      jitsi_room_id: null,
      has_jitsi_meeting: false,
      can_join_meeting: false,
      meeting_status: 'rejected',
    });
    const mail = await ts.mailbox.waitFor((m) => m.to === client.email && m.text.includes('No availability for preferred dates'));
    expect(mail.text).toContain(`Hello ${client.user.first_name},`);
    expect(mail.text).toContain('Reason: No availability for preferred dates');
  });

  it('works without a reason', async () => {
    const request = await createRequest(ts, client, { first_name: 'Ines' });
    const res = await reject(request.id, { rejection_reason: '' });
    expect(res.status).toBe(200);
    expect(res.body.rejection_reason).toBeNull();
    const mail = await ts.mailbox.waitFor(
      (m) => m.to === client.email && /request/.test(m.subject) && m.text.includes('cannot be accepted'),
    );
    expect(mail.text).not.toContain('Reason:');
  });

  it('only rejects a request pending review, for staff only', async () => {
    const request = await createRequest(ts, client);
    expect((await reject(request.id, {}, client)).status).toBe(403);
    expect((await reject(request.id, { rejection_reason: 'r'.repeat(2001) })).status).toBe(400);
    await schedule(ts, staff, request.id, '2026-05-04T09:00:00Z');
    const res = await reject(request.id, {});
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('invalid_status');
  });
});
