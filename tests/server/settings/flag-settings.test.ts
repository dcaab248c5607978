// auto_confirm and feed_full_names are practice settings (lifecycle contract §2): read and changed on
// /api/admin/settings/, still on the availability and the calendar feed route, one stored value behind all of them,
// and a database of the earlier version keeps what it had chosen.
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-server/db/database.js';
import * as flagSettings from '../../../src-server/db/migrations/0010-flag-settings.js';
import { PracticeSettings } from '../../../src-server/settings/practice-settings.js';
import { TestClock } from '../../helpers/test-clock.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount, type TestAccount } from '../../helpers/users.js';
import { bearer, requestBody } from '../meetings/helpers.js';

const SETTINGS = '/api/admin/settings/';
const AVAILABILITY = '/api/meetings/admin/availability/';
const FEED_SETTINGS = '/api/admin/settings/calendar-feed/';
// Friday 20 March 2026, 11:00 in Berlin; Monday 23 March 09:00 Berlin is a free slot.
const clock = new TestClock('2026-03-20T10:00:00Z');
const MONDAY_NINE = '2026-03-23T08:00:00Z';

let ts: TestServer;
let staff: TestAccount;

beforeAll(async () => {
  ts = await startTestServer({ clock });
  staff = await createAccount(ts, { staff: true });
});
afterAll(() => ts.stop());
beforeEach(async () => {
  clock.set('2026-03-20T10:00:00Z');
  await patchSettings({ auto_confirm: null, feed_full_names: null });
  await ts.server.core.db.write((transaction) => ts.server.core.db.models.Appointment.destroy({ where: {}, transaction }));
});

async function patchSettings(body: Record<string, unknown>) {
  return ts.api
    .patch(SETTINGS)
    .set('Authorization', await bearer(ts, staff))
    .send(body);
}

async function getSettings() {
  return (await ts.api.get(SETTINGS).set('Authorization', await bearer(ts, staff))).body;
}

async function availability() {
  return (await ts.api.get(AVAILABILITY).set('Authorization', await bearer(ts, staff))).body;
}

async function bookMondayNine() {
  const client = await createAccount(ts);
  const res = await ts.api
    .post('/api/meetings/appointments/create/')
    .set('Authorization', await bearer(ts, client))
    .send({ ...requestBody(), preferred_dates: undefined, preferred_time_slots: undefined, requested_start: MONDAY_NINE });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function readFeed(url: string): Promise<string> {
  const { pathname, search } = new URL(url);
  const res = await ts.api
    .get(`${pathname}${search}`)
    .buffer(true)
    .parse((response, done) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      response.on('end', () => done(null, text));
    });
  return res.body as string;
}

describe('auto_confirm as a practice setting', () => {
  it('is off by default on the settings and on the availability', async () => {
    expect((await getSettings()).auto_confirm).toEqual({ value: 'false', source: 'default', editable: true });
    expect((await availability()).auto_confirm).toBe(false);
  });

  it('turned on in the settings, books a free slot at once and shows on the availability', async () => {
    const res = await patchSettings({ auto_confirm: true });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.auto_confirm).toEqual({ value: 'true', source: 'database', editable: true });
    expect((await availability()).auto_confirm).toBe(true);
    expect(await bookMondayNine()).toMatchObject({ status: 'scheduled', scheduled_datetime: MONDAY_NINE });
  });

  it('turned off on the availability, is off in the settings and a request waits for the therapist', async () => {
    await patchSettings({ auto_confirm: 'true' });
    const res = await ts.api
      .patch(AVAILABILITY)
      .set('Authorization', await bearer(ts, staff))
      .send({ auto_confirm: false });
    expect(res.status).toBe(200);
    expect(res.body.auto_confirm).toBe(false);
    expect((await getSettings()).auto_confirm.value).toBe('false');
    expect(await bookMondayNine()).toMatchObject({ status: 'pending_review', requested_start: MONDAY_NINE });
  });

  it('refuses a value that is not true or false', async () => {
    const res = await patchSettings({ auto_confirm: 'maybe' });
    expect(res.status).toBe(400);
    expect(res.body.auto_confirm).toEqual(['Must be true or false.']);
  });
});

describe('feed_full_names as a practice setting', () => {
  it('set in the settings, names clients in full in the feed and on the feed route', async () => {
    const client = await createAccount(ts);
    await client.user.update({ first_name: 'Alma', last_name: 'Lindqvist' });
    const request = await ts.api
      .post('/api/meetings/appointments/create/')
      .set('Authorization', await bearer(ts, client))
      .send({ ...requestBody(), preferred_dates: undefined, preferred_time_slots: undefined, requested_start: MONDAY_NINE });
    await ts.api
      .post(`/api/meetings/appointments/${String(request.body.id)}/schedule/`)
      .set('Authorization', await bearer(ts, staff))
      .send({});
    const made = await ts.api.post(FEED_SETTINGS).set('Authorization', await bearer(ts, staff));
    const url = made.body.calendar_feed_url as string;
    expect(await readFeed(url)).toContain('SUMMARY:Session – A.L.');

    expect((await patchSettings({ feed_full_names: true })).body.feed_full_names.value).toBe('true');
    expect(await readFeed(url)).toContain('SUMMARY:Session – Alma Lindqvist');
    expect((await ts.api.get(FEED_SETTINGS).set('Authorization', await bearer(ts, staff))).body).toEqual({
      calendar_feed_url: url,
      feed_full_names: true,
    });

    // The feed route's PATCH changes the same setting.
    const off = await ts.api
      .patch(FEED_SETTINGS)
      .set('Authorization', await bearer(ts, staff))
      .send({ feed_full_names: false });
    expect(off.body.feed_full_names).toBe(false);
    expect((await getSettings()).feed_full_names.value).toBe('false');
    expect(await readFeed(url)).toContain('SUMMARY:Session – A.L.');
  });
});

describe('fixed by the environment', () => {
  let fixed: TestServer;
  let admin: TestAccount;
  beforeAll(async () => {
    fixed = await startTestServer({ clock: new TestClock('2026-03-20T10:00:00Z'), env: { AUTO_CONFIRM: 'true' } });
    admin = await createAccount(fixed, { staff: true });
  });
  afterAll(() => fixed.stop());

  it('cannot be changed on the availability either, and nothing else of that change is stored', async () => {
    const settings = (await fixed.api.get(SETTINGS).set('Authorization', admin.bearer)).body;
    expect(settings.auto_confirm).toEqual({ value: 'true', source: 'environment', editable: false });
    const res = await fixed.api.patch(AVAILABILITY).set('Authorization', admin.bearer).send({ auto_confirm: false, session_minutes: 45 });
    expect(res.status).toBe(400);
    expect(res.body.auto_confirm).toEqual(['Set by the environment variable AUTO_CONFIRM; change it there.']);
    const after = (await fixed.api.get(AVAILABILITY).set('Authorization', admin.bearer)).body;
    expect(after).toMatchObject({ auto_confirm: true, session_minutes: 50 });
  });
});

describe('a database of the earlier version', () => {
  it('keeps auto_confirm and full names, now stored as settings, and the old columns are gone', async () => {
    const { sequelize } = ts.server.core.db;
    const queryInterface = sequelize.getQueryInterface();
    const colleague = await createAccount(ts, { staff: true });
    await ts.api.post(FEED_SETTINGS).set('Authorization', await bearer(ts, staff));
    await ts.api.post(FEED_SETTINGS).set('Authorization', colleague.bearer);
    await ts.api
      .put(AVAILABILITY)
      .set('Authorization', await bearer(ts, staff))
      .send({ available_days: [0, 1, 2, 3, 4] });
    // Back to the earlier schema, with both chosen there.
    await flagSettings.down(queryInterface, ts.server.core.cipher);
    await sequelize.query("DELETE FROM schema_migrations WHERE name = '0010-flag-settings'");
    await sequelize.query('UPDATE weekly_availability SET auto_confirm = :on', { replacements: { on: true } });
    await sequelize.query('UPDATE calendar_feeds SET full_names = :on', { replacements: { on: true } });

    const migrated = await openDatabase(ts.server.core.config.databaseUrl, ts.server.core.cipher);
    await migrated.close();

    const stored = new PracticeSettings(ts.server.core.db, {}, 0);
    expect(await stored.flag('auto_confirm')).toBe(true);
    expect(await stored.flag('feed_full_names')).toBe(true);
    expect(Object.keys(await queryInterface.describeTable('weekly_availability'))).not.toContain('auto_confirm');
    expect(Object.keys(await queryInterface.describeTable('calendar_feeds'))).not.toContain('full_names');
    // The feeds table keeps its rows and its cascade: a removed staff account takes its feed with it.
    const feeds = async () =>
      Number((await sequelize.query<{ n: number }>('SELECT COUNT(*) AS n FROM calendar_feeds', { type: QueryTypes.SELECT }))[0].n);
    expect(await feeds()).toBe(2);
    await sequelize.query('DELETE FROM users WHERE id = :id', { replacements: { id: colleague.user.id } });
    expect(await feeds()).toBe(1);
  });
});
