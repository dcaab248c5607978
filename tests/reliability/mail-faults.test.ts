import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Mailbox } from '../helpers/mailbox.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { createAccount, type TestAccount } from '../helpers/users.js';
import { bearer, createRequest, schedule } from '../server/meetings/helpers.js';
import { startTraffic } from './api-traffic.js';

let ts: TestServer;
let staff: TestAccount;
let recovered: Mailbox | null = null;

beforeAll(async () => {
  // Retries never run out here: the point is that every mail arrives once the SMTP server is back.
  // Reminders are tested on their own (tests/server/meetings/reminders.test.ts): here every mail is due at once.
  ts = await startTestServer({ delivery: { maxAttempts: 1_000 }, env: { REMINDER_HOURS_BEFORE: '[]' } });
  staff = await createAccount(ts, { staff: true });
});
afterAll(async () => {
  await recovered?.stop();
  await ts.stop();
});

let slot = 0;

/** The scheduling confirmation (requests also bring a receipt and a notice to the practice, which go out too). */
const isConfirmation = (subject: string) => /is scheduled/.test(subject);

/** Schedules one request each of `count` new clients (each scheduling queues a confirmation mail); returns their addresses. */
async function scheduleSessions(count: number): Promise<string[]> {
  const recipients: string[] = [];
  for (let i = 0; i < count; i++) {
    const client = await createAccount(ts);
    const request = await createRequest(ts, client);
    const start = new Date(ts.clock.now().getTime() + 3 * 86_400_000 + ++slot * 7_200_000);
    const res = await schedule(ts, staff, request.id, start.toISOString());
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    recipients.push(client.email);
  }
  return recipients;
}

/**
 * Waits until the mail to each of `recipients` has been tried `more` further times, moving the server clock past each
 * backoff; returns the last error of each. Two more tries make sure the last error comes from the current fault.
 */
async function waitForMoreAttempts(recipients: string[], more: number): Promise<string[]> {
  const OutboxMail = ts.server.core.db.models.OutboxMail;
  const mailsOf = async () =>
    (await OutboxMail.findAll()).filter((row) => recipients.includes(row.recipient) && isConfirmation(row.subject));
  const baseline = new Map((await mailsOf()).map((row) => [row.id, row.attempts]));
  let errors: string[] = [];
  await expect
    .poll(
      async () => {
        ts.clock.advance(2_000);
        const rows = await mailsOf();
        errors = rows.map((row) => row.last_error ?? '');
        return rows.filter((row) => row.status !== 'sent' && row.attempts >= (baseline.get(row.id) ?? 0) + more).length;
      },
      { timeout: 20_000, interval: 150 },
    )
    .toBe(recipients.length);
  return errors;
}

describe('mail delivery when the SMTP server fails', () => {
  it('delivers every confirmation exactly once after 4xx, 5xx and an outage, and scheduling and the API keep answering meanwhile', async () => {
    const port = ts.mailbox.port;
    const traffic = startTraffic(async (n) => {
      const res =
        n % 3 === 0
          ? await ts.api.get('/api/')
          : n % 3 === 1
            ? await ts.api.get('/api/meetings/appointments/').set('Authorization', await bearer(ts, staff))
            : await ts.api.get('/api/admin/outbox/').set('Authorization', await bearer(ts, staff));
      return res.status;
    });

    ts.mailbox.rejectWith = { code: 451, message: 'try again later' };
    const deferred = await scheduleSessions(4);
    expect(await waitForMoreAttempts(deferred, 2)).toEqual(deferred.map(() => 'SMTP server answered 451'));

    ts.mailbox.rejectWith = { code: 550, message: 'mailbox unavailable' };
    const refused = await scheduleSessions(4);
    expect(await waitForMoreAttempts(refused, 2)).toEqual(refused.map(() => 'SMTP server answered 550'));

    ts.mailbox.rejectWith = null;
    await ts.mailbox.stop();
    const unreachable = await scheduleSessions(4);
    const outage = await waitForMoreAttempts([...deferred, ...refused, ...unreachable], 2);
    expect(new Set(outage)).toEqual(new Set(['Could not reach the SMTP server (ESOCKET)']));
    expect(ts.mailbox.mails).toHaveLength(0);

    recovered = await new Mailbox().start(port);
    const all = [...deferred, ...refused, ...unreachable];
    await expect
      .poll(
        () => {
          ts.clock.advance(2_000);
          return recovered!.mails.filter((mail) => isConfirmation(mail.subject)).length;
        },
        { timeout: 20_000, interval: 150 },
      )
      .toBe(all.length);
    // Give the worker more passes to show that nothing is sent twice.
    for (let pass = 0; pass < 5; pass++) {
      ts.clock.advance(60_000);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }

    const statuses = await traffic.stop();
    const confirmations = recovered.mails.filter((mail) => isConfirmation(mail.subject));
    expect(confirmations.map((mail) => mail.to).sort()).toEqual([...all].sort());
    expect(confirmations.filter((mail) => !mail.attachments.some((file) => file.contentType.startsWith('text/calendar')))).toEqual([]);
    const rows = await ts.server.core.db.models.OutboxMail.findAll();
    expect(rows.map((row) => [row.status, row.body])).toEqual(rows.map(() => ['sent', null]));
    expect(statuses.length).toBeGreaterThan(20);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
  }, 90_000);
});
