// Appointment requests: every field's rules, the pending limit, who sees what, paging, and the staff's email search.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../helpers/test-clock.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';
import { bearer, createRequest, requestBody } from './helpers.js';

let ts: TestServer;
let staff: TestAccount;
let client: TestAccount;
let available: string[];
// Friday 20 March 2026 in Berlin.
const clock = new TestClock('2026-03-20T10:00:00Z');

beforeAll(async () => {
  ts = await startTestServer({ clock, env: { MAX_PENDING_REQUESTS: '3' } });
  staff = await createAccount(ts, { staff: true });
  client = await createAccount(ts);
  available = (await ts.api.get('/api/meetings/appointments/available-dates/')).body;
  await ts.api.post('/api/meetings/admin/blocked-dates/').set('Authorization', staff.bearer).send({ date: '2026-03-25' });
});
afterAll(() => ts.stop());

const CREATE = '/api/meetings/appointments/create/';

async function create(account: TestAccount, overrides: Record<string, unknown>) {
  return ts.api
    .post(CREATE)
    .set('Authorization', await bearer(ts, account))
    .send(requestBody({ preferred_dates: [available[0]], ...overrides }));
}

describe('creating a request', () => {
  it('answers 201 with the appointment, pending review and without a meeting', async () => {
    const owner = await createAccount(ts);
    const res = await create(owner, {
      preferred_dates: [available[0], available[1]],
      preferred_time_slots: ['morning', 'evening'],
      email: 'Alma.Contact@Example.org',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      user: owner.user.id,
      first_name: 'Alma',
      last_name: 'Lindqvist',
      email: 'alma.contact@example.org',
      phone: '+49 30 1234567',
      reason: 'Trouble sleeping since the move',
      preferred_dates: [available[0], available[1]],
      preferred_time_slots: ['morning', 'evening'],
      status: 'pending_review',
      status_display: 'Pending Review',
      scheduled_datetime: null,
      scheduled_duration: null,
      rejection_reason: null,
      jitsi_meet_url: null,
      jitsi_room_id: null,
      has_jitsi_meeting: false,
      can_join_meeting: false,
      meeting_status: 'pending',
      created_at: '2026-03-20T10:00:00Z',
    });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('takes phone and reason as optional (blank or missing)', async () => {
    const owner = await createAccount(ts);
    const res = await create(owner, { phone: '', reason: undefined });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ phone: null, reason: null });
  });

  it.each([
    ['a missing first name', { first_name: undefined }, 'first_name'],
    ['a blank last name', { last_name: '   ' }, 'last_name'],
    ['a name over 150 characters', { first_name: 'a'.repeat(151) }, 'first_name'],
    ['a name with control characters', { first_name: 'Al\u0007ma' }, 'first_name'],
    ['a malformed email', { email: 'alma@' }, 'email'],
    ['a missing email', { email: undefined }, 'email'],
    ['letters in the phone', { phone: 'call me' }, 'phone'],
    ['a phone over 20 characters', { phone: '+1 234 567 890 123 456 78' }, 'phone'],
    ['a reason over 2000 characters', { reason: 'r'.repeat(2001) }, 'reason'],
    ['no preferred dates', { preferred_dates: [] }, 'preferred_dates'],
    ['six preferred dates', { preferred_dates: () => available.slice(0, 6) }, 'preferred_dates'],
    ['a date twice', { preferred_dates: () => [available[0], available[0]] }, 'preferred_dates'],
    ['a malformed date', { preferred_dates: ['23/03/2026'] }, 'preferred_dates'],
    ['dates as a string', { preferred_dates: '2026-03-23' }, 'preferred_dates'],
    ['no time slots', { preferred_time_slots: [] }, 'preferred_time_slots'],
    ['an unknown time slot', { preferred_time_slots: ['night'] }, 'preferred_time_slots'],
    ['a time slot twice', { preferred_time_slots: ['morning', 'morning'] }, 'preferred_time_slots'],
    ['four time slots', { preferred_time_slots: ['morning', 'afternoon', 'evening', 'morning'] }, 'preferred_time_slots'],
  ])('refuses %s with a 400 on that field', async (_label, overrides, field) => {
    const resolved = Object.fromEntries(
      Object.entries(overrides).map(([key, value]) => [key, typeof value === 'function' ? value() : value]),
    );
    const res = await create(client, resolved);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body)).toEqual([field]);
  });

  it.each([
    ['today', '2026-03-20'],
    ['a Saturday', '2026-03-21'],
    ['a blocked date', '2026-03-25'],
    ['a date beyond 30 days', '2026-04-20'],
    ['a past date', '2026-03-02'],
  ])('refuses %s, naming the date', async (_label, date) => {
    const res = await create(client, { preferred_dates: [available[0], date] });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ preferred_dates: [`${date} is not an available date.`] });
  });

  it('needs a signed-in user', async () => {
    const res = await ts.api.post(CREATE).send(requestBody({ preferred_dates: [available[0]] }));
    expect(res.status).toBe(401);
  });

  it('allows a bounded number of pending requests per user', async () => {
    const busy = await createAccount(ts);
    for (let i = 0; i < 3; i++) expect((await create(busy, {})).status).toBe(201);
    const res = await create(busy, {});
    expect(res.status).toBe(400);
    expect(res.body.non_field_errors[0]).toMatch(/3 requests waiting/);
  });
});

describe('reading requests', () => {
  let mine: Record<string, unknown>;
  let theirs: Record<string, unknown>;
  let other: TestAccount;

  beforeAll(async () => {
    other = await createAccount(ts);
    clock.advance(60_000);
    mine = await createRequest(ts, client, { email: 'mine@example.org' });
    clock.advance(60_000);
    theirs = await createRequest(ts, other, { email: 'Theirs@Example.org' });
  });

  it('shows a user only their own, in both lists', async () => {
    for (const path of ['/api/meetings/appointments/', '/api/meetings/user/appointments/']) {
      const res = await ts.api.get(path).set('Authorization', await bearer(ts, client));
      expect(res.status).toBe(200);
      const owners = new Set(res.body.results.map((a: { user: string }) => a.user));
      expect([...owners]).toEqual([client.user.id]);
    }
  });

  it("answers 404 for another user's appointment, as for one that does not exist", async () => {
    const res = await ts.api.get(`/api/meetings/appointments/${String(theirs.id)}/`).set('Authorization', await bearer(ts, client));
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ detail: 'Not found.' });
    expect(
      (await ts.api.get(`/api/meetings/appointments/${String(theirs.id)}/jitsi-meeting/`).set('Authorization', await bearer(ts, client)))
        .status,
    ).toBe(404);
    expect(
      (await ts.api.get('/api/meetings/appointments/00000000-0000-4000-8000-000000000000/').set('Authorization', await bearer(ts, client)))
        .status,
    ).toBe(404);
    expect((await ts.api.get('/api/meetings/appointments/not-a-uuid/').set('Authorization', await bearer(ts, client))).status).toBe(404);
  });

  it('lets the owner and staff read one appointment', async () => {
    const own = await ts.api.get(`/api/meetings/appointments/${String(mine.id)}/`).set('Authorization', await bearer(ts, client));
    expect(own.body.id).toBe(mine.id);
    const asStaff = await ts.api.get(`/api/meetings/appointments/${String(theirs.id)}/`).set('Authorization', await bearer(ts, staff));
    expect(asStaff.body.id).toBe(theirs.id);
  });

  it('lists everything for staff, newest first, paginated DRF-style', async () => {
    const res = await ts.api.get('/api/meetings/appointments/?page_size=1').set('Authorization', await bearer(ts, staff));
    expect(res.status).toBe(200);
    expect(res.body.count).toBeGreaterThan(5);
    expect(res.body.results).toHaveLength(1);
    expect(res.body.results[0].id).toBe(theirs.id);
    expect(res.body.previous).toBeNull();
    expect(res.body.next).toMatch(/\/api\/meetings\/appointments\/\?page_size=1&page=2$/);
    const second = await ts.api.get('/api/meetings/appointments/?page_size=1&page=2').set('Authorization', await bearer(ts, staff));
    expect(second.body.results[0].id).toBe(mine.id);
  });

  it("lets staff find a client's requests by email, case-insensitively", async () => {
    const res = await ts.api.get('/api/meetings/appointments/?email=THEIRS@example.org').set('Authorization', await bearer(ts, staff));
    expect(res.body.count).toBe(1);
    expect(res.body.results[0].id).toBe(theirs.id);
  });

  it('never lets a user look up others by email, nor anyone anonymously', async () => {
    const res = await ts.api.get('/api/meetings/appointments/?email=theirs@example.org').set('Authorization', await bearer(ts, client));
    expect(res.body.count).toBe(0);
    expect((await ts.api.get('/api/meetings/appointments/?email=theirs@example.org')).status).toBe(401);
    expect((await ts.api.get('/api/meetings/user/appointments/')).status).toBe(401);
  });

  it('filters by status and refuses an unknown one', async () => {
    const pending = await ts.api.get('/api/meetings/appointments/?status=pending_review').set('Authorization', await bearer(ts, staff));
    expect(pending.body.results.every((a: { status: string }) => a.status === 'pending_review')).toBe(true);
    const none = await ts.api.get('/api/meetings/appointments/?status=scheduled').set('Authorization', await bearer(ts, staff));
    expect(none.body.count).toBe(0);
    expect((await ts.api.get('/api/meetings/appointments/?status=lost').set('Authorization', await bearer(ts, staff))).status).toBe(400);
  });

  it('answers 404 for a page past the end', async () => {
    expect((await ts.api.get('/api/meetings/user/appointments/?page=9').set('Authorization', await bearer(ts, client))).status).toBe(404);
  });
});

describe('deleting an account', () => {
  it('deletes its appointments with it', async () => {
    const leaving = await createAccount(ts);
    const request = await createRequest(ts, leaving);
    await ts.server.core.db.write((transaction) => leaving.user.destroy({ transaction }));
    const res = await ts.api.get(`/api/meetings/appointments/${String(request.id)}/`).set('Authorization', await bearer(ts, staff));
    expect(res.status).toBe(404);
  });
});
