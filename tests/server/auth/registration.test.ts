import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { USER_FIELDS } from '../../helpers/user-fields.js';
import { createAccount } from '../../helpers/users.js';
import { bearer, codeIn, GOOD_PASSWORD, nextMail, registerForCode, registration, uniqueEmail } from './auth-helpers.js';

let ts: TestServer;

beforeAll(async () => {
  ts = await startTestServer();
});
afterAll(() => ts.stop());

function otherCode(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0');
}

describe('registration', () => {
  it('creates an unverified account and mails a six-digit code in a plain and an HTML part', async () => {
    const email = uniqueEmail();
    const res = await ts.api.post('/api/auth/register/').send(registration(email));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ message: expect.any(String), email });
    const mail = await nextMail(ts, email, /verification code/);
    expect(codeIn(mail)).toMatch(/^\d{6}$/);
    expect(mail.html).toContain(codeIn(mail));
    const login = await ts.api.post('/api/auth/login/').send({ email, password: GOOD_PASSWORD });
    expect(login.status).toBe(401);
    expect(login.body).toEqual({ detail: 'No active account found with the given credentials', code: 'no_active_account' });
  });

  it('greets an address that is not verified yet without quoting the names typed at registration', async () => {
    const email = uniqueEmail();
    await registerForCode(ts, email, { first_name: 'Visit evil.example now', last_name: 'Claim your prize' });
    const mail = ts.mailbox.latestTo(email)!;
    expect(mail.text).toMatch(/^Hello,$/m);
    for (const part of [mail.text, mail.html, mail.subject]) {
      expect(part).not.toContain('evil.example');
      expect(part).not.toContain('prize');
    }
  });

  it('verifies the address with the code and signs the client in', async () => {
    const email = uniqueEmail();
    const otp = await registerForCode(ts, email);
    const res = await ts.api.post('/api/auth/verify-otp/').send({ email, otp });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['access', 'message', 'refresh', 'user']);
    expect(Object.keys(res.body.user).sort()).toEqual(USER_FIELDS);
    expect(res.body.user).toMatchObject({
      email,
      first_name: 'Ada',
      last_name: 'Lovelace',
      phone_number: '+1234567890',
      is_verified: true,
      is_staff: false,
      is_active: true,
    });
    const profile = await ts.api.get('/api/auth/profile/').set('Authorization', bearer(res.body.access));
    expect(profile.status).toBe(200);
    expect(profile.body.user.email).toBe(email);
  });

  it('treats the address case-insensitively and trims it', async () => {
    const email = uniqueEmail('MixedCase');
    const res = await ts.api.post('/api/auth/register/').send(registration(`  ${email.toUpperCase()} `));
    expect(res.status).toBe(201);
    expect(res.body.email).toBe(email.toLowerCase());
    const otp = codeIn(await nextMail(ts, email.toLowerCase(), /verification code/));
    const verified = await ts.api.post('/api/auth/verify-otp/').send({ email: email.toUpperCase(), otp });
    expect(verified.status).toBe(200);
    const login = await ts.api.post('/api/auth/login/').send({ email: ` ${email} `, password: GOOD_PASSWORD });
    expect(login.status).toBe(200);
  });

  it('answers a verified address exactly like a new one and mails its owner a notice instead of a code', async () => {
    const existing = await createAccount(ts, { email: uniqueEmail('taken') });
    const fresh = uniqueEmail();
    const known = await ts.api.post('/api/auth/register/').send(registration(existing.email));
    const unknown = await ts.api.post('/api/auth/register/').send(registration(fresh));
    expect(known.status).toBe(unknown.status);
    expect({ ...known.body, email: null }).toEqual({ ...unknown.body, email: null });
    const notice = await nextMail(ts, existing.email, /already have an account/);
    expect(notice.text).not.toMatch(/\d{6}/);
    const stillWorks = await ts.api.post('/api/auth/login/').send({ email: existing.email, password: existing.password });
    expect(stillWorks.status).toBe(200);
  });

  it('never lets a repeat registration change a pending account: the newest code confirms the original, whose password alone signs in', async () => {
    const email = uniqueEmail();
    await registerForCode(ts, email);
    ts.clock.advance(61_000);
    const attacker = 'Attacker-Lantern-91';
    const repeat = await ts.api
      .post('/api/auth/register/')
      .send(registration(email, { first_name: 'Mallory', phone_number: '+9999999999', password: attacker, password2: attacker }));
    const fresh = await ts.api.post('/api/auth/register/').send(registration(uniqueEmail(), { password: attacker, password2: attacker }));
    expect(repeat.status).toBe(201);
    expect({ ...repeat.body, email: null }).toEqual({ ...fresh.body, email: null });
    const resent = await nextMail(ts, email, /verification code/);
    expect(resent.text).toMatch(/nothing in it was changed/);
    expect(resent.text).not.toContain('Mallory');
    const verified = await ts.api.post('/api/auth/verify-otp/').send({ email, otp: codeIn(resent) });
    expect(verified.status).toBe(200);
    expect(verified.body.user).toMatchObject({ first_name: 'Ada', phone_number: '+1234567890' });
    expect((await ts.api.post('/api/auth/login/').send({ email, password: attacker })).status).toBe(401);
    expect((await ts.api.post('/api/auth/login/').send({ email, password: GOOD_PASSWORD })).status).toBe(200);
  });

  it('lets the owner of a pending address set their own password with a reset code, which also verifies it', async () => {
    const email = uniqueEmail();
    await registerForCode(ts, email, { password: 'Stranger-Lantern-55', password2: 'Stranger-Lantern-55' });
    expect((await ts.api.post('/api/auth/forgot-password/').send({ email })).status).toBe(200);
    const otp = codeIn(await nextMail(ts, email, /password reset code/));
    const mine = 'Owner-Harbour-Kite-8';
    expect((await ts.api.post('/api/auth/reset-password/').send({ email, otp, new_password: mine, confirm_password: mine })).status).toBe(
      200,
    );
    const changed = await nextMail(ts, email, /password was changed/);
    expect(changed.text).toMatch(/^Hello,$/m);
    expect((await ts.api.post('/api/auth/login/').send({ email, password: 'Stranger-Lantern-55' })).status).toBe(401);
    const login = await ts.api.post('/api/auth/login/').send({ email, password: mine });
    expect(login.status).toBe(200);
    expect(login.body.user.is_verified).toBe(true);
  });

  it('answers a repeat registration within a minute with 201 like any address, and mails nothing more', async () => {
    const pending = uniqueEmail();
    await registerForCode(ts, pending);
    const verified = await createAccount(ts, { email: uniqueEmail('taken') });
    await ts.api.post('/api/auth/register/').send(registration(verified.email));
    await nextMail(ts, verified.email, /already have an account/);
    const answers = await Promise.all(
      [pending, verified.email, uniqueEmail()].map((email) => ts.api.post('/api/auth/register/').send(registration(email))),
    );
    expect(answers.map((res) => res.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((res) => JSON.stringify({ ...res.body, email: null }))).size).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ts.mailbox.mails.filter((mail) => mail.to === pending)).toHaveLength(1);
    expect(ts.mailbox.mails.filter((mail) => mail.to === verified.email)).toHaveLength(1);
  });

  it('requires every field and names the missing ones', async () => {
    const res = await ts.api.post('/api/auth/register/').send({});
    expect(res.status).toBe(400);
    for (const field of ['email', 'first_name', 'last_name', 'password', 'password2'])
      expect(res.body[field]).toEqual(['This field is required.']);
    expect(res.body.phone_number).toBeUndefined();
  });

  it.each([
    ['a bad email', { email: 'not-an-email' }, 'email'],
    ['an email over 254 characters', { email: `${'a'.repeat(250)}@example.org` }, 'email'],
    ['an empty first name', { first_name: '  ' }, 'first_name'],
    ['a name over 150 characters', { last_name: 'x'.repeat(151) }, 'last_name'],
    ['a control character in a name', { first_name: 'Ada\u0007' }, 'first_name'],
    ['a right-to-left override in a name', { last_name: 'Ada\u202Eecalevol' }, 'last_name'],
    ['a zero-width space in a name', { first_name: 'A\u200Bda' }, 'first_name'],
    ['a bidi isolate in a name', { first_name: '\u2067Ada\u2069' }, 'first_name'],
    ['a byte order mark inside a name', { last_name: 'Love\uFEFFlace' }, 'last_name'],
    ['an Arabic letter mark in a name', { last_name: 'Love\u061Clace' }, 'last_name'],
    ['a word joiner in a name', { first_name: 'Ada\u2060' }, 'first_name'],
    ['a phone number with letters', { phone_number: 'call me' }, 'phone_number'],
    ['a number instead of text', { first_name: 42 }, 'first_name'],
  ])('refuses %s', async (_label, overrides, field) => {
    const res = await ts.api.post('/api/auth/register/').send(registration(uniqueEmail(), overrides));
    expect(res.status).toBe(400);
    expect(Object.keys(res.body)).toEqual([field]);
  });

  it('accepts names with digits and any script, and no phone number', async () => {
    const email = uniqueEmail();
    const res = await ts.api
      .post('/api/auth/register/')
      .send(registration(email, { first_name: 'Zoë 2nd', last_name: '山田', phone_number: undefined }));
    expect(res.status).toBe(201);
  });

  it.each([
    ['too short', 'Ab-12', 'This password is too short. It must contain at least 8 characters.'],
    ['entirely numeric', '4815162342', 'This password is entirely numeric.'],
    ['too common', 'Password123', 'This password is too common.'],
    ['too common in any case', 'QWERTYUIOP', 'This password is too common.'],
    ['too similar to the first name', 'Rosalind!9', 'The password is too similar to the first name.'],
    ['too similar to the last name', 'Lovelace77', 'The password is too similar to the last name.'],
    ['too similar to the email address', 'alice.w@exmpl', 'The password is too similar to the email address.'],
  ])('refuses a password that is %s, on the password field', async (_label, password, message) => {
    const res = await ts.api
      .post('/api/auth/register/')
      .send(registration('alice.w@example.org', { first_name: 'Rosalind', password, password2: password }));
    expect(res.status).toBe(400);
    expect(Object.keys(res.body)).toEqual(['password']);
    expect(res.body.password).toContain(message);
  });

  it('refuses passwords that do not match, on the password field', async () => {
    const res = await ts.api.post('/api/auth/register/').send(registration(uniqueEmail(), { password2: `${GOOD_PASSWORD}x` }));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ password: ["Password fields didn't match."] });
  });

  it('ignores extra fields: nobody registers as staff', async () => {
    const email = uniqueEmail();
    const otp = await registerForCode(ts, email, { is_staff: true, is_verified: true, is_active: true });
    const res = await ts.api.post('/api/auth/verify-otp/').send({ email, otp });
    expect(res.body.user.is_staff).toBe(false);
  });

  it('succeeds without an SMTP server: the code waits in the outbox, encrypted', async () => {
    const offline = await startTestServer({ withoutSmtp: true });
    try {
      const email = uniqueEmail();
      expect((await offline.api.post('/api/auth/register/').send(registration(email))).status).toBe(201);
      const [rows] = await offline.server.core.db.sequelize.query('SELECT recipient, subject, body, status FROM outbox_mails');
      expect(rows).toHaveLength(1);
      expect((rows[0] as { status: string }).status).toBe('queued');
      expect(JSON.stringify(rows)).not.toMatch(/verification|\d{6}\\n|example\.org/);
      const [mail] = await offline.server.core.outbox.due(10);
      expect(JSON.parse(mail.body!).text).toMatch(/^\s*\d{6}\s*$/m);
    } finally {
      await offline.stop();
    }
  });

  it('keeps the names, phone and email encrypted in the database file', async () => {
    const email = uniqueEmail('secretive');
    await registerForCode(ts, email, { first_name: 'Wilhelmina', last_name: 'Quarterly', phone_number: '+49 30 1234567' });
    const [rows] = await ts.server.core.db.sequelize.query('SELECT * FROM users');
    const raw = JSON.stringify(rows);
    for (const secret of [email, 'Wilhelmina', 'Quarterly', '1234567']) expect(raw).not.toContain(secret);
  });
});

describe('verification codes', () => {
  it('refuses a wrong code, and one for an unknown address alike', async () => {
    const email = uniqueEmail();
    const otp = await registerForCode(ts, email);
    const wrong = await ts.api.post('/api/auth/verify-otp/').send({ email, otp: otherCode(otp) });
    const unknown = await ts.api.post('/api/auth/verify-otp/').send({ email: uniqueEmail(), otp });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toEqual(unknown.body);
    expect(Object.keys(wrong.body)).toEqual(['otp']);
  });

  it('refuses a code that is not six digits without counting it', async () => {
    const res = await ts.api.post('/api/auth/verify-otp/').send({ email: uniqueEmail(), otp: '12ab' });
    expect(res.status).toBe(400);
    expect(res.body.otp).toEqual(['Enter the 6-digit code from the email.']);
  });

  it('accepts the code as a number, as the Django server did', async () => {
    const email = uniqueEmail();
    let otp = await registerForCode(ts, email);
    while (otp.startsWith('0')) {
      ts.clock.advance(61_000);
      await ts.api.post('/api/auth/resend-otp/').send({ email });
      otp = codeIn(await nextMail(ts, email, /verification code/));
    }
    expect((await ts.api.post('/api/auth/verify-otp/').send({ email, otp: Number(otp) })).status).toBe(200);
  });

  it('expires after 10 minutes', async () => {
    const email = uniqueEmail();
    const otp = await registerForCode(ts, email);
    ts.clock.advance(10 * 60_000 + 1_000);
    expect((await ts.api.post('/api/auth/verify-otp/').send({ email, otp })).status).toBe(400);
  });

  it('still works just before 10 minutes', async () => {
    const email = uniqueEmail();
    const otp = await registerForCode(ts, email);
    ts.clock.advance(9 * 60_000 + 50_000);
    expect((await ts.api.post('/api/auth/verify-otp/').send({ email, otp })).status).toBe(200);
  });

  it('works only once', async () => {
    const email = uniqueEmail();
    const otp = await registerForCode(ts, email);
    expect((await ts.api.post('/api/auth/verify-otp/').send({ email, otp })).status).toBe(200);
    expect((await ts.api.post('/api/auth/verify-otp/').send({ email, otp })).status).toBe(400);
  });

  it('dies after five wrong tries, even for the right code afterwards', async () => {
    const email = uniqueEmail();
    const otp = await registerForCode(ts, email);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await ts.api.post('/api/auth/verify-otp/').send({ email, otp: otherCode(otp) })).status).toBe(400);
    }
    expect((await ts.api.post('/api/auth/verify-otp/').send({ email, otp })).status).toBe(400);
  });

  it('survives four wrong tries', async () => {
    const email = uniqueEmail();
    const otp = await registerForCode(ts, email);
    for (let attempt = 0; attempt < 4; attempt += 1) await ts.api.post('/api/auth/verify-otp/').send({ email, otp: otherCode(otp) });
    expect((await ts.api.post('/api/auth/verify-otp/').send({ email, otp })).status).toBe(200);
  });

  it('is stored only as a hash', async () => {
    const email = uniqueEmail();
    const otp = await registerForCode(ts, email);
    const [rows] = await ts.server.core.db.sequelize.query('SELECT * FROM otp_codes');
    expect(JSON.stringify(rows)).not.toContain(otp);
  });
});

describe('resending a code', () => {
  it('mails a new code that replaces the old one', async () => {
    const email = uniqueEmail();
    const first = await registerForCode(ts, email);
    ts.clock.advance(61_000);
    const res = await ts.api.post('/api/auth/resend-otp/').send({ email, context: 'registration' });
    expect(res.status).toBe(200);
    const second = codeIn(await nextMail(ts, email, /verification code/));
    if (first !== second) expect((await ts.api.post('/api/auth/verify-otp/').send({ email, otp: first })).status).toBe(400);
    expect((await ts.api.post('/api/auth/verify-otp/').send({ email, otp: second })).status).toBe(200);
  });

  it('answers alike for a pending, a verified and an unknown address', async () => {
    const pending = uniqueEmail();
    await registerForCode(ts, pending);
    ts.clock.advance(61_000);
    const verified = await createAccount(ts, { email: uniqueEmail() });
    const answers = await Promise.all(
      [pending, verified.email, uniqueEmail()].map((email) => ts.api.post('/api/auth/resend-otp/').send({ email })),
    );
    expect(new Set(answers.map((res) => `${res.status} ${JSON.stringify(res.body)}`)).size).toBe(1);
    expect(answers[0].status).toBe(200);
  });

  it('waits 60 seconds per address and purpose, answering 429 with Retry-After', async () => {
    const email = uniqueEmail();
    await registerForCode(ts, email);
    const tooSoon = await ts.api.post('/api/auth/resend-otp/').send({ email });
    expect(tooSoon.status).toBe(429);
    expect(Number(tooSoon.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(tooSoon.headers['retry-after'])).toBeLessThanOrEqual(60);
    const unknown = uniqueEmail();
    expect((await ts.api.post('/api/auth/resend-otp/').send({ email: unknown })).status).toBe(200);
    expect((await ts.api.post('/api/auth/resend-otp/').send({ email: unknown })).status).toBe(429);
    ts.clock.advance(60_000);
    expect((await ts.api.post('/api/auth/resend-otp/').send({ email })).status).toBe(200);
  });

  it('lets a password reset code follow a registration code at once', async () => {
    const account = await createAccount(ts, { email: uniqueEmail() });
    await ts.api.post('/api/auth/register/').send(registration(account.email));
    const res = await ts.api.post('/api/auth/resend-otp/').send({ email: account.email, context: 'password_reset' });
    expect(res.status).toBe(200);
    expect(codeIn(await nextMail(ts, account.email, /password reset code/))).toMatch(/^\d{6}$/);
  });

  it('refuses an unknown context', async () => {
    const res = await ts.api.post('/api/auth/resend-otp/').send({ email: uniqueEmail(), context: 'login' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body)).toEqual(['context']);
  });
});
