// The client's time zone: set on the profile (400 for an unknown zone), shown on their appointments, and used in the
// scheduled and moved mails beside the practice time when it differs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../helpers/test-clock.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';
import { bearer, createRequest, schedule } from './helpers.js';

let ts: TestServer;
let staff: TestAccount;
// Friday 20 March 2026: Berlin is UTC+1, New York already on daylight time (UTC−4).
const clock = new TestClock('2026-03-20T10:00:00Z');
const UPDATE = '/api/auth/profile/update/';

beforeAll(async () => {
  ts = await startTestServer({ clock });
  staff = await createAccount(ts, { staff: true });
});
afterAll(() => ts.stop());

async function setZone(account: TestAccount, zone: unknown) {
  return ts.api
    .patch(UPDATE)
    .set('Authorization', await bearer(ts, account))
    .send({ time_zone: zone });
}

describe("the client's time zone", () => {
  it('is null until set, accepts an IANA zone, refuses an unknown one and can be cleared', async () => {
    const client = await createAccount(ts);
    expect((await ts.api.get('/api/auth/profile/').set('Authorization', await bearer(ts, client))).body.user.time_zone).toBeNull();
    const set = await setZone(client, 'America/New_York');
    expect(set.status).toBe(200);
    expect(set.body.user.time_zone).toBe('America/New_York');
    for (const wrong of ['Mars/Olympus_Mons', 'EST5EDT; DROP TABLE', 42]) {
      const res = await setZone(client, wrong);
      expect(res.status).toBe(400);
      expect(res.body.time_zone).toBeDefined();
    }
    expect((await setZone(client, null)).body.user.time_zone).toBeNull();
  });

  it('shows on the appointment and puts the client’s local time beside the practice time in the scheduled and moved mails', async () => {
    const client = await createAccount(ts);
    await setZone(client, 'America/New_York');
    const request = await createRequest(ts, client);
    const scheduled = await schedule(ts, staff, request.id, '2026-03-23T10:00:00+01:00', 50);
    expect(scheduled.body.client_time_zone).toBe('America/New_York');
    const mail = await ts.mailbox.waitFor((m) => m.to.includes(client.email) && m.subject.includes('scheduled'));
    expect(mail.text).toContain('Monday, 23 March 2026 at 10:00 (Europe/Berlin, UTC+01:00) – 05:00 your time (America/New_York)');

    await ts.api
      .post(`/api/meetings/appointments/${String(request.id)}/reschedule/`)
      .set('Authorization', await bearer(ts, staff))
      .send({ scheduled_datetime: '2026-03-24T08:00:00+01:00' })
      .expect(200);
    const moved = await ts.mailbox.waitFor((m) => m.to.includes(client.email) && m.text.includes('24 March 2026'));
    // 08:00 in Berlin is 03:00 in New York, still the same day.
    expect(moved.text).toContain('Tuesday, 24 March 2026 at 08:00 (Europe/Berlin, UTC+01:00) – 03:00 your time (America/New_York)');
  });

  it('names the client’s own day when it differs, and adds nothing when the zones are the same', async () => {
    const far = await createAccount(ts);
    await setZone(far, 'Pacific/Auckland');
    const farRequest = await createRequest(ts, far);
    await schedule(ts, staff, farRequest.id, '2026-03-25T16:00:00+01:00', 50);
    const farMail = await ts.mailbox.waitFor((m) => m.to.includes(far.email) && m.subject.includes('scheduled'));
    expect(farMail.text).toContain('– Thursday, 26 March at 04:00 your time (Pacific/Auckland)');

    const local = await createAccount(ts);
    await setZone(local, 'Europe/Berlin');
    const localRequest = await createRequest(ts, local);
    await schedule(ts, staff, localRequest.id, '2026-03-26T10:00:00+01:00', 50);
    const localMail = await ts.mailbox.waitFor((m) => m.to.includes(local.email) && m.subject.includes('scheduled'));
    expect(localMail.text).toContain('Thursday, 26 March 2026 at 10:00 (Europe/Berlin, UTC+01:00)');
    expect(localMail.text).not.toContain('your time');
  });
});
