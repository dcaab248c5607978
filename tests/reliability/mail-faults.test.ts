import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Mailbox } from '../helpers/mailbox.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { createAccount, type TestAccount } from '../helpers/users.js';
import { startTraffic } from './api-traffic.js';

let ts: TestServer;
let staff: TestAccount;
let recovered: Mailbox | null = null;

beforeAll(async () => {
  // Retries never run out here: the point is that every mail arrives once the SMTP server is back.
  ts = await startTestServer({ delivery: { maxAttempts: 1_000 } });
  staff = await createAccount(ts, { staff: true });
});
afterAll(async () => {
  await recovered?.stop();
  await ts.stop();
});

async function queueMails(label: string, count: number): Promise<string[]> {
  const core = ts.server.core;
  const subjects = Array.from({ length: count }, (_, i) => `${label} ${i + 1}`);
  for (const subject of subjects) {
    await core.db.write((transaction) => core.outbox.queue({ to: `client+${subject.replace(/\W/g, '')}@example.com`, subject, text: subject }, transaction));
  }
  return subjects;
}

/**
 * Waits until every mail of `subjects` has been tried `more` further times, moving the server clock past each
 * backoff; returns the last error of each. Two more tries make sure the last error comes from the current fault.
 */
async function waitForMoreAttempts(subjects: string[], more: number): Promise<string[]> {
  const OutboxMail = ts.server.core.db.models.OutboxMail;
  const mailsOf = async () => (await OutboxMail.findAll()).filter((row) => subjects.includes(row.subject));
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
    .toBe(subjects.length);
  return errors;
}

describe('mail delivery when the SMTP server fails', () => {
  it('delivers every mail exactly once after 4xx, 5xx and an outage, and the API keeps answering meanwhile', async () => {
    const port = ts.mailbox.port;
    const traffic = startTraffic(async (n) => {
      const res =
        n % 3 === 0
          ? await ts.api.get('/api/')
          : n % 3 === 1
            ? await ts.api.get('/api/admin/outbox/').set('Authorization', staff.bearer)
            : await ts.api.patch('/api/admin/settings/').set('Authorization', staff.bearer).send({ jitsi_domain: `meet${n}.example.org` });
      return res.status;
    });

    ts.mailbox.rejectWith = { code: 451, message: 'try again later' };
    const deferred = await queueMails('Deferred', 4);
    expect(await waitForMoreAttempts(deferred, 2)).toEqual(deferred.map(() => 'SMTP server answered 451'));

    ts.mailbox.rejectWith = { code: 550, message: 'mailbox unavailable' };
    const refused = await queueMails('Refused', 4);
    expect(await waitForMoreAttempts(refused, 2)).toEqual(refused.map(() => 'SMTP server answered 550'));

    ts.mailbox.rejectWith = null;
    await ts.mailbox.stop();
    const unreachable = await queueMails('Unreachable', 4);
    const outage = await waitForMoreAttempts([...deferred, ...refused, ...unreachable], 2);
    expect(new Set(outage)).toEqual(new Set(['Could not reach the SMTP server (ESOCKET)']));
    expect(ts.mailbox.mails).toHaveLength(0);

    recovered = await new Mailbox().start(port);
    const all = [...deferred, ...refused, ...unreachable];
    await expect
      .poll(
        () => {
          ts.clock.advance(2_000);
          return recovered!.mails.length;
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
    expect(recovered.mails.map((mail) => mail.subject).sort()).toEqual([...all].sort());
    const rows = await ts.server.core.db.models.OutboxMail.findAll();
    expect(rows.map((row) => [row.status, row.body])).toEqual(rows.map(() => ['sent', null]));
    expect(statuses.length).toBeGreaterThan(20);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
  });
});
