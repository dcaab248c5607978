import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';

let ts: TestServer;
let staff: TestAccount;

async function queue(to: string, subject: string) {
  const core = ts.server.core;
  await core.db.write((transaction) =>
    core.outbox.queue({ to, subject, text: `Your code is 123456`, html: '<p>Your code is 123456</p>' }, transaction),
  );
}

beforeAll(async () => {
  ts = await startTestServer({ delivery: { maxAttempts: 2 } });
  staff = await createAccount(ts, { staff: true });
});
afterAll(() => ts.stop());

describe('mail outbox and delivery', () => {
  it('delivers a queued mail over SMTP within seconds and purges its body', async () => {
    const started = Date.now();
    await queue('ada@example.com', 'Welcome');
    const mail = await ts.mailbox.waitFor((m) => m.subject === 'Welcome', 5_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(mail.to).toBe('ada@example.com');
    expect(mail.text).toContain('123456');
    await expect.poll(async () => (await ts.server.core.db.models.OutboxMail.findOne({ where: { status: 'sent' } }))?.body).toBeNull();
  });

  it('lists mail for staff without bodies, and a failed mail can be retried', async () => {
    ts.mailbox.rejectWith = { code: 550, message: 'mailbox unavailable for ada@example.com' };
    await queue('bob@example.com', 'Will fail');
    // This server gives a mail up after two refused attempts; the retry waits for its backoff on the server's clock.
    const OutboxMail = ts.server.core.db.models.OutboxMail;
    await expect.poll(() => OutboxMail.count({ where: { status: 'queued', attempts: 1 } })).toBe(1);
    ts.clock.advance(1_000);
    await expect.poll(() => OutboxMail.count({ where: { status: 'failed' } })).toBe(1);
    ts.mailbox.rejectWith = null;

    const list = await ts.api.get('/api/admin/outbox/?status=failed').set('Authorization', staff.bearer);
    expect(list.status).toBe(200);
    expect(list.body.count).toBe(1);
    const [failed] = list.body.results;
    expect(failed).toMatchObject({ recipient: 'bob@example.com', subject: 'Will fail', status: 'failed' });
    expect(failed.last_error).toBe('SMTP server answered 550');
    expect(JSON.stringify(list.body)).not.toContain('123456');

    const retry = await ts.api.post(`/api/admin/outbox/${failed.id}/retry/`).set('Authorization', staff.bearer);
    expect(retry.status).toBe(200);
    expect(retry.body.status).toBe('queued');
    await ts.mailbox.waitFor((m) => m.subject === 'Will fail');
    expect(ts.mailbox.mails.filter((m) => m.subject === 'Will fail')).toHaveLength(1);
    const again = await ts.api.post(`/api/admin/outbox/${failed.id}/retry/`).set('Authorization', staff.bearer);
    expect(again.status).toBe(409);
  });

  it('keeps mail in the outbox while no SMTP server is configured', async () => {
    const offline = await startTestServer({ withoutSmtp: true });
    try {
      const core = offline.server.core;
      await core.db.write((transaction) => core.outbox.queue({ to: 'cy@example.com', subject: 'Held', text: 'x' }, transaction));
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await core.db.models.OutboxMail.count({ where: { status: 'queued' } })).toBe(1);
    } finally {
      await offline.stop();
    }
  });
});
