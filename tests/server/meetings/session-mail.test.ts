// The mails about a session as they arrive over SMTP: one calendar event per session (same UID, rising SEQUENCE,
// METHOD:CANCEL to remove it), the practice's notices and the client's receipts, named for the practice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../helpers/test-clock.js';
import type { ReceivedMail } from '../../helpers/mailbox.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';
import { bearer, createRequest, schedule } from './helpers.js';

let ts: TestServer;
let staff: TestAccount;
let client: TestAccount;
const clock = new TestClock('2026-03-02T08:00:00Z');

beforeAll(async () => {
  ts = await startTestServer({ clock, env: { MAX_PENDING_REQUESTS: '100', REMINDER_HOURS_BEFORE: '[]' } });
  staff = await createAccount(ts, { staff: true, email: 'ruth@praxis.example' });
  client = await createAccount(ts, { email: 'lena.braun@example.org' });
  await client.user.update({ first_name: 'Lena', last_name: 'Braun' });
  await ts.server.core.settings.update({ practice_name: 'Praxis Lindenhof', email_from: 'Praxis <hello@praxis.example>' });
});
afterAll(() => ts.stop());

function calendarOf(mail: ReceivedMail): string {
  const invite = mail.attachments.find((attachment) => attachment.contentType.startsWith('text/calendar'));
  expect(invite, `calendar attachment in "${mail.subject}"`).toBeDefined();
  return invite!.content.replace(/\r\n[ \t]/g, '');
}

function field(calendar: string, name: string): string | undefined {
  return new RegExp(`^${name}(;[^:]*)?:(.*)$`, 'm').exec(calendar)?.[2]?.trim();
}

async function post(account: TestAccount, path: string, body: Record<string, unknown> = {}) {
  return ts.api
    .post(`/api/meetings/appointments/${path}`)
    .set('Authorization', await bearer(ts, account))
    .send(body);
}

describe('the calendar event of a session', () => {
  it('keeps one UID from the invite through a move to the cancellation, with a rising SEQUENCE', async () => {
    const request = await createRequest(ts, client, { first_name: 'Mia', last_name: 'Schulz' });
    expect((await schedule(ts, staff, request.id, '2026-03-05T10:00:00+01:00', 50)).status).toBe(200);
    const invite = calendarOf(await ts.mailbox.waitFor((m) => m.to === client.email && /is scheduled/.test(m.subject)));
    expect(field(invite, 'METHOD')).toBe('REQUEST');
    const uid = field(invite, 'UID');
    expect(uid).toBe(`${String(request.id)}@practice`);

    expect((await post(staff, `${request.id}/reschedule/`, { scheduled_datetime: '2026-03-06T11:00:00+01:00' })).status).toBe(200);
    const moved = await ts.mailbox.waitFor((m) => m.to === client.email && /moved/.test(m.subject));
    expect(moved.text).toContain('Friday, 6 March 2026 at 11:00');
    const update = calendarOf(moved);
    expect(field(update, 'METHOD')).toBe('REQUEST');
    expect(field(update, 'UID')).toBe(uid);
    expect(Number(field(update, 'SEQUENCE'))).toBeGreaterThan(Number(field(invite, 'SEQUENCE') ?? 0));

    expect((await post(client, `${request.id}/cancel/`, { reason: 'Private-reason-77' })).status).toBe(200);
    const cancelled = await ts.mailbox.waitFor((m) => m.to === client.email && /cancellation/i.test(m.subject));
    const cancel = calendarOf(cancelled);
    expect(field(cancel, 'METHOD')).toBe('CANCEL');
    expect(field(cancel, 'STATUS')).toBe('CANCELLED');
    expect(field(cancel, 'UID')).toBe(uid);
    expect(Number(field(cancel, 'SEQUENCE'))).toBeGreaterThan(Number(field(update, 'SEQUENCE')));
  });
});

describe('mail names the practice and greets the account', () => {
  it('signs with the practice name, sends from it and never says "Your practice"', async () => {
    const request = await createRequest(ts, client, { first_name: 'Mia', last_name: 'Schulz' });
    const receipt = await ts.mailbox.waitFor(
      (m) => m.to === client.email && /received your appointment request/.test(m.subject) && !m.text.includes('Mia'),
    );
    expect(receipt.text).toContain('Hello Lena,');
    expect(receipt.text).toContain('Praxis Lindenhof');
    expect(receipt.text).not.toContain('Your practice');
    expect(receipt.raw.from?.value[0]).toEqual({ name: 'Praxis Lindenhof', address: 'hello@praxis.example' });
    // A booking typed for someone else never makes a mail greet the account by that other name.
    const scheduled = await schedule(ts, staff, request.id, '2026-03-09T09:00:00+01:00', 50);
    expect(scheduled.status).toBe(200);
    const confirmation = await ts.mailbox.waitFor(
      (m) => m.to === client.email && /is scheduled/.test(m.subject) && m.text.includes('9 March'),
    );
    expect(confirmation.text).toContain('Hello Lena,');
    expect(confirmation.text).not.toMatch(/Mia|Schulz/);
    expect(confirmation.text).toContain('Kind regards,\nPraxis Lindenhof');
  });
});

describe("the practice's notices", () => {
  it('tell the first staff account of a new request by first name only: no reason, no contact data', async () => {
    await createRequest(ts, client, { reason: 'Panic-attacks-secret', phone: '+49 30 5550101', email: 'lena.typed@example.org' });
    const notice = await ts.mailbox.waitFor((m) => m.to === 'ruth@praxis.example' && /New appointment request from Lena/.test(m.subject));
    const everything = `${notice.subject}\n${notice.text}\n${notice.html}`;
    for (const secret of ['Panic-attacks-secret', '5550101', 'lena.typed@example.org', 'lena.braun@example.org', 'Braun']) {
      expect(everything).not.toContain(secret);
    }
  });

  it("go to notify_email when set, and tell of a client's cancellation without its reason", async () => {
    await ts.server.core.settings.update({ notify_email: 'desk@praxis.example' });
    try {
      const request = await createRequest(ts, client);
      expect((await schedule(ts, staff, request.id, '2026-03-10T09:00:00+01:00', 50)).status).toBe(200);
      clock.set('2026-03-09T20:00:00Z');
      expect((await post(client, `${request.id}/cancel/`, { reason: 'Cancel-reason-secret' })).body.late_cancellation).toBe(true);
      const notice = await ts.mailbox.waitFor((m) => m.to === 'desk@praxis.example' && /Lena cancelled/.test(m.subject));
      expect(notice.text).toContain('late cancellation');
      expect(`${notice.subject}${notice.text}${notice.html}`).not.toMatch(/Cancel-reason-secret|Braun|lena\.braun/);
      const confirmation = await ts.mailbox.waitFor(
        (m) => m.to === client.email && /Your cancellation/.test(m.subject) && m.text.includes('10 March'),
      );
      expect(confirmation.text).toContain('counts as a late cancellation');
      expect(confirmation.text).not.toContain('Cancel-reason-secret');
    } finally {
      clock.set('2026-03-02T08:00:00Z');
      await ts.server.core.settings.update({ notify_email: null });
    }
  });

  it('are not sent when staff cancel: the client hears of it, with the calendar cancellation', async () => {
    const toPractice = () => ts.mailbox.mails.filter((m) => m.to === 'ruth@praxis.example').length;
    const before = toPractice();
    const request = await createRequest(ts, client);
    await expect.poll(toPractice).toBe(before + 1);
    expect((await schedule(ts, staff, request.id, '2026-03-11T09:00:00+01:00', 50)).status).toBe(200);
    expect((await post(staff, `${request.id}/cancel/`, { reason: 'Therapist ill' })).status).toBe(200);
    const mail = await ts.mailbox.waitFor((m) => m.to === client.email && /11 March.*is cancelled/.test(m.subject));
    expect(mail.text).toContain('Praxis Lindenhof has to cancel');
    expect(mail.text).not.toContain('Therapist ill');
    expect(toPractice()).toBe(before + 1);
  });
});
