// Invoices: drafts priced from attendance and fees in minor units, gap-free yearly numbers on issue, the mailed PDF, who sees what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../helpers/test-clock.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';
import { createRequest } from '../meetings/helpers.js';
import { as, cancelAs, markAttendance, scheduledSession } from '../clients/record-helpers.js';
import { pdfText, setProfile } from './billing-helpers.js';

let ts: TestServer;
let staff: TestAccount;
let alma: TestAccount;
let bruno: TestAccount;
// Monday 2 March 2026, 09:00 in Berlin.
const clock = new TestClock('2026-03-02T08:00:00Z');
const s: Record<string, string> = {};
let pendingRequest: string;
const brunoSessions: string[] = [];

beforeAll(async () => {
  ts = await startTestServer({ clock, env: { MAX_PENDING_REQUESTS: '100' } });
  staff = await createAccount(ts, { staff: true });
  alma = await createAccount(ts, { email: 'alma@example.org' });
  bruno = await createAccount(ts, { email: 'bruno@example.org' });
  await ts.server.core.db.write((transaction) => alma.user.update({ first_name: 'Alma', last_name: 'Lindqvist' }, { transaction }));
  await ts.server.core.db.write((transaction) => bruno.user.update({ first_name: 'Łukasz', last_name: 'Żółć-Петров' }, { transaction }));
  await setProfile(ts, staff);
  s.attended1 = await scheduledSession(ts, staff, alma, '2026-03-03T10:00:00+01:00');
  s.attended2 = await scheduledSession(ts, staff, alma, '2026-03-04T10:00:00+01:00');
  s.noShow = await scheduledSession(ts, staff, alma, '2026-03-05T10:00:00+01:00');
  s.unmarked = await scheduledSession(ts, staff, alma, '2026-03-06T10:00:00+01:00');
  s.lateCancelled = await scheduledSession(ts, staff, alma, '2026-03-10T10:00:00+01:00');
  s.cancelledInTime = await scheduledSession(ts, staff, alma, '2026-03-11T10:00:00+01:00');
  pendingRequest = String((await createRequest(ts, alma)).id);
  for (let day = 0; day < 6; day += 1) brunoSessions.push(await scheduledSession(ts, staff, bruno, `2026-03-0${3 + day}T14:00:00+01:00`));
  clock.set('2026-03-09T12:00:00Z');
  await markAttendance(ts, staff, s.attended1, 'attended');
  await markAttendance(ts, staff, s.attended2, 'attended');
  await markAttendance(ts, staff, s.noShow, 'no_show');
  for (const id of brunoSessions) await markAttendance(ts, staff, id, 'attended');
  expect((await cancelAs(ts, alma, s.lateCancelled)).late_cancellation).toBe(true);
  expect((await cancelAs(ts, alma, s.cancelledInTime)).late_cancellation).toBe(false);
});
afterAll(() => ts.stop());

async function draft(client: TestAccount, appointments: string[]) {
  return (await as(ts, staff)).post('/api/billing/invoices/', { client: client.user.id, appointments });
}

describe('a draft invoice', () => {
  it('has one line per session priced by attendance, in integer minor units, oldest session first', async () => {
    const res = await draft(alma, [s.lateCancelled, s.attended1, s.noShow]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      number: null,
      status: 'draft',
      client: alma.user.id,
      currency: 'EUR',
      total_minor: 18000,
      issued_at: null,
      paid_on: null,
    });
    expect(res.body.lines).toEqual([
      expect.objectContaining({ appointment: s.attended1, date: '2026-03-03', duration_minutes: 50, kind: 'session', amount_minor: 8000 }),
      expect.objectContaining({ appointment: s.noShow, date: '2026-03-05', kind: 'no_show', amount_minor: 6000 }),
      expect.objectContaining({ appointment: s.lateCancelled, date: '2026-03-10', kind: 'late_cancellation', amount_minor: 4000 }),
    ]);
    await (await as(ts, staff)).post(`/api/billing/invoices/${res.body.id}/issue/`);
  });

  it("refuses what is not billable: no attendance yet, cancelled in time, a request, another client's session (400)", async () => {
    for (const id of [s.unmarked, s.cancelledInTime, pendingRequest, brunoSessions[0]]) {
      const res = await draft(alma, [id]);
      expect(res.status, id).toBe(400);
      expect(res.body.appointments[0]).toContain(id);
    }
    expect((await draft(staff, [s.attended2])).body).toHaveProperty('client');
  });

  it('puts a session on at most one invoice that is not void (409 already_invoiced)', async () => {
    const res = await draft(alma, [s.attended1, s.attended2]);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('already_invoiced');
  });

  it("prices an attended session at the client's fee override when there is one", async () => {
    await (await as(ts, staff)).patch(`/api/clients/${bruno.user.id}/`, { fee: '95.50' });
    const res = await draft(bruno, [brunoSessions[0]]);
    expect(res.body.lines[0].amount_minor).toBe(9550);
    expect(res.body.total_minor).toBe(9550);
  });
});

describe('issuing', () => {
  it('numbers the invoice 2026-0002 after 2026-0001 and mails the client the PDF with practice, client and total', async () => {
    const created = await draft(alma, [s.attended2]);
    const issued = await (await as(ts, staff)).post(`/api/billing/invoices/${created.body.id}/issue/`);
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ status: 'issued', number: '2026-0002', issued_at: '2026-03-09T12:00:00Z' });
    const mail = await ts.mailbox.waitFor((m) => m.subject.includes('2026-0002'));
    expect(mail.to).toBe('alma@example.org');
    expect(mail.subject).toBe('Invoice 2026-0002 from Praxis Lindenhof');
    expect(mail.text).toContain('80.00 EUR');
    const attachment = mail.raw.attachments[0];
    expect(attachment.contentType).toBe('application/pdf');
    expect(attachment.filename).toBe('invoice-2026-0002.pdf');
    const text = await pdfText(attachment.content);
    for (const expected of [
      'Praxis Lindenhof',
      'Lindenstrasse 5, 10969 Berlin',
      'DE123456789',
      'Alma Lindqvist',
      'alma@example.org',
      'Invoice 2026-0002',
      '2026-03-04',
      '50 min',
      'Therapy session',
      '80.00 EUR',
      'IBAN DE89',
    ]) {
      expect(text, expected).toContain(expected);
    }
  });

  it('is only for a draft (409)', async () => {
    const list = await (await as(ts, staff)).get('/api/billing/invoices/?status=issued');
    const res = await (await as(ts, staff)).post(`/api/billing/invoices/${list.body.results[0].id}/issue/`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('invalid_status');
  });

  it("never gives a voided number out again; the voided invoice's sessions can be billed anew", async () => {
    const api = await as(ts, staff);
    const first = (await api.get('/api/billing/invoices/?status=issued')).body.results.find(
      (i: { number: string }) => i.number === '2026-0001',
    );
    const voided = await api.post(`/api/billing/invoices/${first.id}/void/`);
    expect(voided.body).toMatchObject({ status: 'void', number: '2026-0001' });
    const again = await draft(alma, [s.attended1]);
    expect(again.status).toBe(201);
    expect((await api.post(`/api/billing/invoices/${again.body.id}/issue/`)).body.number).toBe('2026-0003');
    expect((await api.post(`/api/billing/invoices/${first.id}/void/`)).status).toBe(409);
  });

  it('gives concurrent issues consecutive numbers without gaps or doubles', async () => {
    const drafts = [];
    for (const id of brunoSessions.slice(1)) drafts.push((await draft(bruno, [id])).body.id as string);
    const api = await as(ts, staff);
    const results = await Promise.all(drafts.map((id) => api.post(`/api/billing/invoices/${id}/issue/`)));
    expect(results.map((r) => r.status)).toEqual(drafts.map(() => 200));
    expect(results.map((r) => r.body.number).sort()).toEqual(['2026-0004', '2026-0005', '2026-0006', '2026-0007', '2026-0008']);
  });

  it('prints names in any Latin, Greek or Cyrillic script on the PDF', async () => {
    const api = await as(ts, staff);
    const invoice = (await api.get(`/api/billing/invoices/?status=issued&client=${bruno.user.id}`)).body.results[0];
    const pdf = await api.get(`/api/billing/invoices/${invoice.id}/pdf/`).buffer(true);
    expect(await pdfText(pdf.body)).toContain('Łukasz Żółć-Петров');
  });

  it('starts again at 0001 in a new year (practice time zone)', async () => {
    clock.set('2026-12-31T23:30:00Z'); // already 1 January 2027 in Berlin
    const created = await draft(bruno, [brunoSessions[0]]);
    expect(created.status, JSON.stringify(created.body)).toBe(409); // brunoSessions[0] is on the override draft
    const overrideDraft = (await (await as(ts, staff)).get(`/api/billing/invoices/?status=draft&client=${bruno.user.id}`)).body.results[0];
    expect((await (await as(ts, staff)).post(`/api/billing/invoices/${overrideDraft.id}/issue/`)).body.number).toBe('2027-0001');
    clock.set('2026-03-09T12:00:00Z');
  });
});

describe('paying', () => {
  it('marks an issued invoice paid on a date; not a draft, not twice', async () => {
    const api = await as(ts, staff);
    const issued = (await api.get(`/api/billing/invoices/?status=issued&client=${alma.user.id}`)).body.results[0];
    const paid = await api.post(`/api/billing/invoices/${issued.id}/mark-paid/`, { paid_on: '2026-03-08' });
    expect(paid.body).toMatchObject({ status: 'paid', paid_on: '2026-03-08' });
    expect((await api.post(`/api/billing/invoices/${issued.id}/mark-paid/`, { paid_on: '2026-03-08' })).status).toBe(409);
    expect((await api.post(`/api/billing/invoices/${issued.id}/mark-paid/`, { paid_on: '12.03.2026' })).status).toBe(400);
  });

  it('refuses a payment date still to come in the practice time zone', async () => {
    const api = await as(ts, staff);
    const issued = (await api.get('/api/billing/invoices/?status=issued')).body.results[0];
    const res = await api.post(`/api/billing/invoices/${issued.id}/mark-paid/`, { paid_on: '2026-03-10' });
    expect(res.status).toBe(400);
    expect(res.body).toHaveProperty('paid_on');
    expect((await api.post(`/api/billing/invoices/${issued.id}/mark-paid/`, { paid_on: '2026-03-09' })).body.status).toBe('paid');
  });
});

describe('who sees invoices', () => {
  it("a client lists only their own issued and paid invoices, never drafts, void ones or another client's", async () => {
    await draft(alma, [s.noShow]).then(() => undefined);
    const res = await (await as(ts, alma)).get('/api/billing/invoices/');
    expect(res.status).toBe(200);
    expect(res.body.results.length).toBeGreaterThan(0);
    for (const invoice of res.body.results) {
      expect(invoice.client).toBe(alma.user.id);
      expect(['issued', 'paid']).toContain(invoice.status);
    }
    expect((await (await as(ts, alma)).get('/api/billing/invoices/?status=draft')).body.count).toBe(0);
  });

  it("a client downloads their own invoice's PDF; another's, a draft and a void one are 404", async () => {
    const staffApi = await as(ts, staff);
    const own = (await (await as(ts, alma)).get('/api/billing/invoices/')).body.results[0];
    const pdf = await (await as(ts, alma)).get(`/api/billing/invoices/${own.id}/pdf/`).buffer(true);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    // A4 paper; the margins keep the text inside US Letter too.
    expect(pdf.body.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    const others = [
      ...(await staffApi.get(`/api/billing/invoices/?client=${bruno.user.id}`)).body.results,
      ...(await staffApi.get('/api/billing/invoices/?status=draft')).body.results,
      ...(await staffApi.get('/api/billing/invoices/?status=void')).body.results,
    ];
    expect(others.length).toBeGreaterThan(2);
    for (const invoice of others) {
      expect((await (await as(ts, alma)).get(`/api/billing/invoices/${invoice.id}/pdf/`)).status).toBe(404);
      expect((await (await as(ts, alma)).get(`/api/billing/invoices/${invoice.id}/`)).status).toBe(404);
    }
  });

  it('creating, issuing, paying and voiding are for staff only (403)', async () => {
    const api = await as(ts, alma);
    expect((await api.post('/api/billing/invoices/', { client: alma.user.id, appointments: [s.attended1] })).status).toBe(403);
    const own = (await api.get('/api/billing/invoices/')).body.results[0];
    for (const action of ['issue', 'void', 'mark-paid'])
      expect((await api.post(`/api/billing/invoices/${own.id}/${action}/`, { paid_on: '2026-03-12' })).status).toBe(403);
  });

  it("shows the invoices on the client's record", async () => {
    const record = await (await as(ts, staff)).get(`/api/clients/${alma.user.id}/`);
    expect(record.body.invoices.length).toBeGreaterThan(2);
  });
});

describe('the practice profile', () => {
  it('refuses a currency that is not ISO 4217 and fees that are not decimal strings', async () => {
    const api = await as(ts, staff);
    for (const [key, value] of [
      ['currency', 'EURO'],
      ['currency', 'eur'],
      ['session_fee', '12,50'],
      ['no_show_fee', '-5'],
      ['late_cancellation_fee', '1e3'],
    ]) {
      const res = await api.patch('/api/admin/settings/', { [key]: value });
      expect(res.status, `${key}=${value}`).toBe(400);
      expect(res.body).toHaveProperty(key);
    }
  });

  it('shows each profile value with its source and defaults (EUR, fees "0")', async () => {
    const res = await (await as(ts, staff)).get('/api/admin/settings/');
    expect(res.body.currency).toMatchObject({ value: 'EUR' });
    expect(res.body.address).toMatchObject({ value: 'Lindenstrasse 5, 10969 Berlin', source: 'database' });
    const fresh = await startTestServer();
    try {
      const freshStaff = await createAccount(fresh, { staff: true });
      const defaults = (await (await as(fresh, freshStaff)).get('/api/admin/settings/')).body;
      expect(defaults).toMatchObject({
        currency: { value: 'EUR', source: 'default' },
        session_fee: { value: '0' },
        no_show_fee: { value: '0' },
        late_cancellation_fee: { value: '0' },
      });
    } finally {
      await fresh.stop();
    }
  });

  it('bills in a currency without decimals (JPY) in whole units, and refuses a fee with decimals it cannot have', async () => {
    const noShow = await scheduledSession(ts, staff, bruno, '2026-03-09T14:00:00+01:00');
    const attended = await scheduledSession(ts, staff, bruno, '2026-03-09T16:00:00+01:00');
    clock.set('2026-03-09T17:00:00Z');
    await markAttendance(ts, staff, noShow, 'no_show');
    await markAttendance(ts, staff, attended, 'attended');
    await (await as(ts, staff)).patch(`/api/clients/${bruno.user.id}/`, { fee: null });
    await setProfile(ts, staff, { currency: 'JPY', no_show_fee: '6000', session_fee: '80.50' });
    const created = await draft(bruno, [noShow]);
    expect(created.body).toMatchObject({ currency: 'JPY', total_minor: 6000 });
    const refused = await draft(bruno, [attended]);
    expect(refused.status).toBe(400);
    expect(refused.body.non_field_errors[0]).toContain('JPY');
    await setProfile(ts, staff, { currency: 'EUR', session_fee: '80.00', no_show_fee: '60.00' });
  });
});
