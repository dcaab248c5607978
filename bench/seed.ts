// Fills the database with a practice's history for the stats benchmark: encrypted appointments over the last year.
// Rows are stored exactly as the app stores them (AES-GCM values from the app's field cipher, the email's blind index,
// JSON lists, dates escaped by Sequelize for the dialect), but written with raw multi-row INSERTs in large write
// transactions instead of model instances, and with the table's secondary indexes built once after the rows
// (from their own stored definitions) instead of row by row. Rates before and after: README, Benchmarks.
import { randomBytes, randomUUID } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import type { ServerCore } from '../src-server/core.js';
import { APPOINTMENT_EMAIL_INDEX, type AppointmentStatus } from '../src-server/db/models/appointment.js';

/** Rows per INSERT and per write transaction (about 6 MB of SQL). */
const BATCH = 5_000;
const DAY_MS = 86_400_000;
/**
 * Encrypting costs about 6 µs a value here, and a row has six or seven: some 40 s of CPU for a million rows. So the
 * personal fields that repeat (names, email, phone, reason, rejection) take their value from a pool of this many
 * ciphertexts, each a real encryption under its column's context that the model decrypts as it would any row's; the
 * Jitsi room id and link are encrypted per row, as the room id is unique.
 */
const POOL = 1_000;

type Row = Record<string, string | number | boolean | Date | null>;

/** POOL ciphertexts of `plain(k)` for the appointments column `column`. */
function pool(core: ServerCore, column: string, plain: (k: number) => string): string[] {
  return Array.from({ length: POOL }, (_, k) => core.cipher.encrypt(plain(k), `appointments.${column}`));
}

/** Inserts `count` appointments of `userId`, a third each pending, scheduled (past and future) and rejected. */
export async function seedAppointments(core: ServerCore, userId: string, count: number): Promise<void> {
  const now = core.clock.now().getTime();
  const emailIndex = core.blindIndex.of('history@bench.example', APPOINTMENT_EMAIL_INDEX);
  const firstNames = pool(core, 'first_name', (k) => `Client ${k}`);
  const lastNames = pool(core, 'last_name', () => 'History');
  const emails = pool(core, 'email', () => 'history@bench.example');
  const phones = pool(core, 'phone', () => '+49 30 1234567');
  const reasons = pool(core, 'reason', () => 'A request from the practice history');
  const rejections = pool(core, 'rejection_reason', () => 'Fully booked');
  const queryInterface = core.db.sequelize.getQueryInterface();
  const indexes = await dropSecondaryIndexes(core);
  try {
    for (let first = 0; first < count; first += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, count - first) }, (_, offset): Row => {
        const n = first + offset;
        const status: AppointmentStatus = (['pending_review', 'scheduled', 'rejected'] as const)[n % 3];
        const created = new Date(now - (n % 365) * DAY_MS);
        const start = new Date(created.getTime() + ((n % 60) - 20) * DAY_MS);
        const scheduled = status === 'scheduled';
        const room = scheduled ? randomBytes(16).toString('hex') : null;
        return {
          id: randomUUID(),
          user_id: userId,
          first_name: firstNames[n % POOL],
          last_name: lastNames[n % POOL],
          email: emails[n % POOL],
          email_index: emailIndex,
          phone: phones[n % POOL],
          reason: reasons[n % POOL],
          preferred_dates: JSON.stringify([created.toISOString().slice(0, 10)]),
          preferred_time_slots: JSON.stringify(['morning']),
          status,
          scheduled_datetime: scheduled ? start : null,
          scheduled_end: scheduled ? new Date(start.getTime() + 3_600_000) : null,
          scheduled_duration: scheduled ? 60 : null,
          rejection_reason: status === 'rejected' ? rejections[n % POOL] : null,
          jitsi_room_id: room && core.cipher.encrypt(room, 'appointments.jitsi_room_id'),
          jitsi_meet_url: room && core.cipher.encrypt(`https://meet.jit.si/${room}`, 'appointments.jitsi_meet_url'),
          decided_at: status === 'pending_review' ? null : created,
          late_cancellation: false,
          ics_sequence: 0,
          created_at: created,
          updated_at: created,
        };
      });
      await core.db.write((transaction) => queryInterface.bulkInsert('appointments', rows, { transaction }));
    }
  } finally {
    await core.db.write(async (transaction) => {
      for (const definition of indexes) await core.db.sequelize.query(definition, { transaction });
    });
  }
  // A live PostgreSQL table is kept vacuumed by autovacuum; a freshly loaded one has no visibility map yet, so every
  // index-only count would still visit the table (stats over a million rows: 530 ms before VACUUM, 120 ms after).
  if (core.db.dialect === 'postgres') await core.db.sequelize.query('VACUUM ANALYZE appointments');
}

/**
 * Drops the appointments table's indexes other than its key and unique constraints, and returns the statements that
 * create them again as the migrations made them: building the dozen indexes once after the rows made seeding twice
 * as fast as updating them on every insert (300,000 rows on SQLite; the server is idle while the bench seeds).
 */
async function dropSecondaryIndexes(core: ServerCore): Promise<string[]> {
  const { sequelize } = core.db;
  const indexes = await sequelize.query<{ name: string; definition: string }>(
    core.db.dialect === 'sqlite'
      ? // Indexes SQLite made itself for PRIMARY KEY and UNIQUE have no SQL and cannot be dropped.
        "SELECT name, sql AS definition FROM sqlite_master WHERE type = 'index' AND tbl_name = 'appointments' AND sql IS NOT NULL"
      : `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
          WHERE schemaname = current_schema() AND tablename = 'appointments'
            AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conindid = format('%I.%I', schemaname, indexname)::regclass)`,
    { type: QueryTypes.SELECT },
  );
  await core.db.write(async (transaction) => {
    for (const { name } of indexes) await sequelize.query(`DROP INDEX "${name}"`, { transaction });
  });
  return indexes.map(({ definition }) => definition);
}
