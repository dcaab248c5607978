import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount } from '../../helpers/users.js';
import { bearer, uniqueEmail } from './auth-helpers.js';

let ts: TestServer;

beforeAll(async () => {
  ts = await startTestServer();
});
afterAll(() => ts.stop());

const NO_ACCOUNT = { detail: 'No active account found with the given credentials', code: 'no_active_account' };

describe('login', () => {
  it('returns an access and a refresh token and the user, with no secret in it', async () => {
    const account = await createAccount(ts, { email: uniqueEmail() });
    const res = await ts.api.post('/api/auth/login/').send({ email: account.email, password: account.password });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['access', 'refresh', 'user']);
    expect(res.body.user.email).toBe(account.email);
    expect(res.body.user.last_login).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(JSON.stringify(res.body.user)).not.toMatch(/scrypt|password|token_version/);
    const profile = await ts.api.get('/api/auth/profile/').set('Authorization', bearer(res.body.access));
    expect(profile.status).toBe(200);
  });

  it('gives an unknown address and a wrong password the same 401', async () => {
    const account = await createAccount(ts, { email: uniqueEmail() });
    const wrong = await ts.api.post('/api/auth/login/').send({ email: account.email, password: 'Not-The-Password-1' });
    const unknown = await ts.api.post('/api/auth/login/').send({ email: uniqueEmail(), password: account.password });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual(NO_ACCOUNT);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="api"');
    }
  });

  it('answers an unverified account exactly like wrong credentials, even with the right password', async () => {
    const account = await createAccount(ts, { email: uniqueEmail(), verified: false });
    const wrong = await ts.api.post('/api/auth/login/').send({ email: account.email, password: 'Not-The-Password-1' });
    const right = await ts.api.post('/api/auth/login/').send({ email: account.email, password: account.password });
    const unknown = await ts.api.post('/api/auth/login/').send({ email: uniqueEmail(), password: account.password });
    for (const res of [wrong, right, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual(NO_ACCOUNT);
    }
  });

  it('says "disabled" only with the right password', async () => {
    const account = await createAccount(ts, { email: uniqueEmail(), active: false });
    expect((await ts.api.post('/api/auth/login/').send({ email: account.email, password: 'Not-The-Password-1' })).status).toBe(401);
    const right = await ts.api.post('/api/auth/login/').send({ email: account.email, password: account.password });
    expect(right.status).toBe(403);
    expect(right.body.code).toBe('account_disabled');
  });

  it('is case-insensitive and trims the address, but not the password', async () => {
    const account = await createAccount(ts, { email: uniqueEmail() });
    expect(
      (await ts.api.post('/api/auth/login/').send({ email: `  ${account.email.toUpperCase()}\t`, password: account.password })).status,
    ).toBe(200);
    expect((await ts.api.post('/api/auth/login/').send({ email: account.email, password: ` ${account.password}` })).status).toBe(401);
  });

  it('requires both fields', async () => {
    const res = await ts.api.post('/api/auth/login/').send({ email: '' });
    expect(res.status).toBe(400);
    expect(res.body.password).toEqual(['This field is required.']);
    expect(res.body.email).toBeDefined();
  });

  it('locks an address for a while after five wrong passwords, even against the right one (429 with Retry-After)', async () => {
    const account = await createAccount(ts, { email: uniqueEmail() });
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await ts.api.post('/api/auth/login/').send({ email: account.email, password: `Wrong-Guess-${attempt}` })).status).toBe(401);
    }
    const locked = await ts.api.post('/api/auth/login/').send({ email: account.email, password: account.password });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(60);
    expect(locked.body.code).toBe('throttled');
    const other = await createAccount(ts, { email: uniqueEmail() });
    expect((await ts.api.post('/api/auth/login/').send({ email: other.email, password: other.password })).status).toBe(200);
  });

  it('locks an unknown address the same way, so a lockout tells nothing', async () => {
    const email = uniqueEmail('nobody');
    for (let attempt = 0; attempt < 5; attempt += 1)
      await ts.api.post('/api/auth/login/').send({ email, password: `Wrong-Guess-${attempt}` });
    expect((await ts.api.post('/api/auth/login/').send({ email, password: 'Wrong-Guess-5' })).status).toBe(429);
  });

  it('forgets earlier wrong passwords after a successful login', async () => {
    const account = await createAccount(ts, { email: uniqueEmail() });
    for (let attempt = 0; attempt < 4; attempt += 1)
      await ts.api.post('/api/auth/login/').send({ email: account.email, password: `Wrong-${attempt}` });
    expect((await ts.api.post('/api/auth/login/').send({ email: account.email, password: account.password })).status).toBe(200);
    for (let attempt = 0; attempt < 4; attempt += 1)
      await ts.api.post('/api/auth/login/').send({ email: account.email, password: `Wrong-${attempt}` });
    expect((await ts.api.post('/api/auth/login/').send({ email: account.email, password: account.password })).status).toBe(200);
  });

  it('answers GET with 405', async () => {
    const res = await ts.api.get('/api/auth/login/');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toContain('POST');
  });
});

describe('the lockout, per client address', () => {
  let proxied: TestServer;

  beforeAll(async () => {
    // Behind one trusted hop, X-Forwarded-For names the client: here it stands in for different computers.
    proxied = await startTestServer({ env: { TRUST_PROXY: '1' } });
  });
  afterAll(() => proxied.stop());

  function loginFrom(ip: string, email: string, password: string) {
    return proxied.api.post('/api/auth/login/').set('X-Forwarded-For', ip).send({ email, password });
  }

  it('five wrong passwords from one address lock that address only: the owner still signs in from hers', async () => {
    const therapist = await createAccount(proxied, { staff: true, email: uniqueEmail('therapist') });
    for (let attempt = 0; attempt < 5; attempt += 1)
      expect((await loginFrom('203.0.113.7', therapist.email, `Wrong-Guess-${attempt}`)).status).toBe(401);
    expect((await loginFrom('203.0.113.7', therapist.email, therapist.password)).status).toBe(429);
    expect((await loginFrom('198.51.100.20', therapist.email, therapist.password)).status).toBe(200);
  });

  it('fifty wrong passwords from many addresses lock the account for new addresses, but not where the owner signed in lately', async () => {
    const therapist = await createAccount(proxied, { staff: true, email: uniqueEmail('therapist') });
    expect((await loginFrom('198.51.100.21', therapist.email, therapist.password)).status).toBe(200);
    for (let attempt = 0; attempt < 50; attempt += 1) {
      expect((await loginFrom(`203.0.113.${attempt + 1}`, therapist.email, `Wrong-Guess-${attempt}`)).status).toBe(401);
    }
    const stranger = await loginFrom('192.0.2.99', therapist.email, therapist.password);
    expect(stranger.status).toBe(429);
    expect(Number(stranger.headers['retry-after'])).toBeGreaterThan(60);
    expect((await loginFrom('198.51.100.21', therapist.email, therapist.password)).status).toBe(200);
  });
});
