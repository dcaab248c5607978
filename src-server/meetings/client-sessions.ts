// What other features may ask of meetings about a client's sessions: counts, the sessions as presented, one session's facts.
import { Op, type Transaction } from 'sequelize';
import type { ServerCore } from '../core.js';
import type { AppointmentStatus, Attendance } from '../db/models/appointment.js';
import { presentAppointment } from './presenter.js';

export interface ClientSessionSummary {
  upcomingSessions: number;
  pastSessions: number;
  noShows: number;
  lateCancellations: number;
  lastSession: Date | null;
  nextSession: Date | null;
}

/** The facts of one session that notes and billing rely on; no personal fields. */
export interface SessionFacts {
  id: string;
  clientId: string;
  status: AppointmentStatus;
  start: Date | null;
  durationMinutes: number | null;
  attendance: Attendance | null;
  lateCancellation: boolean;
}

const EMPTY: ClientSessionSummary = {
  upcomingSessions: 0,
  pastSessions: 0,
  noShows: 0,
  lateCancellations: 0,
  lastSession: null,
  nextSession: null,
};

/** Counts per client; reads only the narrow, unencrypted columns of the given clients' appointments. */
export async function clientSessionSummaries(core: ServerCore, clientIds: string[], now: Date): Promise<Map<string, ClientSessionSummary>> {
  const summaries = new Map(clientIds.map((id) => [id, { ...EMPTY }]));
  if (clientIds.length === 0) return summaries;
  const rows = await core.db.models.Appointment.findAll({
    attributes: ['user_id', 'status', 'scheduled_datetime', 'attendance', 'late_cancellation'],
    where: { user_id: { [Op.in]: clientIds }, status: { [Op.in]: ['scheduled', 'cancelled'] } },
  });
  for (const row of rows) {
    const summary = summaries.get(row.user_id)!;
    if (row.status === 'cancelled') {
      if (row.late_cancellation) summary.lateCancellations += 1;
      continue;
    }
    const start = row.scheduled_datetime;
    if (!start) continue;
    if (start > now) {
      summary.upcomingSessions += 1;
      if (!summary.nextSession || start < summary.nextSession) summary.nextSession = start;
    } else {
      summary.pastSessions += 1;
      if (row.attendance === 'no_show') summary.noShows += 1;
      if (!summary.lastSession || start > summary.lastSession) summary.lastSession = start;
    }
  }
  return summaries;
}

/** Every request and session of a client, newest first, in the appointment object's shape. */
export async function clientSessions(core: ServerCore, clientId: string) {
  const rows = await core.db.models.Appointment.findAll({
    where: { user_id: clientId },
    order: [
      ['created_at', 'DESC'],
      ['id', 'DESC'],
    ],
  });
  const now = core.clock.now();
  return rows.map((row) => presentAppointment(row, now));
}

export async function sessionFacts(core: ServerCore, id: string, transaction?: Transaction): Promise<SessionFacts | null> {
  const row = await core.db.models.Appointment.findByPk(id, {
    attributes: ['id', 'user_id', 'status', 'scheduled_datetime', 'scheduled_duration', 'attendance', 'late_cancellation'],
    transaction,
  });
  if (!row) return null;
  return {
    id: row.id,
    clientId: row.user_id,
    status: row.status,
    start: row.scheduled_datetime,
    durationMinutes: row.scheduled_duration,
    attendance: row.attendance,
    lateCancellation: row.late_cancellation,
  };
}

/** The ids of every appointment of a client (their notes and invoices hang on them). */
export async function clientSessionIds(core: ServerCore, clientId: string, transaction?: Transaction): Promise<string[]> {
  const rows = await core.db.models.Appointment.findAll({ attributes: ['id'], where: { user_id: clientId }, transaction });
  return rows.map((row) => row.id);
}
