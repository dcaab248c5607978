// The join window at its edges and the meeting info, moved through time with the test clock instead of sleeping.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../helpers/test-clock.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';
import { bearer, createRequest, schedule } from './helpers.js';

let ts: TestServer;
let staff: TestAccount;
let client: TestAccount;
let stranger: TestAccount;
let appointmentId: unknown;
const clock = new TestClock('2026-03-26T10:00:00Z');

// A 60-minute session on Sunday 29 March 2026 from 01:30 to 03:30 Berlin wall time: the clocks jump from 02:00 to 03:00
// in between, so it starts at 00:30 UTC and ends at 01:30 UTC.
const START = Date.parse('2026-03-29T00:30:00Z');
const END = START + 60 * 60_000;
const MINUTE = 60_000;

beforeAll(async () => {
  ts = await startTestServer({ clock, env: { MAX_PENDING_REQUESTS: '20' } });
  staff = await createAccount(ts, { staff: true });
  client = await createAccount(ts);
  stranger = await createAccount(ts);
  const request = await createRequest(ts, client);
  appointmentId = request.id;
  const res = await schedule(ts, staff, appointmentId, '2026-03-29T01:30', 60);
  expect(res.body.scheduled_datetime).toBe('2026-03-29T00:30:00Z');
});
afterAll(() => ts.stop());

async function detailAt(instant: number) {
  clock.set(new Date(instant));
  return (await ts.api.get(`/api/meetings/appointments/${String(appointmentId)}/`).set('Authorization', await bearer(ts, client))).body;
}

describe('the join window', () => {
  it.each([
    ['a millisecond before it opens', START - 10 * MINUTE - 1, 'scheduled', false],
    ['exactly 10 minutes before the start', START - 10 * MINUTE, 'active', true],
    ['during the session', START + 30 * MINUTE, 'active', true],
    ['exactly 15 minutes after the end (across the change to summer time)', END + 15 * MINUTE, 'active', true],
    ['a millisecond after it closes', END + 15 * MINUTE + 1, 'completed', false],
  ])('%s: %s', async (_label, instant, status, canJoin) => {
    const appointment = await detailAt(instant);
    expect(appointment.meeting_status).toBe(status);
    expect(appointment.can_join_meeting).toBe(canJoin);
  });

  it('is the same in the lists', async () => {
    clock.set(new Date(START));
    const list = await ts.api.get('/api/meetings/user/appointments/').set('Authorization', await bearer(ts, client));
    expect(list.body.results[0]).toMatchObject({ meeting_status: 'active', can_join_meeting: true });
  });
});

describe('meeting info', () => {
  it('gives the link, the time in the practice zone and whether one can join now', async () => {
    clock.set(new Date(START - 5 * MINUTE));
    const res = await ts.api
      .get(`/api/meetings/appointments/${String(appointmentId)}/jitsi-meeting/`)
      .set('Authorization', await bearer(ts, client));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      meeting_url: expect.stringMatching(/^https:\/\/meet\.jit\.si\/session-[0-9a-f]{32}$/),
      room_id: expect.stringMatching(/^session-[0-9a-f]{32}$/),
      scheduled_time: 'Sunday, 29 March 2026 at 01:30 (Europe/Berlin, UTC+01:00)',
      duration: '60 minutes',
      can_join: true,
      meeting_status: 'active',
      join_instructions: expect.any(String),
    });
  });

  it('is for the owner and staff; others get a 404', async () => {
    clock.set(new Date(START - 60 * MINUTE));
    const path = `/api/meetings/appointments/${String(appointmentId)}/jitsi-meeting/`;
    expect((await ts.api.get(path).set('Authorization', await bearer(ts, staff))).body.can_join).toBe(false);
    expect((await ts.api.get(path).set('Authorization', await bearer(ts, stranger))).status).toBe(404);
    expect((await ts.api.get(path)).status).toBe(401);
  });

  it('is a 409 unless the appointment is scheduled', async () => {
    clock.set('2026-03-26T10:00:00Z');
    const pending = await createRequest(ts, client);
    const res = await ts.api
      .get(`/api/meetings/appointments/${String(pending.id)}/jitsi-meeting/`)
      .set('Authorization', await bearer(ts, client));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('invalid_status');
  });
});
