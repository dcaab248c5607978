import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, MAX_CONCURRENT_HASHES, passwordHashGauge, verifyPassword } from '../../../src-server/auth/passwords.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount } from '../../helpers/users.js';
import { uniqueEmail } from './auth-helpers.js';

// A realistic cost, so that each hash takes long enough for the requests to overlap.
const HASH_COST = 16384;

let ts: TestServer;

beforeAll(async () => {
  ts = await startTestServer({ env: { PASSWORD_HASH_COST: String(HASH_COST) } });
});
afterAll(() => ts.stop());

describe('password hashing under a flood', () => {
  it('runs at most one hash per core at once, the rest wait their turn and all finish', async () => {
    passwordHashGauge.peak = 0;
    const hashes = await Promise.all(
      Array.from({ length: 3 * MAX_CONCURRENT_HASHES + 1 }, (_, n) => hashPassword(`Flood-${n}-Password`, HASH_COST)),
    );
    expect(passwordHashGauge.peak).toBe(MAX_CONCURRENT_HASHES);
    expect(passwordHashGauge).toMatchObject({ running: 0, waiting: 0 });
    expect(await verifyPassword('Flood-0-Password', hashes[0])).toBe(true);
  });

  it('a burst of sign-ins never runs more hashes at once than the cap, and a real user still signs in', async () => {
    const owner = await createAccount(ts, { email: uniqueEmail() });
    passwordHashGauge.peak = 0;
    const flood = Array.from({ length: 4 * MAX_CONCURRENT_HASHES }, (_, n) =>
      ts.api.post('/api/auth/login/').send({ email: uniqueEmail('flood'), password: `Wrong-${n}-Guess` }),
    );
    const [real, ...rest] = await Promise.all([
      ts.api.post('/api/auth/login/').send({ email: owner.email, password: owner.password }),
      ...flood,
    ]);
    expect(real.status).toBe(200);
    expect(new Set(rest.map((res) => res.status))).toEqual(new Set([401]));
    expect(passwordHashGauge.peak).toBeLessThanOrEqual(MAX_CONCURRENT_HASHES);
    expect(passwordHashGauge.running).toBe(0);
  });
});
