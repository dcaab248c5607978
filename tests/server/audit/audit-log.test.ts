// The audit log: every staff action on the record leaves a row of ids and action names, newest first, without personal data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../helpers/test-clock.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';
import { setProfile } from '../billing/billing-helpers.js';
import { as, cancelAs, markAttendance, scheduledSession } from '../clients/record-helpers.js';
import { createRequest } from '../meetings/helpers.js';

const NOTE_TEXT = 'Talked about the divorce and the custody hearing';
const CLIENT_NAME = { first_name: 'Hildegard', last_name: 'Okonkwo-Berg' };

let ts: TestServer;
let staff: TestAccount;
let client: TestAccount;
let other: TestAccount;
const clock = new TestClock('2026-03-02T08:00:00Z');
const ids: Record<string, string> = {};

type Row = { actor: string | null; action: string; record_type: string; record_id: string; created_at: string };

async function auditRows(): Promise<Row[]> {
  const res = await (await as(ts, staff)).get('/api/admin/audit-log/?page_size=100');
  expect(res.status).toBe(200);
  return res.body.results;
}

beforeAll(async () => {
  ts = await startTestServer({ clock, env: { MAX_PENDING_REQUESTS: '100' } });
  staff = await createAccount(ts, { staff: true });
  client = await createAccount(ts, { email: 'hildegard@example.org' });
  other = await createAccount(ts);
  await ts.server.core.db.write((transaction) => client.user.update(CLIENT_NAME, { transaction }));
  await setProfile(ts, staff, { session_fee: '80.00' });
  ids.attended = await scheduledSession(ts, staff, client, '2026-03-03T10:00:00+01:00');
  ids.moved = await scheduledSession(ts, staff, client, '2026-03-10T10:00:00+01:00');
  ids.cancelled = await scheduledSession(ts, staff, client, '2026-03-11T10:00:00+01:00');
  ids.onBlockedDay = await scheduledSession(ts, staff, client, '2026-03-20T10:00:00+01:00');
  ids.rejected = String((await createRequest(ts, client)).id);
  const api = await as(ts, staff);
  expect((await api.post(`/api/meetings/appointments/${ids.rejected}/reject/`, {})).status).toBe(200);
  expect(
    (await api.post(`/api/meetings/appointments/${ids.moved}/reschedule/`, { scheduled_datetime: '2026-03-12T10:00:00+01:00' })).status,
  ).toBe(200);
  await cancelAs(ts, staff, ids.cancelled);
  expect((await api.post('/api/meetings/admin/blocked-dates/', { date: '2026-03-20', on_existing_sessions: 'cancel' })).status).toBe(201);
  clock.set('2026-03-04T08:00:00Z');
  await markAttendance(ts, staff, ids.attended, 'attended');
  const later = await as(ts, staff);
  const note = await later.put(`/api/meetings/appointments/${ids.attended}/note/`, { template: 'free', fields: { text: NOTE_TEXT } });
  ids.note = note.body.id;
  await later.get(`/api/meetings/appointments/${ids.attended}/note/`);
  await later.post(`/api/meetings/appointments/${ids.attended}/note/sign/`);
  await later.post(`/api/meetings/appointments/${ids.attended}/note/addenda/`, { text: 'Addendum about the hearing' });
  await later.patch(`/api/clients/${client.user.id}/`, { fee: '90.00' });
  const invoice = await later.post('/api/billing/invoices/', { client: client.user.id, appointments: [ids.attended] });
  ids.invoice = invoice.body.id;
  await later.post(`/api/billing/invoices/${ids.invoice}/issue/`);
  await later.post(`/api/billing/invoices/${ids.invoice}/void/`);
  await later.get(`/api/auth/activate-deactivate-user/${other.user.id}/`);
  await later.get(`/api/auth/activate-deactivate-user/${other.user.id}/`);
  await later.delete(`/api/auth/delete-user/${other.user.id}/`);
});
afterAll(() => ts.stop());

describe('GET /api/admin/audit-log/', () => {
  it('records who did what to which record: sessions, notes, fees, invoices, users, settings', async () => {
    const rows = await auditRows();
    const has = (action: string, recordType: string, recordId: string) =>
      expect(
        rows.some(
          (row) => row.action === action && row.record_type === recordType && row.record_id === recordId && row.actor === staff.user.id,
        ),
        `${action} ${recordId}`,
      ).toBe(true);
    has('settings.change', 'settings', 'session_fee');
    for (const id of [ids.attended, ids.moved, ids.cancelled]) has('appointment.schedule', 'appointment', id);
    has('appointment.reject', 'appointment', ids.rejected);
    has('appointment.reschedule', 'appointment', ids.moved);
    has('appointment.cancel', 'appointment', ids.cancelled);
    has('appointment.cancel', 'appointment', ids.onBlockedDay);
    has('appointment.attendance', 'appointment', ids.attended);
    for (const action of ['note.write', 'note.read', 'note.sign', 'note.addendum']) has(action, 'note', ids.note);
    has('client.fee_change', 'client', client.user.id);
    for (const action of ['invoice.create', 'invoice.issue', 'invoice.void']) has(action, 'invoice', ids.invoice);
    for (const action of ['user.deactivate', 'user.activate', 'user.delete']) has(action, 'user', other.user.id);
  });

  it('is newest first, with ISO times', async () => {
    const rows = await auditRows();
    const times = rows.map((row) => row.created_at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(rows[0].action).toBe('user.delete');
    expect(times[0]).toBe('2026-03-04T08:00:00Z');
  });

  it('holds no names, addresses or note text', async () => {
    const page = JSON.stringify((await (await as(ts, staff)).get('/api/admin/audit-log/?page_size=100')).body);
    for (const secret of [NOTE_TEXT, 'hearing', CLIENT_NAME.first_name, CLIENT_NAME.last_name, client.email, other.email, '90.00'])
      expect(page).not.toContain(secret);
    const stored = JSON.stringify(await ts.server.core.db.sequelize.query('SELECT * FROM audit_events', { type: 'SELECT' }));
    for (const secret of [NOTE_TEXT, CLIENT_NAME.last_name, client.email]) expect(stored).not.toContain(secret);
  });

  it('is for staff only', async () => {
    expect((await (await as(ts, client)).get('/api/admin/audit-log/')).status).toBe(403);
    expect((await ts.api.get('/api/admin/audit-log/')).status).toBe(401);
  });
});
