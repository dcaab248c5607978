import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';
import { uniqueEmail } from './auth-helpers.js';

let ts: TestServer;
let account: TestAccount;

beforeAll(async () => {
  ts = await startTestServer({ env: { RATE_LIMIT_AUTH: '5' } });
  account = await createAccount(ts, { email: uniqueEmail() });
});
afterAll(() => ts.stop());

describe('the auth throttle per client IP (RATE_LIMIT_AUTH per minute)', () => {
  it('answers 429 with Retry-After once the budget of auth POSTs is spent, failed logins included', async () => {
    const statuses: number[] = [];
    statuses.push((await ts.api.post('/api/auth/login/').send({ email: account.email, password: 'Wrong-Guess-1' })).status);
    statuses.push((await ts.api.post('/api/auth/forgot-password/').send({ email: uniqueEmail() })).status);
    statuses.push((await ts.api.post('/api/auth/resend-otp/').send({ email: uniqueEmail() })).status);
    statuses.push((await ts.api.post('/api/auth/verify-otp/').send({ email: uniqueEmail(), otp: '123456' })).status);
    statuses.push((await ts.api.post('/api/auth/login/').send({ email: uniqueEmail(), password: 'Wrong-Guess-2' })).status);
    expect(statuses).not.toContain(429);
    const throttled = await ts.api.post('/api/auth/login/').send({ email: account.email, password: account.password });
    expect(throttled.status).toBe(429);
    expect(throttled.body).toMatchObject({ code: 'throttled', detail: expect.stringMatching(/throttled/) });
    const retryAfter = Number(throttled.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await ts.api.post('/api/auth/register/').send({})).status).toBe(429);
  });

  it('leaves signed-in reads alone', async () => {
    expect((await ts.api.get('/api/auth/profile/').set('Authorization', account.bearer)).status).toBe(200);
  });
});
