import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPracticeServer } from '../../../src-server/server.js';
import { createLogger } from '../../../src-server/logger.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount } from '../../helpers/users.js';
import { codeIn, nextMail, registerForCode, uniqueEmail } from './auth-helpers.js';

let ts: TestServer;

beforeAll(async () => {
  ts = await startTestServer();
});
afterAll(() => ts.stop());

const MINUTE = 60_000;

function otherCode(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0');
}

function verify(email: string, otp: string, api: supertest.Agent = ts.api) {
  return api.post('/api/auth/verify-otp/').send({ email, otp });
}

/** Makes `count` wrong guesses and returns the last answer. */
async function guessWrong(email: string, count: number, api: supertest.Agent = ts.api) {
  let last = await verify(email, '000000', api);
  for (let guess = 1; guess < count; guess += 1) last = await verify(email, String(guess).padStart(6, '0'), api);
  return last;
}

/** Code requests finish their database work after answering; a request through the same serial writer waits for it. */
async function settled(): Promise<void> {
  await verify(uniqueEmail('barrier'), '123456');
}

const lockedFor = (minutes: number) => ({ otp: [`Too many attempts: request a new code in ${minutes} minutes.`] });

describe('wrong codes', () => {
  it('after five wrong codes even the right one is refused, saying why and when to ask again; then a new code works', async () => {
    const email = uniqueEmail();
    const otp = await registerForCode(ts, email);
    for (let guess = 0; guess < 4; guess += 1) expect((await verify(email, otherCode(otp))).body.otp[0]).toMatch(/invalid or has expired/);
    const fifth = await verify(email, otherCode(otp));
    expect(fifth.status).toBe(400);
    expect(fifth.body).toEqual(lockedFor(15));
    ts.clock.advance(5 * MINUTE);
    expect((await verify(email, otp)).body).toEqual(lockedFor(10));
    const resend = await ts.api.post('/api/auth/resend-otp/').send({ email });
    expect(resend.status).toBe(429);
    expect(resend.body.detail).toBe('Too many attempts: request a new code in 10 minutes.');
    expect(Number(resend.headers['retry-after'])).toBe(600);
    ts.clock.advance(10 * MINUTE);
    expect((await ts.api.post('/api/auth/resend-otp/').send({ email })).status).toBe(200);
    const fresh = codeIn(await nextMail(ts, email, /verification code/));
    expect((await verify(email, fresh)).status).toBe(200);
  });

  it('locks an unknown address exactly like a known one, so a lock tells nothing', async () => {
    const known = uniqueEmail();
    await registerForCode(ts, known);
    const unknown = uniqueEmail('nobody');
    const answers = [await guessWrong(known, 5), await guessWrong(unknown, 5)];
    expect(answers[0].body).toEqual(lockedFor(15));
    expect(answers[1].body).toEqual(answers[0].body);
    ts.clock.advance(MINUTE);
    const resends = await Promise.all([known, unknown].map((email) => ts.api.post('/api/auth/resend-otp/').send({ email })));
    expect(resends.map((res) => `${res.status} ${JSON.stringify(res.body)}`)).toEqual(
      Array(2).fill(`429 ${JSON.stringify(resends[0].body)}`),
    );
  });

  it('waits longer after each further five (15, 30, 60 minutes), and after 20 in a day until the day is over', async () => {
    const email = uniqueEmail('nobody');
    expect((await guessWrong(email, 5)).body).toEqual(lockedFor(15));
    ts.clock.advance(15 * MINUTE);
    expect((await guessWrong(email, 5)).body).toEqual(lockedFor(30));
    ts.clock.advance(30 * MINUTE);
    expect((await guessWrong(email, 5)).body).toEqual(lockedFor(60));
    ts.clock.advance(60 * MINUTE);
    // The day began with the first wrong guess, 105 minutes ago.
    expect((await guessWrong(email, 5)).body).toEqual(lockedFor(24 * 60 - 105));
    ts.clock.advance((24 * 60 - 105) * MINUTE);
    expect((await verify(email, '123456')).body.otp[0]).toMatch(/invalid or has expired/);
  });

  it("tells the account's owner once by mail, quoting nothing the guesser typed", async () => {
    const account = await createAccount(ts, { email: uniqueEmail() });
    expect((await ts.api.post('/api/auth/forgot-password/').send({ email: account.email })).status).toBe(200);
    await nextMail(ts, account.email, /password reset code/);
    for (let guess = 0; guess < 5; guess += 1)
      await ts.api.post('/api/auth/verify-password-reset-otp/').send({ email: account.email, otp: `98765${guess}` });
    const notice = await nextMail(ts, account.email, /wrong codes/);
    expect(`${notice.subject} ${notice.text} ${notice.html}`).not.toMatch(/\d{6}/);
    expect(notice.text).toMatch(/^Hello Client,$/m);
    ts.clock.advance(15 * MINUTE);
    for (let guess = 0; guess < 5; guess += 1)
      await ts.api.post('/api/auth/verify-password-reset-otp/').send({ email: account.email, otp: `98765${guess}` });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(ts.mailbox.mails.filter((mail) => mail.to === account.email && /wrong codes/.test(mail.subject))).toHaveLength(1);
  });
});

describe('new codes', () => {
  it('at most ten a day per address, known or not; the eleventh request says when to ask again', async () => {
    const email = uniqueEmail('nobody');
    for (let request = 0; request < 10; request += 1) {
      expect(
        (await ts.api.post('/api/auth/resend-otp/').send({ email, context: request % 2 ? 'registration' : 'password_reset' })).status,
      ).toBe(200);
      // Each request's work runs just after its answer, on the clock of that moment: let it finish before time moves.
      await settled();
      ts.clock.advance(61_000);
    }
    const eleventh = await ts.api.post('/api/auth/forgot-password/').send({ email });
    expect(eleventh.status).toBe(429);
    // The day began with the first request, ten minutes and ten seconds ago.
    expect(eleventh.body).toMatchObject({
      code: 'too_many_attempts',
      detail: expect.stringMatching(/^Too many attempts: request a new code in 14(30|31) minutes\.$/),
    });
  });
});

describe('the limits', () => {
  it('survive a restart of the server', async () => {
    const own = await startTestServer();
    const email = uniqueEmail();
    try {
      const otp = await registerForCode(own, email);
      expect((await guessWrong(email, 5, own.api)).body).toEqual(lockedFor(15));
      await own.server.stop();
      const again = await startPracticeServer({
        config: own.server.core.config,
        clock: own.clock,
        logger: createLogger('silent'),
        shutdownGraceMs: 1_000,
      });
      try {
        expect((await verify(email, otp, supertest.agent(again.http))).body).toEqual(lockedFor(15));
      } finally {
        await again.stop();
      }
    } finally {
      await own.stop();
    }
  });
});
