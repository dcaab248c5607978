import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';

let ts: TestServer;
let staff: TestAccount;

beforeAll(async () => {
  ts = await startTestServer({ withoutSmtp: true });
  staff = await createAccount(ts, { staff: true });
});
afterAll(() => ts.stop());

describe('the practice settings of the session lifecycle', () => {
  it('start with a 24-hour notice, one reminder a day before, no names and no notification address', async () => {
    const res = await ts.api.get('/api/admin/settings/').set('Authorization', staff.bearer);
    expect(res.status).toBe(200);
    expect(res.body.cancellation_notice_hours).toEqual({ value: '24', source: 'default', editable: true });
    expect(res.body.reminder_hours_before).toEqual({ value: '[24]', source: 'default', editable: true });
    expect(res.body.notify_email.value).toBeNull();
    expect(res.body.practice_name.value).toBeNull();
    expect(res.body.therapist_name.value).toBeNull();
  });

  it('take numbers and lists as JSON and store the reminder list one way', async () => {
    const res = await ts.api
      .patch('/api/admin/settings/')
      .set('Authorization', staff.bearer)
      .send({
        cancellation_notice_hours: 48,
        reminder_hours_before: [1, 24],
        practice_name: 'Praxis Lindenhof',
        therapist_name: 'Dr. Ruth Weber',
        notify_email: 'desk@lindenhof.example',
      });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.cancellation_notice_hours.value).toBe('48');
    expect(res.body.reminder_hours_before.value).toBe('[24,1]');
    expect(res.body.practice_name.value).toBe('Praxis Lindenhof');
    expect(await ts.server.core.settings.reminderHoursBefore()).toEqual([24, 1]);
    expect(await ts.server.core.settings.cancellationNoticeHours()).toBe(48);
  });

  it('turn reminders off with an empty list', async () => {
    const res = await ts.api.patch('/api/admin/settings/').set('Authorization', staff.bearer).send({ reminder_hours_before: [] });
    expect(res.status).toBe(200);
    expect(await ts.server.core.settings.reminderHoursBefore()).toEqual([]);
  });

  it.each([
    ['cancellation_notice_hours', 169],
    ['cancellation_notice_hours', -1],
    ['cancellation_notice_hours', 'soon'],
    ['reminder_hours_before', [0]],
    ['reminder_hours_before', [200]],
    ['reminder_hours_before', [24, 24]],
    ['reminder_hours_before', 'daily'],
    ['notify_email', 'not an address'],
    ['practice_name', 'x'.repeat(201)],
  ])('refuse %s = %j with a 400 naming the field', async (key, value) => {
    const res = await ts.api
      .patch('/api/admin/settings/')
      .set('Authorization', staff.bearer)
      .send({ [key]: value });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body)).toEqual([key]);
  });

  it('show the practice name, therapist, zone and notice to anyone, for the header and the cancellation policy', async () => {
    const res = await ts.api.get('/api/meetings/practice/');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      practice_name: 'Praxis Lindenhof',
      therapist_name: 'Dr. Ruth Weber',
      practice_timezone: expect.any(String),
      cancellation_notice_hours: 48,
    });
  });
});
