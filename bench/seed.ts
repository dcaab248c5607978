// Fills the database with a practice's history for the stats benchmark: encrypted appointments over the last year.
import { randomBytes } from 'node:crypto';
import type { ServerCore } from '../src-server/core.js';
import { APPOINTMENT_EMAIL_INDEX, type AppointmentStatus } from '../src-server/db/models/appointment.js';

const BATCH = 2_000;
const DAY_MS = 86_400_000;

/** Inserts `count` appointments of `userId`, a third each pending, scheduled (past and future) and rejected. */
export async function seedAppointments(core: ServerCore, userId: string, count: number): Promise<void> {
  const now = core.clock.now().getTime();
  const email = 'history@bench.example';
  const emailIndex = core.blindIndex.of(email, APPOINTMENT_EMAIL_INDEX);
  for (let first = 0; first < count; first += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, count - first) }, (_, offset) => {
      const n = first + offset;
      const status: AppointmentStatus = (['pending_review', 'scheduled', 'rejected'] as const)[n % 3];
      const created = new Date(now - (n % 365) * DAY_MS);
      const start = new Date(created.getTime() + ((n % 60) - 20) * DAY_MS);
      const scheduled = status === 'scheduled';
      const room = randomBytes(16).toString('hex');
      return {
        user_id: userId,
        first_name: `Client ${n}`,
        last_name: 'History',
        email,
        email_index: emailIndex,
        phone: '+49 30 1234567',
        reason: 'A request from the practice history',
        preferred_dates: [created.toISOString().slice(0, 10)],
        preferred_time_slots: ['morning' as const],
        status,
        scheduled_datetime: scheduled ? start : null,
        scheduled_end: scheduled ? new Date(start.getTime() + 3_600_000) : null,
        scheduled_duration: scheduled ? 60 : null,
        rejection_reason: status === 'rejected' ? 'Fully booked' : null,
        jitsi_room_id: scheduled ? room : null,
        jitsi_meet_url: scheduled ? `https://meet.jit.si/${room}` : null,
        decided_at: status === 'pending_review' ? null : created,
        created_at: created,
        updated_at: created,
      };
    });
    await core.db.write((transaction) => core.db.models.Appointment.bulkCreate(rows, { transaction }));
  }
}
