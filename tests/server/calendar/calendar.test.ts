// The staff calendar (sessions, held slots, blocked dates) and the private calendar feed: its token made, shown,
// revoked; events with the session's UID and STATUS, initials unless full names are chosen, never the reason; the
// token never in the request log.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src-server/logger.js';
import { TestClock } from '../../helpers/test-clock.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';
import { bearer, createRequest, requestBody, schedule } from '../meetings/helpers.js';

let ts: TestServer;
let staff: TestAccount;
let client: TestAccount;
const logLines: string[] = [];
// Friday 20 March 2026, 11:00 in Berlin.
const clock = new TestClock('2026-03-20T10:00:00Z');
const CALENDAR = '/api/meetings/calendar/';
const FEED_SETTINGS = '/api/admin/settings/calendar-feed/';

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  ts = await startTestServer({ clock, logger: createLogger('info', sink) });
  staff = await createAccount(ts, { staff: true });
  client = await createAccount(ts);
  await client.user.update({ first_name: 'Alma', last_name: 'Lindqvist' });
});
afterAll(() => ts.stop());
beforeEach(() => clock.set('2026-03-20T10:00:00Z'));

/** GETs the feed behind an absolute feed URL through the test agent. */
async function readFeed(url: string) {
  const { pathname, search } = new URL(url);
  return ts.api
    .get(`${pathname}${search}`)
    .buffer(true)
    .parse((res, done) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => done(null, text));
    });
}

describe('GET calendar/', () => {
  it('shows staff the sessions, held slots and blocked dates of a week', async () => {
    const request = await createRequest(ts, client, { reason: 'Private reason text' });
    expect((await schedule(ts, staff, request.id, '2026-03-23T10:00:00+01:00', 50)).status).toBe(200);
    const held = await ts.api
      .post('/api/meetings/appointments/create/')
      .set('Authorization', await bearer(ts, client))
      .send({ ...requestBody(), preferred_dates: undefined, preferred_time_slots: undefined, requested_start: '2026-03-24T08:00:00Z' });
    expect(held.status, JSON.stringify(held.body)).toBe(201);
    await ts.api
      .post('/api/meetings/admin/blocked-dates/')
      .set('Authorization', await bearer(ts, staff))
      .send({ date: '2026-03-26', note: 'Training' })
      .expect(201);

    const res = await ts.api
      .get(CALENDAR)
      .query({ from: '2026-03-23', to: '2026-03-29' })
      .set('Authorization', await bearer(ts, staff));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: '2026-03-23', to: '2026-03-29', time_zone: 'Europe/Berlin' });
    expect(res.body.entries).toEqual([
      expect.objectContaining({
        id: request.id,
        kind: 'session',
        status: 'scheduled',
        start: '2026-03-23T09:00:00Z',
        end: '2026-03-23T09:50:00Z',
      }),
      expect.objectContaining({
        id: held.body.id,
        kind: 'held',
        status: 'pending_review',
        start: '2026-03-24T08:00:00Z',
        end: '2026-03-24T08:50:00Z',
      }),
    ]);
    expect(res.body.blocked_dates).toEqual([expect.objectContaining({ date: '2026-03-26', note: 'Training' })]);
    expect(JSON.stringify(res.body)).not.toContain('Private reason text');
  });

  it('is for staff only and at most 62 days', async () => {
    expect(
      (
        await ts.api
          .get(CALENDAR)
          .query({ from: '2026-03-23', to: '2026-03-29' })
          .set('Authorization', await bearer(ts, client))
      ).status,
    ).toBe(403);
    expect((await ts.api.get(CALENDAR).query({ from: '2026-03-23', to: '2026-03-29' })).status).toBe(401);
    const long = await ts.api
      .get(CALENDAR)
      .query({ from: '2026-03-01', to: '2026-05-02' })
      .set('Authorization', await bearer(ts, staff));
    expect(long.status).toBe(400);
    expect(long.body.to).toBeDefined();
    expect(
      (
        await ts.api
          .get(CALENDAR)
          .query({ from: '2026-03-01', to: '2026-05-01' })
          .set('Authorization', await bearer(ts, staff))
      ).status,
    ).toBe(200);
  });
});

describe('the calendar feed', () => {
  it('is null in settings until made, then an absolute URL whose events carry UID, time, STATUS and initials only', async () => {
    const before = await ts.api.get('/api/admin/settings/').set('Authorization', await bearer(ts, staff));
    expect(before.body.calendar_feed_url).toBeNull();

    const made = await ts.api.post(FEED_SETTINGS).set('Authorization', await bearer(ts, staff));
    expect(made.status).toBe(201);
    expect(made.body.calendar_feed_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/meetings\/calendar\.ics\?token=[A-Za-z0-9_-]{43}$/);
    const shown = await ts.api.get('/api/admin/settings/').set('Authorization', await bearer(ts, staff));
    expect(shown.body.calendar_feed_url).toBe(made.body.calendar_feed_url);

    const request = await createRequest(ts, client, { reason: 'Grief after my father died' });
    await schedule(ts, staff, request.id, '2026-03-25T10:00:00+01:00', 50);
    const feed = await readFeed(made.body.calendar_feed_url);
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const text = feed.body as string;
    expect(text).toContain(`UID:${String(request.id)}@practice`);
    expect(text).toContain('DTSTART:20260325T090000Z');
    expect(text).toContain('STATUS:CONFIRMED');
    expect(text).toContain('SUMMARY:Session – A.L.');
    expect(text).not.toContain('Lindqvist');
    expect(text).not.toContain('Grief');

    const full = await ts.api
      .patch(FEED_SETTINGS)
      .set('Authorization', await bearer(ts, staff))
      .send({ feed_full_names: true });
    expect(full.body).toEqual({ calendar_feed_url: made.body.calendar_feed_url, feed_full_names: true });
    expect((await readFeed(made.body.calendar_feed_url)).body).toContain('SUMMARY:Session – Alma Lindqvist');
    await ts.api
      .patch(FEED_SETTINGS)
      .set('Authorization', await bearer(ts, staff))
      .send({ feed_full_names: false });
  });

  it('keeps a cancelled session 30 days as STATUS:CANCELLED, then drops it', async () => {
    const { calendar_feed_url: url } = (await ts.api.post(FEED_SETTINGS).set('Authorization', await bearer(ts, staff))).body;
    const request = await createRequest(ts, client);
    await schedule(ts, staff, request.id, '2026-03-27T10:00:00+01:00', 50);
    await ts.api
      .post(`/api/meetings/appointments/${String(request.id)}/cancel/`)
      .set('Authorization', await bearer(ts, staff))
      .send({})
      .expect(200);
    const uid = `UID:${String(request.id)}@practice`;
    const event = (text: string) => text.split('BEGIN:VEVENT').find((part) => part.includes(uid)) ?? '';
    expect(event((await readFeed(url)).body)).toContain('STATUS:CANCELLED');
    clock.set('2026-04-19T09:59:00Z');
    expect(event((await readFeed(url)).body)).toContain('STATUS:CANCELLED');
    clock.set('2026-04-19T10:01:00Z');
    expect((await readFeed(url)).body).not.toContain(uid);
  });

  it('answers 404 to an unknown, missing, replaced or revoked token', async () => {
    const first = (await ts.api.post(FEED_SETTINGS).set('Authorization', await bearer(ts, staff))).body.calendar_feed_url as string;
    const second = (await ts.api.post(FEED_SETTINGS).set('Authorization', await bearer(ts, staff))).body.calendar_feed_url as string;
    expect((await readFeed(first)).status).toBe(404);
    expect((await readFeed(second)).status).toBe(200);
    expect((await ts.api.get('/api/meetings/calendar.ics')).status).toBe(404);
    expect((await ts.api.get('/api/meetings/calendar.ics').query({ token: 'A'.repeat(43) })).status).toBe(404);
    expect((await ts.api.delete(FEED_SETTINGS).set('Authorization', await bearer(ts, staff))).status).toBe(204);
    expect((await readFeed(second)).status).toBe(404);
    expect((await ts.api.get('/api/admin/settings/').set('Authorization', await bearer(ts, staff))).body.calendar_feed_url).toBeNull();
    expect((await ts.api.post(FEED_SETTINGS).set('Authorization', await bearer(ts, client))).status).toBe(403);
  });

  it('never writes the token to the request log', async () => {
    const url = (await ts.api.post(FEED_SETTINGS).set('Authorization', await bearer(ts, staff))).body.calendar_feed_url as string;
    const token = new URL(url).searchParams.get('token')!;
    logLines.length = 0;
    expect((await readFeed(url)).status).toBe(200);
    const lines = logLines.join('');
    expect(lines).toContain('/api/meetings/calendar.ics');
    expect(lines).not.toContain(token);
  });
});
