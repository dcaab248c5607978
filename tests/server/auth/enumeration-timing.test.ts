import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount } from '../../helpers/users.js';
import { GOOD_PASSWORD, registration, uniqueEmail } from './auth-helpers.js';

// A realistic hash cost, so that a branch that skipped the hash work would stand out clearly.
const HASH_COST = '16384';
const ROUNDS = 7;

let ts: TestServer;

beforeAll(async () => {
  ts = await startTestServer({ env: { PASSWORD_HASH_COST: HASH_COST } });
});
afterAll(() => ts.stop());

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed(request: () => PromiseLike<{ status: number; body: unknown }>): Promise<{ ms: number; answer: string }> {
  const start = performance.now();
  const res = await request();
  return { ms: performance.now() - start, answer: `${res.status} ${JSON.stringify(res.body)}` };
}

/** Runs the request for known and unknown addresses in turn; returns the median times and every distinct answer. */
async function compare(request: (email: string) => PromiseLike<{ status: number; body: unknown }>, answerOf = (answer: string) => answer) {
  const known: number[] = [];
  const unknown: number[] = [];
  const answers = new Set<string>();
  for (let round = 0; round < ROUNDS; round += 1) {
    const account = await createAccount(ts, { email: uniqueEmail('known') });
    for (const [email, times] of [
      [account.email, known],
      [uniqueEmail('unknown'), unknown],
    ] as const) {
      const { ms, answer } = await timed(() => request(email));
      times.push(ms);
      answers.add(answerOf(answer));
    }
  }
  return { known: median(known), unknown: median(unknown), answers: [...answers] };
}

/** Loose on purpose (a shared machine is noisy): a skipped hash at this cost is a gap of about 30 ms and ten times the time, above the 20 ms floor. */
function expectSimilar({ known, unknown }: { known: number; unknown: number }): void {
  const gap = Math.abs(known - unknown);
  expect(gap, `known ${known.toFixed(1)} ms, unknown ${unknown.toFixed(1)} ms`).toBeLessThan(Math.max(20, 2 * Math.min(known, unknown)));
}

describe('no account enumeration', () => {
  it('login: a wrong password and an unknown address take about as long and answer the same', async () => {
    const result = await compare((email) => ts.api.post('/api/auth/login/').send({ email, password: 'Wrong-But-Long-1' }));
    expect(result.answers).toHaveLength(1);
    expectSimilar(result);
  });

  it('register: a taken address and a new one take about as long and answer the same', async () => {
    const result = await compare(
      (email) => ts.api.post('/api/auth/register/').send(registration(email, { password: GOOD_PASSWORD, password2: GOOD_PASSWORD })),
      (answer) => answer.replace(/"email":"[^"]+"/, '"email":"…"'),
    );
    expect(result.answers).toHaveLength(1);
    expectSimilar(result);
  });

  it('forgot-password and resend-otp: a known address and an unknown one take about as long and answer the same', async () => {
    const forgot = await compare((email) => ts.api.post('/api/auth/forgot-password/').send({ email }));
    expect(forgot.answers).toHaveLength(1);
    expectSimilar(forgot);
    const resend = await compare((email) => ts.api.post('/api/auth/resend-otp/').send({ email, context: 'password_reset' }));
    expect(resend.answers).toHaveLength(1);
    expectSimilar(resend);
  });
});

describe('no account enumeration by the timing of the next request', () => {
  // Without SMTP: the test's mail server runs in this process, and its parsing would slow whichever side gets mail.
  let offline: TestServer;

  beforeAll(async () => {
    offline = await startTestServer({ env: { PASSWORD_HASH_COST: HASH_COST }, withoutSmtp: true });
  });
  afterAll(() => offline.stop());

  it.each([
    ['forgot-password', (email: string) => offline.api.post('/api/auth/forgot-password/').send({ email })],
    ['resend-otp', (email: string) => offline.api.post('/api/auth/resend-otp/').send({ email, context: 'password_reset' })],
    ['verify-otp', (email: string) => offline.api.post('/api/auth/verify-otp/').send({ email, otp: '123456' })],
  ] as const)('%s: the request right after it takes about as long for a known address as for an unknown one', async (_name, request) => {
    // The work after the answer holds the one database writer: the next request that writes waits for it.
    const next = () => offline.api.post('/api/auth/verify-otp/').send({ email: uniqueEmail('next'), otp: '654321' });
    const known: number[] = [];
    const unknown: number[] = [];
    for (let round = 0; round < 3 * ROUNDS; round += 1) {
      const account = await createAccount(offline, { email: uniqueEmail('known'), verified: round % 2 === 0 });
      const pairs = [
        [account.email, known],
        [uniqueEmail('unknown'), unknown],
      ] as const;
      // Alternating who goes first, so that the account just made does not weigh on one side only.
      for (const [email, times] of round % 2 ? [...pairs].reverse() : pairs) {
        await request(email);
        times.push((await timed(next)).ms);
      }
      offline.clock.advance(61_000);
    }
    const result = { known: median(known), unknown: median(unknown) };
    expectSimilar(result);
  });
});

describe('no account enumeration by the work the database writer does', () => {
  let quiet: TestServer;

  beforeAll(async () => {
    quiet = await startTestServer({ withoutSmtp: true });
  });
  afterAll(() => quiet.stop());

  /** The statements the request causes, its work after the answer included (the writer runs in order: an empty write waits for it). */
  async function statementsOf(request: () => PromiseLike<unknown>): Promise<number> {
    const { sequelize } = quiet.server.core.db;
    let count = 0;
    const counter = () => {
      count += 1;
    };
    sequelize.addHook('afterQuery', 'count', counter);
    try {
      await request();
      await quiet.server.core.db.write(async () => {});
      return count - 2;
    } finally {
      sequelize.removeHook('afterQuery', 'count');
    }
  }

  it.each([
    ['forgot-password', (email: string) => quiet.api.post('/api/auth/forgot-password/').send({ email })],
    ['resend-otp for a reset', (email: string) => quiet.api.post('/api/auth/resend-otp/').send({ email, context: 'password_reset' })],
    ['resend-otp for a registration', (email: string) => quiet.api.post('/api/auth/resend-otp/').send({ email })],
    ['verify-otp', (email: string) => quiet.api.post('/api/auth/verify-otp/').send({ email, otp: '123456' })],
    ['verify-password-reset-otp', (email: string) => quiet.api.post('/api/auth/verify-password-reset-otp/').send({ email, otp: '123456' })],
  ] as const)(
    '%s runs as many statements for a verified, a pending and an unknown address, with live codes or without',
    async (_name, request) => {
      const verified = await createAccount(quiet, { email: uniqueEmail('verified') });
      const pending = await createAccount(quiet, { email: uniqueEmail('pending'), verified: false });
      // A pending account with live codes of both kinds: a wrong guess at a live code must cost what no code costs.
      const withCodes = await createAccount(quiet, { email: uniqueEmail('pending'), verified: false });
      await quiet.api.post('/api/auth/resend-otp/').send({ email: withCodes.email });
      await quiet.api.post('/api/auth/forgot-password/').send({ email: withCodes.email });
      await quiet.server.core.db.write(async () => {});
      quiet.clock.advance(61_000);
      const counts = [];
      for (const email of [verified.email, pending.email, withCodes.email, uniqueEmail('unknown')])
        counts.push(await statementsOf(() => request(email)));
      expect(new Set(counts).size, `statements: ${counts.join(', ')}`).toBe(1);
    },
  );
});
