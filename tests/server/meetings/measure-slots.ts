// Measures GET appointments/available-slots/ with a year of sessions (8 a weekday, half a year back and ahead):
// `npx tsx tests/server/meetings/measure-slots.ts` (DATABASE_URL=postgres://… for PostgreSQL, where nothing is cached).
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { APPOINTMENT_EMAIL_INDEX } from '../../../src-server/db/models/appointment.js';
import { TestClock } from '../../helpers/test-clock.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount } from '../../helpers/users.js';

const ZONE = 'Europe/Berlin';
const NOW = '2026-03-20T10:00:00Z';

async function seedYear(ts: TestServer, ownerId: string): Promise<number> {
  const { cipher, blindIndex, db } = ts.server.core;
  const encrypt = (value: string, column: string) => cipher.encrypt(value, `appointments.${column}`);
  const rows: Record<string, unknown>[] = [];
  const first = DateTime.fromISO('2025-09-20', { zone: ZONE });
  for (let day = first; day < first.plus({ days: 365 }); day = day.plus({ days: 1 })) {
    if (day.weekday > 5) continue;
    for (const hour of [9, 10, 11, 12, 13, 14, 15, 16]) {
      // Every other slot booked, so half the slots stay free and the clash checks do real work.
      if ((hour + day.day) % 2 === 0) continue;
      const start = day.set({ hour }).toJSDate();
      const email = `client${rows.length}@example.org`;
      rows.push({
        id: randomUUID(),
        user_id: ownerId,
        first_name: encrypt('First', 'first_name'),
        last_name: encrypt('Last', 'last_name'),
        email: encrypt(email, 'email'),
        email_index: blindIndex.of(email, APPOINTMENT_EMAIL_INDEX),
        preferred_dates: JSON.stringify([day.toISODate()]),
        preferred_time_slots: JSON.stringify(['morning']),
        status: 'scheduled',
        scheduled_datetime: start,
        scheduled_end: new Date(start.getTime() + 50 * 60_000),
        scheduled_duration: 50,
        jitsi_room_id: `session-${randomUUID().replace(/-/g, '')}`,
        created_at: start,
        updated_at: start,
        late_cancellation: false,
        ics_sequence: 0,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    await db.write((transaction) => db.sequelize.getQueryInterface().bulkInsert('appointments', chunk, { transaction }));
  }
  return rows.length;
}

async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const ts = await startTestServer({ clock: new TestClock(NOW), withoutSmtp: true });
try {
  const owner = await createAccount(ts);
  const sessions = await seedYear(ts, owner.user.id);
  const month = { from: '2026-03-21', to: '2026-04-20' };
  const get = async () => {
    const res = await ts.api.get('/api/meetings/appointments/available-slots/').query(month);
    if (res.status !== 200) throw new Error(`status ${res.status}`);
    return res.body as unknown[];
  };
  const slots = (await get()).length;
  const { db } = ts.server.core;
  // A write to a watched table raises the data version: the next call computes afresh.
  const touch = () => db.write((transaction) => db.models.BlockedDate.destroy({ where: { day: '1999-01-01' }, transaction }));
  const coldOnly: number[] = [];
  for (let i = 0; i < 21; i++) {
    await touch();
    const started = performance.now();
    await get();
    coldOnly.push(performance.now() - started);
  }
  const warm = await median(101, get);
  console.log(
    JSON.stringify({
      dialect: db.dialect,
      sessions,
      range_days: 31,
      free_slots: slots,
      ms_per_call_after_a_write: Math.round(coldOnly.sort((a, b) => a - b)[10] * 10) / 10,
      ms_per_call_cached: Math.round(warm * 10) / 10,
    }),
  );
} finally {
  await ts.stop();
}
