import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';
import { bearer, codeIn, nextMail, uniqueEmail } from './auth-helpers.js';

let ts: TestServer;

beforeAll(async () => {
  ts = await startTestServer();
});
afterAll(() => ts.stop());

const NEW_PASSWORD = 'Quiet-Meadow-58';

async function requestCode(email: string): Promise<string> {
  const res = await ts.api.post('/api/auth/forgot-password/').send({ email });
  expect(res.status).toBe(200);
  return codeIn(await nextMail(ts, email, /password reset code/));
}

function reset(account: TestAccount, otp: string, overrides: Record<string, unknown> = {}) {
  return ts.api
    .post('/api/auth/reset-password/')
    .send({ email: account.email, otp, new_password: NEW_PASSWORD, confirm_password: NEW_PASSWORD, ...overrides });
}

function otherCode(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0');
}

describe('forgot password', () => {
  it('answers alike for a known and an unknown address, and mails only the known one', async () => {
    const account = await createAccount(ts, { email: uniqueEmail() });
    const stranger = uniqueEmail('stranger');
    const known = await ts.api.post('/api/auth/forgot-password/').send({ email: account.email });
    const unknown = await ts.api.post('/api/auth/forgot-password/').send({ email: stranger });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(known.body).toEqual(unknown.body);
    expect(codeIn(await nextMail(ts, account.email, /password reset code/))).toMatch(/^\d{6}$/);
    expect(ts.mailbox.mails.some((mail) => mail.to === stranger)).toBe(false);
  });

  it('sends nothing for an unverified or deactivated account, with the same answer', async () => {
    for (const options of [{ verified: false }, { active: false }]) {
      const account = await createAccount(ts, { email: uniqueEmail(), ...options });
      const res = await ts.api.post('/api/auth/forgot-password/').send({ email: account.email });
      expect(res.status).toBe(200);
      expect(await ts.server.core.db.models.OtpCode.count({ where: { user_id: account.user.id } })).toBe(0);
    }
  });

  it('waits 60 seconds before another code for the same address', async () => {
    const account = await createAccount(ts, { email: uniqueEmail() });
    await requestCode(account.email);
    const again = await ts.api.post('/api/auth/forgot-password/').send({ email: account.email });
    expect(again.status).toBe(429);
    expect(again.headers['retry-after']).toBeDefined();
  });
});

describe('checking a reset code', () => {
  it('confirms a right code without using it up', async () => {
    const account = await createAccount(ts, { email: uniqueEmail() });
    const otp = await requestCode(account.email);
    const res = await ts.api.post('/api/auth/verify-password-reset-otp/').send({ email: account.email, otp });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ message: expect.any(String) });
    expect((await ts.api.post('/api/auth/verify-password-reset-otp/').send({ email: account.email, otp })).status).toBe(200);
    expect((await reset(account, otp)).status).toBe(200);
  });

  it('refuses a wrong code', async () => {
    const account = await createAccount(ts, { email: uniqueEmail() });
    const otp = await requestCode(account.email);
    const wrong = await ts.api.post('/api/auth/verify-password-reset-otp/').send({ email: account.email, otp: otherCode(otp) });
    expect(wrong.status).toBe(400);
    expect(Object.keys(wrong.body)).toEqual(['otp']);
  });

  it('counts wrong guesses: five kill the code', async () => {
    const account = await createAccount(ts, { email: uniqueEmail() });
    const otp = await requestCode(account.email);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await ts.api.post('/api/auth/verify-password-reset-otp/').send({ email: account.email, otp: otherCode(otp) });
    }
    expect((await ts.api.post('/api/auth/verify-password-reset-otp/').send({ email: account.email, otp })).status).toBe(400);
    expect((await reset(account, otp)).status).toBe(400);
  });
});

describe('resetting the password', () => {
  it('sets the new password, uses the code up, mails a notice, and signs out every device', async () => {
    const account = await createAccount(ts, { email: uniqueEmail() });
    const session = (await ts.api.post('/api/auth/login/').send({ email: account.email, password: account.password })).body;
    const otp = await requestCode(account.email);
    const res = await reset(account, otp);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ message: expect.any(String) });
    expect((await reset(account, otp)).status).toBe(400);
    expect((await ts.api.get('/api/auth/profile/').set('Authorization', account.bearer)).status).toBe(401);
    expect((await ts.api.get('/api/auth/profile/').set('Authorization', bearer(session.access))).status).toBe(401);
    expect((await ts.api.post('/api/auth/token/refresh/').send({ refresh: session.refresh })).status).toBe(401);
    expect((await ts.api.post('/api/auth/login/').send({ email: account.email, password: account.password })).status).toBe(401);
    expect((await ts.api.post('/api/auth/login/').send({ email: account.email, password: NEW_PASSWORD })).status).toBe(200);
    const notice = await nextMail(ts, account.email, /password was changed/);
    expect(notice.text).not.toContain(NEW_PASSWORD);
  });

  it('refuses a code after 10 minutes', async () => {
    const account = await createAccount(ts, { email: uniqueEmail() });
    const otp = await requestCode(account.email);
    ts.clock.advance(10 * 60_000 + 1_000);
    expect((await reset(account, otp)).status).toBe(400);
  });

  it('applies the password rules on new_password, against the names too once the code is right', async () => {
    const account = await createAccount(ts, { email: uniqueEmail() });
    const otp = await requestCode(account.email);
    const mismatch = await reset(account, otp, { confirm_password: `${NEW_PASSWORD}!` });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body).toEqual({ new_password: ["Password fields didn't match."] });
    const common = await reset(account, otp, { new_password: 'iloveyou', confirm_password: 'iloveyou' });
    expect(common.body.new_password).toContain('This password is too common.');
    // createAccount names a client "Client NumberN".
    const lastName = account.user.last_name;
    const similar = await reset(account, otp, { new_password: `${lastName}!`, confirm_password: `${lastName}!` });
    expect(similar.status).toBe(400);
    expect(similar.body.new_password).toEqual(['The password is too similar to the last name.']);
    const strangersGuess = await reset(account, otherCode(otp), { new_password: `${lastName}!`, confirm_password: `${lastName}!` });
    expect(Object.keys(strangersGuess.body)).toEqual(['otp']);
    expect((await reset(account, otp)).status).toBe(200);
  });

  it('answers an unknown address like a wrong code', async () => {
    const account = await createAccount(ts, { email: uniqueEmail() });
    const otp = await requestCode(account.email);
    const unknown = await ts.api
      .post('/api/auth/reset-password/')
      .send({ email: uniqueEmail(), otp, new_password: NEW_PASSWORD, confirm_password: NEW_PASSWORD });
    const wrong = await reset(account, otherCode(otp));
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('lifts a login lockout', async () => {
    const account = await createAccount(ts, { email: uniqueEmail() });
    for (let attempt = 0; attempt < 5; attempt += 1)
      await ts.api.post('/api/auth/login/').send({ email: account.email, password: `Wrong-${attempt}` });
    expect((await ts.api.post('/api/auth/login/').send({ email: account.email, password: account.password })).status).toBe(429);
    await reset(account, await requestCode(account.email));
    expect((await ts.api.post('/api/auth/login/').send({ email: account.email, password: NEW_PASSWORD })).status).toBe(200);
  });
});
