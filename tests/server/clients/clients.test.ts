// The therapist's client list and client record: counts, search by name and email, fee override, staff only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../helpers/test-clock.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';
import { as, scheduledSession } from './record-helpers.js';

let ts: TestServer;
let staff: TestAccount;
let alma: TestAccount;
let bruno: TestAccount;
// Friday 20 March 2026, 11:00 in Berlin.
const clock = new TestClock('2026-03-20T10:00:00Z');
let pastSession: string;

beforeAll(async () => {
  ts = await startTestServer({ clock, env: { MAX_PENDING_REQUESTS: '100' } });
  staff = await createAccount(ts, { staff: true });
  alma = await createAccount(ts, { email: 'alma@example.org' });
  bruno = await createAccount(ts, { email: 'bruno@example.org' });
  await ts.server.core.db.write((transaction) => bruno.user.update({ first_name: 'Bruno', last_name: 'Vasquez' }, { transaction }));
  pastSession = await scheduledSession(ts, staff, alma, '2026-03-23T10:00:00+01:00');
  await scheduledSession(ts, staff, alma, '2026-03-30T10:00:00+02:00');
  await scheduledSession(ts, staff, alma, '2026-04-06T10:00:00+02:00');
  clock.set('2026-03-25T10:00:00Z');
});
afterAll(() => ts.stop());

describe('GET /api/clients/', () => {
  it('lists clients, not staff, with their session counts and the next and last session', async () => {
    const res = await (await as(ts, staff)).get('/api/clients/');
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(2);
    const ids = res.body.results.map((client: { id: string }) => client.id);
    expect(ids).not.toContain(staff.user.id);
    const almaRow = res.body.results.find((client: { id: string }) => client.id === alma.user.id);
    expect(almaRow).toMatchObject({
      email: 'alma@example.org',
      upcoming_sessions: 2,
      past_sessions: 1,
      no_shows: 0,
      late_cancellations: 0,
      last_session: '2026-03-23T09:00:00Z',
      next_session: '2026-03-30T08:00:00Z',
    });
    expect(almaRow).not.toHaveProperty('password_hash');
  });

  it('finds a client by part of a name (decrypted) and by the whole email in any case (blind index)', async () => {
    const api = await as(ts, staff);
    expect((await api.get('/api/clients/?search=vasq')).body.results.map((c: { id: string }) => c.id)).toEqual([bruno.user.id]);
    expect((await api.get('/api/clients/?search=ALMA@example.org')).body.results.map((c: { id: string }) => c.id)).toEqual([alma.user.id]);
    expect((await api.get('/api/clients/?search=nobody-like-this')).body.count).toBe(0);
  });

  it('pages DRF-style', async () => {
    const res = await (await as(ts, staff)).get('/api/clients/?page_size=1');
    expect(res.body.count).toBe(2);
    expect(res.body.results).toHaveLength(1);
    expect(res.body.next).toContain('page=2');
  });

  it('is for staff only: a client gets 403, no token 401', async () => {
    expect((await (await as(ts, alma)).get('/api/clients/')).status).toBe(403);
    expect((await ts.api.get('/api/clients/')).status).toBe(401);
  });
});

describe('GET /api/clients/<uuid>/', () => {
  it("shows the client's sessions and requests", async () => {
    const res = await (await as(ts, staff)).get(`/api/clients/${alma.user.id}/`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: alma.user.id, upcoming_sessions: 2, fee: null });
    expect(res.body.sessions.map((s: { id: string }) => s.id)).toContain(pastSession);
  });

  it('is a 404 for a staff account, an unknown id and a malformed id; a 403 for a client', async () => {
    const api = await as(ts, staff);
    expect((await api.get(`/api/clients/${staff.user.id}/`)).status).toBe(404);
    expect((await api.get('/api/clients/00000000-0000-4000-8000-000000000000/')).status).toBe(404);
    expect((await api.get('/api/clients/not-a-uuid/')).status).toBe(404);
    expect((await (await as(ts, alma)).get(`/api/clients/${alma.user.id}/`)).status).toBe(403);
  });
});

describe('PATCH /api/clients/<uuid>/ {fee}', () => {
  it('sets and clears the fee override as a decimal string', async () => {
    const api = await as(ts, staff);
    const set = await api.patch(`/api/clients/${bruno.user.id}/`, { fee: '95.50' });
    expect(set.status).toBe(200);
    expect(set.body.fee).toBe('95.50');
    expect((await api.patch(`/api/clients/${bruno.user.id}/`, { fee: null })).body.fee).toBeNull();
  });

  it('refuses what is not an amount in the practice currency (EUR: at most 2 decimals), and floats', async () => {
    const api = await as(ts, staff);
    for (const fee of ['abc', '-5', '1.234', '1e3', 80.5]) {
      const res = await api.patch(`/api/clients/${bruno.user.id}/`, { fee });
      expect(res.status, String(fee)).toBe(400);
      expect(res.body).toHaveProperty('fee');
    }
  });
});
