// A records request: the client's whole record as JSON and as a readable PDF, for staff only, and audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../helpers/test-clock.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';
import { pdfText, PROFILE, setProfile } from '../billing/billing-helpers.js';
import { as, markAttendance, scheduledSession } from './record-helpers.js';

const NOTE = 'Sleep diary shows four nights under five hours';
const ADDENDUM = 'Client called: medication changed on Monday';

let ts: TestServer;
let staff: TestAccount;
let client: TestAccount;
let session: string;
const clock = new TestClock('2026-03-02T08:00:00Z');

beforeAll(async () => {
  ts = await startTestServer({ clock, env: { MAX_PENDING_REQUESTS: '100' } });
  staff = await createAccount(ts, { staff: true });
  client = await createAccount(ts, { email: 'greta@example.org' });
  await ts.server.core.db.write((transaction) => client.user.update({ first_name: 'Greta', last_name: 'Sundqvist' }, { transaction }));
  await setProfile(ts, staff);
  session = await scheduledSession(ts, staff, client, '2026-03-03T10:00:00+01:00');
  await scheduledSession(ts, staff, client, '2026-03-17T10:00:00+01:00');
  clock.set('2026-03-04T08:00:00Z');
  await markAttendance(ts, staff, session, 'attended');
  const api = await as(ts, staff);
  await api.put(`/api/meetings/appointments/${session}/note/`, { template: 'soap', fields: { subjective: NOTE } });
  await api.post(`/api/meetings/appointments/${session}/note/sign/`);
  await api.post(`/api/meetings/appointments/${session}/note/addenda/`, { text: ADDENDUM });
  const invoice = await api.post('/api/billing/invoices/', { client: client.user.id, appointments: [session] });
  await api.post(`/api/billing/invoices/${invoice.body.id}/issue/`);
});
afterAll(() => ts.stop());

describe('GET /api/clients/<uuid>/export/', () => {
  it('returns the whole record as JSON: account, sessions, notes with addenda, invoices', async () => {
    const res = await (await as(ts, staff)).get(`/api/clients/${client.user.id}/export/`);
    expect(res.status).toBe(200);
    expect(res.body.client).toMatchObject({
      id: client.user.id,
      email: 'greta@example.org',
      first_name: 'Greta',
      past_sessions: 1,
      upcoming_sessions: 1,
    });
    expect(res.body.sessions).toHaveLength(2);
    expect(res.body.notes[0]).toMatchObject({
      appointment: session,
      template: 'soap',
      fields: { subjective: NOTE },
      addenda: [expect.objectContaining({ text: ADDENDUM })],
    });
    expect(res.body.invoices[0]).toMatchObject({ number: '2026-0001', total_minor: 8000, status: 'issued' });
    expect(res.body.practice.name).toBe(PROFILE.practice_name);
  });

  it('returns a readable PDF with ?format=pdf', async () => {
    const res = await (await as(ts, staff)).get(`/api/clients/${client.user.id}/export/?format=pdf`).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.body);
    for (const expected of [
      'Client record: Greta Sundqvist',
      'greta@example.org',
      PROFILE.practice_name,
      '2026-03-03 10:00',
      NOTE,
      ADDENDUM,
      '2026-0001',
      '80.00 EUR',
    ]) {
      expect(text, expected).toContain(expected);
    }
  });

  it('is audited, without the record itself in the log', async () => {
    const rows = (await (await as(ts, staff)).get('/api/admin/audit-log/')).body.results;
    expect(
      rows.filter((row: { action: string; record_id: string }) => row.action === 'client.export' && row.record_id === client.user.id),
    ).toHaveLength(2);
  });

  it('is for staff only (a client gets 403, even for their own record), 404 for unknown ids, 400 for an unknown format', async () => {
    expect((await (await as(ts, client)).get(`/api/clients/${client.user.id}/export/`)).status).toBe(403);
    expect((await (await as(ts, staff)).get('/api/clients/00000000-0000-4000-8000-000000000000/export/')).status).toBe(404);
    expect((await (await as(ts, staff)).get(`/api/clients/${client.user.id}/export/?format=docx`)).status).toBe(400);
  });
});
