// A token signed with the server's own key is still refused when it lacks the claims that bound its life.
import fs from 'node:fs';
import path from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKey, KEY_FILE_NAME } from '../../../src-server/crypto/keys.js';
import { newTokenId } from '../../../src-server/auth/tokens.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';

let ts: TestServer;
let account: TestAccount;
let signingKey: Uint8Array;

beforeAll(async () => {
  ts = await startTestServer();
  account = await createAccount(ts);
  // The key the server signs with: derived from the data directory's key, as the server derives it.
  const master = Buffer.from(fs.readFileSync(path.join(ts.dataDir, KEY_FILE_NAME), 'utf8').trim(), 'base64');
  signingKey = new Uint8Array(deriveKey(master, 'token-signing'));
});
afterAll(() => ts.stop());

function accessToken({ withExpiry, withIssuedAt }: { withExpiry: boolean; withIssuedAt: boolean }): Promise<string> {
  const now = Math.floor(ts.clock.now().getTime() / 1000);
  const jwt = new SignJWT({ token_type: 'access', user_id: account.user.id, ver: account.user.token_version })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setJti(newTokenId());
  if (withIssuedAt) jwt.setIssuedAt(now);
  if (withExpiry) jwt.setExpirationTime(now + 600);
  return jwt.sign(signingKey);
}

function profileWith(token: string) {
  return ts.api.get('/api/auth/profile/').set('Authorization', `Bearer ${token}`);
}

describe('tokens signed with the right key', () => {
  it('work when they carry exp and iat (the forging in this file is the same as the server’s)', async () => {
    expect((await profileWith(await accessToken({ withExpiry: true, withIssuedAt: true }))).status).toBe(200);
  });

  it('are refused without exp: a token must not live forever', async () => {
    const res = await profileWith(await accessToken({ withExpiry: false, withIssuedAt: true }));
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('token_not_valid');
  });

  it('are refused without iat', async () => {
    expect((await profileWith(await accessToken({ withExpiry: true, withIssuedAt: false }))).status).toBe(401);
  });
});
