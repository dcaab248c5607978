// Measures the stats endpoint on 100,000 appointments against loading those rows: `npx tsx tests/server/meetings/measure-stats.ts`.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { APPOINTMENT_EMAIL_INDEX } from '../../../src-server/db/models/appointment.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { createAccount } from '../../helpers/users.js';

const APPOINTMENTS = Number(process.env.APPOINTMENTS ?? 100_000);
const OWNERS = 100;
const CHUNK = 2_000;
const DAY_MS = 24 * 60 * 60_000;

async function bulkInsert(ts: TestServer, ownerIds: string[]): Promise<void> {
  const { cipher, blindIndex, clock, db } = ts.server.core;
  const now = clock.now().getTime();
  const encrypt = (value: string, column: string) => cipher.encrypt(value, `appointments.${column}`);
  for (let start = 0; start < APPOINTMENTS; start += CHUNK) {
    const rows: Record<string, unknown>[] = [];
    for (let i = start; i < Math.min(start + CHUNK, APPOINTMENTS); i++) {
      const createdAt = new Date(now - (i % 140) * DAY_MS);
      const status = i % 3 === 0 ? 'scheduled' : i % 3 === 1 ? 'pending_review' : 'rejected';
      const scheduledAt = status === 'scheduled' ? new Date(createdAt.getTime() + 7 * DAY_MS) : null;
      const email = `client${i}@example.org`;
      rows.push({
        id: randomUUID(),
        user_id: ownerIds[i % OWNERS],
        first_name: encrypt(`First${i}`, 'first_name'),
        last_name: encrypt(`Last${i}`, 'last_name'),
        email: encrypt(email, 'email'),
        email_index: blindIndex.of(email, APPOINTMENT_EMAIL_INDEX),
        phone: encrypt('+49 30 1234567', 'phone'),
        reason: encrypt('A reason of ordinary length for a first consultation', 'reason'),
        preferred_dates: JSON.stringify(['2026-03-23']),
        preferred_time_slots: JSON.stringify(['morning']),
        status,
        scheduled_datetime: scheduledAt,
        scheduled_end: scheduledAt ? new Date(scheduledAt.getTime() + 60 * 60_000) : null,
        scheduled_duration: scheduledAt ? 60 : null,
        rejection_reason: null,
        jitsi_room_id: scheduledAt ? `session-${randomUUID().replace(/-/g, '')}` : null,
        jitsi_meet_url: null,
        decided_at: status === 'pending_review' ? null : new Date(createdAt.getTime() + DAY_MS),
        created_at: createdAt,
        updated_at: createdAt,
      });
    }
    await db.write((transaction) => db.sequelize.getQueryInterface().bulkInsert('appointments', rows, { transaction }));
  }
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

const ts = await startTestServer({ withoutSmtp: true });
try {
  const staff = await createAccount(ts, { staff: true });
  const owners = await Promise.all(Array.from({ length: OWNERS }, () => createAccount(ts)));
  let started = performance.now();
  await bulkInsert(
    ts,
    owners.map((owner) => owner.user.id),
  );
  const insertMs = performance.now() - started;
  const { Appointment } = ts.server.core.db.models;

  const practiceStats = await median(5, async () => {
    const res = await ts.api.get('/api/meetings/appointments/stats/').set('Authorization', staff.bearer);
    if (res.status !== 200 || res.body.total_requests !== APPOINTMENTS) throw new Error(`stats answered ${res.status}`);
  });
  const ownStats = await median(5, () => ts.api.get('/api/meetings/user/appointments/stats/').set('Authorization', owners[0].bearer));
  const loadStatusColumns = await median(3, () =>
    Appointment.findAll({ attributes: ['status', 'scheduled_end', 'created_at'], raw: true }),
  );
  started = performance.now();
  const loaded = await Appointment.findAll();
  const decrypted = loaded.map((row) => [row.first_name, row.last_name, row.email, row.phone, row.reason]).length;
  const loadAndDecrypt = performance.now() - started;

  const request = await Appointment.findOne({ where: { status: 'pending_review' } });
  started = performance.now();
  const scheduled = await ts.api
    .post(`/api/meetings/appointments/${request!.id}/schedule/`)
    .set('Authorization', staff.bearer)
    .send({ scheduled_datetime: new Date(ts.server.core.clock.now().getTime() + 400 * DAY_MS).toISOString() });
  const scheduleMs = performance.now() - started;
  if (scheduled.status !== 200) throw new Error(`schedule answered ${scheduled.status}`);

  const format = (ms: number) => `${ms.toFixed(0)} ms`;
  process.stdout.write(
    [
      `${APPOINTMENTS} appointments (bulk insert ${format(insertMs)})`,
      `GET appointments/stats/ (whole practice, with trend), median of 5: ${format(practiceStats)}`,
      `GET user/appointments/stats/ (one of ${OWNERS} owners), median of 5: ${format(ownStats)}`,
      `loading the rows instead: 3 columns raw, median of 3: ${format(loadStatusColumns)}; whole models with decryption (${decrypted} rows): ${format(loadAndDecrypt)}`,
      `POST appointments/<id>/schedule/ (overlap check among ${Math.ceil(APPOINTMENTS / 3)} sessions, write, mail): ${format(scheduleMs)}`,
      '',
    ].join('\n'),
  );
} finally {
  await ts.stop();
}
