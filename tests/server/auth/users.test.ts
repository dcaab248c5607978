import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';
import { requestBody } from '../meetings/helpers.js';
import { bearer, signUp, uniqueEmail } from './auth-helpers.js';

let ts: TestServer;
let staff: TestAccount;

beforeAll(async () => {
  ts = await startTestServer();
  staff = await createAccount(ts, { staff: true, email: uniqueEmail('therapist') });
});
afterAll(() => ts.stop());

const MISSING_ID = '00000000-0000-4000-8000-000000000000';

describe('profile', () => {
  it("shows the caller's own account", async () => {
    const account = await createAccount(ts, { email: uniqueEmail() });
    const res = await ts.api.get('/api/auth/profile/').set('Authorization', account.bearer);
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: account.user.id, email: account.email, is_staff: false });
  });

  it('requires sign-in', async () => {
    const res = await ts.api.get('/api/auth/profile/');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('not_authenticated');
  });

  it('updates names and phone partially', async () => {
    const account = await createAccount(ts, { email: uniqueEmail() });
    const res = await ts.api.patch('/api/auth/profile/update/').set('Authorization', account.bearer).send({ first_name: 'Henriette' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ first_name: 'Henriette', last_name: account.user.last_name });
    const phone = await ts.api
      .patch('/api/auth/profile/update/')
      .set('Authorization', account.bearer)
      .send({ phone_number: '(030) 123-4567' });
    expect(phone.body.user.phone_number).toBe('(030) 123-4567');
    const cleared = await ts.api.patch('/api/auth/profile/update/').set('Authorization', account.bearer).send({ phone_number: '' });
    expect(cleared.body.user.phone_number).toBeNull();
  });

  it('changes nothing else, whatever the request carries', async () => {
    const account = await createAccount(ts, { email: uniqueEmail() });
    const res = await ts.api.patch('/api/auth/profile/update/').set('Authorization', account.bearer).send({
      is_staff: true,
      is_active: false,
      is_verified: false,
      email: 'new@example.org',
      id: MISSING_ID,
      password_hash: 'x',
      token_version: 99,
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: account.user.id, email: account.email, is_staff: false, is_active: true, is_verified: true });
    expect((await ts.api.get('/api/auth/all-users/').set('Authorization', account.bearer)).status).toBe(403);
    expect((await ts.api.get('/api/auth/profile/').set('Authorization', account.bearer)).status).toBe(200);
  });

  it('validates what it changes', async () => {
    const account = await createAccount(ts, { email: uniqueEmail() });
    const res = await ts.api
      .patch('/api/auth/profile/update/')
      .set('Authorization', account.bearer)
      .send({ first_name: '', phone_number: '12' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body).sort()).toEqual(['first_name', 'phone_number']);
  });

  it('refuses names with direction overrides or zero-width characters, on the field', async () => {
    const account = await createAccount(ts, { email: uniqueEmail() });
    for (const [field, value] of [
      ['first_name', 'Eve\u202Etsipareht'],
      ['last_name', 'Zero\u200Dwidth'],
      ['first_name', '\u2066Isolated\u2069'],
    ]) {
      const res = await ts.api
        .patch('/api/auth/profile/update/')
        .set('Authorization', account.bearer)
        .send({ [field]: value });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body)).toEqual([field]);
    }
    expect((await ts.api.get('/api/auth/profile/').set('Authorization', account.bearer)).body.user.first_name).toBe('Client');
  });

  it('refuses such names as the contact names of a booking too', async () => {
    const account = await createAccount(ts, { email: uniqueEmail() });
    const [date] = (await ts.api.get('/api/meetings/appointments/available-dates/')).body as string[];
    const res = await ts.api
      .post('/api/meetings/appointments/create/')
      .set('Authorization', account.bearer)
      .send(requestBody({ preferred_dates: [date], first_name: 'Alma\u200B', last_name: 'Lind\u202Eqvist' }));
    expect(res.status).toBe(400);
    expect(Object.keys(res.body).sort()).toEqual(['first_name', 'last_name']);
  });

  it('answers PUT with 405', async () => {
    const account = await createAccount(ts, { email: uniqueEmail() });
    expect((await ts.api.put('/api/auth/profile/update/').set('Authorization', account.bearer).send({})).status).toBe(405);
  });
});

describe('all users (staff)', () => {
  it('is for staff only', async () => {
    const account = await createAccount(ts, { email: uniqueEmail() });
    const res = await ts.api.get('/api/auth/all-users/').set('Authorization', account.bearer);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ detail: 'You do not have permission to perform this action.' });
    expect((await ts.api.get('/api/auth/all-users/')).status).toBe(401);
  });

  it('lists users newest first as {users, count, next, previous}', async () => {
    ts.clock.advance(1_000);
    const newest = await createAccount(ts, { email: uniqueEmail() });
    const res = await ts.api.get('/api/auth/all-users/').set('Authorization', staff.bearer);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['count', 'next', 'previous', 'users']);
    expect(res.body.count).toBe(res.body.users.length);
    expect(res.body.users[0].id).toBe(newest.user.id);
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|password_hash|token_version/);
  });

  it('pages with page and page_size', async () => {
    for (let index = 0; index < 3; index += 1) await createAccount(ts, { email: uniqueEmail() });
    const first = await ts.api.get('/api/auth/all-users/?page_size=2').set('Authorization', staff.bearer);
    expect(first.body.users).toHaveLength(2);
    expect(first.body.previous).toBeNull();
    expect(first.body.next).toMatch(/page=2/);
    const second = await ts.api.get(new URL(first.body.next).pathname + new URL(first.body.next).search).set('Authorization', staff.bearer);
    expect(second.body.users).toHaveLength(2);
    expect(second.body.users[0].id).not.toBe(first.body.users[0].id);
    expect(second.body.previous).not.toBeNull();
    expect((await ts.api.get('/api/auth/all-users/?page=999').set('Authorization', staff.bearer)).status).toBe(404);
  });

  it('searches email and names, case-insensitively, though they are encrypted', async () => {
    const target = await signUp(ts, uniqueEmail('searchable'));
    await ts.api
      .patch('/api/auth/profile/update/')
      .set('Authorization', bearer(target.access))
      .send({ first_name: 'Ottilie', last_name: 'Zauberberg' });
    for (const search of ['SEARCHABLE', 'OTTILIE', 'zauber', 'ottilie zauberberg']) {
      const res = await ts.api.get(`/api/auth/all-users/?search=${encodeURIComponent(search)}`).set('Authorization', staff.bearer);
      expect(res.body.count, search).toBe(1);
      expect(res.body.users[0].email).toBe(target.email);
    }
    const none = await ts.api.get('/api/auth/all-users/?search=nobody-has-this').set('Authorization', staff.bearer);
    expect(none.body).toMatchObject({ users: [], count: 0, next: null, previous: null });
  });
});

describe('activate / deactivate (staff)', () => {
  it('toggles with POST and with GET (as the seed has it)', async () => {
    const account = await createAccount(ts, { email: uniqueEmail() });
    const off = await ts.api.post(`/api/auth/activate-deactivate-user/${account.user.id}/`).set('Authorization', staff.bearer);
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ message: expect.stringContaining('deactivated'), user: { id: account.user.id, is_active: false } });
    const on = await ts.api.get(`/api/auth/activate-deactivate-user/${account.user.id}/`).set('Authorization', staff.bearer);
    expect(on.body.user.is_active).toBe(true);
    expect((await ts.api.post('/api/auth/login/').send({ email: account.email, password: account.password })).status).toBe(200);
  });

  it('is not possible on yourself', async () => {
    const res = await ts.api.post(`/api/auth/activate-deactivate-user/${staff.user.id}/`).set('Authorization', staff.bearer);
    expect(res.status).toBe(400);
    expect(res.body.non_field_errors).toHaveLength(1);
  });

  it('answers 404 for an unknown or malformed id, 403 for a client', async () => {
    expect((await ts.api.post(`/api/auth/activate-deactivate-user/${MISSING_ID}/`).set('Authorization', staff.bearer)).status).toBe(404);
    expect((await ts.api.post('/api/auth/activate-deactivate-user/not-a-uuid/').set('Authorization', staff.bearer)).status).toBe(404);
    const client = await createAccount(ts, { email: uniqueEmail() });
    expect((await ts.api.post(`/api/auth/activate-deactivate-user/${staff.user.id}/`).set('Authorization', client.bearer)).status).toBe(
      403,
    );
  });
});

describe('delete user (staff)', () => {
  it('deletes with DELETE and answers with the deleted user; their tokens and codes go too', async () => {
    const account = await signUp(ts);
    const res = await ts.api.delete(`/api/auth/delete-user/${account.user.id}/`).set('Authorization', staff.bearer);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ message: expect.any(String), user: { id: account.user.id, email: account.email } });
    expect((await ts.api.get('/api/auth/profile/').set('Authorization', bearer(account.access))).status).toBe(401);
    expect((await ts.api.post('/api/auth/token/refresh/').send({ refresh: account.refresh })).status).toBe(401);
    expect(await ts.server.core.db.models.RefreshToken.count({ where: { user_id: account.user.id as string } })).toBe(0);
    expect((await ts.api.delete(`/api/auth/delete-user/${account.user.id}/`).set('Authorization', staff.bearer)).status).toBe(404);
  });

  it('removes every mail to the address from the outbox, sent and still queued', async () => {
    const account = await signUp(ts);
    const { core } = ts.server;
    const recipients = async () => {
      const [rows] = await core.db.sequelize.query('SELECT recipient, status FROM outbox_mails');
      return (rows as { recipient: string; status: string }[]).map((row) => ({
        to: core.cipher.decrypt(row.recipient, 'outbox_mails.recipient'),
        status: row.status,
      }));
    };
    await expect.poll(async () => (await recipients()).some((row) => row.to === account.email && row.status === 'sent')).toBe(true);
    ts.mailbox.rejectWith = { code: 451, message: 'try later' };
    try {
      expect((await ts.api.post('/api/auth/forgot-password/').send({ email: account.email })).status).toBe(200);
      await expect.poll(async () => (await recipients()).filter((row) => row.to === account.email).length).toBe(2);
      expect((await ts.api.delete(`/api/auth/delete-user/${account.user.id}/`).set('Authorization', staff.bearer)).status).toBe(200);
    } finally {
      ts.mailbox.rejectWith = null;
    }
    const left = await recipients();
    expect(left.filter((row) => row.to === account.email)).toEqual([]);
    const [raw] = await core.db.sequelize.query('SELECT * FROM outbox_mails');
    expect(JSON.stringify(raw)).not.toContain(account.email);
  });

  it('deletes with GET too (as the seed has it)', async () => {
    const account = await createAccount(ts, { email: uniqueEmail() });
    expect((await ts.api.get(`/api/auth/delete-user/${account.user.id}/`).set('Authorization', staff.bearer)).status).toBe(200);
    expect(await ts.server.core.db.models.User.findByPk(account.user.id)).toBeNull();
  });

  it('lets the address register again afterwards', async () => {
    const account = await signUp(ts);
    await ts.api.delete(`/api/auth/delete-user/${account.user.id}/`).set('Authorization', staff.bearer);
    ts.clock.advance(61_000);
    expect((await signUp(ts, account.email)).email).toBe(account.email);
  });

  it('is not possible on yourself, nor for a client', async () => {
    expect((await ts.api.delete(`/api/auth/delete-user/${staff.user.id}/`).set('Authorization', staff.bearer)).status).toBe(400);
    const client = await createAccount(ts, { email: uniqueEmail() });
    expect((await ts.api.delete(`/api/auth/delete-user/${staff.user.id}/`).set('Authorization', client.bearer)).status).toBe(403);
  });
});
