// Reminders: delayed outbox rows planned when a session is scheduled, withdrawn or re-planned when it changes, never
// sent early or twice (also across a restart and with two servers on one database), dropped once the session began.
import fs from 'node:fs';
import supertest from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src-server/logger.js';
import { startPracticeServer, type PracticeServer } from '../../../src-server/server.js';
import { Mailbox } from '../../helpers/mailbox.js';
import { TestClock } from '../../helpers/test-clock.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.js';
import { tempDataDir, testServerConfig, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';
import { bearer, createRequest, schedule } from './helpers.js';

const HOUR = 3_600_000;
// Monday 2 March 2026, 09:00 in Berlin.
const START = '2026-03-02T08:00:00Z';

let database: TestDatabase;
let dataDir: string;
let mailbox: Mailbox;
const clock = new TestClock(START);
const running: PracticeServer[] = [];
let ts: TestServer;
let staff: TestAccount;
let client: TestAccount;

/** A server on the shared database and data directory (a restart is a new one on the same data). */
async function startServer(): Promise<TestServer> {
  const config = testServerConfig(database, dataDir, { SMTP_URL: mailbox.url, MAX_PENDING_REQUESTS: '1000' });
  const server = await startPracticeServer({
    config,
    clock,
    logger: createLogger('silent'),
    delivery: { pollMs: 50, baseBackoffMs: 200, maxBackoffMs: 1_000 },
    shutdownGraceMs: 2_000,
  });
  running.push(server);
  return { server, api: supertest.agent(server.http), clock, mailbox, dataDir, stop: () => server.stop() };
}

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = tempDataDir();
  mailbox = await new Mailbox().start();
  ts = await startServer();
  staff = await createAccount(ts, { staff: true });
  client = await createAccount(ts);
  await ts.server.core.settings.update({ reminder_hours_before: '[24, 1]' });
});
afterAll(async () => {
  await Promise.all(running.map((server) => server.stop()));
  await mailbox.stop();
  await database.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});
// Each test starts a month after the last one, so sessions of different tests never overlap.
let month = 0;
afterEach(() => clock.set(new Date(Date.parse(START) + ++month * 30 * 24 * HOUR)));

/** A session of `client` starting `hoursAhead` (whole hours) from now. */
async function session(hoursAhead: number, on: TestServer = ts): Promise<{ id: string; start: Date; jitsi: string }> {
  const request = await createRequest(on, client);
  const start = new Date(clock.now().getTime() + hoursAhead * HOUR);
  const res = await schedule(on, staff, request.id, start.toISOString(), 50);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { id: String(request.id), start, jitsi: String(res.body.jitsi_meet_url) };
}

async function queuedReminders(id: string, on: TestServer = ts) {
  const rows = await on.server.core.db.models.OutboxMail.findAll({
    where: { reference: `reminder:${id}` },
    order: [['not_before', 'ASC']],
  });
  return rows;
}

const reminderMails = (start: Date) => {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', day: 'numeric', month: 'long' }).format(start);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(start);
  return mailbox.mails.filter(
    (mail) => mail.to === client.email && mail.subject.startsWith('Reminder') && mail.subject.includes(day) && mail.subject.includes(time),
  );
};

/** Waits until everything due now has been through a delivery pass: a fresh receipt mail arrives after it. */
async function deliveryPassDone(on: TestServer = ts): Promise<void> {
  const receipts = () =>
    mailbox.mails.filter((mail) => mail.to === client.email && /received your appointment request/.test(mail.subject)).length;
  const before = receipts();
  await createRequest(on, client);
  await expect.poll(receipts, { timeout: 10_000 }).toBeGreaterThan(before);
}

describe('reminders', () => {
  it('are queued one per configured hour, with their not_before shown in the outbox', async () => {
    const { id, start } = await session(72);
    const rows = await queuedReminders(id);
    expect(rows.map((row) => row.not_before!.toISOString())).toEqual([
      new Date(start.getTime() - 24 * HOUR).toISOString(),
      new Date(start.getTime() - HOUR).toISOString(),
    ]);
    const outbox = await ts.api.get('/api/admin/outbox/?status=queued&page_size=100').set('Authorization', await bearer(ts, staff));
    const shown = outbox.body.results.filter((mail: { id: string }) => rows.some((row) => row.id === mail.id));
    expect(shown.map((mail: { not_before: string }) => mail.not_before).sort()).toEqual(
      rows.map((row) => row.not_before!.toISOString().replace('.000Z', 'Z')).sort(),
    );
  });

  it('leave out a reminder whose time had already passed when the session was scheduled', async () => {
    const { id, start } = await session(5);
    const rows = await queuedReminders(id);
    expect(rows.map((row) => row.not_before!.getTime())).toEqual([start.getTime() - HOUR]);
  });

  it('are not queued when reminder_hours_before is []', async () => {
    try {
      await ts.server.core.settings.update({ reminder_hours_before: '[]' });
      const { id } = await session(72);
      expect(await queuedReminders(id)).toHaveLength(0);
    } finally {
      await ts.server.core.settings.update({ reminder_hours_before: '[24, 1]' });
    }
  });

  it('go out at their time, never a moment before, exactly once, with the time, the link and how to cancel', async () => {
    const { id, start, jitsi } = await session(30);
    const dayBefore = new Date(start.getTime() - 24 * HOUR);
    clock.set(new Date(dayBefore.getTime() - 1000));
    await deliveryPassDone();
    expect(reminderMails(start)).toHaveLength(0);
    clock.set(dayBefore);
    await expect.poll(() => reminderMails(start).length, { timeout: 10_000 }).toBe(1);
    await deliveryPassDone();
    await deliveryPassDone();
    expect(reminderMails(start)).toHaveLength(1);
    const [mail] = reminderMails(start);
    expect(mail.text).toMatch(/ at \d\d:\d\d \(Europe\/Berlin, UTC\+0[12]:00\)/);
    expect(mail.text).toContain(jitsi);
    expect(mail.text).toMatch(/cancel under "My appointments"/);
    expect(mail.text).not.toContain('Trouble sleeping');
    expect((await queuedReminders(id)).map((row) => row.status)).toEqual(['sent', 'queued']);
  });

  it('are withdrawn when the session is cancelled', async () => {
    const { id } = await session(72);
    expect(await queuedReminders(id)).toHaveLength(2);
    const res = await ts.api
      .post(`/api/meetings/appointments/${id}/cancel/`)
      .set('Authorization', await bearer(ts, client))
      .send({});
    expect(res.status).toBe(200);
    expect(await queuedReminders(id)).toHaveLength(0);
  });

  it('are planned anew for the new time when the session moves', async () => {
    const { id, start } = await session(72);
    const moved = new Date(start.getTime() + 48 * HOUR);
    const res = await ts.api
      .post(`/api/meetings/appointments/${id}/reschedule/`)
      .set('Authorization', await bearer(ts, staff))
      .send({ scheduled_datetime: moved.toISOString() });
    expect(res.status).toBe(200);
    expect((await queuedReminders(id)).map((row) => row.not_before!.getTime())).toEqual([
      moved.getTime() - 24 * HOUR,
      moved.getTime() - HOUR,
    ]);
  });

  it('due while the server was off are sent after the restart if the session has not started, and dropped if it has', async () => {
    const ahead = await session(27);
    const past = await session(3);
    await ts.stop();
    // Off for 3 h 10 min: the first session's day-before reminder came due; the second session started meanwhile.
    clock.set(new Date(past.start.getTime() + 10 * 60_000));
    ts = await startServer();
    await expect.poll(() => reminderMails(ahead.start).length, { timeout: 10_000 }).toBe(1);
    await deliveryPassDone();
    expect(reminderMails(past.start)).toHaveLength(0);
    expect((await queuedReminders(past.id)).map((row) => row.status)).toEqual(['expired']);
    // Sent before the restart stays sent: a second restart sends nothing again.
    await ts.stop();
    ts = await startServer();
    await deliveryPassDone();
    expect(reminderMails(ahead.start)).toHaveLength(1);
  });

  it('go out once with two servers on one database, each racing to deliver', async () => {
    const second = await startServer();
    const sessions = [];
    for (let i = 0; i < 6; i++) sessions.push(await session(30 + i, i % 2 ? second : ts));
    clock.set(new Date(Math.max(...sessions.map((s) => s.start.getTime())) - 24 * HOUR + 1000));
    for (const { start } of sessions) await expect.poll(() => reminderMails(start).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    await deliveryPassDone(second);
    await deliveryPassDone(ts);
    expect(sessions.map(({ start }) => reminderMails(start).length)).toEqual(sessions.map(() => 1));
    await second.stop();
  });
});
