// delete-user on a client with session notes or invoices: 409 has_records, unless ?purge=true deletes those too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../helpers/test-clock.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';
import { setProfile } from '../billing/billing-helpers.js';
import { as, markAttendance, scheduledSession } from './record-helpers.js';

let ts: TestServer;
let staff: TestAccount;
const clock = new TestClock('2026-03-02T08:00:00Z');

beforeAll(async () => {
  ts = await startTestServer({ clock, env: { MAX_PENDING_REQUESTS: '100' } });
  staff = await createAccount(ts, { staff: true });
  await setProfile(ts, staff, { session_fee: '80.00' });
});
afterAll(() => ts.stop());

async function count(table: string): Promise<number> {
  const [row] = (await ts.server.core.db.sequelize.query(`SELECT COUNT(*) AS n FROM ${table}`, { type: 'SELECT' })) as {
    n: number | string;
  }[];
  return Number(row.n);
}

async function clientWithSession(): Promise<{ client: TestAccount; session: string }> {
  clock.set('2026-03-02T08:00:00Z');
  const client = await createAccount(ts);
  const session = await scheduledSession(ts, staff, client, '2026-03-03T10:00:00+01:00');
  clock.set('2026-03-04T08:00:00Z');
  await markAttendance(ts, staff, session, 'attended');
  return { client, session };
}

describe('deleting a client who has records', () => {
  it('is a 409 has_records when they have a session note, and ?purge=true deletes account, sessions and notes', async () => {
    const { client, session } = await clientWithSession();
    const api = await as(ts, staff);
    await api.put(`/api/meetings/appointments/${session}/note/`, { template: 'free', fields: { text: 'x' } });
    const refused = await api.delete(`/api/auth/delete-user/${client.user.id}/`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('has_records');
    expect((await api.get(`/api/auth/delete-user/${client.user.id}/?purge=false`)).status).toBe(409);
    expect(await count('session_notes')).toBe(1);
    const purged = await api.delete(`/api/auth/delete-user/${client.user.id}/?purge=true`);
    expect(purged.status).toBe(200);
    expect(await count('session_notes')).toBe(0);
    expect((await api.get(`/api/clients/${client.user.id}/`)).status).toBe(404);
  });

  it('is a 409 has_records when they have an invoice; purge deletes the invoice and its lines', async () => {
    const { client, session } = await clientWithSession();
    const api = await as(ts, staff);
    expect((await api.post('/api/billing/invoices/', { client: client.user.id, appointments: [session] })).status).toBe(201);
    expect((await api.delete(`/api/auth/delete-user/${client.user.id}/`)).body.code).toBe('has_records');
    expect((await api.delete(`/api/auth/delete-user/${client.user.id}/?purge=true`)).status).toBe(200);
    expect(await count('invoices')).toBe(0);
    expect(await count('invoice_lines')).toBe(0);
  });

  it('deletes a client without notes or invoices at once, as before', async () => {
    const { client } = await clientWithSession();
    expect((await (await as(ts, staff)).delete(`/api/auth/delete-user/${client.user.id}/`)).status).toBe(200);
  });

  it('refuses a purge value that is not true or false (400)', async () => {
    const { client } = await clientWithSession();
    expect((await (await as(ts, staff)).delete(`/api/auth/delete-user/${client.user.id}/?purge=yes`)).status).toBe(400);
  });
});
