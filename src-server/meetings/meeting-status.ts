// The seed's meeting lifecycle: when a scheduled session may be joined, and when it counts as completed.
import type { AppointmentAttributes } from '../db/models/appointment.js';

export type MeetingStatus = 'pending' | 'rejected' | 'cancelled' | 'scheduled' | 'active' | 'completed';

const MINUTE_MS = 60_000;
/** The room opens this long before the start… */
export const JOIN_OPENS_BEFORE_START_MS = 10 * MINUTE_MS;
/** …and stays open this long after the end. */
export const JOIN_CLOSES_AFTER_END_MS = 15 * MINUTE_MS;

type Timing = Pick<AppointmentAttributes, 'status' | 'scheduled_datetime' | 'scheduled_end'>;

/** Active from 10 minutes before the start through 15 minutes after the end, both edges included. */
export function meetingStatus(appointment: Timing, now: Date): MeetingStatus {
  if (appointment.status === 'pending_review') return 'pending';
  if (appointment.status === 'rejected') return 'rejected';
  if (appointment.status === 'cancelled') return 'cancelled';
  // A scheduled appointment always has its start and end (the service sets them together).
  if (now.getTime() < appointment.scheduled_datetime!.getTime() - JOIN_OPENS_BEFORE_START_MS) return 'scheduled';
  if (now.getTime() <= appointment.scheduled_end!.getTime() + JOIN_CLOSES_AFTER_END_MS) return 'active';
  return 'completed';
}

/** A scheduled session whose end lies before this instant is completed (the SQL twin of `meetingStatus`). */
export function completedIfEndedBefore(now: Date): Date {
  return new Date(now.getTime() - JOIN_CLOSES_AFTER_END_MS);
}
