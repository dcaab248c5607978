import { randomBytes } from 'node:crypto';
import { SignJWT, decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount } from '../../helpers/users.js';
import { bearer, signUp, uniqueEmail } from './auth-helpers.js';

let ts: TestServer;

beforeAll(async () => {
  ts = await startTestServer();
});
afterAll(() => ts.stop());

async function login(email: string, password: string): Promise<{ access: string; refresh: string }> {
  const res = await ts.api.post('/api/auth/login/').send({ email, password });
  expect(res.status).toBe(200);
  return res.body;
}

function profileWith(access: string) {
  return ts.api.get('/api/auth/profile/').set('Authorization', bearer(access));
}

function refreshWith(refresh: string) {
  return ts.api.post('/api/auth/token/refresh/').send({ refresh });
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('JWT access tokens', () => {
  it("carry SimpleJWT's claims and live 10 minutes by default", async () => {
    const { access, refresh } = await signUp(ts);
    const claims = decodeJwt(access);
    expect(claims).toMatchObject({ token_type: 'access', user_id: expect.any(String), jti: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(claims.exp! - claims.iat!).toBe(10 * 60);
    const refreshClaims = decodeJwt(refresh);
    expect(refreshClaims.token_type).toBe('refresh');
    expect(refreshClaims.exp! - refreshClaims.iat!).toBe(7 * 24 * 60 * 60);
  });

  it('stop working when they expire', async () => {
    const { access } = await signUp(ts);
    ts.clock.advance(10 * 60_000 + 1_000);
    const res = await profileWith(access);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('token_not_valid');
    expect(res.headers['www-authenticate']).toBe('Bearer realm="api"');
  });

  it("refuse a token with alg 'none'", async () => {
    const { access } = await signUp(ts);
    const forged = `${base64url({ alg: 'none', typ: 'JWT' })}.${access.split('.')[1]}.`;
    const res = await profileWith(forged);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('token_not_valid');
  });

  it('refuse a token signed with a foreign key', async () => {
    const { access } = await signUp(ts);
    const forged = await new SignJWT(decodeJwt(access)).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(randomBytes(32));
    expect((await profileWith(forged)).status).toBe(401);
  });

  it('refuse a token whose claims were changed', async () => {
    const staff = await createAccount(ts, { staff: true });
    const { access, user } = await signUp(ts);
    const [header, , signature] = access.split('.');
    const tampered = `${header}.${base64url({ ...decodeJwt(access), user_id: staff.user.id })}.${signature}`;
    expect((await profileWith(tampered)).status).toBe(401);
    expect(user.id).not.toBe(staff.user.id);
  });

  it('are not refresh tokens, nor the other way round', async () => {
    const { access, refresh } = await signUp(ts);
    expect((await profileWith(refresh)).status).toBe(401);
    const res = await refreshWith(access);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ detail: 'Token is invalid or expired', code: 'token_not_valid' });
  });

  it('refuse a malformed Authorization header', async () => {
    const res = await ts.api.get('/api/auth/profile/').set('Authorization', 'Bearer a b');
    expect(res.status).toBe(401);
    expect((await ts.api.get('/api/auth/profile/')).status).toBe(401);
  });
});

describe('token refresh', () => {
  it('rotates: a new pair, and the old refresh token is dead afterwards', async () => {
    const account = await signUp(ts);
    const res = await refreshWith(account.refresh);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['access', 'refresh']);
    expect(res.body.refresh).not.toBe(account.refresh);
    expect((await profileWith(res.body.access)).status).toBe(200);
    expect((await refreshWith(res.body.refresh)).status).toBe(200);
  });

  it('treats a rotated token presented again as theft: 401, and its whole family is revoked', async () => {
    const account = await signUp(ts);
    const stolen = account.refresh;
    const owner = (await refreshWith(stolen)).body;
    const replay = await refreshWith(stolen);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('token_not_valid');
    expect((await refreshWith(owner.refresh)).status).toBe(401);
  });

  it('leaves other sessions of the same user alone when one family is revoked', async () => {
    const account = await signUp(ts);
    const laptop = await login(account.email, account.password);
    await refreshWith(account.refresh);
    await refreshWith(account.refresh);
    expect((await refreshWith(laptop.refresh)).status).toBe(200);
  });

  it('refuses an expired refresh token', async () => {
    const account = await signUp(ts);
    ts.clock.advance(7 * 24 * 60 * 60_000 + 1_000);
    expect((await refreshWith(account.refresh)).status).toBe(401);
  });

  it('refuses garbage and a missing token', async () => {
    expect((await refreshWith('not-a-token')).status).toBe(401);
    const missing = await ts.api.post('/api/auth/token/refresh/').send({});
    expect(missing.status).toBe(400);
    expect(missing.body.refresh).toEqual(['This field is required.']);
  });
});

describe('logout', () => {
  it('answers 205 and revokes the given refresh token', async () => {
    const account = await signUp(ts);
    const res = await ts.api.post('/api/auth/logout/').set('Authorization', bearer(account.access)).send({ refresh: account.refresh });
    expect(res.status).toBe(205);
    expect(res.text).toBe('');
    expect((await refreshWith(account.refresh)).status).toBe(401);
  });

  it('requires sign-in', async () => {
    const account = await signUp(ts);
    expect((await ts.api.post('/api/auth/logout/').send({ refresh: account.refresh })).status).toBe(401);
  });

  it("cannot revoke another user's refresh token", async () => {
    const victim = await signUp(ts);
    const other = await signUp(ts);
    const res = await ts.api.post('/api/auth/logout/').set('Authorization', bearer(other.access)).send({ refresh: victim.refresh });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body)).toEqual(['refresh']);
    expect((await refreshWith(victim.refresh)).status).toBe(200);
  });
});

describe('a deactivated user', () => {
  it('loses every access and refresh token at once, and gets new ones after reactivation only by signing in', async () => {
    const staff = await createAccount(ts, { staff: true });
    const account = await signUp(ts, uniqueEmail());
    const id = account.user.id as string;
    const off = await ts.api.post(`/api/auth/activate-deactivate-user/${id}/`).set('Authorization', staff.bearer);
    expect(off.body.user.is_active).toBe(false);
    const profile = await profileWith(account.access);
    expect(profile.status).toBe(401);
    expect((await refreshWith(account.refresh)).status).toBe(401);
    await ts.api.post(`/api/auth/activate-deactivate-user/${id}/`).set('Authorization', staff.bearer);
    expect((await profileWith(account.access)).status).toBe(401);
    expect((await refreshWith(account.refresh)).status).toBe(401);
    const fresh = await login(account.email, account.password);
    expect((await profileWith(fresh.access)).status).toBe(200);
  });
});

describe('revocation of a token in use', () => {
  it('refuses a token used a moment ago on the very next request after its account is deactivated', async () => {
    const staff = await createAccount(ts, { staff: true });
    const account = await signUp(ts, uniqueEmail());
    for (let use = 0; use < 3; use++) expect((await profileWith(account.access)).status).toBe(200);
    await ts.api.post(`/api/auth/activate-deactivate-user/${String(account.user.id)}/`).set('Authorization', staff.bearer);
    expect((await profileWith(account.access)).status).toBe(401);
  });
});

describe('logout ends the access token too', () => {
  it('the access token of the signed-out session is refused at once; another session of the user keeps working', async () => {
    const account = await signUp(ts);
    const other = await login(account.email, account.password);
    const res = await ts.api.post('/api/auth/logout/').set('Authorization', bearer(account.access)).send({ refresh: account.refresh });
    expect(res.status).toBe(205);
    const after = await profileWith(account.access);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('token_not_valid');
    expect((await profileWith(other.access)).status).toBe(200);
  });

  it('the access token issued by a refresh is ended by logout as well', async () => {
    const account = await signUp(ts);
    const rotated = (await refreshWith(account.refresh)).body as { access: string; refresh: string };
    expect((await profileWith(rotated.access)).status).toBe(200);
    expect(
      (await ts.api.post('/api/auth/logout/').set('Authorization', bearer(rotated.access)).send({ refresh: rotated.refresh })).status,
    ).toBe(205);
    expect((await profileWith(rotated.access)).status).toBe(401);
  });
});
