// Session notes: staff write, sign and add to them; a client never sees one (404); the database holds only ciphertext.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres } from '../../helpers/test-database.js';
import { TestClock } from '../../helpers/test-clock.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';
import { as, scheduledSession } from '../clients/record-helpers.js';

const SECRET_SUBJECTIVE = 'Reports recurring nightmares about the flood of 2013';
const SECRET_PLAN = 'Introduce imagery rehearsal next session';
const SECRET_ADDENDUM = 'Correction: the flood was in 2002, not 2013';

let ts: TestServer;
let staff: TestAccount;
let client: TestAccount;
let session: string;
let otherSession: string;
const clock = new TestClock('2026-03-20T10:00:00Z');
const noteUrl = (id: string) => `/api/meetings/appointments/${id}/note/`;

beforeAll(async () => {
  ts = await startTestServer({ clock, env: { MAX_PENDING_REQUESTS: '100' } });
  staff = await createAccount(ts, { staff: true });
  client = await createAccount(ts);
  session = await scheduledSession(ts, staff, client, '2026-03-23T10:00:00+01:00');
  otherSession = await scheduledSession(ts, staff, client, '2026-03-24T10:00:00+01:00');
  clock.set('2026-03-23T11:00:00Z');
});
afterAll(() => ts.stop());

describe('writing, signing and adding to a note', () => {
  it('creates a SOAP note, fills in every template field and reads it back', async () => {
    const api = await as(ts, staff);
    const created = await api.put(noteUrl(session), { template: 'soap', fields: { subjective: SECRET_SUBJECTIVE } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      appointment: session,
      template: 'soap',
      fields: { subjective: SECRET_SUBJECTIVE, objective: '', assessment: '', plan: '' },
      signed_at: null,
      signed_by: null,
      addenda: [],
    });
    const updated = await api.put(noteUrl(session), { template: 'soap', fields: { subjective: SECRET_SUBJECTIVE, plan: SECRET_PLAN } });
    expect(updated.status).toBe(200);
    expect((await api.get(noteUrl(session))).body.fields.plan).toBe(SECRET_PLAN);
  });

  it('refuses fields of another template and unknown templates', async () => {
    const api = await as(ts, staff);
    expect((await api.put(noteUrl(otherSession), { template: 'dap', fields: { subjective: 'x' } })).body).toHaveProperty('fields');
    expect((await api.put(noteUrl(otherSession), { template: 'birp', fields: {} })).status).toBe(400);
  });

  it('is a 404 before a note is written', async () => {
    const api = await as(ts, staff);
    expect((await api.get(noteUrl(otherSession))).status).toBe(404);
  });

  it('locks the note once signed: a later PUT is 409 signed, a second sign too', async () => {
    const api = await as(ts, staff);
    const signed = await api.post(`${noteUrl(session)}sign/`);
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ signed_at: '2026-03-23T11:00:00Z', signed_by: staff.user.id });
    const put = await api.put(noteUrl(session), { template: 'soap', fields: { subjective: 'rewritten' } });
    expect(put.status).toBe(409);
    expect(put.body.code).toBe('signed');
    expect((await api.post(`${noteUrl(session)}sign/`)).body.code).toBe('signed');
    expect((await api.get(noteUrl(session))).body.fields.subjective).toBe(SECRET_SUBJECTIVE);
  });

  it('appends addenda with their author and time after signing (not before)', async () => {
    clock.set('2026-03-24T08:00:00Z');
    const api = await as(ts, staff);
    const res = await api.post(`${noteUrl(session)}addenda/`, { text: SECRET_ADDENDUM });
    expect(res.status).toBe(201);
    expect(res.body.addenda).toEqual([
      { id: expect.any(String), author: staff.user.id, text: SECRET_ADDENDUM, created_at: '2026-03-24T08:00:00Z' },
    ]);
    expect((await api.post(`${noteUrl(session)}addenda/`, { text: '  ' })).status).toBe(400);
    await api.put(noteUrl(otherSession), { template: 'free', fields: { text: 'draft' } });
    expect((await api.post(`${noteUrl(otherSession)}addenda/`, { text: 'too early' })).body.code).toBe('not_signed');
  });

  it("lists the note's header, never its text, on the client's record", async () => {
    const record = await (await as(ts, staff)).get(`/api/clients/${client.user.id}/`);
    expect(record.body.notes.map((note: { appointment: string }) => note.appointment).sort()).toEqual([session, otherSession].sort());
    expect(JSON.stringify(record.body)).not.toContain(SECRET_SUBJECTIVE);
    expect(JSON.stringify(record.body)).not.toContain('draft');
  });
});

describe('a client and notes', () => {
  it('gets 404 on every note route, even for their own session, with a valid body', async () => {
    const api = await as(ts, client);
    expect((await api.get(noteUrl(session))).status).toBe(404);
    expect((await api.put(noteUrl(session), { template: 'free', fields: { text: 'mine' } })).status).toBe(404);
    expect((await api.put(noteUrl(otherSession), { template: 'free', fields: { text: 'mine' } })).status).toBe(404);
    expect((await api.post(`${noteUrl(session)}sign/`)).status).toBe(404);
    expect((await api.post(`${noteUrl(otherSession)}sign/`)).status).toBe(404);
    expect((await api.post(`${noteUrl(session)}addenda/`, { text: 'mine' })).status).toBe(404);
    expect((await api.get(`/api/meetings/appointments/${session}/`)).body).not.toHaveProperty('note');
  });

  it('gets 404, not a 400, even for a body that is not valid', async () => {
    const api = await as(ts, client);
    expect((await api.put(noteUrl(session), { template: 'birp', fields: 'x' })).status).toBe(404);
    expect((await api.post(`${noteUrl(session)}addenda/`, { text: '' })).status).toBe(404);
  });

  it('an anonymous caller gets 401', async () => {
    expect((await ts.api.get(noteUrl(session))).status).toBe(401);
  });

  it('never finds the note in a mail', () => {
    for (const mail of ts.mailbox.mails)
      for (const secret of [SECRET_SUBJECTIVE, SECRET_PLAN, SECRET_ADDENDUM]) expect(mail.text + mail.html).not.toContain(secret);
  });
});

describe('notes at rest', () => {
  it.skipIf(onPostgres)('leave no plaintext of a note or addendum in the database file, its WAL or shared memory', () => {
    const files = fs.readdirSync(ts.dataDir).filter((name) => name.startsWith('practice.db'));
    expect(files).toContain('practice.db-wal');
    const bytes = Buffer.concat(files.map((name) => fs.readFileSync(path.join(ts.dataDir, name))));
    for (const secret of [SECRET_SUBJECTIVE, SECRET_PLAN, SECRET_ADDENDUM, 'nightmares', 'imagery rehearsal']) {
      expect(bytes.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
    }
  });

  it('are ciphertext in the rows (on every database)', async () => {
    const notes = (await ts.server.core.db.sequelize.query('SELECT fields FROM session_notes', { type: 'SELECT' })) as { fields: string }[];
    const addenda = (await ts.server.core.db.sequelize.query('SELECT text FROM note_addenda', { type: 'SELECT' })) as { text: string }[];
    for (const value of [...notes.map((n) => n.fields), ...addenda.map((a) => a.text)]) expect(value).toMatch(/^enc1:/);
  });
});
